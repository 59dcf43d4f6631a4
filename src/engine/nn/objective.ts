/**
 * The MLP as an engine Objective, so it runs through the same Run, optimizers, schedules,
 * ensembles and sweeps as the landscapes. Its state vector w holds the trained parameters
 * and, after them, the BatchNorm running statistics (layout.ts): the objective stays a pure
 * function of w and can be shared by every run of an ensemble, while each run owns its
 * statistics. What each entry point computes:
 *
 * | method          | mode                                     | used for                      |
 * | --------------- | ---------------------------------------- | ----------------------------- |
 * | trainStep       | training (ghost-batch BN), updates stats | the run's SGD steps           |
 * | batchLossGrad   | training, stats untouched                | gradient checks, noise tests  |
 * | fullLossGrad    | inference (running stats)                | train/test loss, gap, ε-sharp |
 * | accuracy        | inference                                | train/test accuracy           |
 * | sampleGrad      | inference                                | B_simple (see below)          |
 * | hvp             | inference, R-operator                    | λ_max (Lanczos)               |
 *
 * Per-sample gradients with BatchNorm: in training mode a sample's gradient depends on the
 * rest of its ghost batch, so there is no per-sample decomposition of the minibatch
 * gradient. B_simple = tr(Σ)/|G|² is therefore computed for the inference-mode loss (BN as a
 * fixed affine map), where it is exact; it describes that loss's gradient noise, not the
 * noise of BN-mode minibatch gradients. Without BN both modes coincide.
 */
import type { Objective, Split } from '../objectives/types';
import type { Rng } from '../rng';
import type { ClassificationData, LabelledSet } from './datasets';
import { MlpHvp } from './hvp';
import type { NetworkConfig } from '../config';
import { initialize, netLayout, type NetLayout } from './layout';
import { Mlp } from './mlp';

/** Rows per block in inference mode: two 64-wide activation blocks stay in L1/L2. */
export const EVAL_ROWS = 64;

/** The network part of a NetworkConfig (config.ts documents each field). */
export type NetworkOptions = Omit<NetworkConfig, 'dataset' | 'noise' | 'labelNoise'>;

export class MlpObjective implements Objective {
  readonly id = 'mlp';
  readonly dim: number;
  readonly trainDim: number;
  readonly nTrain: number;
  readonly nTest: number;
  readonly basins = [];
  readonly initBox: { lo: number[]; hi: number[] };
  /** Slice coordinates (α, β) in units of the slice directions, as in Li et al.'s plots. */
  readonly viewBox = { lo: [-1, -1], hi: [1, 1] };
  readonly layout: NetLayout;
  readonly net: Mlp;
  private readonly hvpEngine: MlpHvp;

  constructor(
    readonly data: ClassificationData,
    readonly options: NetworkOptions,
  ) {
    this.layout = netLayout({
      inputs: 2,
      hidden: options.hidden,
      outputs: data.classes,
      batchNorm: options.batchNorm,
    });
    this.dim = this.layout.dim;
    this.trainDim = this.layout.nParams;
    this.nTrain = data.train.n;
    this.nTest = data.test.n;
    this.initBox = { lo: new Array<number>(this.dim).fill(-1), hi: new Array(this.dim).fill(1) };
    this.net = new Mlp(this.layout, options.activation, options.weightDecay, options.bnMomentum);
    this.hvpEngine = new MlpHvp(this.net);
  }

  split(split: Split): LabelledSet {
    return split === 'train' ? this.data.train : this.data.test;
  }

  /** Ghost batch size for a minibatch of B: v, or B itself for plain BN. */
  ghostSize(B: number): number {
    const v = this.options.ghostBatch > 0 ? this.options.ghostBatch : B;
    if (this.options.batchNorm && B % v !== 0)
      throw new RangeError(`ghost batch size ${v} does not divide the batch size ${B}`);
    return v;
  }

  initialize(rng: Rng, out: Float64Array): void {
    initialize(this.layout, this.options.init, rng, out);
  }

  private trainingMode(
    w: Float64Array,
    set: LabelledSet,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array | null,
    updateStats: boolean,
  ): number {
    const B = to - from;
    const v = this.ghostSize(B);
    const net = this.net;
    net.gather(set.x, set.y, idx, from, to);
    net.forward(w, B, true, v, updateStats);
    const r = net.lossAndLogitGrad(B, 1 / B, grad !== null);
    if (grad) {
      net.backward(w, B, true, v, grad, false);
      grad.fill(0, this.trainDim);
    }
    return r.lossSum / B + net.weightDecayTerm(w, grad);
  }

  trainStep(w: Float64Array, idx: Uint32Array, from: number, to: number, grad: Float64Array) {
    return this.trainingMode(w, this.data.train, idx, from, to, grad, true);
  }

  batchLossGrad(
    w: Float64Array,
    split: Split,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array | null,
  ): number {
    return this.trainingMode(w, this.split(split), idx, from, to, grad, false);
  }

  /** Inference-mode mean loss and accuracy of a split (and the gradient when given). */
  evaluate(w: Float64Array, split: Split, grad: Float64Array | null) {
    const set = this.split(split);
    const net = this.net;
    const n = set.n;
    net.prepareInference(w);
    let lossSum = 0;
    let correct = 0;
    for (let from = 0; from < n; from += EVAL_ROWS) {
      const to = Math.min(n, from + EVAL_ROWS);
      const B = to - from;
      net.gather(set.x, set.y, null, from, to);
      net.forward(w, B, false, 0, false, grad !== null);
      const r = net.lossAndLogitGrad(B, 1 / n, grad !== null);
      lossSum += r.lossSum;
      correct += r.correct;
      if (grad) net.backward(w, B, false, 0, grad, from > 0);
    }
    if (grad) grad.fill(0, this.trainDim);
    return { loss: lossSum / n + net.weightDecayTerm(w, grad), accuracy: correct / n };
  }

  fullLossGrad(w: Float64Array, split: Split, grad: Float64Array | null): number {
    return this.evaluate(w, split, grad).loss;
  }

  accuracy(w: Float64Array, split: Split): number {
    return this.evaluate(w, split, null).accuracy;
  }

  sampleGrad(w: Float64Array, split: Split, i: number, out: Float64Array): number {
    const set = this.split(split);
    const net = this.net;
    net.prepareInference(w);
    net.gather(set.x, set.y, null, i, i + 1);
    net.forward(w, 1, false, 0, false);
    const r = net.lossAndLogitGrad(1, 1, true);
    net.backward(w, 1, false, 0, out, false);
    out.fill(0, this.trainDim);
    return r.lossSum + net.weightDecayTerm(w, out);
  }

  hvp(w: Float64Array, split: Split, v: Float64Array, out: Float64Array): void {
    const set = this.split(split);
    const net = this.net;
    const n = set.n;
    out.fill(0);
    net.prepareInference(w);
    this.hvpEngine.setDirection(v);
    for (let from = 0; from < n; from += EVAL_ROWS) {
      const to = Math.min(n, from + EVAL_ROWS);
      net.gather(set.x, set.y, null, from, to);
      net.forward(w, to - from, false, 0, false);
      this.hvpEngine.accumulate(w, v, to - from, 1 / n, out);
    }
    const lambda = this.options.weightDecay;
    if (lambda > 0) {
      for (const L of this.layout.layers) {
        const end = L.w + L.fanIn * L.fanOut;
        for (let k = L.w; k < end; k++) out[k] += lambda * v[k]!;
      }
    }
    out.fill(0, this.trainDim);
  }
}
