/**
 * Exact Hessian-vector products of the MLP's inference-mode mean loss by Pearlmutter's
 * R-operator (forward-over-reverse): one forward pass carries the directional derivatives
 * R{·} = d/dt (·)(w + t·v) at t = 0 alongside the activations, one backward pass carries
 * R{δ} alongside the usual deltas, and R{∇L} = H·v falls out where the gradient would.
 *
 * What H is with BatchNorm: the Hessian of the loss the network computes in inference mode,
 * with the running statistics held fixed (they are model state, not parameters). There
 * BN is an affine map per feature, so H is a well-defined function of the trained weights
 * and the same function full-split losses, accuracy and slices evaluate. The training-mode
 * loss of a minibatch is a different function: normalising by batch statistics makes it
 * invariant to the scale of each pre-BN weight row, so its Hessian has a null direction per
 * neuron and eigenvalues that shrink like 1/‖row‖² as the rows grow — a known reason why
 * sharpness numbers of BN networks are not comparable across weight norms. The inference
 * Hessian has no such invariance. ReLU's second derivative is taken as 0 (exact almost
 * everywhere: a kink is crossed only on a set of measure zero).
 */
import * as dm from '../detmath';
import { linearGradW, linearGradX } from './gradKernels';
import { packedForward, packWeights } from './kernels';
import type { Mlp } from './mlp';

export class MlpHvp {
  private rows = 0;
  private ra: Float64Array[] = [];
  private ry: Float64Array[] = [];
  private rz: Float64Array[] = [];
  private rLogits = new Float64Array(0);
  private d = new Float64Array(0);
  private rd = new Float64Array(0);
  private da = new Float64Array(0);
  private rda = new Float64Array(0);

  /** The direction v's weights, packed like the network's (packWeights). */
  private readonly packedV: Float64Array[];

  constructor(private readonly net: Mlp) {
    this.packedV = net.packed.map((pk) => new Float64Array(pk.length));
  }

  /** Packs the direction once per Hessian-vector product (before the blocks). */
  setDirection(v: Float64Array): void {
    this.net.layout.layers.forEach((L, l) =>
      packWeights(v, L.w, L.fanIn, L.fanOut, this.packedV[l]!),
    );
  }

  private ensure(rows: number): void {
    if (rows <= this.rows) return;
    this.rows = rows;
    const hidden = this.net.layout.layers.slice(0, -1);
    const W = this.net.layout.maxWidth;
    this.ra = hidden.map((L) => new Float64Array(rows * L.fanOut));
    this.ry = hidden.map((L) => new Float64Array(rows * L.fanOut));
    this.rz = hidden.map((L) => new Float64Array(L.gamma >= 0 ? rows * L.fanOut : 0));
    this.rLogits = new Float64Array(rows * this.net.classes);
    this.d = new Float64Array(rows * W);
    this.rd = new Float64Array(rows * W);
    this.da = new Float64Array(rows * W);
    this.rda = new Float64Array(rows * W);
  }

  /**
   * Adds H_block·v to out for the B rows gathered in `net` (after `net.forward` in inference
   * mode, and `setDirection(v)`), where H_block is the Hessian of scale·Σ_rows loss. Weight
   * decay is not included.
   */
  accumulate(w: Float64Array, v: Float64Array, B: number, scale: number, out: Float64Array): void {
    const net = this.net;
    this.ensure(B);
    const layers = net.layout.layers;
    const H = net.hiddenCount;
    const tanh = net.activation === 'tanh';
    // R-forward.
    for (let l = 0; l <= H; l++) {
      const L = layers[l]!;
      const input = l === 0 ? net.x : net.a[l - 1]!;
      const target = l === H ? this.rLogits : L.gamma >= 0 ? this.rz[l]! : this.ry[l]!;
      packedForward(input, B, L.fanIn, this.packedV[l]!, L.fanOut, v, L.b, target, false);
      if (l > 0) {
        const pw = net.packed[l]!;
        packedForward(this.ra[l - 1]!, B, L.fanIn, pw, L.fanOut, w, -1, target, true);
      }
      if (l === H) break;
      const F = L.fanOut;
      const n = B * F;
      const ry = this.ry[l]!;
      if (L.gamma >= 0) {
        const rz = this.rz[l]!;
        const xh = net.xhat[l]!;
        const sc = net.bnScale[l]!;
        for (let r = 0; r < n; r += F)
          for (let f = 0; f < F; f++)
            ry[r + f] = sc[f]! * rz[r + f]! + v[L.gamma + f]! * xh[r + f]! + v[L.beta + f]!;
      }
      const a = net.a[l]!;
      const ra = this.ra[l]!;
      if (tanh) for (let k = 0; k < n; k++) ra[k] = (1 - a[k]! * a[k]!) * ry[k]!;
      else for (let k = 0; k < n; k++) ra[k] = a[k]! > 0 ? ry[k]! : 0;
    }
    // δ and R{δ} at the logits: δ = s·(p − e_y), R{δ} = s·p ⊙ (R{z} − pᵀR{z}).
    const K = net.classes;
    const p = this.d;
    const rd = this.rd;
    for (let b = 0; b < B; b++) {
      const o = b * K;
      let m = net.logits[o]!;
      for (let k = 1; k < K; k++) m = Math.max(m, net.logits[o + k]!);
      let s = 0;
      for (let k = 0; k < K; k++) {
        p[o + k] = dm.exp(net.logits[o + k]! - m);
        s += p[o + k]!;
      }
      let pr = 0;
      for (let k = 0; k < K; k++) {
        p[o + k] = p[o + k]! / s;
        pr += p[o + k]! * this.rLogits[o + k]!;
      }
      const label = net.labels[b]!;
      for (let k = 0; k < K; k++) {
        rd[o + k] = scale * p[o + k]! * (this.rLogits[o + k]! - pr);
        p[o + k] = scale * (p[o + k]! - (k === label ? 1 : 0));
      }
    }
    // R-backward.
    let d = this.d;
    let rdl = this.rd;
    let da = this.da;
    let rda = this.rda;
    for (let l = H; l >= 0; l--) {
      const L = layers[l]!;
      const input = l === 0 ? net.x : net.a[l - 1]!;
      linearGradW(rdl, input, B, L.fanIn, L.fanOut, out, L.w, L.b, true);
      if (l === 0) break;
      linearGradW(d, this.ra[l - 1]!, B, L.fanIn, L.fanOut, out, L.w, -1, true);
      const P = layers[l - 1]!;
      const F = P.fanOut;
      const n = B * F;
      linearGradX(d, B, L.fanOut, w, L.w, F, da, false);
      linearGradX(rdl, B, L.fanOut, w, L.w, F, rda, false);
      linearGradX(d, B, L.fanOut, v, L.w, F, rda, true);
      const a = net.a[l - 1]!;
      const ry = this.ry[l - 1]!;
      for (let k = 0; k < n; k++) {
        const ak = a[k]!;
        if (tanh) {
          const d1 = 1 - ak * ak;
          rda[k] = rda[k]! * d1 - 2 * ak * d1 * da[k]! * ry[k]!;
          da[k] = da[k]! * d1;
        } else if (!(ak > 0)) {
          rda[k] = 0;
          da[k] = 0;
        }
      }
      if (P.gamma >= 0) {
        const xh = net.xhat[l - 1]!;
        const rz = this.rz[l - 1]!;
        const sc = net.bnScale[l - 1]!;
        const is = net.bnInvStd[l - 1]!;
        for (let r = 0; r < n; r += F) {
          for (let f = 0; f < F; f++) {
            const dy = da[r + f]!;
            const rdy = rda[r + f]!;
            out[P.gamma + f] += rdy * xh[r + f]! + dy * is[f]! * rz[r + f]!;
            out[P.beta + f] += rdy;
            da[r + f] = dy * sc[f]!;
            rda[r + f] = rdy * sc[f]! + dy * v[P.gamma + f]! * is[f]!;
          }
        }
      }
      // The deltas of this layer's input become the next (lower) layer's deltas.
      let t = d;
      d = da;
      da = t;
      t = rdl;
      rdl = rda;
      rda = t;
    }
  }
}
