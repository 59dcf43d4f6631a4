import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ci95HalfWidth,
  linearFit,
  localExponent,
  localExponentEnds,
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
          // R² is a ratio of the residual to the signal; when the line's rise over the xs is
          // near the rounding of y itself (slope ~1e-10 against intercept 100), it measures
          // rounding, not the fit — so R² ≈ 1 is claimed only where the signal is resolvable.
          if (slope === 0 || Math.abs(slope) > 1e-6 * (1 + Math.abs(intercept))) {
            expect(f.r2).toBeCloseTo(1, 9);
          } else {
            expect(f.r2).toBeLessThanOrEqual(1 + 1e-12);
          }
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

describe('localExponent', () => {
  const t = logSpacedInts(1, 100000, 8);

  it('is exactly p for a power law, wherever the window fits (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -1.5, max: 2, noNaN: true }),
        (c, p) => {
          const e = localExponent(
            t,
            t.map((x) => c * Math.pow(x, p)),
          );
          for (const v of e) if (v !== null) expect(v).toBeCloseTo(p, 9);
        },
      ),
    );
  });

  it('is defined where a one-decade window fits inside the samples, null elsewhere', () => {
    const e = localExponent(
      t,
      t.map((x) => Math.sqrt(x)),
    );
    const defined = t.filter((_, i) => e[i] !== null);
    // 1 … 10⁵: the window needs t/√10 ≥ 1 and t·√10 ≤ 10⁵.
    expect(defined[0]).toBe(4);
    expect(defined.at(-1)).toBe(31623);
    expect(e[0]).toBeNull();
    expect(e.at(-1)).toBeNull();
    for (const v of e) if (v !== null) expect(v).toBeCloseTo(0.5, 12);
  });

  it('falls like a/y(t) for y = a·ln t + b, by the ratio of the distances', () => {
    const a = 7;
    const b = -19;
    const y = t.map((x) => a * Math.log(x) + b);
    const e = localExponent(t, y);
    t.forEach((x, i) => {
      if (e[i] === null || x < 100) return;
      // ln y is curved in ln t, which biases a window's slope up by about (a/y)²·h²/5
      // (h = half a decade in ln units ≈ 1.15): 8% at t = 100, under 1% from t ≈ 10³.
      const exact = a / y[i]!;
      expect(Math.abs(e[i]! / exact - 1)).toBeLessThan(0.5 * exact * exact);
    });
    const ends = localExponentEnds(t, e, [100, 100000])!;
    expect(ends.first.t).toBe(100);
    expect(ends.last.t).toBe(31623);
    // a/y falls from 7/13.2 to 7/53.5: a factor ≈ 4, where a power law keeps a constant p.
    expect(ends.first.p / ends.last.p).toBeGreaterThan(3.5);
    for (let i = 1; i < e.length; i++)
      if (e[i] !== null && e[i - 1] !== null && t[i]! >= 100) expect(e[i]!).toBeLessThan(e[i - 1]!);
  });

  it('gives null where y ≤ 0 enters the window, and narrower windows still work', () => {
    const y = t.map((x) => Math.log(x / 50));
    const e = localExponent(t, y);
    // ln(t/50) ≤ 0 for t ≤ 50, which every window centred below ~160 reaches.
    expect(e[t.indexOf(100)]).toBeNull();
    expect(e[t.indexOf(1000)]).not.toBeNull();
    const narrow = localExponent(
      t,
      t.map((x) => x ** 0.3),
      0.25,
    );
    expect(narrow[t.indexOf(2)]).toBeNull();
    expect(narrow[t.indexOf(10)]).toBeCloseTo(0.3, 12);
    expect(localExponentEnds(t, e, [1, 10])).toBeNull();
  });
});
