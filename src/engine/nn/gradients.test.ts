/**
 * Exact backprop and the exact Hessian-vector product of the MLP against central finite
 * differences, through every layer kind: dense, ReLU and tanh, BatchNorm and Ghost
 * BatchNorm in training mode, BatchNorm in inference mode, softmax cross-entropy and
 * weight decay. Float64 central differences with h = 1e-5 have truncation error ~h² and
 * round-off ~1e-16/h, both far below the 1e-6 tolerance on smooth (tanh) networks; ReLU
 * networks are checked too (a kink is crossed with probability ~h).
 */
import { describe, expect, it } from 'vitest';
import { identityIndex } from '../data';
import type { Activation } from './layout';
import { centralDiff, randomState, randomVector, relErr, tinyNet } from './nn.testutil';

const VARIANTS: { name: string; batchNorm: boolean; ghostBatch: number }[] = [
  { name: 'no BN', batchNorm: false, ghostBatch: 0 },
  { name: 'BN (v = B)', batchNorm: true, ghostBatch: 0 },
  { name: 'Ghost BN (v = 4)', batchNorm: true, ghostBatch: 4 },
];
const ACTIVATIONS: Activation[] = ['tanh', 'relu'];

describe.each(ACTIVATIONS)('%s network', (activation) => {
  const tol = activation === 'tanh' ? 1e-6 : 1e-5;
  describe.each(VARIANTS)('$name', ({ batchNorm, ghostBatch }) => {
    for (const weightDecay of [0, 0.03]) {
      const obj = tinyNet({ activation, batchNorm, ghostBatch, weightDecay, hidden: [6, 5, 4] });
      const w = randomState(obj, 3);
      // A shuffled minibatch of 12 (three ghost batches of 4).
      const idx = Uint32Array.from([5, 0, 17, 3, 9, 22, 11, 2, 14, 7, 19, 1]);

      it(`training-mode minibatch gradient = finite differences (λ = ${weightDecay})`, () => {
        const g = new Float64Array(obj.dim);
        obj.batchLossGrad(w, 'train', idx, 0, 12, g);
        const f = (p: Float64Array) => obj.batchLossGrad(p, 'train', idx, 0, 12, null);
        const fd = Array.from({ length: obj.trainDim }, (_, j) => centralDiff(f, w, 1e-5, j));
        expect(relErr(g.subarray(0, obj.trainDim), fd)).toBeLessThan(tol);
        // Model state is not trained: its gradient entries are exactly 0.
        expect(g.subarray(obj.trainDim).every((x) => x === 0)).toBe(true);
      });

      it(`inference-mode full-split gradient = finite differences (λ = ${weightDecay})`, () => {
        const g = new Float64Array(obj.dim);
        obj.fullLossGrad(w, 'train', g);
        const f = (p: Float64Array) => obj.fullLossGrad(p, 'train', null);
        const fd = Array.from({ length: obj.trainDim }, (_, j) => centralDiff(f, w, 1e-5, j));
        expect(relErr(g.subarray(0, obj.trainDim), fd)).toBeLessThan(tol);
      });
    }
  });
});

describe('per-sample gradients (inference mode)', () => {
  it.each(VARIANTS)('average to the full gradient: $name', ({ batchNorm, ghostBatch }) => {
    const obj = tinyNet({ batchNorm, ghostBatch, weightDecay: 0.01 });
    const w = randomState(obj, 4);
    const full = new Float64Array(obj.dim);
    const lossFull = obj.fullLossGrad(w, 'train', full);
    const mean = new Float64Array(obj.dim);
    const g = new Float64Array(obj.dim);
    let loss = 0;
    for (let i = 0; i < obj.nTrain; i++) {
      loss += obj.sampleGrad(w, 'train', i, g) / obj.nTrain;
      for (let j = 0; j < obj.dim; j++) mean[j]! += g[j]! / obj.nTrain;
    }
    expect(loss).toBeCloseTo(lossFull, 12);
    expect(relErr(mean, full)).toBeLessThan(1e-12);
  });

  it('without BN, training and inference mode are the same function', () => {
    const obj = tinyNet({ activation: 'relu' });
    const w = randomState(obj, 2);
    const a = new Float64Array(obj.dim);
    const b = new Float64Array(obj.dim);
    const la = obj.batchLossGrad(w, 'test', identityIndex(obj.nTest), 0, obj.nTest, a);
    const lb = obj.fullLossGrad(w, 'test', b);
    expect(la).toBeCloseTo(lb, 13);
    expect(relErr(a, b)).toBeLessThan(1e-13);
  });
});

describe('Hessian-vector products (R-operator, inference mode)', () => {
  it.each(VARIANTS)('equal finite differences of the exact gradient: $name', (variant) => {
    const obj = tinyNet({ ...variant, weightDecay: 0.02, hidden: [6, 5] });
    const w = randomState(obj, 5);
    const v = randomVector(obj.dim, 6);
    const hv = new Float64Array(obj.dim);
    obj.hvp(w, 'train', v, hv);
    const h = 1e-5;
    const gp = new Float64Array(obj.dim);
    const gm = new Float64Array(obj.dim);
    const wp = Float64Array.from(w, (x, j) => (j < obj.trainDim ? x + h * v[j]! : x));
    const wm = Float64Array.from(w, (x, j) => (j < obj.trainDim ? x - h * v[j]! : x));
    obj.fullLossGrad(wp, 'train', gp);
    obj.fullLossGrad(wm, 'train', gm);
    const fd = gp.map((x, j) => (x - gm[j]!) / (2 * h));
    expect(relErr(hv, fd)).toBeLessThan(1e-6);
    expect(hv.subarray(obj.trainDim).every((x) => x === 0)).toBe(true);
  });

  it('build the same symmetric matrix as a finite-difference Hessian of a tiny BN net', () => {
    const obj = tinyNet({ batchNorm: true, hidden: [3, 2], n: 10 });
    const w = randomState(obj, 7);
    const d = obj.trainDim;
    const H = Array.from({ length: d }, (_, j) => {
      const e = new Float64Array(obj.dim);
      e[j] = 1;
      const col = new Float64Array(obj.dim);
      obj.hvp(w, 'train', e, col);
      return col.subarray(0, d);
    });
    // Second differences of the loss itself, no gradients involved.
    const f = (p: Float64Array) => obj.fullLossGrad(p, 'train', null);
    const h = 1e-4;
    const f0 = f(w);
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < d; i++) {
      for (let j = i; j < d; j++) {
        const p = Float64Array.from(w);
        const at = (si: number, sj: number) => {
          p.set(w);
          p[i]! += si * h;
          p[j]! += sj * h;
          return f(p);
        };
        const fd =
          i === j
            ? (at(1, 0) - 2 * f0 + at(-1, 0)) / (h * h)
            : (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h);
        worst = Math.max(worst, Math.abs(H[i]![j]! - fd), Math.abs(H[j]![i]! - H[i]![j]!));
        scale = Math.max(scale, Math.abs(fd));
      }
    }
    expect(worst / scale).toBeLessThan(1e-5);
  });
});
