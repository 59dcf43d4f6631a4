/**
 * The dense-layer gradient kernels (weights and inputs), register-blocked like the forward
 * kernels in kernels.ts: plain top-level functions over Float64Array buffers and offsets;
 * `acc` adds into the output instead of overwriting it.
 */
import { put4 } from './kernels';
import { biasGrad, gradWIn2, gradXOut2 } from './narrowKernels';

/**
 * Weight (and bias) gradient of a dense layer: g[W][o, i] (+)= Σ_b dz[b, o]·x[b, i] and,
 * when gbOff ≥ 0, g[b][o] (+)= Σ_b dz[b, o]. A layer with 2 inputs goes to its thin kernel
 * (narrowKernels.ts, same bits).
 */
export function linearGradW(
  dz: Float64Array,
  x: Float64Array,
  B: number,
  I: number,
  O: number,
  g: Float64Array,
  gwOff: number,
  gbOff: number,
  acc: boolean,
): void {
  if (I === 2) gradWIn2(dz, x, B, O, g, gwOff, acc);
  else blockedGradW(dz, x, B, I, O, g, gwOff, acc);
  if (gbOff >= 0) biasGrad(dz, B, O, g, gbOff, acc);
}

/** linearGradW's blocked kernel (weights only), for any shape. */
export function blockedGradW(
  dz: Float64Array,
  x: Float64Array,
  B: number,
  I: number,
  O: number,
  g: Float64Array,
  gwOff: number,
  acc: boolean,
): void {
  const O2 = O - (O % 2);
  const I4 = I - (I % 4);
  for (let o = 0; o < O2; o += 2) {
    const r0 = gwOff + o * I;
    const r1 = r0 + I;
    for (let i = 0; i < I4; i += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let b = 0, zb = o, xb = i; b < B; b++, zb += O, xb += I) {
        const d0 = dz[zb]!;
        const d1 = dz[zb + 1]!;
        const x0 = x[xb]!;
        const x1 = x[xb + 1]!;
        const x2 = x[xb + 2]!;
        const x3 = x[xb + 3]!;
        s00 += d0 * x0;
        s01 += d0 * x1;
        s02 += d0 * x2;
        s03 += d0 * x3;
        s10 += d1 * x0;
        s11 += d1 * x1;
        s12 += d1 * x2;
        s13 += d1 * x3;
      }
      put4(g, r0 + i, acc, s00, s01, s02, s03);
      put4(g, r1 + i, acc, s10, s11, s12, s13);
    }
    for (let i = I4; i < I; i++) {
      let s0 = 0;
      let s1 = 0;
      for (let b = 0; b < B; b++) {
        const xv = x[b * I + i]!;
        s0 += dz[b * O + o]! * xv;
        s1 += dz[b * O + o + 1]! * xv;
      }
      g[r0 + i] = acc ? g[r0 + i]! + s0 : s0;
      g[r1 + i] = acc ? g[r1 + i]! + s1 : s1;
    }
  }
  for (let o = O2; o < O; o++) {
    for (let i = 0; i < I; i++) {
      let s = 0;
      for (let b = 0; b < B; b++) s += dz[b * O + o]! * x[b * I + i]!;
      const k = gwOff + o * I + i;
      g[k] = acc ? g[k]! + s : s;
    }
  }
}

/**
 * Input gradient of a dense layer: dx[b, i] (+)= Σ_o dz[b, o]·W[o, i]. A layer with 2 outputs
 * goes to its thin kernel (narrowKernels.ts, same bits).
 */
export function linearGradX(
  dz: Float64Array,
  B: number,
  O: number,
  p: Float64Array,
  wOff: number,
  I: number,
  dx: Float64Array,
  acc: boolean,
): void {
  if (O === 2) gradXOut2(dz, B, p, wOff, I, dx, acc);
  else blockedGradX(dz, B, O, p, wOff, I, dx, acc);
}

/** linearGradX's blocked kernel, for any shape. */
export function blockedGradX(
  dz: Float64Array,
  B: number,
  O: number,
  p: Float64Array,
  wOff: number,
  I: number,
  dx: Float64Array,
  acc: boolean,
): void {
  const I4 = I - (I % 4);
  const B2 = B - (B % 2);
  for (let b = 0; b < B2; b += 2) {
    const d0 = b * O;
    const d1 = d0 + O;
    const x0 = b * I;
    const x1 = x0 + I;
    for (let i = 0; i < I4; i += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let o = 0, wo = wOff + i; o < O; o++, wo += I) {
        const a = dz[d0 + o]!;
        const c = dz[d1 + o]!;
        const p0 = p[wo]!;
        const p1 = p[wo + 1]!;
        const p2 = p[wo + 2]!;
        const p3 = p[wo + 3]!;
        s00 += a * p0;
        s01 += a * p1;
        s02 += a * p2;
        s03 += a * p3;
        s10 += c * p0;
        s11 += c * p1;
        s12 += c * p2;
        s13 += c * p3;
      }
      put4(dx, x0 + i, acc, s00, s01, s02, s03);
      put4(dx, x1 + i, acc, s10, s11, s12, s13);
    }
    for (let i = I4; i < I; i++) {
      let s0 = 0;
      let s1 = 0;
      for (let o = 0; o < O; o++) {
        const q = p[wOff + o * I + i]!;
        s0 += dz[d0 + o]! * q;
        s1 += dz[d1 + o]! * q;
      }
      dx[x0 + i] = acc ? dx[x0 + i]! + s0 : s0;
      dx[x1 + i] = acc ? dx[x1 + i]! + s1 : s1;
    }
  }
  for (let b = B2; b < B; b++) {
    for (let i = 0; i < I; i++) {
      let s = 0;
      for (let o = 0; o < O; o++) s += dz[b * O + o]! * p[wOff + o * I + i]!;
      dx[b * I + i] = acc ? dx[b * I + i]! + s : s;
    }
  }
}
