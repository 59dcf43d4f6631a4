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
 * vector registers hold without spilling; wider blocks measured slower. The hot forward
 * pass reads weights from a packed panel (each block of 4 output rows transposed, so its
 * inner loop walks one index through consecutive memory): fewer live index registers,
 * measured faster than four row pointers; packing costs one pass over the weights. Sums
 * run over inputs in order either way, so both forms give bit-identical results.
 */

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
 * z[b, o] = Σ_i x[b, i]·W[o, i] (+ bias[o] when bOff ≥ 0) from packed weights (packWeights),
 * for b < B. Outputs past O in the last panel are computed and dropped.
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
): void {
  const B2 = B - (B % 2);
  const O4 = O - (O % 4);
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
      if (o < O4) {
        if (bOff >= 0) {
          const b0 = p[bOff + o]!;
          const b1 = p[bOff + o + 1]!;
          const b2 = p[bOff + o + 2]!;
          const b3 = p[bOff + o + 3]!;
          s00 += b0;
          s01 += b1;
          s02 += b2;
          s03 += b3;
          s10 += b0;
          s11 += b1;
          s12 += b2;
          s13 += b3;
        }
        z[z0 + o] = s00;
        z[z0 + o + 1] = s01;
        z[z0 + o + 2] = s02;
        z[z0 + o + 3] = s03;
        if (pair) {
          z[z1 + o] = s10;
          z[z1 + o + 1] = s11;
          z[z1 + o + 2] = s12;
          z[z1 + o + 3] = s13;
        }
      } else {
        // The last, partial panel (1–3 real outputs): store only those.
        const r = O - o;
        const b0 = bOff >= 0 ? p[bOff + o]! : 0;
        const b1 = bOff >= 0 && r > 1 ? p[bOff + o + 1]! : 0;
        const b2 = bOff >= 0 && r > 2 ? p[bOff + o + 2]! : 0;
        z[z0 + o] = s00 + b0;
        if (r > 1) z[z0 + o + 1] = s01 + b1;
        if (r > 2) z[z0 + o + 2] = s02 + b2;
        if (pair) {
          z[z1 + o] = s10 + b0;
          if (r > 1) z[z1 + o + 1] = s11 + b1;
          if (r > 2) z[z1 + o + 2] = s12 + b2;
        }
      }
    }
  }
}

/** z[b, o] (+)= Σ_i x[b, i]·W[o, i] (+ bias[o] when bOff ≥ 0), for b < B. */
export function linearForward(
  x: Float64Array,
  B: number,
  I: number,
  p: Float64Array,
  wOff: number,
  bOff: number,
  O: number,
  z: Float64Array,
  acc: boolean,
): void {
  const O4 = O - (O % 4);
  const B2 = B - (B % 2);
  for (let b = 0; b < B2; b += 2) {
    const x0 = b * I;
    const x1 = x0 + I;
    const z0 = b * O;
    const z1 = z0 + O;
    for (let o = 0; o < O4; o += 4) {
      const w0 = wOff + o * I;
      const w1 = w0 + I;
      const w2 = w1 + I;
      const w3 = w2 + I;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let i = 0; i < I; i++) {
        const a = x[x0 + i]!;
        const c = x[x1 + i]!;
        const p0 = p[w0 + i]!;
        const p1 = p[w1 + i]!;
        const p2 = p[w2 + i]!;
        const p3 = p[w3 + i]!;
        s00 += a * p0;
        s01 += a * p1;
        s02 += a * p2;
        s03 += a * p3;
        s10 += c * p0;
        s11 += c * p1;
        s12 += c * p2;
        s13 += c * p3;
      }
      if (bOff >= 0) {
        const b0 = p[bOff + o]!;
        const b1 = p[bOff + o + 1]!;
        const b2 = p[bOff + o + 2]!;
        const b3 = p[bOff + o + 3]!;
        s00 += b0;
        s01 += b1;
        s02 += b2;
        s03 += b3;
        s10 += b0;
        s11 += b1;
        s12 += b2;
        s13 += b3;
      }
      if (acc) {
        z[z0 + o] += s00;
        z[z0 + o + 1] += s01;
        z[z0 + o + 2] += s02;
        z[z0 + o + 3] += s03;
        z[z1 + o] += s10;
        z[z1 + o + 1] += s11;
        z[z1 + o + 2] += s12;
        z[z1 + o + 3] += s13;
      } else {
        z[z0 + o] = s00;
        z[z0 + o + 1] = s01;
        z[z0 + o + 2] = s02;
        z[z0 + o + 3] = s03;
        z[z1 + o] = s10;
        z[z1 + o + 1] = s11;
        z[z1 + o + 2] = s12;
        z[z1 + o + 3] = s13;
      }
    }
    for (let o = O4; o < O; o++) {
      const w0 = wOff + o * I;
      let s0 = bOff >= 0 ? p[bOff + o]! : 0;
      let s1 = s0;
      for (let i = 0; i < I; i++) {
        const q = p[w0 + i]!;
        s0 += x[x0 + i]! * q;
        s1 += x[x1 + i]! * q;
      }
      z[z0 + o] = acc ? z[z0 + o]! + s0 : s0;
      z[z1 + o] = acc ? z[z1 + o]! + s1 : s1;
    }
  }
  for (let b = B2; b < B; b++) {
    for (let o = 0; o < O; o++) {
      const w0 = wOff + o * I;
      let s = bOff >= 0 ? p[bOff + o]! : 0;
      for (let i = 0; i < I; i++) s += x[b * I + i]! * p[w0 + i]!;
      z[b * O + o] = acc ? z[b * O + o]! + s : s;
    }
  }
}
