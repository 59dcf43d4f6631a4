/**
 * Small statistics for ensembles and fits: summaries with Student-t confidence
 * intervals (sweeps average a handful of seeds, where 1.96 would be far too narrow)
 * and the least-squares fits the diffusion experiment compares (log vs power law).
 */
import * as dm from './detmath';

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Sample standard deviation (1/(n−1)); 0 for fewer than two values. */
export function sampleSd(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return 0;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < n; i++) s += (xs[i]! - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Two-sided 97.5% Student-t quantiles for 1…30 degrees of freedom (standard tables). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/**
 * The t quantile t_{0.975, df}: the table up to 30, then the Cornish–Fisher expansion
 * around z = 1.96 (error < 1e-3 for df > 30), and 1.96 itself once df > 1000.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  const d = Math.floor(df);
  if (d <= T975.length) return T975[d - 1]!;
  const z = 1.959964;
  if (d > 1000) return z;
  const z3 = z ** 3;
  const z5 = z ** 5;
  return z + (z3 + z) / (4 * d) + (5 * z5 + 16 * z3 + 3 * z) / (96 * d * d);
}

/** Half-width of the 95% confidence interval of the mean; null for fewer than two values. */
export function ci95HalfWidth(xs: ArrayLike<number>): number | null {
  const n = xs.length;
  if (n < 2) return null;
  return (tQuantile975(n - 1) * sampleSd(xs)) / Math.sqrt(n);
}

/** Mean and 95% CI half-width: the shape every sweep statistic takes in JSON. */
export interface Summary {
  mean: number;
  ci95: number | null;
}

export function summarize(xs: ArrayLike<number>): Summary {
  return { mean: mean(xs), ci95: ci95HalfWidth(xs) };
}

/**
 * Coefficient of determination 1 − SS_res/SS_tot. Data that are constant up to rounding
 * (SS_tot at the level of float error) give 1 for a fit as exact as the data, else 0.
 */
export function rSquared(ys: ArrayLike<number>, predict: (i: number) => number): number {
  const m = mean(ys);
  let res = 0;
  let tot = 0;
  let scale = 0;
  for (let i = 0; i < ys.length; i++) {
    res += (ys[i]! - predict(i)) ** 2;
    tot += (ys[i]! - m) ** 2;
    scale += ys[i]! ** 2;
  }
  const roundoff = 1e-24 * scale;
  if (tot <= roundoff) return res <= roundoff ? 1 : 0;
  return 1 - res / tot;
}

export interface LinearFit {
  slope: number;
  intercept: number;
  r2: number;
}

/** Ordinary least squares y ≈ slope·x + intercept (slope 0 when every x is equal). */
export function linearFit(xs: ArrayLike<number>, ys: ArrayLike<number>): LinearFit {
  if (xs.length !== ys.length) throw new RangeError('linearFit: xs and ys differ in length');
  if (xs.length === 0) return { slope: NaN, intercept: NaN, r2: NaN };
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    sxy += dx * (ys[i]! - my);
    sxx += dx * dx;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  return { slope, intercept, r2: rSquared(ys, (i) => slope * xs[i]! + intercept) };
}

/** y ≈ a·ln t + b (Hoffer et al.'s ultra-slow diffusion). Requires t > 0. */
export function logFit(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
): { a: number; b: number; r2: number } {
  const lt = Array.from(t, dm.log);
  const f = linearFit(lt, y);
  return { a: f.slope, b: f.intercept, r2: f.r2 };
}

/**
 * y ≈ c·t^p, fitted by least squares on ln y vs ln t (points with y ≤ 0 cannot enter
 * that regression and are skipped), but R² is computed on ALL points in the original y
 * space, exactly as for `logFit`, so the two R² values can be compared directly.
 */
export function powerFit(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
): { c: number; p: number; r2: number } {
  const lx: number[] = [];
  const ly: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i]! > 0 && y[i]! > 0) {
      lx.push(dm.log(t[i]!));
      ly.push(dm.log(y[i]!));
    }
  }
  if (lx.length === 0) return { c: 0, p: 0, r2: rSquared(y, () => 0) };
  const f = linearFit(lx, ly);
  const c = dm.exp(f.intercept);
  const p = f.slope;
  return { c, p, r2: rSquared(y, (i) => c * dm.pow(t[i]!, p)) };
}

/** Half-width of the local-exponent window: half a decade either side, one decade in all. */
export const LOCAL_EXPONENT_HALF_WINDOW = 0.5;

/**
 * The local exponent p(t) = d ln y / d ln t at every sample: the least-squares slope of ln y
 * against ln t over the samples within `halfWindow` decades of t. A power law c·t^p gives p
 * exactly, whatever the window; y = a·ln t + b gives about a/y(t), falling like 1/ln t.
 * Why a sliding window rather than a neighbour difference or the derivative of one smooth
 * fit: ensemble means carry a few percent of noise, which a difference over 1/8 of a decade
 * turns into ±0.1 in p, while one global fit would impose the shape being tested. A decade
 * averages about nine samples and is still local. Null where the window would reach past
 * the first or last sample (a one-sided slope is biased), holds fewer than 3 samples, or
 * meets t ≤ 0 or y ≤ 0.
 */
export function localExponent(
  t: ArrayLike<number>,
  y: ArrayLike<number>,
  halfWindow = LOCAL_EXPONENT_HALF_WINDOW,
): (number | null)[] {
  const n = t.length;
  const lt = Array.from(t, (x) => (x > 0 ? dm.log(x) : NaN));
  const ly = Array.from(y, (x) => (x > 0 ? dm.log(x) : NaN));
  const h = halfWindow * dm.log(10);
  // Sample times are rounded to integers: a sample that rounding moved just past the window's
  // edge (by up to 2%) still belongs to it, so windows stay symmetric in samples, and the
  // window may fall short of the first or last sample by as much.
  const slack = 0.02;
  const first = lt[0] ?? NaN;
  const last = lt[n - 1] ?? NaN;
  return lt.map((c) => {
    if (!(c - h >= first - slack && c + h <= last + slack)) return null;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let j = 0; j < n; j++) {
      if (!(Math.abs(lt[j]! - c) <= h + slack)) continue;
      if (!Number.isFinite(ly[j]!)) return null;
      xs.push(lt[j]!);
      ys.push(ly[j]!);
    }
    return xs.length >= 3 ? linearFit(xs, ys).slope : null;
  });
}

/** The first and last defined local exponents with lo ≤ t ≤ hi, and their times. */
export function localExponentEnds(
  t: readonly number[],
  p: readonly (number | null)[],
  range: readonly [number, number],
): { first: { t: number; p: number }; last: { t: number; p: number } } | null {
  const inRange = t
    .map((x, i) => ({ t: x, p: p[i] ?? null }))
    .filter(
      (s): s is { t: number; p: number } => s.p !== null && s.t >= range[0] && s.t <= range[1],
    );
  if (inRange.length < 2) return null;
  return { first: inRange[0]!, last: inRange[inRange.length - 1]! };
}

/**
 * Integers from lo to hi (both included) spaced evenly in log t, `perDecade` per factor
 * of ten, deduplicated and sorted: the sampling times of the diffusion experiment.
 */
export function logSpacedInts(lo: number, hi: number, perDecade: number): number[] {
  const a = Math.max(1, Math.round(lo));
  const b = Math.round(hi);
  if (b < a) return [];
  if (!(perDecade > 0)) throw new RangeError('logSpacedInts: perDecade must be > 0');
  const out = new Set<number>([a, b]);
  // The tolerance absorbs an ulp of log10 at exact powers of ten (10⁴ must give 4 decades).
  const steps = Math.ceil(dm.log10(b / a) * perDecade - 1e-9);
  for (let i = 1; i < steps; i++) {
    out.add(Math.round(a * dm.pow(10, i / perDecade)));
  }
  return [...out].filter((x) => x >= a && x <= b).sort((x, y) => x - y);
}
