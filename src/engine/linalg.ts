import type { Rng } from './rng';
import * as dm from './detmath';

/** Eigenvalues [λ_min, λ_max] of the symmetric 2×2 matrix [[a, b], [b, c]], exact. */
export function eig2(a: number, b: number, c: number): [number, number] {
  const m = 0.5 * (a + c);
  const r = dm.hypot(0.5 * (a - c), b);
  return [m - r, m + r];
}

/** Unit eigenvectors of [[a, b], [b, c]] for [λ_min, λ_max], as [[x, y], [x, y]]. */
export function eigvec2(a: number, b: number, c: number): [[number, number], [number, number]] {
  // (A − λI)v = 0 ⇒ v ∝ (b, λ − a) or (λ − c, b). With h = (a − c)/2, r = hypot(h, b):
  // λ − a = r − h and λ − c = r + h. Use the one that is r + |h| (no cancellation); the
  // other can be pure round-off (nearly diagonal A) and would point the wrong way.
  const h = 0.5 * (a - c);
  const r = dm.hypot(h, b);
  let x = h >= 0 ? r + h : b;
  let y = h >= 0 ? b : r - h;
  let n = dm.hypot(x, y);
  if (n === 0) {
    // A = λI: every vector is an eigenvector.
    x = 1;
    y = 0;
    n = 1;
  }
  const vx = x / n;
  const vy = y / n;
  return [
    [-vy, vx],
    [vx, vy],
  ];
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

export function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix (diag α, off-diagonal β) by the
 * implicit QL algorithm with Wilkinson shifts; returned ascending.
 */
export function tridiagEigenvalues(alpha: ArrayLike<number>, beta: ArrayLike<number>): number[] {
  const n = alpha.length;
  const d = Array.from(alpha);
  const e = new Array<number>(n).fill(0);
  for (let i = 0; i < n - 1; i++) e[i] = beta[i]!;
  // Also split where |e| ≤ ε‖T‖: dropping e moves each eigenvalue by at most |e| (Weyl).
  // The relative test alone never fires for a tiny e between zero diagonals (dd = 0), and
  // the sweep then loses whole eigenvalues (e.g. T = tridiag(0; 1, 1e-200, 1e-200) gave
  // ±1.4e-200 instead of ±1).
  let anorm = 0;
  for (let i = 0; i < n; i++) anorm = Math.max(anorm, Math.abs(d[i]!) + Math.abs(e[i]!));
  const negligible = Number.EPSILON * anorm;
  for (let l = 0; l < n; l++) {
    for (let iter = 0; iter < 60; iter++) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= Number.EPSILON * dd || Math.abs(e[m]!) <= negligible) break;
      }
      if (m === l) break;
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = dm.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i--) {
        const f = s * e[i]!;
        const b = c * e[i]!;
        r = dm.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1]! -= p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
      }
      if (r === 0 && i >= l) continue;
      d[l]! -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return d.sort((x, y) => x - y);
}

export interface LanczosResult {
  /** Ritz values, ascending. */
  ritz: number[];
  lambdaMin: number;
  lambdaMax: number;
  iterations: number;
}

/**
 * Lanczos with full reorthogonalisation on a symmetric operator given by `apply`
 * (a Hessian–vector product). Full reorthogonalisation keeps the extreme Ritz values
 * free of ghost copies; k is small (≤ 60) so its O(k²d) cost is fine.
 */
export function lanczos(
  apply: (v: Float64Array, out: Float64Array) => void,
  dim: number,
  k: number,
  rng: Rng,
  tol = 1e-10,
): LanczosResult {
  const m = Math.min(k, dim);
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = new Float64Array(dim);
  for (let j = 0; j < dim; j++) q[j] = rng.normal();
  scaleTo(q, 1 / norm(q));
  const w = new Float64Array(dim);
  for (let it = 0; it < m; it++) {
    basis.push(q);
    apply(q, w);
    const a = dot(w, q);
    alpha.push(a);
    for (let j = 0; j < dim; j++)
      w[j]! -= a * q[j]! + (it > 0 ? beta[it - 1]! * basis[it - 1]![j]! : 0);
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const c = dot(w, b);
        for (let j = 0; j < dim; j++) w[j]! -= c * b[j]!;
      }
    }
    const bnorm = norm(w);
    if (it === m - 1 || bnorm <= tol * Math.max(1, Math.abs(a))) break;
    beta.push(bnorm);
    q = new Float64Array(dim);
    for (let j = 0; j < dim; j++) q[j] = w[j]! / bnorm;
  }
  const ritz = tridiagEigenvalues(alpha, beta);
  return { ritz, lambdaMin: ritz[0]!, lambdaMax: ritz[ritz.length - 1]!, iterations: alpha.length };
}

function scaleTo(v: Float64Array, s: number): void {
  for (let j = 0; j < v.length; j++) v[j]! *= s;
}
