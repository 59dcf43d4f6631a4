/** Ghost BatchNorm's invariants (DESIGN §5), in isolation and inside the network. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { BN_EPS, ghostBnForward } from './batchnorm';
import { randomState, tinyNet } from './nn.testutil';

const B = 12;
const V = 4;
const idx = Uint32Array.from([5, 0, 17, 3, 9, 22, 11, 2, 14, 7, 19, 1]);

describe('ghostBnForward', () => {
  const F = 3;
  const rng = createRng(9, 'bn');
  const z = Float64Array.from({ length: B * F }, () => 2 + 3 * rng.normal());
  const p = Float64Array.from([1.5, 0.5, 2, -0.3, 0.2, 0.7]); // γ then β
  const out = () => ({
    xhat: new Float64Array(B * F),
    y: new Float64Array(B * F),
    mean: new Float64Array(B * F),
    variance: new Float64Array(B * F),
    invStd: new Float64Array(B * F),
  });

  it('normalises each ghost batch to mean 0 and variance ≈ 1 per feature', () => {
    const o = out();
    ghostBnForward(z, B, F, V, p, 0, 3, o.xhat, o.y, o.mean, o.variance, o.invStd);
    for (let k = 0; k < B / V; k++) {
      for (let f = 0; f < F; f++) {
        const rows = Array.from({ length: V }, (_, r) => o.xhat[(k * V + r) * F + f]!);
        const m = rows.reduce((s, x) => s + x, 0) / V;
        const v = rows.reduce((s, x) => s + (x - m) ** 2, 0) / V;
        const sigma2 = o.variance[k * F + f]!;
        expect(Math.abs(m)).toBeLessThan(1e-15);
        // Biased variance: exactly σ²/(σ² + ε), i.e. 1 up to ε.
        expect(v).toBeCloseTo(sigma2 / (sigma2 + BN_EPS), 12);
        expect(Math.abs(v - 1)).toBeLessThan(1e-4);
        // y = γ·x̂ + β has mean β.
        const ym = rows.reduce((s, _, r) => s + o.y[(k * V + r) * F + f]!, 0) / V;
        expect(ym).toBeCloseTo(p[3 + f]!, 12);
      }
    }
  });

  it('a sample depends only on its own ghost batch', () => {
    const a = out();
    const b = out();
    ghostBnForward(z, B, F, V, p, 0, 3, a.xhat, a.y, a.mean, a.variance, a.invStd);
    const moved = Float64Array.from(z);
    for (let k = 2 * V * F; k < 3 * V * F; k++) moved[k]! += 10 * Math.sin(k); // third ghost batch
    ghostBnForward(moved, B, F, V, p, 0, 3, b.xhat, b.y, b.mean, b.variance, b.invStd);
    expect(Array.from(b.y.subarray(0, 2 * V * F))).toEqual(Array.from(a.y.subarray(0, 2 * V * F)));
    expect(b.y.subarray(2 * V * F)).not.toEqual(a.y.subarray(2 * V * F));
  });
});

describe('Ghost BN inside the network', () => {
  const plain = tinyNet({ batchNorm: true, ghostBatch: 0 });
  const ghostB = tinyNet({ batchNorm: true, ghostBatch: B });
  const ghost4 = tinyNet({ batchNorm: true, ghostBatch: V });
  const w = randomState(plain, 11);

  it('v = B is plain BatchNorm, bit for bit (loss, gradient, running statistics)', () => {
    const ga = new Float64Array(plain.dim);
    const gb = new Float64Array(plain.dim);
    expect(ghostB.batchLossGrad(w, 'train', idx, 0, B, gb)).toBe(
      plain.batchLossGrad(w, 'train', idx, 0, B, ga),
    );
    expect(Array.from(gb)).toEqual(Array.from(ga));
    const wa = Float64Array.from(w);
    const wb = Float64Array.from(w);
    plain.trainStep(wa, idx, 0, B, ga);
    ghostB.trainStep(wb, idx, 0, B, gb);
    expect(Array.from(wb)).toEqual(Array.from(wa));
  });

  it("a sample's output depends only on its own ghost batch (training mode)", () => {
    const logits = (obj: typeof plain, order: Uint32Array) => {
      obj.batchLossGrad(w, 'train', order, 0, B, null);
      return Array.from(obj.net.logits.subarray(0, B * 2));
    };
    // Replace the third ghost batch's samples by other samples.
    const other = Uint32Array.from(idx);
    other.set([4, 6, 8, 10], 2 * V);
    const a = logits(ghost4, idx);
    const b = logits(ghost4, other);
    expect(b.slice(0, 2 * V * 2)).toEqual(a.slice(0, 2 * V * 2));
    expect(b.slice(2 * V * 2)).not.toEqual(a.slice(2 * V * 2));
    // Plain BN over the whole batch sees the change everywhere (the check has teeth).
    expect(logits(plain, other).slice(0, 2 * V * 2)).not.toEqual(
      logits(plain, idx).slice(0, 2 * V * 2),
    );
  });

  it('a training step updates the running statistics once per ghost batch, in order', () => {
    const L = ghost4.layout.layers[0]!;
    const m = ghost4.options.bnMomentum;
    const before = Float64Array.from(w);
    const after = Float64Array.from(w);
    ghost4.trainStep(after, idx, 0, B, new Float64Array(ghost4.dim));
    // Trained entries are untouched by the step itself (the optimizer moves them).
    expect(Array.from(after.subarray(0, ghost4.trainDim))).toEqual(
      Array.from(before.subarray(0, ghost4.trainDim)),
    );
    const x = ghost4.data.train.x;
    for (let f = 0; f < L.fanOut; f++) {
      let rm = before[L.runMean + f]!;
      let rv = before[L.runVar + f]!;
      for (let k = 0; k < B / V; k++) {
        const zs = Array.from({ length: V }, (_, r) => {
          const i = idx[k * V + r]!;
          return x[2 * i]! * w[L.w + 2 * f]! + x[2 * i + 1]! * w[L.w + 2 * f + 1]!;
        });
        const mu = zs.reduce((s, q) => s + q, 0) / V;
        const unbiased = zs.reduce((s, q) => s + (q - mu) ** 2, 0) / (V - 1);
        rm = (1 - m) * rm + m * mu;
        rv = (1 - m) * rv + m * unbiased;
      }
      expect(after[L.runMean + f]).toBeCloseTo(rm, 13);
      expect(after[L.runVar + f]).toBeCloseTo(rv, 13);
    }
    // The second BN layer's statistics moved too; batchLossGrad alone moves nothing.
    const L2 = ghost4.layout.layers[1]!;
    expect(after[L2.runMean]).not.toBe(before[L2.runMean]);
    const untouched = Float64Array.from(w);
    ghost4.batchLossGrad(untouched, 'train', idx, 0, B, new Float64Array(ghost4.dim));
    expect(Array.from(untouched)).toEqual(Array.from(w));
  });

  it('inference mode uses the running statistics: equal to training mode when they match', () => {
    const obj = tinyNet({ batchNorm: true, hidden: [4] });
    const wi = randomState(obj, 12);
    const all = Uint32Array.from({ length: obj.nTrain }, (_, i) => i);
    const train = obj.batchLossGrad(wi, 'train', all, 0, obj.nTrain, null);
    // Set the running statistics to this batch's mean and biased variance.
    const L = obj.layout.layers[0]!;
    const x = obj.data.train.x;
    for (let f = 0; f < L.fanOut; f++) {
      const zs = Array.from(
        all,
        (i) => x[2 * i]! * wi[L.w + 2 * f]! + x[2 * i + 1]! * wi[L.w + 2 * f + 1]!,
      );
      const mu = zs.reduce((s, q) => s + q, 0) / zs.length;
      wi[L.runMean + f] = mu;
      wi[L.runVar + f] = zs.reduce((s, q) => s + (q - mu) ** 2, 0) / zs.length;
    }
    expect(obj.fullLossGrad(wi, 'train', null)).toBeCloseTo(train, 12);
    expect(obj.fullLossGrad(wi, 'train', null)).not.toBe(
      obj.fullLossGrad(randomState(obj, 12), 'train', null),
    );
  });

  it('rejects a ghost batch that does not divide the batch', () => {
    expect(() => ghost4.batchLossGrad(w, 'train', idx, 0, 10, null)).toThrow(/does not divide/);
  });
});
