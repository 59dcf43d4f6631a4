import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Split } from './types';
import { objectiveCases, relErr, resolved } from './cases.testutil';
import { QuadraticNdObjective } from './quadraticNd';
import { buildObjective } from '../presets';
import { dot } from '../linalg';

const H = 1e-5;

const vec = (dim: number, scale: number) =>
  fc
    .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: dim, maxLength: dim })
    .map((xs) => Float64Array.from(xs, (x) => x * scale));

const nonZero = (dim: number) => vec(dim, 1).filter((v) => Math.hypot(...v) > 1e-3);

const split = fc.constantFrom<Split>('train', 'test');

describe.each(objectiveCases())('$name', ({ objective: obj, scale }) => {
  const d = obj.dim;

  it('hvp matches central differences of the full-split gradient', () => {
    fc.assert(
      fc.property(vec(d, scale), nonZero(d), split, (w, v, s) => {
        const hv = new Float64Array(d);
        obj.hvp(w, s, v, hv);
        const gp = new Float64Array(d);
        const gm = new Float64Array(d);
        obj.fullLossGrad(
          Float64Array.from(w, (x, j) => x + H * v[j]!),
          s,
          gp,
        );
        obj.fullLossGrad(
          Float64Array.from(w, (x, j) => x - H * v[j]!),
          s,
          gm,
        );
        const fd = Float64Array.from(gp, (g, j) => (g - gm[j]!) / (2 * H));
        expect(relErr(fd, hv, 1e-3)).toBeLessThan(1e-5);
      }),
      { numRuns: 15 },
    );
  });

  it('is symmetric: vᵀHu = uᵀHv', () => {
    fc.assert(
      fc.property(vec(d, scale), nonZero(d), nonZero(d), split, (w, u, v, s) => {
        const hu = new Float64Array(d);
        const hv = new Float64Array(d);
        obj.hvp(w, s, u, hu);
        obj.hvp(w, s, v, hv);
        const a = dot(v, hu);
        const b = dot(u, hv);
        const size = Math.sqrt(dot(hu, hu) * dot(v, v)) + Math.sqrt(dot(hv, hv) * dot(u, u));
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(size, 1e-300));
      }),
      { numRuns: 15 },
    );
  });
});

describe.each(objectiveCases().filter((c) => c.objective.dim === 2 && c.objective.hessian2))(
  '$name 2×2',
  (c) => {
    const { objective: obj, scale } = c;
    it('hessian2 equals the HVPs with unit vectors', () => {
      fc.assert(
        fc.property(vec(2, scale), split, (w, s) => {
          const h = new Float64Array(3);
          obj.hessian2!(w, s, h);
          const c0 = new Float64Array(2);
          const c1 = new Float64Array(2);
          obj.hvp(w, s, Float64Array.of(1, 0), c0);
          obj.hvp(w, s, Float64Array.of(0, 1), c1);
          const tol = 1e-12 * (Math.abs(h[0]!) + Math.abs(h[1]!) + Math.abs(h[2]!));
          // [hxx, hxy; hxy, hyy]: the columns of H, and the two off-diagonal entries agree.
          expect(Math.abs(c0[0]! - h[0]!)).toBeLessThanOrEqual(tol);
          expect(Math.abs(c0[1]! - h[1]!)).toBeLessThanOrEqual(tol);
          expect(Math.abs(c1[0]! - h[1]!)).toBeLessThanOrEqual(tol);
          expect(Math.abs(c1[1]! - h[2]!)).toBeLessThanOrEqual(tol);
        }),
        { numRuns: 25 },
      );
    });
  },
);

describe('quadratic-nd spectrum', () => {
  it('H (Q e_j) = λ_j (Q e_j) for the documented spectrum, at any point and split', () => {
    const obj = buildObjective(resolved({ preset: 'quadratic-nd', landscape: { dim: 9 } }));
    expect(obj).toBeInstanceOf(QuadraticNdObjective);
    const q = obj as QuadraticNdObjective;
    const l = resolved({ preset: 'quadratic-nd' }).landscape;
    expect(q.spectrum[0]).toBeCloseTo(l.lambdaMax, 12);
    expect(q.spectrum[8]).toBeCloseTo(l.lambdaMin, 12);
    for (let j = 0; j < 9; j++) {
      const e = new Float64Array(9);
      e[j] = 1;
      q.reflect(e);
      const he = new Float64Array(9);
      q.hvp(
        Float64Array.from({ length: 9 }, (_, i) => i - 4),
        j % 2 ? 'test' : 'train',
        e,
        he,
      );
      const expected = Float64Array.from(e, (x) => q.spectrum[j]! * x);
      expect(relErr(he, expected)).toBeLessThan(1e-12);
    }
  });
});
