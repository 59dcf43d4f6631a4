import type { Basin, Objective } from './objectives/types';
import { eig2, lanczos, norm } from './linalg';
import type { Rng } from './rng';

/** Full-split measurements at one point of a run. JSON field names are public (CLI). */
export interface MetricRecord {
  step: number;
  /** Epochs completed, fractional. */
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** Generalization gap L_test − L_train. */
  gap: number;
  /** ‖w_t − w_0‖. */
  distance: number;
  /** ‖∇L_train(w_t)‖. */
  gradNorm: number;
  /** Hessian extreme eigenvalues of the train loss (null when not measured at this record). */
  lambdaMax: number | null;
  lambdaMin: number | null;
  /** SGD noise scale g = ε(N/B − 1)/(1 − m) (Smith et al.). */
  noiseScale: number;
  /** Gradient noise scale B_simple = tr(Σ)/|G|² (McCandlish et al.); null when |G| ≈ 0. */
  bSimple: number | null;
  /** Id of the basin the point is in, null when between basins or not applicable. */
  basin: string | null;
  /**
   * Updates so far that ended within a saddle point's radius (the time spent near the
   * saddle, in steps; divide by `step` for the share of the run); null when the landscape
   * names no saddle point.
   */
  saddleSteps: number | null;
  /** Fraction of the train / test split classified correctly (classifiers only, else null). */
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

/** Hessian extreme eigenvalues: exact in 2-D, Lanczos on exact HVPs in N-D. */
export function hessianExtremes(
  obj: Objective,
  w: Float64Array,
  rng: Rng,
  k = 40,
): { min: number; max: number } {
  if (obj.dim === 2 && obj.hessian2) {
    const h = new Float64Array(3);
    obj.hessian2(w, 'train', h);
    const [lo, hi] = eig2(h[0]!, h[1]!, h[2]!);
    return { min: lo, max: hi };
  }
  const d = obj.trainDim ?? obj.dim;
  if (d === obj.dim) {
    const res = lanczos((v, out) => obj.hvp(w, 'train', v, out), d, k, rng);
    return { min: res.lambdaMin, max: res.lambdaMax };
  }
  // Model state (BN running statistics) is not a parameter: Lanczos works in the trained
  // subspace, padding directions with zeros there.
  const vFull = new Float64Array(obj.dim);
  const outFull = new Float64Array(obj.dim);
  const res = lanczos(
    (v, out) => {
      vFull.set(v);
      obj.hvp(w, 'train', vFull, outFull);
      out.set(outFull.subarray(0, d));
    },
    d,
    k,
    rng,
  );
  return { min: res.lambdaMin, max: res.lambdaMax };
}

/** SGD noise scale g = ε(N/B − 1), or ε/(1−m)·(N/B − 1) with momentum m. */
export function noiseScale(lr: number, n: number, batch: number, momentum: number): number {
  return (lr / (1 - momentum)) * (n / batch - 1);
}

/**
 * Per-example gradient covariance trace and B_simple = tr(Σ)/|G|² over the whole
 * train split at w (uses the unbiased 1/(N−1) covariance).
 */
export function gradientNoise(
  obj: Objective,
  w: Float64Array,
  full: Float64Array,
): { traceCov: number; bSimple: number | null } {
  const n = obj.nTrain;
  const g = new Float64Array(obj.dim);
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    obj.sampleGrad(w, 'train', i, g);
    for (let j = 0; j < g.length; j++) {
      const dlt = g[j]! - full[j]!;
      sumSq += dlt * dlt;
    }
  }
  const traceCov = n > 1 ? sumSq / (n - 1) : 0;
  const g2 = norm(full) ** 2;
  // At a stationary point B_simple → ∞: report "no estimate" instead of a huge number.
  return { traceCov, bSimple: g2 > 1e-9 * traceCov && g2 > 1e-24 ? traceCov / g2 : null };
}

/** Whether a point lies within any of the saddle regions (radius around each saddle point). */
export function nearSaddle(saddles: readonly Basin[], w: ArrayLike<number>): boolean {
  for (const s of saddles) {
    let d2 = 0;
    for (let j = 0; j < s.center.length; j++) d2 += (w[j]! - s.center[j]!) ** 2;
    if (d2 <= s.radius * s.radius) return true;
  }
  return false;
}

/**
 * The basin whose centre is nearest, if the point lies within that basin's radius and
 * the surface curves up in every direction there (λ_min > 0, when known): a point
 * parked on a saddle between two basins is in neither.
 */
export function basinOf(
  basins: readonly Basin[],
  w: ArrayLike<number>,
  lambdaMin: number | null = null,
): string | null {
  if (lambdaMin !== null && lambdaMin <= 0) return null;
  let best: string | null = null;
  let bestD = Infinity;
  for (const b of basins) {
    let d2 = 0;
    for (let j = 0; j < b.center.length; j++) d2 += (w[j]! - b.center[j]!) ** 2;
    const d = Math.sqrt(d2);
    if (d <= b.radius && d < bestD) {
      best = b.id;
      bestD = d;
    }
  }
  return best;
}
