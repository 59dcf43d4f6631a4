import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ci95HalfWidth,
  linearFit,
  logFit,
  logSpacedInts,
  mean,
  powerFit,
  sampleSd,
  summarize,
  tQuantile975,
} from './stats';

describe('summaries', () => {
  it('mean and sample sd of a known set', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    // Σ(x−5)² = 32 over n−1 = 7.
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(sampleSd([3])).toBe(0);
  });

  it('t quantiles: table values, decreasing in df, 1.96 in the limit', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(9)).toBe(2.262);
    expect(tQuantile975(30)).toBe(2.042);
    // Beyond the table the expansion is within 1e-3 of standard values.
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
    expect(tQuantile975(5000)).toBeCloseTo(1.96, 3);
    for (let df = 1; df < 2000; df++)
      expect(tQuantile975(df + 1)).toBeLessThanOrEqual(tQuantile975(df));
  });

  it('the 95% CI half-width shrinks as n grows (same spread of values)', () => {
    const pattern = [1, 2, 3, 4];
    let prev = Infinity;
    for (const reps of [1, 2, 4, 8, 32]) {
      const xs = Array.from({ length: 4 * reps }, (_, i) => pattern[i % 4]!);
      const ci = ci95HalfWidth(xs)!;
      expect(ci).toBeLessThan(prev);
      prev = ci;
    }
    expect(ci95HalfWidth([1])).toBeNull();
    expect(summarize([1, 3])).toEqual({ mean: 2, ci95: (12.706 * Math.SQRT2) / Math.SQRT2 });
  });
});

describe('fits', () => {
  it('linearFit recovers slope and intercept exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (slope, intercept) => {
          const xs = [0.5, 1, 2, 3.5, 7, 11];
          const f = linearFit(
            xs,
            xs.map((x) => slope * x + intercept),
          );
          expect(f.slope).toBeCloseTo(slope, 9);
          expect(f.intercept).toBeCloseTo(intercept, 9);
          // A constant y (slope 0) has SS_tot = 0 and a perfect fit: R² = 1 either way.
          expect(f.r2).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  const t = logSpacedInts(10, 10000, 8);

  it('logFit recovers a and b of y = a·ln t + b', () => {
    const y = t.map((x) => 2.5 * Math.log(x) + 1.3);
    const f = logFit(t, y);
    expect(f.a).toBeCloseTo(2.5, 12);
    expect(f.b).toBeCloseTo(1.3, 11);
    expect(f.r2).toBeCloseTo(1, 12);
  });

  it('powerFit recovers c and p of y = c·t^p', () => {
    const y = t.map((x) => 0.7 * Math.pow(x, 0.5));
    const f = powerFit(t, y);
    expect(f.c).toBeCloseTo(0.7, 11);
    expect(f.p).toBeCloseTo(0.5, 12);
    expect(f.r2).toBeCloseTo(1, 12);
  });

  it('R² of both fits lives in y space, so the true law wins the comparison', () => {
    const logData = t.map((x) => 3 * Math.log(x) + 2);
    expect(logFit(t, logData).r2).toBeGreaterThan(powerFit(t, logData).r2);
    const sqrtData = t.map((x) => 0.4 * Math.sqrt(x));
    expect(powerFit(t, sqrtData).r2).toBeGreaterThan(logFit(t, sqrtData).r2);
    // Hand check of the power-law R² on 3 points against a fixed prediction.
    const f = powerFit([1, 2, 4], [1, 2, 4]);
    expect(f.p).toBeCloseTo(1, 12);
    expect(f.r2).toBeCloseTo(1, 12);
  });
});

describe('logSpacedInts', () => {
  it('gives sorted unique integers including both ends', () => {
    const xs = logSpacedInts(1, 10000, 8);
    expect(xs[0]).toBe(1);
    expect(xs.at(-1)).toBe(10000);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    for (const x of xs) expect(Number.isInteger(x)).toBe(true);
    // Above ~10 every point is distinct: about perDecade per decade.
    expect(xs.filter((x) => x >= 1000).length).toBe(9);
  });

  it('handles degenerate ranges', () => {
    expect(logSpacedInts(5, 5, 8)).toEqual([5]);
    expect(logSpacedInts(10, 3, 8)).toEqual([]);
  });
});
