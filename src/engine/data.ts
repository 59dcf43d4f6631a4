import type { Rng } from './rng';

/**
 * Per-sample offsets d_i ~ N(mean, spread² I), stored row-major (n × dim).
 * Train offsets use mean 0 and test offsets mean δ: the test surface is then the
 * train surface smoothed the same way and moved by δ (DESIGN §3).
 */
export function gaussianOffsets(
  rng: Rng,
  n: number,
  dim: number,
  spread: number,
  mean: ArrayLike<number> | null,
): Float64Array {
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) {
      out[i * dim + j] = (mean ? mean[j]! : 0) + spread * rng.normal();
    }
  }
  return out;
}

/** 0, 1, …, n−1: the index list of a whole split. */
export function identityIndex(n: number): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}
