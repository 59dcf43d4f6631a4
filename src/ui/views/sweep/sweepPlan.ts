/**
 * From the sweep view's parameters and the explorer's base config to the engine's
 * SweepSpec and job list (the same builders the CLI uses), plus the aggregation.
 */
import type { RunConfig } from '../../../engine/config';
import type { EndpointResult, JobResult } from '../../../engine/ensemble';
import {
  seedList,
  sweepJobs,
  sweepRows,
  type SweepRow,
  type SweepSpec,
} from '../../../engine/experiments';
import type { SweepParams } from '../../../state/viewParams';
import type { Plan } from '../useExperiment';
import { ensembleBase } from '../ensembleBase';

export interface SweepViewSpec extends SweepSpec {
  base: RunConfig;
  /** The landscape has a basin called 'flat' (sharp-flat), so the flat fraction applies. */
  hasFlat: boolean;
  n: number;
}

/** 1, 4, 16, … below N, then N: log-spaced from a single sample to the whole set (as the CLI). */
export function defaultBatches(n: number): number[] {
  const out: number[] = [];
  for (let b = 1; b < n; b *= 4) out.push(b);
  out.push(n);
  return out;
}

/** Batch sizes within 1…N, sorted and unique; notes say what was changed. */
export function fitBatches(
  batches: readonly number[],
  n: number,
): { batches: number[]; note: string | null } {
  const fitted = [...new Set(batches.map((b) => Math.max(1, Math.min(n, Math.round(b)))))].sort(
    (a, b) => a - b,
  );
  const over = batches.filter((b) => b > n);
  return {
    batches: fitted,
    note: over.length ? `Batch sizes above N = ${n} (${over.join(', ')}) were run at N.` : null,
  };
}

export function sweepPlan(
  p: SweepParams,
  explorer: RunConfig,
): Plan<SweepViewSpec> & { note: string | null } {
  const base = ensembleBase(explorer);
  const n = base.landscape.n;
  const { batches, note } = fitBatches(p.batches ?? defaultBatches(n), n);
  const spec: SweepViewSpec = {
    base,
    batches,
    ...(p.lrs ? { lrs: p.lrs } : {}),
    seeds: seedList(p.seeds, p.seedStart),
    hasFlat: base.preset === 'sharp-flat',
    n,
  };
  return { spec, jobs: sweepJobs(spec), note };
}

export function aggregateSweep(spec: SweepViewSpec, results: readonly JobResult[]): SweepRow[] {
  return sweepRows(spec, results as EndpointResult[], spec.hasFlat);
}

/** The learning rates on the LR axis (the base LR when there is no axis). */
export const sweepLrs = (spec: SweepViewSpec): number[] => spec.lrs ?? [spec.base.lr ?? 0];
