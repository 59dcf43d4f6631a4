/**
 * The top two principal directions of a set of row vectors (columns centred, as PCA does),
 * by block subspace iteration on C = M_cᵀM_c with Rayleigh–Ritz: C is applied as
 * M_cᵀ(M_c·x), never formed, so the cost is O(rows × dim) per iteration. A block of four
 * vectors converges at the rate λ5/λ2 rather than λ3/λ2. Deterministic: seeded start,
 * fixed iteration order, and a sign convention (the first row has a negative coordinate
 * on each direction, so a trajectory runs towards +).
 */
import { createRng } from './rng';

export interface PrincipalDirections {
  d1: Float64Array;
  d2: Float64Array;
  /** Fractions of the total variance along d1 and d2. */
  explained: [number, number];
}

const BLOCK = 4;

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi; eigenvalues descending. */
export function symmetricEigen(
  a: Float64Array,
  n: number,
): { values: number[]; vectors: Float64Array } {
  const A = Float64Array.from(a);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q]! ** 2;
    if (off < 1e-300) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (apq === 0) continue;
        const theta = (A[q * n + q]! - A[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p]!;
          const akq = A[k * n + q]!;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k]!;
          const aqk = A[q * n + k]!;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p]!;
          const vkq = V[k * n + q]!;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => A[j * n + j]! - A[i * n + i]!,
  );
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    for (let k = 0; k < n; k++) vectors[k * n + dst] = V[k * n + src]!;
  });
  return { values: order.map((i) => A[i * n + i]!), vectors };
}

/** Orthonormalises the k columns of X (d × k, column-major blocks of d) in place. */
function orthonormalize(X: Float64Array[], d: number): void {
  for (let a = 0; a < X.length; a++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let b = 0; b < a; b++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += X[a]![j]! * X[b]![j]!;
        for (let j = 0; j < d; j++) X[a]![j]! -= dot * X[b]![j]!;
      }
    }
    let n = 0;
    for (let j = 0; j < d; j++) n += X[a]![j]! ** 2;
    n = Math.sqrt(n);
    if (n > 0) for (let j = 0; j < d; j++) X[a]![j]! /= n;
  }
}

export function principalDirections(
  rows: Float64Array,
  m: number,
  d: number,
  maxIterations = 300,
): PrincipalDirections {
  const M = Float64Array.from(rows);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += M[i * d + j]!;
    s /= m;
    for (let i = 0; i < m; i++) M[i * d + j]! -= s;
  }
  let total = 0;
  for (let k = 0; k < M.length; k++) total += M[k]! * M[k]!;
  const k = Math.min(BLOCK, d);
  const rng = createRng(1, 'pca');
  let X = Array.from({ length: k }, () => Float64Array.from({ length: d }, () => rng.normal()));
  orthonormalize(X, d);
  const t = new Float64Array(m);
  const apply = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += M[i * d + j]! * x[j]!;
      t[i] = s;
    }
    out.fill(0);
    for (let i = 0; i < m; i++) {
      const ti = t[i]!;
      for (let j = 0; j < d; j++) out[j]! += ti * M[i * d + j]!;
    }
  };
  let values: number[] = [];
  let prev = [NaN, NaN];
  const Z = Array.from({ length: k }, () => new Float64Array(d));
  for (let it = 0; it < maxIterations; it++) {
    X.forEach((x, a) => apply(x, Z[a]!));
    const H = new Float64Array(k * k);
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += X[a]![j]! * Z[b]![j]!;
        H[a * k + b] = s;
      }
    const eig = symmetricEigen(H, k);
    values = eig.values;
    // Next block: C·X rotated onto the Ritz vectors, orthonormalised.
    X = Array.from({ length: k }, (_, c) => {
      const v = new Float64Array(d);
      for (let a = 0; a < k; a++) {
        const coef = eig.vectors[a * k + c]!;
        for (let j = 0; j < d; j++) v[j]! += coef * Z[a]![j]!;
      }
      return v;
    });
    orthonormalize(X, d);
    const done =
      Math.abs(values[0]! - prev[0]!) <= 1e-13 * Math.abs(values[0]!) &&
      Math.abs(values[1]! - prev[1]!) <= 1e-13 * Math.abs(values[0]!);
    prev = [values[0]!, values[1]!];
    if (done) break;
  }
  const [d1, d2] = [X[0]!, X[1] ?? new Float64Array(d)];
  for (const v of [d1, d2]) {
    let first = 0;
    for (let j = 0; j < d; j++) first += M[j]! * v[j]!;
    if (first > 0) for (let j = 0; j < d; j++) v[j] = -v[j]!;
  }
  return {
    d1,
    d2,
    explained: [total > 0 ? values[0]! / total : 0, total > 0 ? (values[1] ?? 0) / total : 0],
  };
}
