/**
 * An objective is a dataset mean L(w) = (1/N) Σ_i ℓ(w; x_i) over a finite, seeded
 * train set, with a test set drawn the same way (DESIGN §3). Minibatch noise is then
 * real sampling noise. Each objective supplies its own tight inner loops so that the
 * per-sample work is a monomorphic, allocation-free loop.
 */

import type { Rng } from '../rng';

export type Split = 'train' | 'test';

/** A named local minimum of the train surface, for "which basin is the point in". */
export interface Basin {
  id: string;
  label: string;
  /** Location of the train-loss minimum. */
  center: number[];
  /** Points within this distance of the centre count as "in" the basin. */
  radius: number;
}

export interface Objective {
  readonly id: string;
  readonly dim: number;
  readonly nTrain: number;
  readonly nTest: number;
  /** Named basins (2-D presets with distinct minima); empty when not meaningful. */
  readonly basins: readonly Basin[];
  /**
   * Named saddle points of the train surface (the saddle preset), each with the radius
   * of its "near the saddle" region; absent or empty when the landscape has none.
   */
  readonly saddles?: readonly Basin[];
  /** Box where random starts are drawn: w_j ~ U(lo_j, hi_j). */
  readonly initBox: { lo: number[]; hi: number[] };
  /** View box for surfaces and plots (2-D presets); N-D presets give a slice box. */
  readonly viewBox: { lo: number[]; hi: number[] };

  /**
   * Mean loss over samples idx[from..to) of a split; writes the mean gradient into
   * `grad` (length dim) when given. Allocation-free.
   */
  batchLossGrad(
    w: Float64Array,
    split: Split,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array | null,
  ): number;

  /** Mean loss (and gradient) over a whole split. */
  fullLossGrad(w: Float64Array, split: Split, grad: Float64Array | null): number;

  /**
   * Hessian–vector product of the full-split mean loss: out = H(w) v. Exact
   * (analytic), not finite differences.
   */
  hvp(w: Float64Array, split: Split, v: Float64Array, out: Float64Array): void;

  /**
   * Per-sample gradient of sample i of the train split into `out`; used for noise
   * statistics (gradient covariance, B_simple). Not on the hot path.
   */
  sampleGrad(w: Float64Array, split: Split, i: number, out: Float64Array): number;

  /** Exact 2×2 Hessian [hxx, hxy, hyy] of the full-split mean loss (2-D only). */
  hessian2?(w: Float64Array, split: Split, out: Float64Array): void;

  // ── Models with state (the MLP); the landscapes leave these out. ──

  /**
   * Entries [0, trainDim) of w are trained; entries [trainDim, dim) are model state that
   * training steps update but the optimizer never moves (BatchNorm running statistics).
   * Absent ⇒ dim. Distances, Hessians, sharpness boxes and slice directions use only the
   * trained entries; losses read the state (inference mode).
   */
  readonly trainDim?: number;

  /**
   * One training step's minibatch loss and mean gradient on train samples idx[from..to)
   * (training mode), also advancing the model state in w[trainDim..dim). Absent ⇒ the run
   * calls batchLossGrad.
   */
  trainStep?(
    w: Float64Array,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array,
  ): number;

  /** Draws a start point into out (e.g. He/Glorot weights); absent ⇒ uniform in initBox. */
  initialize?(rng: Rng, out: Float64Array): void;

  /** Fraction of a split classified correctly (classifiers only). */
  accuracy?(w: Float64Array, split: Split): number;

  /** Classifiers: fullLossGrad and accuracy from one pass over the split. */
  evaluate?(
    w: Float64Array,
    split: Split,
    grad: Float64Array | null,
  ): { loss: number; accuracy: number };
}
