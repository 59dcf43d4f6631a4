import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Split } from './types';
import { objectiveCases, relErr, resolved } from './cases.testutil';
import { buildObjective } from '../presets';
import { identityIndex } from '../data';

// Central differences: truncation O(h²·f''') and round-off O(ε·|f|/h) both stay far
// below 1e-5 relative at this step for every preset (the sharpest well has radius 0.04).
const H = 1e-5;
const RTOL = 1e-5;

function centralDiff(f: (w: Float64Array) => number, w: Float64Array): Float64Array {
  const g = new Float64Array(w.length);
  const p = Float64Array.from(w);
  for (let j = 0; j < w.length; j++) {
    p[j] = w[j]! + H;
    const up = f(p);
    p[j] = w[j]! - H;
    const down = f(p);
    p[j] = w[j]!;
    g[j] = (up - down) / (2 * H);
  }
  return g;
}

const point = (dim: number, scale: number) =>
  fc
    .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: dim, maxLength: dim })
    .map((xs) => Float64Array.from(xs, (x) => x * scale));

describe.each(objectiveCases())('$name', ({ objective: obj, scale }) => {
  it('batchLossGrad matches central differences at random points and batches', () => {
    const batch = fc.record({
      w: point(obj.dim, scale),
      split: fc.constantFrom<Split>('train', 'test'),
      // Any index list, with a random [from, to) window into it (repeats allowed).
      idx: fc.array(fc.nat({ max: Math.min(obj.nTrain, obj.nTest) - 1 }), {
        minLength: 1,
        maxLength: 40,
      }),
      skip: fc.nat({ max: 5 }),
    });
    fc.assert(
      fc.property(batch, ({ w, split, idx, skip }) => {
        const index = Uint32Array.from(idx);
        const from = Math.min(skip, index.length - 1);
        const to = index.length;
        const g = new Float64Array(obj.dim);
        const loss = obj.batchLossGrad(w, split, index, from, to, g);
        const fd = centralDiff((p) => obj.batchLossGrad(p, split, index, from, to, null), w);
        expect(relErr(fd, g, 1e-3)).toBeLessThan(RTOL);
        // Asking for the gradient never changes the loss.
        expect(obj.batchLossGrad(w, split, index, from, to, null)).toBe(loss);
      }),
      { numRuns: 40 },
    );
  });

  it('full-split gradient and loss are the means of the per-sample ones', () => {
    fc.assert(
      fc.property(point(obj.dim, scale), fc.constantFrom<Split>('train', 'test'), (w, split) => {
        const n = split === 'train' ? obj.nTrain : obj.nTest;
        const full = new Float64Array(obj.dim);
        const fullLoss = obj.fullLossGrad(w, split, full);
        const mean = new Float64Array(obj.dim);
        const gi = new Float64Array(obj.dim);
        let meanLoss = 0;
        for (let i = 0; i < n; i++) {
          meanLoss += obj.sampleGrad(w, split, i, gi) / n;
          for (let j = 0; j < obj.dim; j++) mean[j]! += gi[j]! / n;
        }
        expect(relErr(mean, full, 1e-6)).toBeLessThan(1e-10);
        expect(Math.abs(meanLoss - fullLoss)).toBeLessThan(1e-10 * Math.max(1, Math.abs(fullLoss)));
        // The same samples through batchLossGrad (full-split paths may use a faster formula,
        // e.g. closed-form split means, so agreement is to rounding, not bitwise).
        const viaBatch = new Float64Array(obj.dim);
        const batchLoss = obj.batchLossGrad(w, split, identityIndex(n), 0, n, viaBatch);
        expect(relErr(viaBatch, full, 1e-6)).toBeLessThan(1e-10);
        expect(Math.abs(batchLoss - fullLoss)).toBeLessThan(
          1e-10 * Math.max(1, Math.abs(fullLoss)),
        );
      }),
      { numRuns: 10 },
    );
  });
});

describe('train/test shift', () => {
  // Large splits so the sampling error of the offset means (s·√(2/N)) is far below δ.
  it('on bowl, the test minimum sits δ away from the train minimum', () => {
    const shift = [0.1, -0.06];
    const config = resolved({ preset: 'bowl', landscape: { n: 40000, nTest: 40000, shift } });
    const obj = buildObjective(config);
    const argmin = (split: Split): number[] => {
      // The bowl is exactly quadratic: one Newton step from anywhere lands on the minimum.
      const w = new Float64Array(2);
      const g = new Float64Array(2);
      const h = new Float64Array(3);
      obj.fullLossGrad(w, split, g);
      obj.hessian2!(w, split, h);
      const det = h[0]! * h[2]! - h[1]! * h[1]!;
      return [-(h[2]! * g[0]! - h[1]! * g[1]!) / det, -(h[0]! * g[1]! - h[1]! * g[0]!) / det];
    };
    const train = argmin('train');
    const test = argmin('test');
    const sampling = config.landscape.spread * Math.sqrt(2 / 40000);
    for (let j = 0; j < 2; j++) {
      expect(Math.abs(test[j]! - train[j]! - shift[j]!)).toBeLessThan(5 * sampling);
    }
  });

  it('on quadratic-nd, the test gradient at the train minimum is H·δ', () => {
    const dim = 6;
    const config = resolved({
      preset: 'quadratic-nd',
      landscape: { dim, n: 40000, nTest: 40000, shift: [0.2], spread: 0.1 },
    });
    const obj = buildObjective(config);
    // ∇L_split(w) = H (w − mean centre), so ∇L_test − ∇L_train = −H (δ + sampling error).
    const w = new Float64Array(dim);
    const gTrain = new Float64Array(dim);
    const gTest = new Float64Array(dim);
    obj.fullLossGrad(w, 'train', gTrain);
    obj.fullLossGrad(w, 'test', gTest);
    const diff = Float64Array.from(gTrain, (g, j) => g - gTest[j]!);
    const hDelta = new Float64Array(dim);
    obj.hvp(w, 'train', new Float64Array(dim).fill(0.2), hDelta);
    const sampling = config.landscape.spread * Math.sqrt(2 / 40000) * config.landscape.lambdaMax;
    for (let j = 0; j < dim; j++)
      expect(Math.abs(diff[j]! - hDelta[j]!)).toBeLessThan(6 * sampling);
  });
});
