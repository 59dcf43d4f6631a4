/**
 * Deterministic elementary functions. JavaScript only promises correct rounding for
 * + − × ÷ and sqrt; Math.exp, log, sin, cos, pow and hypot may differ by an ulp between
 * engines (Node 20 and Chromium 156 do), and chaotic SGD amplifies one ulp into a
 * different trajectory. These versions use only the exact operations, so the same
 * config and seed give bit-identical runs in Node and every browser. Accuracy is a few
 * ulp: range reduction (Cody–Waite split constants) plus short Taylor polynomials.
 */

const LN2_HI = 6.9314718036912381649e-1; // ln 2 with trailing zero bits: k·LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634;

/** 2^k for k ∈ [−1074, 1023], built by exact doublings/halvings. */
const POW2 = (() => {
  const t = new Float64Array(2098);
  let v = 1;
  for (let k = 0; k <= 1023; k++, v *= 2) t[k + 1074] = v;
  v = 1;
  for (let k = 0; k >= -1074; k--, v /= 2) t[k + 1074] = v;
  return t;
})();

/** e^x by Taylor to r^13 for |r| ≤ ~0.35: slow but simple; used once to build the table. */
function expSeries(x: number): number {
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let p = 1 / 6227020800;
  for (const c of [479001600, 39916800, 3628800, 362880, 40320, 5040, 720, 120, 24, 6, 2, 1, 1])
    p = p * r + 1 / c;
  return p * POW2[k + 1074]!;
}

/** 2^(j/32), j = 0…31: computed here with exact operations, so identical everywhere. */
const EXP_TABLE = Float64Array.from({ length: 32 }, (_, j) =>
  expSeries((j / 32) * (LN2_HI + LN2_LO)),
);
const LN2_HI_32 = LN2_HI / 32; // exact: division by a power of two
const LN2_LO_32 = LN2_LO / 32;
const INV_LN2_32 = 32 * INV_LN2;

export function exp(x: number): number {
  if (!(x === x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  // x = (32m + j)·ln2/32 + r with |r| ≤ ln2/64, so e^x = 2^m · 2^(j/32) · e^r.
  const k = Math.round(x * INV_LN2_32);
  const r = x - k * LN2_HI_32 - k * LN2_LO_32;
  const j = k & 31;
  const m = (k - j) / 32;
  // e^r to r^6: the remainder r^7/7! < 4e-18 on |r| ≤ 0.0109.
  const er = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720))))));
  const v = EXP_TABLE[j]! * er;
  if (m > 1023) return v * 2 * POW2[m - 1 + 1074]!;
  if (m < -1022) return v * POW2[m + 54 + 1074]! * POW2[-54 + 1074]!;
  return v * POW2[m + 1074]!;
}

export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  // x = m·2^e with m ∈ [√½, √2): find e by comparing against the exact powers of two.
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 18014398509481984; // 2^54: lift subnormals
    e -= 54;
  }
  // Binary search of the exponent in the POW2 table (exact comparisons).
  let lo = -1022;
  let hi = 1023;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (POW2[mid + 1074]! <= m) lo = mid;
    else hi = mid - 1;
  }
  m = m / POW2[lo + 1074]!; // exact: division by a power of two
  e += lo;
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716: odd series to s^23.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let q = 1 / 23;
  for (let n = 21; n >= 1; n -= 2) q = q * s2 + 1 / n;
  const lnm = 2 * s * q;
  return e * LN2_HI + (lnm + e * LN2_LO);
}

const LN10 = 2.302585092994046;

/** log10 from the deterministic log (exact powers of ten may land an ulp off: callers round). */
export function log10(x: number): number {
  return log(x) / LN10;
}

// π/2 in three parts with trailing zeros (Cody–Waite), so k·part is exact for |k| < 2^20.
const PIO2_1 = 1.57079632673412561417;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_3 = 2.0222662487111664558e-21;
const TWO_OVER_PI = 0.6366197723675814;

function sinPoly(r: number): number {
  const r2 = r * r;
  let p = -1 / 121645100408832000; // −1/19!
  p = p * r2 + 1 / 355687428096000;
  p = p * r2 - 1 / 1307674368000;
  p = p * r2 + 1 / 6227020800;
  p = p * r2 - 1 / 39916800;
  p = p * r2 + 1 / 362880;
  p = p * r2 - 1 / 5040;
  p = p * r2 + 1 / 120;
  p = p * r2 - 1 / 6;
  return r + r * r2 * p;
}

function cosPoly(r: number): number {
  const r2 = r * r;
  let p = 1 / 6402373705728000; // 1/18!
  p = p * r2 - 1 / 20922789888000;
  p = p * r2 + 1 / 87178291200;
  p = p * r2 - 1 / 479001600;
  p = p * r2 + 1 / 3628800;
  p = p * r2 - 1 / 40320;
  p = p * r2 + 1 / 720;
  p = p * r2 - 1 / 24;
  p = p * r2 + 0.5;
  return 1 - r2 * p;
}

/** Reduces x to r ∈ [−π/4, π/4] and the quadrant k mod 4. */
function reduce(x: number): { r: number; q: number } {
  const k = Math.round(x * TWO_OVER_PI);
  const r = x - k * PIO2_1 - k * PIO2_2 - k * PIO2_3;
  return { r, q: ((k % 4) + 4) % 4 };
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const { r, q } = reduce(x);
  return q === 0 ? sinPoly(r) : q === 1 ? cosPoly(r) : q === 2 ? -sinPoly(r) : -cosPoly(r);
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const { r, q } = reduce(x);
  return q === 0 ? cosPoly(r) : q === 1 ? -sinPoly(r) : q === 2 ? -cosPoly(r) : sinPoly(r);
}

/**
 * sin x into out[0] and cos x into out[1], bit-identical to `sin(x)` and `cos(x)`: one range
 * reduction and no quadrant-dependent choice of polynomial, so hot loops that need both (the
 * random potential's modes) pay about a third of what two separate calls cost.
 */
export function sincos(x: number, out: Float64Array): void {
  if (!Number.isFinite(x)) {
    out[0] = NaN;
    out[1] = NaN;
    return;
  }
  const k = Math.round(x * TWO_OVER_PI);
  const r = x - k * PIO2_1 - k * PIO2_2 - k * PIO2_3;
  const s = sinPoly(r);
  const c = cosPoly(r);
  // k & 3 is k mod 4 for negative k too (two's complement), as reduce's ((k % 4) + 4) % 4.
  const q = k & 3;
  out[0] = q === 0 ? s : q === 1 ? c : q === 2 ? -s : -c;
  out[1] = q === 0 ? c : q === 1 ? -s : q === 2 ? -c : s;
}

/** a^b for a > 0 (and the few exact cases the engine needs). */
export function pow(a: number, b: number): number {
  if (b === 0) return 1;
  if (a === 1) return 1;
  if (Number.isInteger(b) && Math.abs(b) <= 64) {
    // Repeated squaring: exact operations only.
    let result = 1;
    let base = b < 0 ? 1 / a : a;
    let n = Math.abs(b);
    while (n > 0) {
      if (n & 1) result *= base;
      base *= base;
      n >>= 1;
    }
    return result;
  }
  if (a <= 0) return a === 0 ? (b > 0 ? 0 : Infinity) : NaN;
  return exp(b * log(a));
}

/** √(x² + y²) with sqrt only (Math.hypot is not correctly rounded everywhere). */
export function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const m = Math.max(ax, ay);
  if (m === 0 || m === Infinity) return m;
  const a = ax / m;
  const b = ay / m;
  return m * Math.sqrt(a * a + b * b);
}

/** e^u − 1 for |u| ≤ 0.5 by Taylor to u^16 (remainder < 1e-19), free of 1 − e^u's cancellation. */
function expm1Small(u: number): number {
  // u·(1 + u/2·(1 + u/3·(… (1 + u/16)))): Horner's form of Σ u^k/k!, k = 1 … 16.
  let p = 1;
  for (let n = 16; n >= 2; n--) p = p * (u / n) + 1;
  return u * p;
}

/**
 * tanh from the deterministic exp: with m = e^(−2|x|) − 1, tanh|x| = −m / (m + 2), the sign
 * restored; it never forms ∞/∞, and near 0 m comes from a series so there is no cancellation.
 */
export function tanh(x: number): number {
  if (!(x === x)) return NaN;
  const u = -2 * Math.abs(x);
  const m = u >= -0.5 ? expm1Small(u) : exp(u) - 1;
  const t = -m / (m + 2);
  return x < 0 ? -t : t;
}
