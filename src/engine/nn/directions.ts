/**
 * Slice directions through a network's weights (Li et al., 2018, "Visualizing the Loss
 * Landscape of Neural Nets"):
 *
 * - filter-normalised random directions: a Gaussian direction whose row for each output
 *   neuron is rescaled to the norm of that neuron's weight row, so a slice of a network and
 *   of the same network with rescaled layers (which BN and ReLU make equivalent) look the
 *   same. One-dimensional parameters (biases, BN's γ and β) are zero in the direction by
 *   default, or copy the parameter (Li et al.'s code without `ignore='biasbn'`);
 * - the top two principal directions of a trajectory's snapshots relative to its end point,
 *   along which the optimizer actually moved (their §7); the slice is then centred on the
 *   end point and the trajectory projects onto it exactly up to the unexplained variance.
 *
 * Directions are full state-length vectors, always 0 on model state (BN running statistics):
 * moving along a slice changes trained parameters only.
 */
import { createRng } from '../rng';
import { principalDirections, type PrincipalDirections } from '../pca';
import type { NetLayout } from './layout';

export type OneDimPolicy = 'zero' | 'copy';

/** One filter-normalised random direction at w, drawn from `seed` and `stream`. */
export function filterNormalizedDirection(
  layout: NetLayout,
  w: Float64Array,
  seed: number,
  stream: string,
  oneDim: OneDimPolicy = 'zero',
): Float64Array {
  const rng = createRng(seed, stream);
  const d = new Float64Array(layout.dim);
  for (const L of layout.layers) {
    for (let o = 0; o < L.fanOut; o++) {
      const row = L.w + o * L.fanIn;
      let dn = 0;
      let wn = 0;
      for (let i = 0; i < L.fanIn; i++) {
        const r = rng.normal();
        d[row + i] = r;
        dn += r * r;
        wn += w[row + i]! * w[row + i]!;
      }
      // A dead (all-zero) row stays zero in the direction too: there is no scale to match.
      const s = dn > 0 ? Math.sqrt(wn / dn) : 0;
      for (let i = 0; i < L.fanIn; i++) d[row + i]! *= s;
    }
    if (oneDim === 'copy') {
      for (const off of [L.b, L.gamma, L.beta])
        if (off >= 0) for (let o = 0; o < L.fanOut; o++) d[off + o] = w[off + o]!;
    }
  }
  return d;
}

/** Two independent filter-normalised directions (streams 'filter-1', 'filter-2' of seed). */
export function filterNormalizedDirections(
  layout: NetLayout,
  w: Float64Array,
  seed: number,
  oneDim: OneDimPolicy = 'zero',
): { d1: Float64Array; d2: Float64Array } {
  return {
    d1: filterNormalizedDirection(layout, w, seed, 'filter-1', oneDim),
    d2: filterNormalizedDirection(layout, w, seed, 'filter-2', oneDim),
  };
}

/**
 * Top-2 PCA directions of trajectory snapshots (count rows of `dim`, row-major) taken
 * relative to the last one, over the first `trainDim` entries only.
 */
export function trajectoryPcaDirections(
  positions: ArrayLike<number>,
  count: number,
  dim: number,
  trainDim: number,
): PrincipalDirections & { center: Float64Array } {
  if (count < 3) throw new RangeError(`PCA directions need ≥ 3 snapshots, got ${count}`);
  const end = (count - 1) * dim;
  const rows = new Float64Array((count - 1) * trainDim);
  for (let i = 0; i < count - 1; i++)
    for (let j = 0; j < trainDim; j++)
      rows[i * trainDim + j] = positions[i * dim + j]! - positions[end + j]!;
  const pc = principalDirections(rows, count - 1, trainDim);
  const pad = (v: Float64Array) => {
    const out = new Float64Array(dim);
    out.set(v);
    return out;
  };
  const center = Float64Array.from({ length: dim }, (_, j) => positions[end + j]!);
  return { ...pc, d1: pad(pc.d1), d2: pad(pc.d2), center };
}
