/**
 * The 2-D plane through a point that best contains a set of trajectory points: the top-2
 * principal directions of the points' displacements from that point (uncentred PCA, which
 * minimises the summed squared distance of the points from a plane through the centre).
 * The explorer slices N-D landscapes along it, so the drawn surface holds the runs' paths
 * instead of two random directions they barely move along (DESIGN §4).
 */
import { eigvec2, eig2 } from './linalg';
import { createRng } from './rng';

export interface PathPlane {
  d1: Float64Array;
  d2: Float64Array;
  /** Share of the points' summed squared displacement that lies in the plane, in [0, 1]. */
  explained: number;
}

/** Subspace iterations: enough for the eigen-gaps of real paths; each costs O(points·dim). */
const ITERATIONS = 60;

/**
 * `points` is count × dim (row-major); `center` has length dim. Returns null when the
 * points do not move away from the centre (nothing to align with). Deterministic: the
 * iteration starts from the farthest point and a seeded direction.
 */
export function pathPlane(
  points: Float64Array,
  count: number,
  center: Float64Array,
): PathPlane | null {
  const d = center.length;
  if (d < 2 || count === 0) return null;
  const x = new Float64Array(count * d);
  let total = 0;
  let far = -1;
  let farNorm = 0;
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = points[i * d + j]! - center[j]!;
      x[i * d + j] = v;
      s += v * v;
    }
    total += s;
    if (s > farNorm) [far, farNorm] = [i, s];
  }
  if (!(total > 0) || far < 0) return null;
  let v1: Float64Array = x.slice(far * d, (far + 1) * d);
  const rng = createRng(1, 'path-plane');
  let v2: Float64Array = Float64Array.from({ length: d }, () => rng.normal());
  [v1, v2] = orthonormal(v1, v2);
  const m1 = new Float64Array(d);
  const m2 = new Float64Array(d);
  for (let it = 0; it < ITERATIONS; it++) {
    applyMoment(x, count, v1, m1);
    applyMoment(x, count, v2, m2);
    [v1, v2] = orthonormal(m1, m2);
  }
  // Rotate within the plane to the principal axes: eigenvectors of the 2×2 moment VᵀMV.
  applyMoment(x, count, v1, m1);
  applyMoment(x, count, v2, m2);
  const a = dotOf(v1, m1);
  const b = dotOf(v1, m2);
  const c = dotOf(v2, m2);
  const [lo, hi] = eig2(a, b, c);
  const [, top] = eigvec2(a, b, c);
  const d1 = new Float64Array(d);
  const d2 = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    d1[j] = top[0] * v1[j]! + top[1] * v2[j]!;
    d2[j] = -top[1] * v1[j]! + top[0] * v2[j]!;
  }
  // Signs: the farthest point has non-negative coordinates, so paths read the same way
  // whatever the iteration's start.
  const last = x.subarray(far * d, (far + 1) * d);
  if (dotOf(d1, last) < 0) for (let j = 0; j < d; j++) d1[j] = -d1[j]!;
  if (dotOf(d2, last) < 0) for (let j = 0; j < d; j++) d2[j] = -d2[j]!;
  return { d1, d2, explained: Math.min(1, Math.max(0, (hi + Math.max(lo, 0)) / total)) };
}

/** out = M v with M = Σ_i x_i x_iᵀ, without forming M. */
function applyMoment(x: Float64Array, count: number, v: Float64Array, out: Float64Array): void {
  const d = v.length;
  out.fill(0);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += x[i * d + j]! * v[j]!;
    if (s === 0) continue;
    for (let j = 0; j < d; j++) out[j]! += s * x[i * d + j]!;
  }
}

function dotOf(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

/**
 * Gram–Schmidt on (a, b). When b is (numerically) inside span(a) — a straight path, whose
 * moment has rank one — any unit vector orthogonal to a completes the plane.
 */
function orthonormal(a: Float64Array, b: Float64Array): [Float64Array, Float64Array] {
  const d = a.length;
  const u = unit(a) ?? basis(d, 0);
  const w = Float64Array.from(b);
  for (let pass = 0; pass < 2; pass++) {
    const p = dotOf(w, u);
    for (let j = 0; j < d; j++) w[j]! -= p * u[j]!;
  }
  let v = unit(w, 1e-9 * Math.sqrt(dotOf(b, b)));
  for (let k = 0; !v && k < d; k++) {
    const e = basis(d, k);
    const p = dotOf(e, u);
    for (let j = 0; j < d; j++) e[j]! -= p * u[j]!;
    v = unit(e, 1e-6);
  }
  return [u, v!];
}

function unit(v: Float64Array, floor = 0): Float64Array | null {
  const n = Math.sqrt(dotOf(v, v));
  if (!(n > floor) || n === 0) return null;
  const out = new Float64Array(v.length);
  for (let j = 0; j < v.length; j++) out[j] = v[j]! / n;
  return out;
}

function basis(d: number, k: number): Float64Array {
  const e = new Float64Array(d);
  e[k] = 1;
  return e;
}
