/**
 * (Ghost) Batch Normalization over row-major activations (B rows × F features).
 *
 * Training mode splits the batch into B/v ghost batches of v CONSECUTIVE rows, as Hoffer et
 * al.'s own code does (their `GhostBatchNorm` chunks the batch and runs plain BN on each
 * chunk); each ghost batch is normalised with its own mean and biased variance, and the
 * running statistics are updated once per ghost batch, in order, with momentum m:
 *   μ_run ← (1 − m)·μ_run + m·μ_k,   σ²_run ← (1 − m)·σ²_run + m·σ²_k·v/(v − 1)
 * (the unbiased variance, as PyTorch's BN — which their code calls per chunk — stores it).
 * Keras's `virtual_batch_size` instead interleaves (ghost batch j holds rows j, j+G, …)
 * and updates once per step from the averaged statistics. We chose Hoffer's form because
 * it is the method as published and tested, and because contiguous chunks make the
 * invariants checkable: a sample's output depends only on the v rows of its own chunk,
 * and the running statistics after a step follow from the chunks' statistics in order.
 * Rows are already a random sample (the run shuffles every epoch), so contiguous chunks
 * are as random as interleaved ones. v = B is plain BatchNorm.
 *
 * Inference mode is the per-feature affine map y = γ·(z − μ_run)/√(σ²_run + ε) + β. A
 * running variance below 0 (possible only when two networks' statistics are
 * extrapolated, as Keskar's line does for α outside [0, 1]) is treated as 0.
 */

export const BN_EPS = 1e-5;

/**
 * Training-mode forward: writes x̂ and y = γ·x̂ + β (both B × F) and, per ghost batch k,
 * its mean and biased variance (chunks × F) and 1/√(σ² + ε).
 */
export function ghostBnForward(
  z: Float64Array,
  B: number,
  F: number,
  v: number,
  p: Float64Array,
  gammaOff: number,
  betaOff: number,
  xhat: Float64Array,
  y: Float64Array,
  mean: Float64Array,
  variance: Float64Array,
  invStd: Float64Array,
): void {
  const chunks = B / v;
  for (let k = 0; k < chunks; k++) {
    const s = k * F;
    const r0 = k * v * F;
    const r1 = r0 + v * F;
    for (let f = 0; f < F; f++) mean[s + f] = 0;
    for (let r = r0; r < r1; r += F) for (let f = 0; f < F; f++) mean[s + f] += z[r + f]!;
    for (let f = 0; f < F; f++) {
      mean[s + f] /= v;
      variance[s + f] = 0;
    }
    for (let r = r0; r < r1; r += F) {
      for (let f = 0; f < F; f++) {
        const d = z[r + f]! - mean[s + f]!;
        variance[s + f] += d * d;
      }
    }
    for (let f = 0; f < F; f++) {
      variance[s + f] /= v;
      invStd[s + f] = 1 / Math.sqrt(variance[s + f]! + BN_EPS);
    }
    for (let r = r0; r < r1; r += F) {
      for (let f = 0; f < F; f++) {
        const xh = (z[r + f]! - mean[s + f]!) * invStd[s + f]!;
        xhat[r + f] = xh;
        y[r + f] = p[gammaOff + f]! * xh + p[betaOff + f]!;
      }
    }
  }
}

/** The running statistics after this step's ghost batches, updated in order (in place in w). */
export function updateRunningStats(
  mean: Float64Array,
  variance: Float64Array,
  chunks: number,
  F: number,
  v: number,
  momentum: number,
  w: Float64Array,
  runMeanOff: number,
  runVarOff: number,
): void {
  const unbias = v > 1 ? v / (v - 1) : 1;
  for (let k = 0; k < chunks; k++) {
    for (let f = 0; f < F; f++) {
      const m = w[runMeanOff + f]!;
      const s = w[runVarOff + f]!;
      w[runMeanOff + f] = (1 - momentum) * m + momentum * mean[k * F + f]!;
      w[runVarOff + f] = (1 - momentum) * s + momentum * variance[k * F + f]! * unbias;
    }
  }
}

/**
 * Training-mode backward: from dL/dy (B × F) writes dL/dz and the γ, β gradients (summed
 * over ghost batches). Per ghost batch of v rows:
 *   dz = γ·(1/√(σ²+ε))·(dy − mean(dy) − x̂·mean(dy·x̂)).
 */
export function ghostBnBackward(
  dy: Float64Array,
  xhat: Float64Array,
  invStd: Float64Array,
  B: number,
  F: number,
  v: number,
  p: Float64Array,
  gammaOff: number,
  g: Float64Array,
  sums: Float64Array,
  dz: Float64Array,
): void {
  const chunks = B / v;
  const gGamma = gammaOff;
  const gBeta = gammaOff + F; // β follows γ in the layout
  for (let f = 0; f < F; f++) {
    g[gGamma + f] = 0;
    g[gBeta + f] = 0;
  }
  for (let k = 0; k < chunks; k++) {
    const s = k * F;
    const r0 = k * v * F;
    const r1 = r0 + v * F;
    // sums[0..F) = Σ dy, sums[F..2F) = Σ dy·x̂ over the ghost batch.
    for (let f = 0; f < 2 * F; f++) sums[f] = 0;
    for (let r = r0; r < r1; r += F) {
      for (let f = 0; f < F; f++) {
        const d = dy[r + f]!;
        sums[f] += d;
        sums[F + f] += d * xhat[r + f]!;
      }
    }
    for (let f = 0; f < F; f++) {
      g[gBeta + f] += sums[f]!;
      g[gGamma + f] += sums[F + f]!;
      sums[f] = sums[f]! / v;
      sums[F + f] = sums[F + f]! / v;
    }
    for (let r = r0; r < r1; r += F) {
      for (let f = 0; f < F; f++) {
        const scale = p[gammaOff + f]! * invStd[s + f]!;
        dz[r + f] = scale * (dy[r + f]! - sums[f]! - xhat[r + f]! * sums[F + f]!);
      }
    }
  }
}

/**
 * Inference-mode BN as y = scale·z + shift per feature: scale = γ/√(max(σ²_run, 0) + ε),
 * shift = β − scale·μ_run. Also writes 1/√(σ²_run + ε) into invStd (the R-operator needs it).
 */
export function inferenceAffine(
  w: Float64Array,
  F: number,
  gammaOff: number,
  betaOff: number,
  runMeanOff: number,
  runVarOff: number,
  scale: Float64Array,
  shift: Float64Array,
  invStd: Float64Array,
): void {
  for (let f = 0; f < F; f++) {
    const is = 1 / Math.sqrt(Math.max(w[runVarOff + f]!, 0) + BN_EPS);
    invStd[f] = is;
    scale[f] = w[gammaOff + f]! * is;
    shift[f] = w[betaOff + f]! - scale[f]! * w[runMeanOff + f]!;
  }
}
