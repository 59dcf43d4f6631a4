import { describe, expect, it } from 'vitest';
import { filterNormalizedDirections } from '../engine/nn/directions';
import type { MlpObjective } from '../engine/nn/objective';
import { buildObjective } from '../engine/presets';
import { createRun } from '../engine/run';
import { resolveOrThrow, surfaceGrid, type SurfaceSplit } from '../engine/sweep';
import { pooledSurface } from './surfaceJobs';

// A tiny trained network with BN (inference mode reads the running statistics) on a 7 × 7
// grid: real worker threads, so the pool's start-up path is exercised too.
const config = resolveOrThrow({
  preset: 'mlp',
  landscape: { n: 48, nTest: 40 },
  network: { hidden: [6, 5], batchNorm: true },
  batch: 8,
  budget: { unit: 'epochs', amount: 2 },
});
const objective = buildObjective(config) as MlpObjective;
const run = createRun(config, objective);
run.runToEnd();
const slice = {
  center: Float64Array.from(run.w),
  ...filterNormalizedDirections(objective.layout, run.w, 3),
};
const box = [-0.8, -0.5, 0.6, 0.9] as const;
const res = 7;

/** The inline grid, row by row, exactly as `surface` computes a landscape's. */
function inlineRows(split: SurfaceSplit): number[][] {
  return Array.from({ length: res }, (_, i) => {
    const y = box[1] + ((box[3] - box[1]) * i) / (res - 1);
    return Array.from(
      surfaceGrid(objective, split, { lo: [box[0], y], hi: [box[2], y] }, res, 1, slice).loss,
    );
  });
}

describe('pooledSurface (batchscape surface for a network)', { timeout: 30_000 }, () => {
  it.each(['train', 'gap'] as const)(
    '%s: bit-identical to the inline grid for 1 and 3 workers',
    async (split) => {
      const want = inlineRows(split);
      expect(want.flat().every(Number.isFinite)).toBe(true);
      for (const workers of [1, 3]) {
        const fractions: number[] = [];
        const rows = await pooledSurface({
          config,
          slice,
          split,
          box,
          res,
          workers,
          onProgress: (f) => fractions.push(f),
        });
        expect(rows).toEqual(want);
        rows.flat().forEach((v, k) => expect(Object.is(v, want.flat()[k])).toBe(true));
        expect(fractions.at(-1)).toBe(1);
        expect(fractions.every((f, k) => k === 0 || f >= fractions[k - 1]!)).toBe(true);
      }
    },
  );
});
