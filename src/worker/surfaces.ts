/**
 * Surfaces and projections for the scene, computed in the worker: train and test
 * loss on a grid (2-D presets directly; N-D presets on a 2-D slice through the start
 * point along two fixed random orthonormal directions), and the matching projection
 * of trajectories onto that slice.
 */
import type { RunConfig } from '../engine/config';
import { buildObjective } from '../engine/presets';
import { createRun, type Run } from '../engine/run';
import { randomSliceDirections, surfaceGrid } from '../engine/sweep';

/** Maps count × dim positions to count × 2 scene coordinates. */
export type Projector = (positions: Float32Array, count: number) => Float32Array;

/** Seed of the slice directions: fixed so every run and surface of a config agree. */
const SLICE_SEED = 7;

export function projector(run: Run): Projector {
  const dim = run.dim;
  if (dim === 2) return (p) => p;
  const { d1, d2 } = randomSliceDirections(dim, SLICE_SEED);
  const c = run.w0;
  return (p, count) => {
    const out = new Float32Array(count * 2);
    for (let i = 0; i < count; i++) {
      let a = 0;
      let b = 0;
      for (let j = 0; j < dim; j++) {
        const x = p[i * dim + j]! - c[j]!;
        a += x * d1[j]!;
        b += x * d2[j]!;
      }
      out[2 * i] = a;
      out[2 * i + 1] = b;
    }
    return out;
  };
}

export function computeSurface(
  config: RunConfig,
  res: number,
  box?: { lo: number[]; hi: number[] },
) {
  const objective = buildObjective(config);
  const lo = box?.lo ?? objective.viewBox.lo;
  const hi = box?.hi ?? objective.viewBox.hi;
  const view = {
    lo: [lo[0]!, lo[1]!] as [number, number],
    hi: [hi[0]!, hi[1]!] as [number, number],
  };
  let slice: { center: Float64Array; d1: Float64Array; d2: Float64Array } | undefined;
  if (objective.dim !== 2) {
    const { d1, d2 } = randomSliceDirections(objective.dim, SLICE_SEED);
    const start = createRun(config, objective).w0;
    slice = { center: start, d1, d2 };
  }
  const train = surfaceGrid(objective, 'train', view, res, res, slice);
  const test = surfaceGrid(objective, 'test', view, res, res, slice);
  let min = Infinity;
  let max = -Infinity;
  for (const v of train.loss) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (const v of test.loss) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return {
    nx: res,
    ny: res,
    box: view,
    train: Float32Array.from(train.loss),
    test: Float32Array.from(test.loss),
    basins: objective.dim === 2 ? [...objective.basins] : [],
    saddles: objective.dim === 2 ? [...(objective.saddles ?? [])] : [],
    min,
    max,
  };
}
