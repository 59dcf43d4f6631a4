/**
 * Dense-layer kernels for the network's two thin layers: the input layer (2 features in)
 * and a 2-class output layer. The blocked kernels (kernels.ts, gradKernels.ts) block 4
 * lanes wide, so a 2-wide side wastes half its lanes or pays a whole block's set-up for
 * two multiply-adds; these kernels are blocked along the wide side instead. The thin layers
 * took a fifth of a B = 512 training step's kernel time before. (The input layer's forward
 * pass stays blocked: a thin kernel for it measured slower.)
 *
 * Every sum here is formed in exactly the blocked kernels' order — start at 0, add the
 * products in increasing index, then the bias, then the epilogue — so results are
 * bit-identical to theirs (narrowKernels.test.ts checks it), and the dispatch in the blocked
 * kernels changes no trajectory.
 */
import { relu as reluOf } from './elementwise';
import type { Epilogue } from './kernels';

/** One output's bias (when hasBias), then the epilogue: as packedForward finishes a sum. */
function finish(
  s: number,
  hasBias: boolean,
  bias: number,
  affine: boolean,
  c: number,
  h: number,
  relu: boolean,
): number {
  let y = s;
  if (hasBias) y += bias;
  if (affine) y = c * y + h;
  if (relu) y = reluOf(y);
  return y;
}

/** Writes (or, with acc, adds) two consecutive values at z[k], z[k + 1]. */
function store2(z: Float64Array, k: number, acc: boolean, y0: number, y1: number): void {
  if (acc) {
    z[k] += y0;
    z[k + 1] += y1;
  } else {
    z[k] = y0;
    z[k + 1] = y1;
  }
}

/**
 * packedForward for a layer with 2 outputs: 4 samples × 2 outputs per block (the packed
 * panel holds row r's input i at 4i + r), then single samples for the last B mod 4.
 */
export function forwardOut2(
  x: Float64Array,
  B: number,
  I: number,
  pk: Float64Array,
  p: Float64Array,
  bOff: number,
  z: Float64Array,
  acc: boolean,
  epi: Epilogue,
): void {
  const affine = epi.scale !== null && epi.shift !== null;
  const relu = epi.relu;
  const hasBias = bOff >= 0;
  const bias0 = hasBias ? p[bOff]! : 0;
  const bias1 = hasBias ? p[bOff + 1]! : 0;
  const c0 = affine ? epi.scale![0]! : 1;
  const c1 = affine ? epi.scale![1]! : 1;
  const h0 = affine ? epi.shift![0]! : 0;
  const h1 = affine ? epi.shift![1]! : 0;
  const B4 = B - (B % 4);
  for (let b = 0; b < B4; b += 4) {
    const x0 = b * I;
    const x1 = x0 + I;
    const x2 = x1 + I;
    const x3 = x2 + I;
    let s00 = 0;
    let s01 = 0;
    let s10 = 0;
    let s11 = 0;
    let s20 = 0;
    let s21 = 0;
    let s30 = 0;
    let s31 = 0;
    for (let i = 0, k = 0; i < I; i++, k += 4) {
      const w0 = pk[k]!;
      const w1 = pk[k + 1]!;
      const a = x[x0 + i]!;
      const c = x[x1 + i]!;
      const d = x[x2 + i]!;
      const e = x[x3 + i]!;
      s00 += a * w0;
      s01 += a * w1;
      s10 += c * w0;
      s11 += c * w1;
      s20 += d * w0;
      s21 += d * w1;
      s30 += e * w0;
      s31 += e * w1;
    }
    store2(
      z,
      2 * b,
      acc,
      finish(s00, hasBias, bias0, affine, c0, h0, relu),
      finish(s01, hasBias, bias1, affine, c1, h1, relu),
    );
    store2(
      z,
      2 * b + 2,
      acc,
      finish(s10, hasBias, bias0, affine, c0, h0, relu),
      finish(s11, hasBias, bias1, affine, c1, h1, relu),
    );
    store2(
      z,
      2 * b + 4,
      acc,
      finish(s20, hasBias, bias0, affine, c0, h0, relu),
      finish(s21, hasBias, bias1, affine, c1, h1, relu),
    );
    store2(
      z,
      2 * b + 6,
      acc,
      finish(s30, hasBias, bias0, affine, c0, h0, relu),
      finish(s31, hasBias, bias1, affine, c1, h1, relu),
    );
  }
  for (let b = B4; b < B; b++) {
    let s0 = 0;
    let s1 = 0;
    for (let i = 0, k = 0, xb = b * I; i < I; i++, k += 4) {
      const a = x[xb + i]!;
      s0 += a * pk[k]!;
      s1 += a * pk[k + 1]!;
    }
    store2(
      z,
      2 * b,
      acc,
      finish(s0, hasBias, bias0, affine, c0, h0, relu),
      finish(s1, hasBias, bias1, affine, c1, h1, relu),
    );
  }
}

/** Bias gradient: g[o] (+)= Σ_b dz[b, o] (shared by the blocked and the thin kernels). */
export function biasGrad(
  dz: Float64Array,
  B: number,
  O: number,
  g: Float64Array,
  gbOff: number,
  acc: boolean,
): void {
  for (let o = 0; o < O; o++) {
    let s = 0;
    for (let b = 0, zb = o; b < B; b++, zb += O) s += dz[zb]!;
    g[gbOff + o] = acc ? g[gbOff + o]! + s : s;
  }
}

/** linearGradW for a layer with 2 inputs: 4 outputs × both inputs per pass over the batch. */
export function gradWIn2(
  dz: Float64Array,
  x: Float64Array,
  B: number,
  O: number,
  g: Float64Array,
  gwOff: number,
  acc: boolean,
): void {
  const O4 = O - (O % 4);
  for (let o = 0; o < O4; o += 4) {
    let s00 = 0;
    let s01 = 0;
    let s10 = 0;
    let s11 = 0;
    let s20 = 0;
    let s21 = 0;
    let s30 = 0;
    let s31 = 0;
    for (let b = 0, zb = o, xb = 0; b < B; b++, zb += O, xb += 2) {
      const x0 = x[xb]!;
      const x1 = x[xb + 1]!;
      const d0 = dz[zb]!;
      const d1 = dz[zb + 1]!;
      const d2 = dz[zb + 2]!;
      const d3 = dz[zb + 3]!;
      s00 += d0 * x0;
      s01 += d0 * x1;
      s10 += d1 * x0;
      s11 += d1 * x1;
      s20 += d2 * x0;
      s21 += d2 * x1;
      s30 += d3 * x0;
      s31 += d3 * x1;
    }
    const r = gwOff + 2 * o;
    store2(g, r, acc, s00, s01);
    store2(g, r + 2, acc, s10, s11);
    store2(g, r + 4, acc, s20, s21);
    store2(g, r + 6, acc, s30, s31);
  }
  for (let o = O4; o < O; o++) {
    let s0 = 0;
    let s1 = 0;
    for (let b = 0, zb = o, xb = 0; b < B; b++, zb += O, xb += 2) {
      const d = dz[zb]!;
      s0 += d * x[xb]!;
      s1 += d * x[xb + 1]!;
    }
    store2(g, gwOff + 2 * o, acc, s0, s1);
  }
}

/**
 * linearGradX for a layer with 2 outputs: dx[b, i] (+)= dz[b, 0]·W[0, i] + dz[b, 1]·W[1, i],
 * two samples per load of W's two columns.
 */
export function gradXOut2(
  dz: Float64Array,
  B: number,
  p: Float64Array,
  wOff: number,
  I: number,
  dx: Float64Array,
  acc: boolean,
): void {
  const w1Off = wOff + I;
  const B2 = B - (B % 2);
  for (let b = 0; b < B2; b += 2) {
    const a0 = dz[2 * b]!;
    const a1 = dz[2 * b + 1]!;
    const c0 = dz[2 * b + 2]!;
    const c1 = dz[2 * b + 3]!;
    const r = b * I;
    for (let i = 0; i < I; i++) {
      const w0 = p[wOff + i]!;
      const w1 = p[w1Off + i]!;
      let s = 0;
      s += a0 * w0;
      s += a1 * w1;
      let t = 0;
      t += c0 * w0;
      t += c1 * w1;
      if (acc) {
        dx[r + i] += s;
        dx[r + I + i] += t;
      } else {
        dx[r + i] = s;
        dx[r + I + i] = t;
      }
    }
  }
  for (let b = B2; b < B; b++) {
    const d0 = dz[2 * b]!;
    const d1 = dz[2 * b + 1]!;
    const r = b * I;
    for (let i = 0; i < I; i++) {
      let s = 0;
      s += d0 * p[wOff + i]!;
      s += d1 * p[w1Off + i]!;
      dx[r + i] = acc ? dx[r + i]! + s : s;
    }
  }
}
