/**
 * Slices through the network's weights: filter-normalised and PCA directions, projection of
 * a trajectory, the progressive (coarse-to-fine, shardable) surface, and Keskar's line with
 * interpolated BN statistics.
 */
import { describe, expect, it } from 'vitest';
import { runJob, type SliceResult } from './ensemble';
import { interpolationLine } from './interpolate';
import { filterNormalizedDirections, trajectoryPcaDirections } from './nn/directions';
import { randomState, randomVector, tinyNet } from './nn/nn.testutil';
import { createRun } from './run';
import { evaluateSlicePoints, ProgressiveSurface, projectOntoSlice } from './slice';
import { resolveOrThrow } from './sweep';
import { buildObjective } from './presets';

const rowNorm = (v: Float64Array, off: number, n: number) =>
  Math.sqrt(Array.from(v.subarray(off, off + n)).reduce((s, x) => s + x * x, 0));

describe('filter-normalised directions', () => {
  const obj = tinyNet({ activation: 'relu', batchNorm: true, hidden: [6, 5] });
  const w = randomState(obj, 3);

  it('match every neuron row norm; 1-D parameters and model state are 0 (or copied)', () => {
    const { d1, d2 } = filterNormalizedDirections(obj.layout, w, 4);
    expect(Array.from(d1)).not.toEqual(Array.from(d2));
    for (const L of obj.layout.layers) {
      for (let o = 0; o < L.fanOut; o++) {
        const off = L.w + o * L.fanIn;
        expect(rowNorm(d1, off, L.fanIn)).toBeCloseTo(rowNorm(w, off, L.fanIn), 12);
      }
      for (const off of [L.b, L.gamma, L.beta])
        if (off >= 0) expect(d1.subarray(off, off + L.fanOut).every((x) => x === 0)).toBe(true);
    }
    expect(d1.subarray(obj.trainDim).every((x) => x === 0)).toBe(true);
    const copy = filterNormalizedDirections(obj.layout, w, 4, 'copy').d1;
    const g = obj.layout.layers[0]!.gamma;
    expect(copy[g]).toBe(w[g]);
    expect(copy.subarray(obj.trainDim).every((x) => x === 0)).toBe(true);
  });

  it('make slices of a rescaled but equivalent ReLU network identical', () => {
    // Layer 1 × 3 (weights and bias), layer 2 weights ÷ 3: the same function (ReLU is
    // positively homogeneous), hence the same loss surface under filter normalisation.
    const net = tinyNet({ activation: 'relu', hidden: [6] });
    const a = randomState(net, 5);
    const b = Float64Array.from(a);
    const [L1, L2] = net.layout.layers;
    for (let k = L1!.w; k < L1!.w + 12; k++) b[k]! *= 3;
    for (let k = L1!.b; k < L1!.b + 6; k++) b[k]! *= 3;
    for (let k = L2!.w; k < L2!.w + 12; k++) b[k]! /= 3;
    const surface = (center: Float64Array, dirs: { d1: Float64Array; d2: Float64Array }) => {
      const out = new Float64Array(25);
      const pts = Array.from({ length: 25 }, (_, i) => i);
      evaluateSlicePoints(
        net,
        { center, ...dirs },
        { lo: [-1, -1], hi: [1, 1] },
        5,
        pts,
        'train',
        out,
      );
      return out;
    };
    const sa = surface(a, filterNormalizedDirections(net.layout, a, 9));
    const sb = surface(b, filterNormalizedDirections(net.layout, b, 9));
    sa.forEach((x, i) => expect(sb[i]).toBeCloseTo(x, 10));
    // Without normalisation the same random directions see different surfaces.
    const raw = { d1: randomVector(net.dim, 1), d2: randomVector(net.dim, 2) };
    const ra = surface(a, raw);
    const rb = surface(b, raw);
    expect(Math.max(...ra.map((x, i) => Math.abs(x - rb[i]!)))).toBeGreaterThan(1e-2);
  });
});

describe('trajectory PCA directions and projection', () => {
  it('recover the plane a trajectory moved in, and project it exactly', () => {
    const dim = 40;
    const train = 36; // the last 4 entries play model state
    const u = randomVector(dim, 1).fill(0, train);
    const v = randomVector(dim, 2).fill(0, train);
    const end = randomVector(dim, 3);
    const count = 30;
    const pos = new Float64Array(count * dim);
    for (let i = 0; i < count; i++) {
      const t = 1 - i / (count - 1);
      for (let j = 0; j < dim; j++)
        pos[i * dim + j] = end[j]! + (j < train ? 3 * t * u[j]! + Math.sin(5 * t) * v[j]! : 0);
    }
    const pc = trajectoryPcaDirections(pos, count, dim, train);
    expect(pc.explained[0] + pc.explained[1]).toBeCloseTo(1, 10);
    expect(pc.explained[0]).toBeGreaterThan(pc.explained[1]);
    expect(pc.d1.subarray(train).every((x) => x === 0)).toBe(true);
    const xy = projectOntoSlice(pc, pos, count, dim, train);
    // The end point is the centre, and the start has negative coordinates on both axes.
    expect(Math.abs(xy[2 * (count - 1)]!)).toBeLessThan(1e-6);
    expect(xy[0]).toBeLessThan(0);
    // Reconstruction from (α, β) is exact: the trajectory lies in the plane.
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < train; j++) {
        const r = pc.center[j]! + xy[2 * i]! * pc.d1[j]! + xy[2 * i + 1]! * pc.d2[j]!;
        expect(r).toBeCloseTo(pos[i * dim + j]!, 4);
      }
    }
  });

  it('projection solves for (α, β) with non-orthogonal directions', () => {
    const c = randomVector(10, 4);
    const d1 = randomVector(10, 5);
    const d2 = Float64Array.from(d1, (x, j) => 0.6 * x + (j % 3));
    const p = Float64Array.from(c, (x, j) => x + 0.7 * d1[j]! - 1.3 * d2[j]!);
    const [a, b] = projectOntoSlice({ center: c, d1, d2 }, p, 1, 10);
    expect(a).toBeCloseTo(0.7, 5);
    expect(b).toBeCloseTo(-1.3, 5);
  });
});

describe('ProgressiveSurface', () => {
  const obj = tinyNet({ batchNorm: true, hidden: [5] });
  const w = randomState(obj, 6);
  const slice = { center: w, ...filterNormalizedDirections(obj.layout, w, 2) };
  const box = { lo: [-1, -0.5], hi: [1, 0.5] } as const;

  it('evaluates coarse to fine; every snapshot is a whole surface; the end is exact', () => {
    const s = new ProgressiveSurface(obj, slice, box, 33);
    expect(s.firstPass).toBe(81);
    expect(s.completeStride()).toBe(0);
    s.advance(81);
    expect(s.completeStride()).toBe(4);
    const coarse = s.snapshot('train');
    expect(coarse.every(Number.isFinite)).toBe(true);
    while (!s.done) s.advance(100);
    expect(s.completeStride()).toBe(1);
    const exact = new Float64Array(33 * 33);
    const all = Array.from({ length: 33 * 33 }, (_, i) => i);
    evaluateSlicePoints(obj, slice, box, 33, all, 'test', exact);
    expect(Array.from(s.snapshot('test'))).toEqual(Array.from(Float32Array.from(exact)));
    // The coarse picture already had the exact values at its own points.
    expect(coarse[0]).toBe(Math.fround(s.values.train[0]!));
    expect(coarse[4 * 33 + 8]).toBe(Math.fround(s.values.train[4 * 33 + 8]!));
  });

  it('shares out as pool jobs with the same numbers', () => {
    const config = {
      preset: 'mlp' as const,
      landscape: { n: 64, nTest: 64 },
      network: { hidden: [4], batchNorm: true },
    };
    const objective = buildObjective(resolveOrThrow(config));
    const run = createRun(config, objective);
    run.advance(20);
    const sl = {
      center: run.w,
      ...filterNormalizedDirections((objective as typeof obj).layout, run.w, 1),
    };
    const here = new ProgressiveSurface(objective, sl, box, 9);
    const there = new ProgressiveSurface(objective, sl, box, 9);
    while (!here.done) here.advance(7);
    while (!there.done) {
      const points = Array.from(there.take(10));
      const r = runJob({
        kind: 'slice',
        config,
        slice: { center: Array.from(sl.center), d1: Array.from(sl.d1), d2: Array.from(sl.d2) },
        box,
        res: 9,
        points,
        splits: ['train', 'test'],
      }) as SliceResult;
      there.fill(r.points, r.values);
    }
    expect(Array.from(there.values.train)).toEqual(Array.from(here.values.train));
    expect(Array.from(there.values.test)).toEqual(Array.from(here.values.test));
  });
});

describe("Keskar's line between two BN networks", () => {
  it('interpolates the running statistics with the weights; extrapolated variances stay finite', () => {
    const obj = tinyNet({ batchNorm: true, hidden: [5, 4] });
    const a = randomState(obj, 1);
    const b = randomState(obj, 2);
    const line = interpolationLine(obj, a, b, [-1, 0, 0.5, 1, 2]);
    expect(line.train[1]).toBe(obj.fullLossGrad(a, 'train', null));
    expect(line.test[3]).toBe(obj.fullLossGrad(b, 'test', null));
    const mid = Float64Array.from(a, (x, j) => 0.5 * x + 0.5 * b[j]!);
    expect(line.train[2]).toBe(obj.fullLossGrad(mid, 'train', null));
    // Statistics alone moving changes the loss: they really are interpolated.
    const statsOnly = Float64Array.from(a, (x, j) => (j < obj.trainDim ? x : b[j]!));
    expect(obj.fullLossGrad(statsOnly, 'train', null)).not.toBe(line.train[1]);
    expect([...line.train, ...line.test].every(Number.isFinite)).toBe(true);
  });
});
