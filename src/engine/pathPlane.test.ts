import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pathPlane } from './pathPlane';
import { createRng } from './rng';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
};

/** Points c + a·u + b·v (+ noise·e) for random orthonormal u, v in `dim` dimensions. */
function planar(dim: number, count: number, seed: number, noise = 0) {
  const rng = createRng(seed, 'test');
  const g = () => Float64Array.from({ length: dim }, () => rng.normal());
  const u = g();
  const nu = Math.sqrt(dot(u, u));
  for (let j = 0; j < dim; j++) u[j]! /= nu;
  const v = g();
  const p = dot(v, u);
  for (let j = 0; j < dim; j++) v[j]! -= p * u[j]!;
  const nv = Math.sqrt(dot(v, v));
  for (let j = 0; j < dim; j++) v[j]! /= nv;
  const center = g();
  const pts = new Float64Array(count * dim);
  for (let i = 0; i < count; i++) {
    const a = 3 * rng.normal();
    const b = rng.normal();
    for (let j = 0; j < dim; j++)
      pts[i * dim + j] = center[j]! + a * u[j]! + b * v[j]! + noise * rng.normal();
  }
  return { pts, center, u, v };
}

describe('pathPlane', () => {
  it('recovers a plane that holds every point: explained = 1, the points are in span(d1, d2)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 60 }),
        fc.integer({ min: 1, max: 1e6 }),
        (dim, seed) => {
          const { pts, center, u, v } = planar(dim, 40, seed);
          const plane = pathPlane(pts, 40, center)!;
          expect(plane.explained).toBeCloseTo(1, 9);
          expect(dot(plane.d1, plane.d1)).toBeCloseTo(1, 12);
          expect(dot(plane.d2, plane.d2)).toBeCloseTo(1, 12);
          expect(dot(plane.d1, plane.d2)).toBeCloseTo(0, 12);
          // u and v lie in the found plane.
          for (const w of [u, v])
            expect(dot(w, plane.d1) ** 2 + dot(w, plane.d2) ** 2).toBeCloseTo(1, 8);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('orders the axes by spread and reports the in-plane share of a noisy cloud', () => {
    // Axis-aligned cloud with variances 9, 4, 1 about the centre: the plane is e0, e1.
    const n = 3;
    const pts = new Float64Array(2 * 3 * n);
    const sd = [3, 2, 1];
    for (let k = 0; k < n; k++)
      for (const s of [1, -1]) {
        const row = (2 * k + (s > 0 ? 0 : 1)) * 3;
        pts[row + k] = s * sd[k]!;
      }
    const plane = pathPlane(pts, 2 * n, new Float64Array(3))!;
    expect(Math.abs(plane.d1[0]!)).toBeCloseTo(1, 9);
    expect(Math.abs(plane.d2[1]!)).toBeCloseTo(1, 9);
    expect(plane.explained).toBeCloseTo(13 / 14, 9);
  });

  it('completes a straight path to a plane, and points its axes toward the farthest point', () => {
    const dim = 5;
    const pts = new Float64Array(4 * dim);
    for (let i = 0; i < 4; i++) pts[i * dim + 2] = -(i + 1);
    const plane = pathPlane(pts, 4, new Float64Array(dim))!;
    expect(plane.d1[2]).toBeCloseTo(-1, 12);
    expect(dot(plane.d1, plane.d2)).toBeCloseTo(0, 12);
    expect(dot(plane.d2, plane.d2)).toBeCloseTo(1, 12);
    expect(plane.explained).toBeCloseTo(1, 12);
    // The farthest point (0, 0, −4, 0, 0) has a positive first coordinate.
    expect(dot(plane.d1, pts.subarray(3 * dim, 4 * dim))).toBeGreaterThan(0);
  });

  it('is null when nothing moved', () => {
    expect(pathPlane(new Float64Array(6), 2, new Float64Array(3))).toBeNull();
  });
});
