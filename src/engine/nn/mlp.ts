/**
 * The MLP's exact forward and backward passes over one block of rows, in two modes:
 *
 * - training mode (a minibatch): BatchNorm normalises each ghost batch with its own
 *   statistics and, for a real SGD step, updates the running statistics stored in the
 *   state vector;
 * - inference mode (full-split losses, gradients, per-sample gradients, accuracy, the
 *   Hessian): BatchNorm is the fixed affine map of its running statistics, so every sample
 *   is independent and a split is evaluated in chunks that fit the cache.
 *
 * Loss: mean softmax cross-entropy (+ ½λ‖W‖² over the weight matrices when weight decay λ
 * is on; biases and BN's γ, β are not decayed). Buffers grow to the largest block seen and
 * are then reused: a training step allocates nothing.
 */
import * as dm from '../detmath';
import { ghostBnBackward, ghostBnForward, inferenceAffine, updateRunningStats } from './batchnorm';
import { linearGradW, linearGradX } from './gradKernels';
import { NO_EPILOGUE, packedForward, packWeights, type Epilogue } from './kernels';
import { activate, activationGrad, bnInference } from './elementwise';
import type { Activation, NetLayout } from './layout';

export interface BlockResult {
  /** Σ of per-sample cross-entropies over the block (no weight decay). */
  lossSum: number;
  /** Samples whose arg-max logit is their label. */
  correct: number;
}

export class Mlp {
  readonly hiddenCount: number;
  readonly classes: number;
  /** Rows the buffers hold. */
  cap = 0;
  x = new Float64Array(0);
  labels = new Uint8Array(0);
  /** Per hidden layer: activations φ(y) and (BN layers) the normalised x̂. */
  a: Float64Array[] = [];
  xhat: Float64Array[] = [];
  logits = new Float64Array(0);
  /** Per hidden BN layer, inference mode: scale, shift and 1/√(σ²_run + ε). */
  readonly bnScale: Float64Array[];
  readonly bnShift: Float64Array[];
  readonly bnInvStd: Float64Array[];
  private zTmp = new Float64Array(0);
  private dA = new Float64Array(0);
  private dB = new Float64Array(0);
  private chunkMean = new Float64Array(0);
  private chunkVar = new Float64Array(0);
  /** Per hidden BN layer, training mode: 1/√(σ² + ε) of each ghost batch (chunks × F). */
  private chunkInvStd: Float64Array[] = [];
  private readonly sums: Float64Array;
  private readonly reluOnly: Epilogue = { scale: null, shift: null, relu: true };
  /** Per layer: W packed for the forward kernel (packWeights), refreshed from w per pass. */
  readonly packed: Float64Array[];

  constructor(
    readonly layout: NetLayout,
    readonly activation: Activation,
    readonly weightDecay: number,
    readonly bnMomentum: number,
  ) {
    this.hiddenCount = layout.layers.length - 1;
    this.classes = layout.spec.outputs;
    const widths = layout.layers.map((L) => L.fanOut);
    this.bnScale = widths.map((f) => new Float64Array(f));
    this.bnShift = widths.map((f) => new Float64Array(f));
    this.bnInvStd = widths.map((f) => new Float64Array(f));
    this.sums = new Float64Array(2 * layout.maxWidth);
    this.packed = layout.layers.map((L) => new Float64Array(Math.ceil(L.fanOut / 4) * 4 * L.fanIn));
  }

  private pack(w: Float64Array): void {
    const layers = this.layout.layers;
    for (let l = 0; l < layers.length; l++) {
      const L = layers[l]!;
      packWeights(w, L.w, L.fanIn, L.fanOut, this.packed[l]!);
    }
  }

  /** Grows every buffer to hold `rows` rows (only when a larger block arrives). */
  ensure(rows: number): void {
    if (rows <= this.cap) return;
    const W = this.layout.maxWidth;
    const hidden = this.layout.layers.slice(0, -1);
    this.cap = rows;
    this.x = new Float64Array(rows * this.layout.spec.inputs);
    this.labels = new Uint8Array(rows);
    this.a = hidden.map((L) => new Float64Array(rows * L.fanOut));
    this.xhat = hidden.map((L) => new Float64Array(L.gamma >= 0 ? rows * L.fanOut : 0));
    this.logits = new Float64Array(rows * this.classes);
    this.zTmp = new Float64Array(rows * W);
    this.dA = new Float64Array(rows * W);
    this.dB = new Float64Array(rows * W);
    this.chunkMean = new Float64Array(rows * W);
    this.chunkVar = new Float64Array(rows * W);
    this.chunkInvStd = hidden.map((L) => new Float64Array(L.gamma >= 0 ? rows * L.fanOut : 0));
  }

  /** Copies rows idx[from..to) (or from..to when idx is null) of a split into the input block. */
  gather(xs: Float64Array, ys: Uint8Array, idx: Uint32Array | null, from: number, to: number) {
    const d = this.layout.spec.inputs;
    this.ensure(to - from);
    for (let r = 0, t = from; t < to; r++, t++) {
      const i = idx ? idx[t]! : t;
      for (let j = 0; j < d; j++) this.x[r * d + j] = xs[i * d + j]!;
      this.labels[r] = ys[i]!;
    }
  }

  /**
   * Inference-mode BN maps of every BN layer from the running statistics in w, and the
   * packed weights: call before inference-mode forward passes over a fixed w.
   */
  prepareInference(w: Float64Array): void {
    this.pack(w);
    this.layout.layers.forEach((L, l) => {
      if (L.gamma >= 0)
        inferenceAffine(
          w,
          L.fanOut,
          L.gamma,
          L.beta,
          L.runMean,
          L.runVar,
          this.bnScale[l]!,
          this.bnShift[l]!,
          this.bnInvStd[l]!,
        );
    });
  }

  /**
   * Forward pass over the B gathered rows. Training mode uses ghost batches of v rows (and
   * writes the running statistics into w when `updateStats`); inference mode needs
   * `prepareInference(w)` first. Leaves activations, x̂ and logits in the buffers (in
   * inference mode x̂ only when `keepXhat`: gradients and the Hessian need it, losses do not).
   */
  forward(
    w: Float64Array,
    B: number,
    train: boolean,
    v: number,
    updateStats: boolean,
    keepXhat = true,
  ): void {
    const layers = this.layout.layers;
    if (train) this.pack(w);
    let input: Float64Array = this.x;
    for (let l = 0; l < layers.length; l++) {
      const L = layers[l]!;
      if (l === this.hiddenCount) {
        packedForward(input, B, L.fanIn, this.packed[l]!, L.fanOut, w, L.b, this.logits, false);
        break;
      }
      const a = this.a[l]!;
      const F = L.fanOut;
      const n = B * F;
      const pk = this.packed[l]!;
      const relu = this.activation === 'relu';
      if (L.gamma < 0) {
        packedForward(
          input,
          B,
          L.fanIn,
          pk,
          F,
          w,
          L.b,
          a,
          false,
          relu ? this.reluOnly : NO_EPILOGUE,
        );
      } else if (train) {
        packedForward(input, B, L.fanIn, pk, F, w, -1, this.zTmp, false);
        const cm = this.chunkMean;
        const cv = this.chunkVar;
        const is = this.chunkInvStd[l]!;
        ghostBnForward(this.zTmp, B, F, v, w, L.gamma, L.beta, this.xhat[l]!, a, cm, cv, is);
        if (updateStats)
          updateRunningStats(cm, cv, B / v, F, v, this.bnMomentum, w, L.runMean, L.runVar);
      } else if (keepXhat) {
        packedForward(input, B, L.fanIn, pk, F, w, -1, a, false);
        const sc = this.bnScale[l]!;
        bnInference(a, this.xhat[l]!, B, F, w, L.runMean, this.bnInvStd[l]!, sc, this.bnShift[l]!);
      } else {
        // Losses only: BN's affine map and ReLU fused into the kernel's stores.
        const epi = { scale: this.bnScale[l]!, shift: this.bnShift[l]!, relu };
        packedForward(input, B, L.fanIn, pk, F, w, -1, a, false, epi);
        if (!relu) activate(a, n, this.activation);
        input = a;
        continue;
      }
      // ReLU was fused into the kernel where it could be; everything else is applied here.
      if (!(relu && L.gamma < 0)) activate(a, n, this.activation);
      input = a;
    }
  }

  /**
   * Softmax cross-entropy of the logits; writes scale·(softmax − onehot) into dA when
   * `withGrad` (the loss gradient w.r.t. the logits of a mean over 1/scale samples).
   */
  lossAndLogitGrad(B: number, scale: number, withGrad: boolean): BlockResult {
    const K = this.classes;
    const z = this.logits;
    const d = this.dA;
    let lossSum = 0;
    let correct = 0;
    for (let b = 0; b < B; b++) {
      const o = b * K;
      let m = z[o]!;
      let arg = 0;
      for (let k = 1; k < K; k++) {
        if (z[o + k]! > m) {
          m = z[o + k]!;
          arg = k;
        }
      }
      const label = this.labels[b]!;
      if (arg === label) correct++;
      let s = 0;
      for (let k = 0; k < K; k++) {
        const e = dm.exp(z[o + k]! - m);
        d[o + k] = e;
        s += e;
      }
      lossSum += dm.log(s) - (z[o + label]! - m);
      if (withGrad) {
        const inv = scale / s;
        for (let k = 0; k < K; k++) d[o + k] = d[o + k]! * inv - (k === label ? scale : 0);
      }
    }
    return { lossSum, correct };
  }

  /**
   * Backward pass after `forward` and `lossAndLogitGrad(…, true)`: writes the gradient of
   * the block's loss into g (or adds it when `acc`; γ, β are always accumulated in
   * inference mode and overwritten in training mode — callers zero g before accumulating).
   */
  backward(w: Float64Array, B: number, train: boolean, v: number, g: Float64Array, acc: boolean) {
    const layers = this.layout.layers;
    let delta = this.dA;
    let spare = this.dB;
    for (let l = this.hiddenCount; l >= 0; l--) {
      const L = layers[l]!;
      const input = l === 0 ? this.x : this.a[l - 1]!;
      linearGradW(delta, input, B, L.fanIn, L.fanOut, g, L.w, L.b, acc);
      if (l === 0) break;
      const P = layers[l - 1]!;
      const F = P.fanOut;
      const n = B * F;
      linearGradX(delta, B, L.fanOut, w, L.w, F, spare, false);
      activationGrad(spare, this.a[l - 1]!, n, this.activation);
      if (P.gamma < 0) {
        const t = delta;
        delta = spare;
        spare = t;
        continue;
      }
      if (train) {
        const is = this.chunkInvStd[l - 1]!;
        ghostBnBackward(spare, this.xhat[l - 1]!, is, B, F, v, w, P.gamma, g, this.sums, delta);
      } else {
        const xh = this.xhat[l - 1]!;
        const sc = this.bnScale[l - 1]!;
        if (!acc) for (let f = 0; f < 2 * F; f++) g[P.gamma + f] = 0;
        for (let r = 0; r < n; r += F) {
          for (let f = 0; f < F; f++) {
            const dy = spare[r + f]!;
            g[P.gamma + f] += dy * xh[r + f]!;
            g[P.beta + f] += dy;
            delta[r + f] = dy * sc[f]!;
          }
        }
      }
    }
  }

  /** ½λ‖W‖² over the weight matrices; adds λW to g when given. */
  weightDecayTerm(w: Float64Array, g: Float64Array | null): number {
    const lambda = this.weightDecay;
    if (lambda === 0) return 0;
    let s = 0;
    for (const L of this.layout.layers) {
      const end = L.w + L.fanIn * L.fanOut;
      for (let k = L.w; k < end; k++) {
        const x = w[k]!;
        s += x * x;
        if (g) g[k] += lambda * x;
      }
    }
    return 0.5 * lambda * s;
  }
}
