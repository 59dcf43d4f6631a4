/** The remedies view's matched ensembles: one per remedy, same seeds and landscape. */
import type { RunConfig } from '../../../engine/config';
import type { EndpointResult, JobResult } from '../../../engine/ensemble';
import {
  remedies,
  remedyJobs,
  remedyRows,
  seedList,
  type Remedy,
  type SweepRow,
} from '../../../engine/experiments';
import type { RemediesParams } from '../../../state/viewParams';
import type { Plan } from '../useExperiment';
import { ensembleBase } from '../ensembleBase';

export interface RemediesViewSpec {
  base: RunConfig;
  small: number;
  large: number;
  seeds: number[];
  remedies: Remedy[];
  hasFlat: boolean;
}

export interface RemedyOutcome {
  remedy: Remedy;
  row: SweepRow;
}

export function remediesPlan(
  p: RemediesParams,
  explorer: RunConfig,
): Plan<RemediesViewSpec> & { note: string | null } {
  const base = ensembleBase(explorer);
  const n = base.landscape.n;
  const clamp = (b: number) => Math.max(1, Math.min(n, b));
  const small = clamp(p.small);
  const large = clamp(p.large ?? n);
  const note =
    small !== p.small || (p.large !== null && large !== p.large)
      ? `Batch sizes are limited to N = ${n}: running ${small} and ${large}.`
      : null;
  const list = remedies(small, large, base.lr);
  const seeds = seedList(p.seeds);
  const spec: RemediesViewSpec = {
    base,
    small,
    large,
    seeds,
    remedies: list,
    hasFlat: base.preset === 'sharp-flat',
  };
  return { spec, jobs: remedyJobs(base, list, seeds), note };
}

export function aggregateRemedies(
  spec: RemediesViewSpec,
  results: readonly JobResult[],
): RemedyOutcome[] {
  return remedyRows(spec.remedies, spec.seeds, results as EndpointResult[], spec.hasFlat);
}

/** "+ √ LR scaling" → "√ LR scaling": labels read as list items in the caption. */
export const shortLabel = (r: Remedy): string => r.label.replace(/^\+\s*/, '');
