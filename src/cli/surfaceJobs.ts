/**
 * `batchscape surface` for a network: the grid shared out over pool workers. A network's
 * grid point is a full pass over a split in inference mode (≈ 2 ms for a 2k-parameter net
 * over 1k samples here), so a 65 × 65 grid is seconds of work that divides evenly; a
 * landscape's point costs microseconds and its grid stays inline (surfaceGrid).
 *
 * Each job is a band of whole rows ('slice' jobs, engine/ensemble.ts) evaluated by
 * evaluateSlicePoints, whose point w = center + x·d1 + y·d2 and grid coordinates
 * lo + (hi − lo)·i/(res − 1) are computed exactly as surfaceGrid computes them, and 'gap' is
 * test − train as there: the values are bit-identical to the inline grid's, for any number
 * of workers (surfaceJobs.test.ts checks both).
 */
import type { RunConfig } from '../engine/config';
import type { EnsembleJob, SliceResult } from '../engine/ensemble';
import type { Split } from '../engine/objectives/types';
import type { Slice, SurfaceSplit } from '../engine/sweep';
import { jobCost } from './jobs';
import { runJobs } from './pool';

/** Jobs per worker: small enough that the last one leaves little idle time at the end. */
const JOBS_PER_WORKER = 64;

export interface PooledSurfaceInput {
  config: RunConfig;
  slice: Slice;
  split: SurfaceSplit;
  /** [x0, y0, x1, y1]. */
  box: readonly [number, number, number, number];
  res: number;
  workers: number;
  onProgress?: (fraction: number) => void;
}

/** The grid's rows (res rows of res values; row i is y_i), as surfaceGrid row by row. */
export async function pooledSurface(input: PooledSurfaceInput): Promise<number[][]> {
  const { res, box, split } = input;
  const splits: Split[] = split === 'gap' ? ['test', 'train'] : [split];
  const plain = {
    center: Array.from(input.slice.center),
    d1: Array.from(input.slice.d1),
    d2: Array.from(input.slice.d2),
  };
  const sliceBox = { lo: [box[0], box[1]] as const, hi: [box[2], box[3]] as const };
  const band = Math.max(1, Math.ceil(res / (JOBS_PER_WORKER * Math.max(1, input.workers))));
  const jobs: EnsembleJob[] = [];
  for (let row = 0; row < res; row += band) {
    const points: number[] = [];
    for (let i = row; i < Math.min(res, row + band); i++)
      for (let j = 0; j < res; j++) points.push(i * res + j);
    jobs.push({
      kind: 'slice',
      config: input.config,
      slice: plain,
      box: sliceBox,
      res,
      points,
      splits,
    });
  }
  const results = (await runJobs(jobs, input.workers, {
    weights: jobs.map(jobCost),
    onProgress: (p) => input.onProgress?.(p.fraction),
  })) as SliceResult[];
  const rows = Array.from({ length: res }, () => new Array<number>(res).fill(0));
  for (const r of results) {
    r.points.forEach((p, k) => {
      const v = split === 'gap' ? r.values[0]![k]! - r.values[1]![k]! : r.values[0]![k]!;
      rows[Math.floor(p / res)]![p % res] = v;
    });
  }
  return rows;
}
