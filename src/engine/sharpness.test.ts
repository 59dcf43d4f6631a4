import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { epsilonSharpness } from './sharpness';
import { buildObjective } from './presets';
import { resolveOrThrow } from './sweep';
import type { Objective } from './objectives/types';
import type { QuadraticNdObjective } from './objectives/quadraticNd';

function quadratic(dim: number, dataSeed = 1): QuadraticNdObjective {
  const config = resolveOrThrow({
    preset: 'quadratic-nd',
    landscape: { dim, n: 64, nTest: 64, dataSeed, lambdaMax: 10, lambdaMin: 0.5 },
  });
  return buildObjective(config) as QuadraticNdObjective;
}

/**
 * The exact minimiser of the FULL train loss of quadratic-nd: L(w) = ½(Qw − c̄)ᵀΛ(Qw − c̄) + k
 * with Q an involution, so w* = Q c̄. c̄ is private, but ∇L(0) = −QΛc̄ gives it back:
 * c̄ = −Λ⁻¹ Q ∇L(0).
 */
function quadraticMinimum(obj: QuadraticNdObjective): Float64Array {
  const g = new Float64Array(obj.dim);
  obj.fullLossGrad(new Float64Array(obj.dim), 'train', g);
  obj.reflect(g);
  const w = Float64Array.from(g, (gj, j) => -gj / obj.spectrum[j]!);
  obj.reflect(w);
  return w;
}

/** The bowl preset is ½(c·x² + 4c·y²) averaged over offsets: its minimum is the offsets' mean. */
function bowlMinimum(obj: Objective): Float64Array {
  // Two Newton steps on a quadratic land exactly (up to rounding) on the minimum.
  const w = new Float64Array(2);
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  for (let it = 0; it < 2; it++) {
    obj.fullLossGrad(w, 'train', g);
    obj.hessian2!(w, 'train', h);
    const det = h[0]! * h[2]! - h[1]! * h[1]!;
    w[0] -= (h[2]! * g[0]! - h[1]! * g[1]!) / det;
    w[1] -= (h[0]! * g[1]! - h[1]! * g[0]!) / det;
  }
  return w;
}

/**
 * φ by brute force over the box corners, with the rise computed as ½ yᵀHy from exact
 * Hessian-vector products (not from differences of losses): at the minimum of a quadratic,
 * f(x + y) − f(x) = ½ yᵀHy exactly, and the maximum of a convex function on a box is at a corner.
 */
function exactCornerPhi(obj: Objective, x: Float64Array, eps: number): number {
  const d = obj.dim;
  const fx = obj.fullLossGrad(x, 'train', null);
  const hy = new Float64Array(d);
  let best = 0;
  for (let mask = 0; mask < 1 << d; mask++) {
    const y = Float64Array.from(
      x,
      (xi, j) => ((mask >> j) & 1 ? 1 : -1) * eps * (Math.abs(xi) + 1),
    );
    obj.hvp(x, 'train', y, hy);
    let rise = 0;
    for (let j = 0; j < d; j++) rise += 0.5 * y[j]! * hy[j]!;
    best = Math.max(best, rise);
  }
  return (100 * best) / (1 + fx);
}

describe('epsilonSharpness', () => {
  it('equals the exact box-corner maximum at the minimum of quadratic-nd (dim 2…6)', () => {
    for (let dim = 2; dim <= 6; dim++) {
      const obj = quadratic(dim, dim);
      const x = quadraticMinimum(obj);
      // x really is the minimum: the gradient vanishes there.
      const g = new Float64Array(dim);
      obj.fullLossGrad(x, 'train', g);
      expect(Math.hypot(...g)).toBeLessThan(1e-12);
      for (const eps of [1e-3, 0.05, 0.3]) {
        const exact = exactCornerPhi(obj, x, eps);
        const phi = epsilonSharpness(obj, x, { eps }).phi;
        expect(Math.abs(phi - exact) / exact, `dim ${dim}, ε ${eps}`).toBeLessThan(1e-9);
      }
    }
  });

  it('equals the exact box-corner maximum at the minimum of the bowl preset', () => {
    const obj = buildObjective(resolveOrThrow({ preset: 'bowl' }));
    const x = bowlMinimum(obj);
    for (const eps of [0.01, 0.05, 0.2]) {
      const exact = exactCornerPhi(obj, x, eps);
      const phi = epsilonSharpness(obj, x, { eps }).phi;
      expect(Math.abs(phi - exact) / exact).toBeLessThan(1e-9);
    }
  });

  it('the maximiser lies in the box and reproduces φ', () => {
    const obj = quadratic(4);
    const x = quadraticMinimum(obj);
    const r = epsilonSharpness(obj, x, { eps: 0.05 });
    r.argmax.forEach((y, j) =>
      expect(Math.abs(y)).toBeLessThanOrEqual(0.05 * (Math.abs(x[j]!) + 1)),
    );
    const p = Float64Array.from(x, (xi, j) => xi + r.argmax[j]!);
    expect(obj.fullLossGrad(p, 'train', null)).toBe(r.max);
    expect(r.phi).toBeCloseTo((100 * (r.max - r.base)) / (1 + r.base), 12);
  });

  const sharpFlat = buildObjective(resolveOrThrow({ preset: 'sharp-flat' }));

  // sharp-flat's losses are negative near the wells (down to ≈ −1.6), where Keskar's raw
  // 1 + f(x) would flip φ's sign: this is the check that the denominator is clamped.
  it('is ≥ 0 anywhere and grows with ε (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1.2, max: 1.6, noNaN: true }),
        fc.double({ min: -1.2, max: 1.2, noNaN: true }),
        fc.double({ min: 1e-3, max: 0.2, noNaN: true }),
        (a, b, eps) => {
          const x = Float64Array.of(a, b);
          const small = epsilonSharpness(sharpFlat, x, { eps }).phi;
          const large = epsilonSharpness(sharpFlat, x, { eps: 2 * eps }).phi;
          expect(small).toBeGreaterThanOrEqual(0);
          // The small box lies inside the large one; ascent is local, so allow rounding only.
          expect(large).toBeGreaterThanOrEqual(small * (1 - 1e-9));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('grows with ε at a quadratic minimum exactly like ε² (rise ∝ ½ yᵀHy)', () => {
    const obj = quadratic(3);
    const x = quadraticMinimum(obj);
    const eps = [0.01, 0.02, 0.04, 0.08];
    const phi = eps.map((e) => epsilonSharpness(obj, x, { eps: e }).phi);
    for (let i = 1; i < phi.length; i++) expect(phi[i]! / phi[i - 1]!).toBeCloseTo(4, 9);
  });

  // The box scales with |x_i| + 1, so the flat minimum (x ≈ 0.7) gets a 1.7× wider box in x;
  // even so its φ is ~7× smaller (λ_max ≈ 54 vs ≈ 8 at the two basin centres).
  it('on sharp-flat, the sharp minimum is far sharper than the flat one', () => {
    const centre = (id: string) =>
      Float64Array.from(sharpFlat.basins.find((b) => b.id === id)!.center);
    for (const eps of [0.01, 0.05]) {
      const sharp = epsilonSharpness(sharpFlat, centre('sharp'), { eps }).phi;
      const flat = epsilonSharpness(sharpFlat, centre('flat'), { eps }).phi;
      expect(flat).toBeGreaterThan(0);
      expect(sharp).toBeGreaterThan(5 * flat);
    }
  });

  it('is deterministic in its seed (random starts come from the seeded rng)', () => {
    const obj = quadratic(12); // above the corner limit: random starts only
    const x = quadraticMinimum(obj);
    const a = epsilonSharpness(obj, x, { eps: 0.05, seed: 3 });
    const b = epsilonSharpness(obj, x, { eps: 0.05, seed: 3 });
    expect(a).toEqual(b);
    expect(a.phi).toBeGreaterThan(0);
  });
});
