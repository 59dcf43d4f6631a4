import { identityIndex } from '../data';
import type { Split } from './types';

/**
 * For objectives whose every loss and gradient is one batch routine over an index of
 * samples (the 2-D wells, the custom f(x, y)): the whole split is the batch [0, n) of the
 * identity index, one sample the batch [i, i + 1) — the same arithmetic in the same order
 * as a minibatch, so full-split metrics and per-sample gradients agree with training to
 * the bit.
 */
export abstract class IndexedSplits {
  protected readonly trainIdx: Uint32Array;
  protected readonly testIdx: Uint32Array;

  constructor(nTrain: number, nTest: number) {
    this.trainIdx = identityIndex(nTrain);
    this.testIdx = identityIndex(nTest);
  }

  abstract batchLossGrad(
    w: Float64Array,
    split: Split,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array | null,
  ): number;

  fullLossGrad(w: Float64Array, split: Split, grad: Float64Array | null): number {
    const idx = split === 'train' ? this.trainIdx : this.testIdx;
    return this.batchLossGrad(w, split, idx, 0, idx.length, grad);
  }

  sampleGrad(w: Float64Array, split: Split, i: number, out: Float64Array): number {
    const idx = split === 'train' ? this.trainIdx : this.testIdx;
    return this.batchLossGrad(w, split, idx, i, i + 1, out);
  }
}
