/**
 * The dense-layer forward kernels of the MLP, register-blocked (the gradient kernels are in
 * gradKernels.ts). Every kernel is a plain top-level function that takes its buffers and
 * offsets as arguments: V8 then compiles one specialised loop per call site shape, while
 * closures re-created per step would be re-optimised again and again. Activations are
 * row-major (sample × feature), weights row-major (output neuron × input), all
 * Float64Array. `acc` adds into the output instead of overwriting it (the Hessian-vector
 * product sums two products into one buffer).
 *
 * Blocking: 2 samples × 4 outputs (forward, input gradient) and 2 outputs × 4 inputs
 * (weight gradient) keep 8 accumulators and 6 loaded values in registers — what x64's 16
 * vector registers hold without spilling; wider blocks measured slower. The forward pass
 * reads weights from a packed panel (each block of 4 output rows transposed, so its inner
 * loop walks one index through consecutive memory): fewer live index registers, measured
 * faster than four row pointers; packing costs one pass over the weights.
 */

import { relu as reluOf } from './elementwise';
import { forwardOut2 } from './narrowKernels';

/** Writes (or, with acc, adds) four consecutive values at z[k…k+3]. */
export function put4(
  z: Float64Array,
  k: number,
  acc: boolean,
  a: number,
  b: number,
  c: number,
  d: number,
): void {
  if (acc) {
    z[k] += a;
    z[k + 1] += b;
    z[k + 2] += c;
    z[k + 3] += d;
  } else {
    z[k] = a;
    z[k + 1] = b;
    z[k + 2] = c;
    z[k + 3] = d;
  }
}

/** The first n (1–3) of put4's values: the last, partial panel of a layer. */
function putFirst(
  z: Float64Array,
  k: number,
  n: number,
  acc: boolean,
  a: number,
  b: number,
  c: number,
) {
  z[k] = acc ? z[k]! + a : a;
  if (n > 1) z[k + 1] = acc ? z[k + 1]! + b : b;
  if (n > 2) z[k + 2] = acc ? z[k + 2]! + c : c;
}

/** Packs W (O × I rows at p[wOff…]) into panels of 4 rows, transposed; rows ≥ O are 0. */
export function packWeights(p: Float64Array, wOff: number, I: number, O: number, pk: Float64Array) {
  for (let o = 0; o < O; o += 4) {
    const base = o * I;
    for (let r = 0; r < 4; r++) {
      const row = o + r < O ? wOff + (o + r) * I : -1;
      for (let i = 0; i < I; i++) pk[base + i * 4 + r] = row >= 0 ? p[row + i]! : 0;
    }
  }
}

/**
 * An optional epilogue applied to each output before it is stored (fused, so the layer's
 * outputs are written once): y = scale[o]·z + shift[o] (inference-mode BN), then ReLU.
 */
export interface Epilogue {
  scale: Float64Array | null;
  shift: Float64Array | null;
  relu: boolean;
}

export const NO_EPILOGUE: Epilogue = { scale: null, shift: null, relu: false };

/**
 * z[b, o] (+)= Σ_i x[b, i]·W[o, i] (+ bias[o] from p[bOff…] when bOff ≥ 0), for b < B, from
 * weights packed by packWeights, then the epilogue. A layer with 2 outputs goes to its thin
 * kernel (narrowKernels.ts, same bits).
 */
export function packedForward(
  x: Float64Array,
  B: number,
  I: number,
  pk: Float64Array,
  O: number,
  p: Float64Array,
  bOff: number,
  z: Float64Array,
  acc: boolean,
  epi: Epilogue = NO_EPILOGUE,
): void {
  if (O === 2) forwardOut2(x, B, I, pk, p, bOff, z, acc, epi);
  else blockedForward(x, B, I, pk, O, p, bOff, z, acc, epi);
}

/** packedForward's blocked kernel, for any shape. Outputs past O in the last panel are computed and dropped. */
export function blockedForward(
  x: Float64Array,
  B: number,
  I: number,
  pk: Float64Array,
  O: number,
  p: Float64Array,
  bOff: number,
  z: Float64Array,
  acc: boolean,
  epi: Epilogue = NO_EPILOGUE,
): void {
  const scale = epi.scale;
  const shift = epi.shift;
  const relu = epi.relu;
  const B2 = B - (B % 2);
  for (let b = 0; b < B; b += 2) {
    const pair = b < B2;
    const x0 = b * I;
    const x1 = pair ? x0 + I : x0;
    const z0 = b * O;
    const z1 = z0 + O;
    for (let o = 0; o < O; o += 4) {
      let k = o * I;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let i = 0; i < I; i++, k += 4) {
        const a = x[x0 + i]!;
        const c = x[x1 + i]!;
        const p0 = pk[k]!;
        const p1 = pk[k + 1]!;
        const p2 = pk[k + 2]!;
        const p3 = pk[k + 3]!;
        s00 += a * p0;
        s01 += a * p1;
        s02 += a * p2;
        s03 += a * p3;
        s10 += c * p0;
        s11 += c * p1;
        s12 += c * p2;
        s13 += c * p3;
      }
      const n = Math.min(4, O - o);
      if (bOff >= 0) {
        const b0 = p[bOff + o]!;
        const b1 = n > 1 ? p[bOff + o + 1]! : 0;
        const b2 = n > 2 ? p[bOff + o + 2]! : 0;
        const b3 = n > 3 ? p[bOff + o + 3]! : 0;
        s00 += b0;
        s01 += b1;
        s02 += b2;
        s03 += b3;
        s10 += b0;
        s11 += b1;
        s12 += b2;
        s13 += b3;
      }
      if (scale && shift) {
        const c0 = scale[o]!;
        const c1 = n > 1 ? scale[o + 1]! : 0;
        const c2 = n > 2 ? scale[o + 2]! : 0;
        const c3 = n > 3 ? scale[o + 3]! : 0;
        const h0 = shift[o]!;
        const h1 = n > 1 ? shift[o + 1]! : 0;
        const h2 = n > 2 ? shift[o + 2]! : 0;
        const h3 = n > 3 ? shift[o + 3]! : 0;
        s00 = c0 * s00 + h0;
        s01 = c1 * s01 + h1;
        s02 = c2 * s02 + h2;
        s03 = c3 * s03 + h3;
        s10 = c0 * s10 + h0;
        s11 = c1 * s11 + h1;
        s12 = c2 * s12 + h2;
        s13 = c3 * s13 + h3;
      }
      if (relu) {
        s00 = reluOf(s00);
        s01 = reluOf(s01);
        s02 = reluOf(s02);
        s03 = reluOf(s03);
        s10 = reluOf(s10);
        s11 = reluOf(s11);
        s12 = reluOf(s12);
        s13 = reluOf(s13);
      }
      if (n === 4) {
        put4(z, z0 + o, acc, s00, s01, s02, s03);
        if (pair) put4(z, z1 + o, acc, s10, s11, s12, s13);
      } else {
        putFirst(z, z0 + o, n, acc, s00, s01, s02);
        if (pair) putFirst(z, z1 + o, n, acc, s10, s11, s12);
      }
    }
  }
}
