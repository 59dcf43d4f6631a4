/**
 * From a run as the controls describe it to the config the engine runs: how often it
 * records its path (so the longest run stays within MAX_POINTS) and when it measures (a
 * log-and-even schedule of at most METRIC_POINTS measurements), and whether the view is
 * framed on the runs' paths.
 */
import type { RunConfig } from '../engine/config';
import { logEvenSchedule } from '../engine/metricSchedule';
import { PRESETS } from '../engine/presets';
import type { RunSpec } from './configStore';

/**
 * Recorded points per run are capped (longer runs record every k-th step). The scene draws
 * at most about a screen's resolution of any history (level of detail: src/scene/coverage.ts),
 * so the cap bounds memory (16 bytes a point) and export size, not drawing: 10⁵ points, the
 * history length `bench:browser` proves smooth in software rendering.
 */
export const MAX_POINTS = 100000;
/**
 * A network's recorded points are whole state vectors (~1 500 numbers), kept in the worker
 * to re-project the path onto each new slice: 1 000 of them are 6 MB a run.
 */
export const NET_MAX_POINTS = 1000;
export const METRIC_POINTS = 200;
/**
 * Log-spaced measurements per decade of steps: 20 puts one every ~12% in step, so on the
 * log-step axis the first hundreds of steps (where a small batch visits and leaves a sharp
 * basin) are drawn as finely as the end of the run.
 */
export const METRIC_PER_DECADE = 20;

/** Steps a config will take (constant batch), for buffer sizing and record thinning. */
export function plannedSteps(c: RunConfig): number {
  if (c.budget.unit === 'steps') return Math.ceil(c.budget.amount);
  const epochs = c.regimeAdaptation ? (c.budget.amount * c.batch) / c.refBatch : c.budget.amount;
  return Math.ceil(epochs * Math.floor(c.landscape.n / Math.min(c.batch, c.landscape.n)));
}

/** The config actually sent to the engine: the spec's config with display-driven thinning. */
export function engineConfig(spec: RunSpec): RunConfig {
  const c = structuredClone(spec.config);
  const steps = plannedSteps(c);
  c.recordEvery = Math.max(
    1,
    Math.ceil(steps / (c.preset === 'mlp' ? NET_MAX_POINTS : MAX_POINTS)),
  );
  // At most METRIC_POINTS full measurements per run (fewer where the preset says measuring
  // is costly), whatever its length, so a 200-step large-batch run draws as smooth a curve
  // as a 25 600-step small-batch one: log-spaced ones for the log-step axis, evenly spaced
  // ones with the rest for the linear one.
  const points = PRESETS[c.preset].explorerMetricPoints ?? METRIC_POINTS;
  const schedule = logEvenSchedule(steps, points, METRIC_PER_DECADE);
  c.metricsEvery = schedule.every;
  c.metricsPerDecade = schedule.perDecade;
  return c;
}

/**
 * Whether the view is framed on the runs' paths (worked out ahead in the worker): N-D
 * landscapes (their slice follows the paths) and presets whose runs travel unpredictably
 * far (random-potential).
 */
export function framedByRuns(c: RunConfig): boolean {
  return PRESETS[c.preset].fitViewToRuns === true || c.landscape.dim !== 2;
}
