import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eig2, eigvec2, lanczos, tridiagEigenvalues } from './linalg';
import { buildObjective } from './presets';
import { resolved } from './objectives/cases.testutil';
import { QuadraticNdObjective } from './objectives/quadraticNd';
import { createRng } from './rng';

// Subnormal entries (|x| < 2.2e-308) are out of scope: no Hessian the engine meets has them,
// and eig2/tridiagEigenvalues do lose accuracy there.
const normal = (max: number) =>
  fc.double({ min: -max, max, noNaN: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-290);

// Entries spanning many magnitudes, including exact zeros and near-diagonal matrices.
const entry = fc.oneof(normal(1e3), fc.constantFrom(0, 1, -1, 1e-17, -1e-12, 1e-300));
const sym2 = fc.tuple(entry, entry, entry);

describe('eig2 / eigvec2', () => {
  it('eigenvalues are the roots of the characteristic polynomial', () => {
    fc.assert(
      fc.property(sym2, ([a, b, c]) => {
        const [lo, hi] = eig2(a, b, c);
        expect(lo).toBeLessThanOrEqual(hi);
        const scale = Math.abs(a) + 2 * Math.abs(b) + Math.abs(c) || 1;
        const eps = Number.EPSILON;
        // Work in units of ‖A‖ so tiny matrices do not underflow the tolerances.
        const [x, y, z, l0, l1] = [a, b, c, lo, hi].map((v) => v / scale) as number[];
        // Both roots of p(λ) = λ² − (a + c)λ + (ac − b²), to rounding…
        for (const l of [l0!, l1!]) {
          expect(Math.abs(l * l - (x! + z!) * l + (x! * z! - y! * y!))).toBeLessThanOrEqual(
            16 * eps,
          );
        }
        // …and the right pair of roots: trace and determinant are reproduced.
        expect(Math.abs(l0! + l1! - (x! + z!))).toBeLessThanOrEqual(8 * eps);
        expect(Math.abs(l0! * l1! - (x! * z! - y! * y!))).toBeLessThanOrEqual(16 * eps);
      }),
      { numRuns: 2000 },
    );
  });

  it('eigenvectors of nearly diagonal matrices point along the axes (regression)', () => {
    // λ_max − a cancels to round-off here; the old formula returned (0, 1) for λ = −1e-12.
    const [[x0, y0], [x1, y1]] = eigvec2(-1e-12, 0, -1);
    expect([Math.abs(x0), Math.abs(y0), Math.abs(x1), Math.abs(y1)]).toEqual([0, 1, 1, 0]);
  });

  it('eigenvectors are orthonormal and satisfy A v = λ v', () => {
    fc.assert(
      fc.property(sym2, ([a, b, c]) => {
        const lambdas = eig2(a, b, c);
        const vecs = eigvec2(a, b, c);
        const scale = Math.abs(a) + 2 * Math.abs(b) + Math.abs(c) + 1e-300;
        for (let k = 0; k < 2; k++) {
          const [x, y] = vecs[k]!;
          const l = lambdas[k]!;
          expect(Math.abs(Math.hypot(x, y) - 1)).toBeLessThan(1e-14);
          const rx = a * x + b * y - l * x;
          const ry = b * x + c * y - l * y;
          expect(Math.hypot(rx, ry) / scale, `A=[${a},${b};${b},${c}] k=${k}`).toBeLessThan(1e-13);
        }
        const [[x0, y0], [x1, y1]] = vecs;
        expect(Math.abs(x0 * x1 + y0 * y1)).toBeLessThan(1e-14);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tridiagEigenvalues', () => {
  it('reproduces the 1-D Laplacian spectrum 2 − 2cos(kπ/(n+1))', () => {
    for (const n of [1, 2, 3, 10, 50]) {
      const ev = tridiagEigenvalues(new Array(n).fill(2), new Array(n - 1).fill(-1));
      const exact = Array.from(
        { length: n },
        (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)),
      );
      ev.forEach((x, k) => expect(Math.abs(x - exact[k]!)).toBeLessThan(1e-12));
    }
  });

  it('agrees with eig2 for 2×2 and with decoupled blocks', () => {
    const [lo, hi] = eig2(3, -1.5, 0.5);
    const ev = tridiagEigenvalues([3, 0.5], [-1.5]);
    expect(ev[0]).toBeCloseTo(lo, 13);
    expect(ev[1]).toBeCloseTo(hi, 13);
    // A tiny coupling between zero diagonals must not swallow the ±1 pair (regression).
    const split = tridiagEigenvalues([0, 0, 0, 0], [1, 1e-200, 1e-200]);
    expect(split[0]).toBeCloseTo(-1, 14);
    expect(split[3]).toBeCloseTo(1, 14);
    // A zero off-diagonal splits the matrix: a diagonal comes back sorted.
    expect(tridiagEigenvalues([4, -2, 7, 0], [0, 0, 0])).toEqual([-2, 0, 4, 7]);
  });

  it('preserves trace and Frobenius norm; Sturm counts bracket every eigenvalue', () => {
    const arr = (len: number) => fc.array(normal(10), { minLength: len, maxLength: len });
    const tri = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(arr(n), arr(n - 1)));
    fc.assert(
      fc.property(tri, ([alpha, beta]) => {
        const ev = tridiagEigenvalues(alpha, beta);
        const scale = 1 + Math.max(...alpha.map(Math.abs), ...beta.map(Math.abs));
        const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
        expect(Math.abs(sum(ev) - sum(alpha))).toBeLessThan(1e-11 * scale * alpha.length);
        const frob = sum(alpha.map((x) => x * x)) + 2 * sum(beta.map((x) => x * x));
        expect(Math.abs(sum(ev.map((x) => x * x)) - frob)).toBeLessThan(
          1e-10 * scale * scale * alpha.length,
        );
        // Sturm counts bracket every eigenvalue: if each computed λ is within tol of a true
        // one, #true(< λ − tol) ≤ #computed(< λ) and #true(< λ + tol) ≥ #computed(≤ λ).
        const tol = 1e-9 * scale;
        for (const l of ev) {
          expect(countBelow(alpha, beta, l - tol)).toBeLessThanOrEqual(
            ev.filter((x) => x < l).length,
          );
          expect(countBelow(alpha, beta, l + tol)).toBeGreaterThanOrEqual(
            ev.filter((x) => x <= l).length,
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** Number of eigenvalues of the tridiagonal matrix below x (Sturm sequence / LDLᵀ inertia). */
function countBelow(alpha: number[], beta: number[], x: number): number {
  let count = 0;
  let q = 1;
  for (let i = 0; i < alpha.length; i++) {
    const b2 = i > 0 ? beta[i - 1]! ** 2 : 0;
    q = alpha[i]! - x - (i > 0 ? b2 / (q === 0 ? 1e-300 : q) : 0);
    if (q < 0) count++;
  }
  return count;
}

describe('lanczos on quadratic-nd', () => {
  const quad = (dim: number) =>
    buildObjective(
      resolved({ preset: 'quadratic-nd', landscape: { dim } }),
    ) as QuadraticNdObjective;

  it('with k = dim recovers the whole known spectrum (1e-6 relative)', () => {
    for (const dim of [2, 7, 20]) {
      const obj = quad(dim);
      const res = lanczos((v, out) => obj.hvp(v, 'train', v, out), dim, dim, createRng(dim, 'lz'));
      const spectrum = Array.from(obj.spectrum).sort((a, b) => a - b);
      expect(res.ritz.length).toBe(dim);
      res.ritz.forEach((r, j) => expect(Math.abs(r / spectrum[j]! - 1)).toBeLessThan(1e-6));
      expect(Math.abs(res.lambdaMax / obj.spectrum[0]! - 1)).toBeLessThan(1e-6);
      expect(Math.abs(res.lambdaMin / obj.spectrum[dim - 1]! - 1)).toBeLessThan(1e-6);
    }
  });

  it('finds λ_max of a 200-D quadratic in 60 iterations (1e-6 relative)', () => {
    const obj = quad(200);
    for (const seed of [1, 2, 3]) {
      const res = lanczos((v, out) => obj.hvp(v, 'train', v, out), 200, 60, createRng(seed, 'lz'));
      expect(res.iterations).toBe(60);
      expect(Math.abs(res.lambdaMax / obj.spectrum[0]! - 1)).toBeLessThan(1e-6);
      // Ritz values interlace: never outside the true spectrum.
      expect(res.lambdaMin).toBeGreaterThanOrEqual(obj.spectrum[199]! * (1 - 1e-12));
    }
  });
});
