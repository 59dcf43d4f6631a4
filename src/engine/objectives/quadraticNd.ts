import type { Objective, Split } from './types';
import { gaussianOffsets, identityIndex } from '../data';
import type { Rng } from '../rng';
import * as dm from '../detmath';

export interface QuadraticNdOptions {
  dim: number;
  n: number;
  nTest: number;
  spread: number;
  /** Train/test shift: the test centres' mean, broadcast if given one value. */
  shift: number[];
  lambdaMax: number;
  lambdaMin: number;
  dataRng: Rng;
}

/**
 * Per-sample quadratics ℓ_i(w) = ½ (w − c_i)ᵀ H (w − c_i) with a known spectrum:
 * H = Q Λ Q, Λ log-spaced from λ_max down to λ_min, Q = I − 2uuᵀ a random Householder
 * reflection. Q makes H non-diagonal (so Lanczos is really tested) while keeping every
 * product O(d): centres are stored already rotated, c̃_i = Q c_i.
 */
export class QuadraticNdObjective implements Objective {
  readonly id = 'quadratic-nd';
  readonly dim: number;
  readonly nTrain: number;
  readonly nTest: number;
  readonly basins = [];
  readonly initBox: { lo: number[]; hi: number[] };
  readonly viewBox: { lo: number[]; hi: number[] };
  /** Eigenvalues, largest first. */
  readonly spectrum: Float64Array;
  /** Householder vector u (unit length). */
  readonly householder: Float64Array;
  private readonly train: Float64Array;
  private readonly test: Float64Array;
  private readonly trainIdx: Uint32Array;
  private readonly testIdx: Uint32Array;
  // Scratch for the rotated point and rotated gradient; reused, never reallocated.
  private readonly z: Float64Array;
  private readonly gz: Float64Array;
  /**
   * Split means c̄ (rotated) and the constant ½·mean_i (c_i − c̄)ᵀΛ(c_i − c̄): a mean of
   * quadratics is the quadratic at the mean plus that constant, so full-split losses
   * cost O(d) instead of O(N·d).
   */
  private readonly trainMean: { c: Float64Array; k: number };
  private readonly testMean: { c: Float64Array; k: number };

  constructor(o: QuadraticNdOptions) {
    const d = o.dim;
    this.dim = d;
    this.nTrain = o.n;
    this.nTest = o.nTest;
    this.initBox = { lo: new Array<number>(d).fill(-1), hi: new Array<number>(d).fill(1) };
    this.viewBox = { lo: [-1.5, -1.5], hi: [1.5, 1.5] };
    this.spectrum = new Float64Array(d);
    for (let j = 0; j < d; j++) {
      const t = d === 1 ? 0 : j / (d - 1);
      this.spectrum[j] = o.lambdaMax * dm.pow(o.lambdaMin / o.lambdaMax, t);
    }
    const u = new Float64Array(d);
    let norm = 0;
    for (let j = 0; j < d; j++) {
      u[j] = o.dataRng.normal();
      norm += u[j]! * u[j]!;
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < d; j++) u[j]! /= norm;
    this.householder = u;
    const shift = new Array<number>(d);
    for (let j = 0; j < d; j++) shift[j] = o.shift.length === 1 ? o.shift[0]! : (o.shift[j] ?? 0);
    this.train = gaussianOffsets(o.dataRng, o.n, d, o.spread, null);
    this.test = gaussianOffsets(o.dataRng, o.nTest, d, o.spread, shift);
    for (let i = 0; i < o.n; i++) this.reflect(this.train.subarray(i * d, (i + 1) * d));
    for (let i = 0; i < o.nTest; i++) this.reflect(this.test.subarray(i * d, (i + 1) * d));
    this.trainIdx = identityIndex(o.n);
    this.testIdx = identityIndex(o.nTest);
    this.z = new Float64Array(d);
    this.gz = new Float64Array(d);
    this.trainMean = this.splitMean(this.train, o.n);
    this.testMean = this.splitMean(this.test, o.nTest);
  }

  private splitMean(c: Float64Array, n: number): { c: Float64Array; k: number } {
    const d = this.dim;
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += c[i * d + j]! / n;
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const r = c[i * d + j]! - mean[j]!;
        k += this.spectrum[j]! * r * r;
      }
    }
    return { c: mean, k: (0.5 * k) / n };
  }

  /** x ← Q x = x − 2 u (uᵀx), in place. */
  reflect(x: Float64Array): void {
    const u = this.householder;
    let dot = 0;
    for (let j = 0; j < this.dim; j++) dot += u[j]! * x[j]!;
    dot *= 2;
    for (let j = 0; j < this.dim; j++) x[j]! -= dot * u[j]!;
  }

  batchLossGrad(
    w: Float64Array,
    split: Split,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array | null,
  ): number {
    const d = this.dim;
    const c = split === 'train' ? this.train : this.test;
    const z = this.z;
    const gz = this.gz;
    const lam = this.spectrum;
    z.set(w);
    this.reflect(z);
    gz.fill(0);
    let loss = 0;
    for (let t = from; t < to; t++) {
      const base = idx[t]! * d;
      for (let j = 0; j < d; j++) {
        const r = z[j]! - c[base + j]!;
        const lr = lam[j]! * r;
        loss += lr * r;
        gz[j]! += lr;
      }
    }
    const inv = 1 / (to - from);
    if (grad) {
      for (let j = 0; j < d; j++) grad[j] = gz[j]! * inv;
      this.reflect(grad);
    }
    return 0.5 * loss * inv;
  }

  fullLossGrad(w: Float64Array, split: Split, grad: Float64Array | null): number {
    const { c, k } = split === 'train' ? this.trainMean : this.testMean;
    const z = this.z;
    z.set(w);
    this.reflect(z);
    let loss = 0;
    for (let j = 0; j < this.dim; j++) {
      const r = z[j]! - c[j]!;
      loss += this.spectrum[j]! * r * r;
      if (grad) grad[j] = this.spectrum[j]! * r;
    }
    if (grad) this.reflect(grad);
    return 0.5 * loss + k;
  }

  sampleGrad(w: Float64Array, split: Split, i: number, out: Float64Array): number {
    const idx = split === 'train' ? this.trainIdx : this.testIdx;
    return this.batchLossGrad(w, split, idx, i, i + 1, out);
  }

  /** H v = Q Λ Q v; the same for every sample, every point and both splits. */
  hvp(_w: Float64Array, _split: Split, v: Float64Array, out: Float64Array): void {
    out.set(v);
    this.reflect(out);
    for (let j = 0; j < this.dim; j++) out[j]! *= this.spectrum[j]!;
    this.reflect(out);
  }
}
