import { describe, expect, it } from 'vitest';
import { engineConfig, framedByRuns, METRIC_POINTS, plannedSteps } from './engineConfig';
import { initialConfigState, runSpecs } from './configStore';
import { PRESET_IDS } from '../engine/config';
import { metricSteps } from '../engine/metricSchedule';
import { createRun } from '../engine/run';
import { PRESETS } from '../engine/presets';

describe('engineConfig', () => {
  it('asks every preset and batch for at most METRIC_POINTS measurements, log-spaced early on', () => {
    for (const preset of PRESET_IDS) {
      const state = initialConfigState(preset);
      for (const batch of [1, 8, 64, state.base.landscape.n]) {
        const spec = runSpecs({ ...state, compare: { field: 'batch', values: [batch] } })[0]!;
        const c = engineConfig(spec);
        const steps = metricSteps(c.metricsEvery, c.metricsPerDecade ?? 0, plannedSteps(c));
        expect(steps.length, `${preset} B = ${batch}`).toBeLessThanOrEqual(METRIC_POINTS);
        // Resolved from step 1 on a log axis: the first decade is measured at every step.
        expect(steps.slice(0, 4), `${preset} B = ${batch}`).toEqual(
          [0, 1, 2, 3].filter((s) => s <= plannedSteps(c)),
        );
      }
    }
  });

  it('is a config the engine runs as planned: the measured steps are the schedule', () => {
    // The explorer's full-batch run (200 steps).
    const c = engineConfig(runSpecs(initialConfigState())[1]!);
    const { metrics } = createRun(c).runToEnd(4096);
    expect(metrics.map((m) => m.step)).toEqual(
      metricSteps(c.metricsEvery, c.metricsPerDecade ?? 0, plannedSteps(c)),
    );
  });
  it('asks the worker to frame only presets whose runs wander (and N-D ones)', () => {
    expect(framedByRuns(initialConfigState('sharp-flat').base)).toBe(false);
    expect(framedByRuns(initialConfigState('saddle').base)).toBe(false);
    expect(framedByRuns(initialConfigState('random-potential').base)).toBe(true);
    expect(framedByRuns(initialConfigState('quadratic-nd').base)).toBe(true);
  });

  it('measures less often where the preset says measuring is costly', () => {
    const rp = runSpecs(initialConfigState('random-potential'))[0]!;
    const sf = runSpecs(initialConfigState('sharp-flat'))[0]!;
    const points = (spec: typeof rp) => {
      const c = engineConfig(spec);
      return metricSteps(c.metricsEvery, c.metricsPerDecade ?? 0, plannedSteps(spec.config)).length;
    };
    const budget = PRESETS['random-potential'].explorerMetricPoints!;
    expect(budget).toBeLessThan(METRIC_POINTS);
    expect(points(rp)).toBeLessThanOrEqual(budget + 2);
    expect(points(rp)).toBeGreaterThanOrEqual(0.7 * budget);
    expect(points(sf)).toBeLessThanOrEqual(METRIC_POINTS + 2);
    expect(points(sf)).toBeGreaterThanOrEqual(0.7 * METRIC_POINTS);
  });
});
