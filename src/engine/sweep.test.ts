import { describe, expect, it } from 'vitest';
import { buildObjective } from './presets';
import { createRun } from './run';
import {
  diffusionEnsemble,
  diffusionFits,
  randomSliceDirections,
  resolveOrThrow,
  surfaceGrid,
  sweepCell,
} from './sweep';
import { mean } from './stats';

const small = { preset: 'sharp-flat' as const, budget: { unit: 'epochs' as const, amount: 3 } };

describe('sweepCell', () => {
  it('is deterministic: same inputs, identical output', () => {
    const a = sweepCell(small, 16, 0.02, [1, 2, 3]);
    const b = sweepCell(small, 16, 0.02, [1, 2, 3]);
    expect(a).toEqual(b);
    expect(a.batch).toBe(16);
    expect(a.lr).toBe(0.02);
    expect(a.runs).toBe(3);
    expect(a.flatFraction).toBeGreaterThanOrEqual(0);
    expect(a.flatFraction).toBeLessThanOrEqual(1);
    expect(a.finalTrainLoss.ci95).not.toBeNull();
  });

  it('matches independent full runs (shared objective and lean recording change nothing)', () => {
    const cell = sweepCell(small, 64, undefined, [4, 5]);
    const finals = [4, 5].map((seed) => {
      const run = createRun({ ...small, batch: 64, seed, metricsEvery: 7, recordEvery: 3 });
      run.runToEnd(100);
      return run.lastMetrics!;
    });
    expect(cell.lr).toBe(resolveOrThrow(small).lr);
    expect(cell.finalTrainLoss.mean).toBe(mean(finals.map((m) => m.trainLoss)));
    expect(cell.gap.mean).toBe(mean(finals.map((m) => m.gap)));
    expect(cell.distance.mean).toBe(mean(finals.map((m) => m.distance)));
    const flat = finals.filter((m) => m.basin === 'flat').length / 2;
    expect(cell.flatFraction).toBe(flat);
  });

  it('has no flatFraction where the landscape has no flat basin', () => {
    const cell = sweepCell(
      { preset: 'bowl', budget: { unit: 'epochs', amount: 1 } },
      8,
      undefined,
      [1],
    );
    expect(cell.flatFraction).toBeNull();
    expect(cell.finalTrainLoss.ci95).toBeNull();
  });

  it('counts diverged runs and keeps every statistic finite', () => {
    // quadratic-nd with η·λ_max = 0.5·10 > 2: gradient descent must blow up.
    const cell = sweepCell(
      { preset: 'quadratic-nd', landscape: { dim: 4 }, budget: { unit: 'epochs', amount: 50 } },
      1024,
      0.5,
      [1, 2],
    );
    expect(cell.diverged).toBe(2);
    for (const s of [cell.finalTrainLoss, cell.gap, cell.lambdaMax, cell.distance])
      expect(Number.isFinite(s.mean)).toBe(true);
  });
});

describe('diffusionEnsemble', () => {
  const base = { preset: 'random-potential' as const };
  const ts = [0, 1, 10, 50, 200];

  it('is deterministic and starts at distance 0', () => {
    const a = diffusionEnsemble(base, [1, 2, 3], 200, ts, { varyLandscape: true });
    const b = diffusionEnsemble(base, [1, 2, 3], 200, ts, { varyLandscape: true });
    expect(a).toEqual(b);
    expect(a.t).toEqual(ts);
    expect(a.meanDistance[0]).toBe(0);
    expect(a.sdDistance[0]).toBe(0);
    expect(a.meanDistance.at(-1)).toBeGreaterThan(0);
  });

  it('samples the same distances a recorded trajectory shows', () => {
    const ens = diffusionEnsemble(base, [2], 200, ts, { varyLandscape: false });
    const run = createRun({ ...base, seed: 2, budget: { unit: 'steps', amount: 200 } });
    const { chunks } = run.runToEnd(64);
    const d = run.dim;
    const at = new Map<number, number>();
    for (const c of chunks) {
      for (let i = 0; i < c.count; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += (c.positions[i * d + j]! - run.w0[j]!) ** 2;
        at.set(c.step[i]!, Math.sqrt(s));
      }
    }
    // Recorded positions are float32, so compare to float32 precision.
    ts.forEach((t, i) => expect(ens.meanDistance[i]).toBeCloseTo(at.get(t)!, 4));
    expect(ens.sdDistance.every((s) => s === 0)).toBe(true);
  });

  it('varying the landscape per seed changes the ensemble', () => {
    const vary = diffusionEnsemble(base, [1, 2], 100, [100], { varyLandscape: true });
    const same = diffusionEnsemble(base, [1, 2], 100, [100], { varyLandscape: false });
    expect(vary.meanDistance[0]).not.toBe(same.meanDistance[0]);
  });

  it('diffusionFits fits only inside the range', () => {
    const t = [1, 10, 100, 1000, 10000];
    const d = t.map((x) => (x >= 100 ? 2 * Math.log(x) + 1 : 999));
    const f = diffusionFits(t, d, [100, 10000]);
    expect(f.logFit.a).toBeCloseTo(2, 12);
    expect(f.logFit.b).toBeCloseTo(1, 11);
    expect(f.logFit.r2).toBeCloseTo(1, 12);
    expect(f.powerFit.r2).toBeLessThan(1);
  });
});

describe('surfaceGrid', () => {
  it('on the bowl equals fullLossGrad at every grid point (row-major ny × nx)', () => {
    const obj = buildObjective(resolveOrThrow({ preset: 'bowl' }));
    const g = surfaceGrid(obj, 'train', { lo: [-1, -2], hi: [1.5, 0.5] }, 6, 4);
    expect(g.x).toHaveLength(6);
    expect(g.y).toHaveLength(4);
    expect(g.x[0]).toBe(-1);
    expect(g.x[5]).toBe(1.5);
    expect(g.y[3]).toBe(0.5);
    const w = new Float64Array(2);
    for (let iy = 0; iy < 4; iy++)
      for (let ix = 0; ix < 6; ix++) {
        w[0] = g.x[ix]!;
        w[1] = g.y[iy]!;
        expect(g.loss[iy * 6 + ix]).toBe(obj.fullLossGrad(w, 'train', null));
      }
    const gap = surfaceGrid(obj, 'gap', { lo: [-1, -2], hi: [1.5, 0.5] }, 6, 4);
    const test = surfaceGrid(obj, 'test', { lo: [-1, -2], hi: [1.5, 0.5] }, 6, 4);
    gap.loss.forEach((v, i) => expect(v).toBe(test.loss[i]! - g.loss[i]!));
  });

  it('on an N-D slice evaluates center + x·d1 + y·d2', () => {
    const obj = buildObjective(resolveOrThrow({ preset: 'quadratic-nd', landscape: { dim: 7 } }));
    const { d1, d2 } = randomSliceDirections(7, 3);
    const center = Float64Array.from({ length: 7 }, (_, j) => 0.1 * j);
    const g = surfaceGrid(obj, 'test', { lo: [-1, -1], hi: [1, 1] }, 3, 5, { center, d1, d2 });
    const w = new Float64Array(7);
    for (let iy = 0; iy < 5; iy++)
      for (let ix = 0; ix < 3; ix++) {
        for (let j = 0; j < 7; j++) w[j] = center[j]! + g.x[ix]! * d1[j]! + g.y[iy]! * d2[j]!;
        expect(g.loss[iy * 3 + ix]).toBe(obj.fullLossGrad(w, 'test', null));
      }
    expect(() => surfaceGrid(obj, 'train', { lo: [0, 0], hi: [1, 1] }, 2, 2)).toThrow(/slice/);
  });
});

describe('randomSliceDirections', () => {
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, j) => s + x * b[j]!, 0);

  it('gives two orthonormal vectors, deterministic per seed', () => {
    for (const dim of [2, 3, 50, 1000]) {
      for (const seed of [0, 1, 99]) {
        const { d1, d2 } = randomSliceDirections(dim, seed);
        expect(dot(d1, d1)).toBeCloseTo(1, 12);
        expect(dot(d2, d2)).toBeCloseTo(1, 12);
        expect(Math.abs(dot(d1, d2))).toBeLessThan(1e-12);
      }
    }
    expect(randomSliceDirections(20, 5)).toEqual(randomSliceDirections(20, 5));
    expect(randomSliceDirections(20, 5).d1).not.toEqual(randomSliceDirections(20, 6).d1);
    expect(() => randomSliceDirections(1, 1)).toThrow(RangeError);
  });
});
