import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interpolationLine, linspace } from './interpolate';
import { buildObjective } from './presets';
import { resolveOrThrow } from './sweep';

const sharpFlat = buildObjective(resolveOrThrow({ preset: 'sharp-flat' }));
const quad = buildObjective(resolveOrThrow({ preset: 'quadratic-nd', landscape: { dim: 7 } }));

const point = (d: number) =>
  fc
    .array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: d, maxLength: d })
    .map((xs) => Float64Array.from(xs));

describe('linspace', () => {
  it('has n points from lo to hi, evenly spaced', () => {
    expect(linspace(-1, 2, 61)).toHaveLength(61);
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(3, 7, 1)).toEqual([3]);
    expect(linspace(3, 7, 0)).toEqual([]);
  });

  it('hits both ends exactly and is monotone (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.integer({ min: 2, max: 300 }),
        (lo, width, n) => {
          const hi = lo + width;
          const xs = linspace(lo, hi, n);
          // === rather than Object.is: lo = −0 comes back as +0, which is the same point.
          expect(xs[0] === lo).toBe(true);
          expect(xs[n - 1] === hi).toBe(true);
          for (let i = 1; i < n; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
        },
      ),
    );
  });

  it('the default Keskar axis holds α = 0 and α = 1 exactly (the two solutions)', () => {
    const a = linspace(-1, 2, 61);
    expect(a.indexOf(0)).toBe(20);
    expect(a.indexOf(1)).toBe(40);
  });
});

describe('interpolationLine', () => {
  it('α = 0 is f(x_SB) and α = 1 is f(x_LB), exactly, on train and test (property)', () => {
    for (const obj of [sharpFlat, quad]) {
      fc.assert(
        fc.property(point(obj.dim), point(obj.dim), (xs, xl) => {
          const line = interpolationLine(obj, xs, xl, [0, 1]);
          expect(line.train[0]).toBe(obj.fullLossGrad(xs, 'train', null));
          expect(line.test[0]).toBe(obj.fullLossGrad(xs, 'test', null));
          expect(line.train[1]).toBe(obj.fullLossGrad(xl, 'train', null));
          expect(line.test[1]).toBe(obj.fullLossGrad(xl, 'test', null));
        }),
        { numRuns: 30 },
      );
    }
  });

  it('the path runs through both solutions and extrapolates beyond them', () => {
    const xs = Float64Array.of(0.7, 0.01);
    const xl = Float64Array.of(0.002, 0.008);
    const line = interpolationLine(sharpFlat, xs, xl);
    expect(line.alpha).toHaveLength(61);
    expect(line.train).toHaveLength(61);
    expect(line.test).toHaveLength(61);
    expect(line.path[20]).toEqual([0.7, 0.01]);
    expect(line.path[40]).toEqual([0.002, 0.008]);
    // α = −1 is x_SB − (x_LB − x_SB); α = 2 is x_LB + (x_LB − x_SB).
    expect(line.path[0]![0]).toBeCloseTo(2 * 0.7 - 0.002, 12);
    expect(line.path[60]![0]).toBeCloseTo(2 * 0.002 - 0.7, 12);
    // Points are on the straight line: equal steps in α are equal steps in w.
    const dx = line.path[1]![0] - line.path[0]![0];
    for (let i = 1; i < 61; i++)
      expect(line.path[i]![0] - line.path[i - 1]![0]).toBeCloseTo(dx, 12);
  });

  it('keeps N-D points on the line (first two coordinates in the path)', () => {
    const xs = Float64Array.from({ length: 7 }, (_, j) => j / 7);
    const xl = Float64Array.from({ length: 7 }, (_, j) => -j / 5);
    const line = interpolationLine(quad, xs, xl, [0.5]);
    expect(line.path[0]![0]).toBeCloseTo(0, 15);
    expect(line.path[0]![1]).toBeCloseTo(0.5 * (1 / 7 - 1 / 5), 15);
    const mid = Float64Array.from(xs, (x, j) => 0.5 * xl[j]! + 0.5 * x);
    expect(line.train[0]).toBe(quad.fullLossGrad(mid, 'train', null));
  });
});
