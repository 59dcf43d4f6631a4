/**
 * The science views' experiments as job lists plus aggregators (see ensemble.ts). The
 * browser pool and the CLI build the same jobs and aggregate the same way, so a view's
 * numbers match the CLI's for the same seeds.
 */
import type { ConfigInput } from './config';
import type { EndpointResult, EnsembleJob, KeskarResult } from './ensemble';
import { summarize, type Summary } from './stats';

export const seedList = (count: number, start = 1): number[] =>
  Array.from({ length: count }, (_, i) => start + i);

// ── Batch-size (× learning-rate) sweep ─────────────────────────────────────────
export interface SweepSpec {
  base: ConfigInput;
  batches: number[];
  /** Optional second axis; omitted ⇒ the base learning rate. */
  lrs?: number[];
  seeds: number[];
  sharpnessEps?: number;
}

export interface SweepRow {
  batch: number;
  lr: number;
  runs: number;
  flatFraction: number | null;
  /** 95% interval of the flat fraction (Wilson score), when it applies. */
  flatCi: [number, number] | null;
  finalTrainLoss: Summary;
  finalTestLoss: Summary;
  gap: Summary;
  lambdaMax: Summary;
  distance: Summary;
  sharpness: Summary | null;
  diverged: number;
  /**
   * The same statistics per end basin (null = between basins), so "the sharp basin's
   * end points test worse" is a measured statement; null on landscapes without basins.
   */
  byBasin: BasinGroup[] | null;
  /**
   * Share of each run's updates spent near the saddle point (saddleSteps / steps), over
   * the runs; null on landscapes without a named saddle.
   */
  saddleFraction: Summary | null;
  /** End-point accuracies (classifiers only, else null). */
  trainAccuracy: Summary | null;
  testAccuracy: Summary | null;
}

export interface BasinGroup {
  basin: string | null;
  runs: number;
  finalTrainLoss: Summary;
  finalTestLoss: Summary;
  gap: Summary;
  lambdaMax: Summary;
}

export function sweepJobs(spec: SweepSpec): EnsembleJob[] {
  const jobs: EnsembleJob[] = [];
  for (const lr of spec.lrs ?? [undefined]) {
    for (const batch of spec.batches) {
      for (const seed of spec.seeds) {
        const config: ConfigInput = {
          ...spec.base,
          batch,
          seed,
          ...(lr === undefined ? {} : { lr }),
        };
        jobs.push({
          kind: 'endpoint',
          config,
          ...(spec.sharpnessEps ? { sharpnessEps: spec.sharpnessEps } : {}),
        });
      }
    }
  }
  return jobs;
}

/** Rows in job order (lr-major, then batch); `results[i]` answers `jobs[i]`. */
export function sweepRows(
  spec: SweepSpec,
  results: EndpointResult[],
  hasFlatBasin: boolean,
): SweepRow[] {
  const rows: SweepRow[] = [];
  const per = spec.seeds.length;
  for (let c = 0; c * per < results.length; c++)
    rows.push(endpointRow(results.slice(c * per, (c + 1) * per), hasFlatBasin));
  return rows;
}

export function endpointRow(rs: EndpointResult[], hasFlatBasin: boolean): SweepRow {
  const flat = rs.filter((r) => r.basin === 'flat').length;
  const sharp = rs.map((r) => r.sharpness).filter((x): x is number => x !== null);
  return {
    batch: rs[0]?.batch ?? 0,
    lr: rs[0]?.lr ?? 0,
    runs: rs.length,
    flatFraction: hasFlatBasin && rs.length ? flat / rs.length : null,
    flatCi: hasFlatBasin && rs.length ? wilson(flat, rs.length) : null,
    finalTrainLoss: summarize(rs.map((r) => r.trainLoss)),
    finalTestLoss: summarize(rs.map((r) => r.testLoss)),
    gap: summarize(rs.map((r) => r.gap)),
    lambdaMax: summarize(rs.map((r) => r.lambdaMax).filter((x): x is number => x !== null)),
    distance: summarize(rs.map((r) => r.distance)),
    sharpness: sharp.length ? summarize(sharp) : null,
    diverged: rs.filter((r) => r.status === 'diverged').length,
    byBasin: hasFlatBasin || rs.some((r) => r.basin !== null) ? basinGroups(rs) : null,
    saddleFraction: saddleShare(rs),
    trainAccuracy: accuracySummary(rs.map((r) => r.trainAccuracy)),
    testAccuracy: accuracySummary(rs.map((r) => r.testAccuracy)),
  };
}

function saddleShare(rs: EndpointResult[]): Summary | null {
  const shares = rs
    .filter((r) => r.saddleSteps !== null && r.steps > 0)
    .map((r) => r.saddleSteps! / r.steps);
  return shares.length ? summarize(shares) : null;
}

/** Groups in a stable order: basin ids alphabetically, "between basins" (null) last. */
function basinGroups(rs: EndpointResult[]): BasinGroup[] {
  const ids = [...new Set(rs.map((r) => r.basin))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return ids.map((basin) => {
    const g = rs.filter((r) => r.basin === basin);
    return {
      basin,
      runs: g.length,
      finalTrainLoss: summarize(g.map((r) => r.trainLoss)),
      finalTestLoss: summarize(g.map((r) => r.testLoss)),
      gap: summarize(g.map((r) => r.gap)),
      lambdaMax: summarize(g.map((r) => r.lambdaMax).filter((x): x is number => x !== null)),
    };
  });
}

function accuracySummary(xs: (number | null)[]): Summary | null {
  return xs.length > 0 && xs.every((x) => x !== null) ? summarize(xs as number[]) : null;
}

/** The summarised statistics of a row, in the column order every CSV export uses. */
export const ROW_STATS = [
  'finalTrainLoss',
  'finalTestLoss',
  'gap',
  'lambdaMax',
  'distance',
] as const;
export const rowStatHeader = (): string[] => ROW_STATS.flatMap((s) => [`${s}_mean`, `${s}_ci95`]);
export const rowStatValues = (r: Pick<SweepRow, (typeof ROW_STATS)[number]>): (number | null)[] =>
  ROW_STATS.flatMap((s) => [r[s].mean, r[s].ci95]);

/** Wilson score interval for a proportion k/n at 95%. */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.959964;
  const p = k / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export { remedies, remedyJobs, remedyRows, type Remedy } from './remedies';

export {
  defaultFitRange,
  diffusionCurves,
  diffusionJobs,
  diffusionTimes,
  type DiffusionCurve,
  type DiffusionCurveSpec,
  type DiffusionSpec,
} from './diffusionExperiment';

// ── Keskar's interpolation and sharpness ───────────────────────────────────────
export function keskarJobs(
  base: ConfigInput,
  seeds: number[],
  small: number,
  large: number,
  sharpnessEps: number,
  alphas: number[],
): EnsembleJob[] {
  return seeds.map((seed) => ({
    kind: 'keskar' as const,
    config: { ...base, seed },
    small,
    large,
    alphas,
    sharpnessEps,
  }));
}

export type { KeskarResult };

// ── Stability on the N-D quadratic ─────────────────────────────────────────────
/** Full-batch runs over a log-spaced learning-rate axis: GD diverges iff η·λ_max > 2. */
export function stabilityJobs(
  base: ConfigInput,
  lrs: number[],
  steps: number,
  n: number,
): EnsembleJob[] {
  return lrs.map((lr) => ({
    kind: 'endpoint' as const,
    config: { ...base, lr, batch: n, budget: { unit: 'steps', amount: steps }, seed: 1 },
  }));
}
