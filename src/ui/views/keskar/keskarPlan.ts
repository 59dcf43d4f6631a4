/**
 * Keskar et al.'s experiment for the view: for each seed, a small- and a large-batch
 * run from the same start, the loss on the line through their end points, and the
 * ε-sharpness of both. The first seed is the one plotted; all of them fill the table.
 */
import type { RunConfig } from '../../../engine/config';
import type { JobResult, KeskarResult } from '../../../engine/ensemble';
import { keskarJobs, seedList } from '../../../engine/experiments';
import { linspace } from '../../../engine/interpolate';
import type { KeskarParams } from '../../../state/viewParams';
import type { Plan } from '../useExperiment';
import { ensembleBase } from '../ensembleBase';

/** α ∈ [−1, 2] in steps of 0.05: α = 0 and α = 1 fall on the grid. */
export const ALPHAS = linspace(-1, 2, 61);

export interface KeskarViewSpec {
  base: RunConfig;
  seeds: number[];
  small: number;
  large: number;
  eps: number;
  alphas: number[];
}

export function keskarPlan(
  p: KeskarParams,
  explorer: RunConfig,
): Plan<KeskarViewSpec> & { note: string | null } {
  const base = ensembleBase(explorer);
  const n = base.landscape.n;
  const small = Math.max(1, Math.min(n, p.small));
  const large = Math.max(1, Math.min(n, p.large ?? n));
  const note =
    small !== p.small || (p.large !== null && large !== p.large)
      ? `Batch sizes are limited to N = ${n}: running ${small} and ${large}.`
      : null;
  const seeds = seedList(p.seeds, p.seed);
  const spec: KeskarViewSpec = { base, seeds, small, large, eps: p.eps, alphas: ALPHAS };
  return { spec, jobs: keskarJobs(base, seeds, small, large, p.eps, ALPHAS), note };
}

export const keskarResults = (results: readonly JobResult[]): KeskarResult[] =>
  results.filter((r): r is KeskarResult => r.kind === 'keskar');

const BASIN_WORDS: Record<string, string> = {
  sharp: 'the sharp minimum',
  flat: 'the flat minimum',
};
export const basinWords = (b: string | null): string =>
  b ? (BASIN_WORDS[b] ?? `the ${b} basin`) : 'between basins';
