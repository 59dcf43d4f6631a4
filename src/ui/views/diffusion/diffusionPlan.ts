/**
 * Hoffer's diffusion experiment for the view: one curve per (learning rate, batch size)
 * on random-potential, each seed on its own random potential, optionally repeated on
 * the flat potential (amplitude 0), where a random walk spreads like √t.
 */
import type { RunConfig } from '../../../engine/config';
import type { DiffusionSample, JobResult } from '../../../engine/ensemble';
import {
  defaultFitRange,
  diffusionCurves,
  diffusionJobs,
  seedList,
  type DiffusionCurve,
  type DiffusionCurveSpec,
  type DiffusionSpec,
} from '../../../engine/experiments';
import { presetDefaults } from '../../../engine/presets';
import type { DiffusionParams } from '../../../state/viewParams';
import type { Plan } from '../useExperiment';
import { fitBatches } from '../sweep/sweepPlan';

/** Sample times per factor of ten in t, as the CLI's default. */
export const PER_DECADE = 8;

/**
 * A flat baseline averages this many times the curve's runs. Its p(t) should be the constant
 * ½ of a free walk, but a walk's distance varies by ±52% between runs, so the mean of K runs
 * wobbles p(t) by about 0.5/√K; without the potential's modes a step costs a fifth as much,
 * so 4× the runs (±0.03 at K = 64) cost less than one more random-potential curve.
 */
export const FLAT_SEED_FACTOR = 4;

export interface DiffusionViewSpec extends DiffusionSpec {
  /** Per curve: whether it is a flat-potential baseline. */
  flat: boolean[];
}

export interface ViewCurve extends DiffusionCurve {
  flat: boolean;
}

/** What each of the view's charts and its table draws from: curves, run colours, fit range. */
export interface DiffusionPanelProps {
  curves: readonly ViewCurve[];
  colors: readonly string[];
  fitRange: [number, number];
}

/** The explorer's random-potential settings when it shows that landscape, else the preset's. */
export function diffusionBase(explorer: RunConfig): RunConfig {
  return explorer.preset === 'random-potential' ? explorer : presetDefaults('random-potential');
}

export function diffusionPlan(
  p: DiffusionParams,
  explorer: RunConfig,
): Plan<DiffusionViewSpec> & { note: string | null } {
  const base = diffusionBase(explorer);
  const { batches, note } = fitBatches(p.batches, base.landscape.n);
  const curves: DiffusionCurveSpec[] = [];
  const flat: boolean[] = [];
  for (const baseline of p.flat ? [false, true] : [false]) {
    for (const lr of p.lrs) {
      for (const batch of batches) {
        const label = `B = ${batch}${p.lrs.length > 1 ? `, η = ${lr}` : ''}${baseline ? ' (flat)' : ''}`;
        curves.push({
          label,
          patch: { batch, lr, ...(baseline ? { landscape: { amplitude: 0 } } : {}) },
          ...(baseline ? { seeds: seedList(FLAT_SEED_FACTOR * p.seeds) } : {}),
        });
        flat.push(baseline);
      }
    }
  }
  const spec: DiffusionViewSpec = {
    base,
    curves,
    seeds: seedList(p.seeds),
    steps: p.steps,
    perDecade: PER_DECADE,
    varyLandscape: true,
    fitRange: p.fitRange ?? defaultFitRange(p.steps),
    flat,
  };
  return { spec, jobs: diffusionJobs(spec), note };
}

export function aggregateDiffusion(
  spec: DiffusionViewSpec,
  results: readonly JobResult[],
): ViewCurve[] {
  return diffusionCurves(spec, results as DiffusionSample[]).map((c, i) => ({
    ...c,
    flat: spec.flat[i] ?? false,
  }));
}
