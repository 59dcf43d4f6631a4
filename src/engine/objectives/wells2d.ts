import type { Basin, Objective, Split } from './types';
import { gaussianOffsets } from '../data';
import type { Rng } from '../rng';
import { IndexedSplits } from './indexedSplits';
import * as dm from '../detmath';

/** One Gaussian well −depth·exp(−|w−c|²/(2·radius²)). */
export interface Well {
  id: string;
  label: string;
  depth: number;
  radius: number;
  center: [number, number];
}

/**
 * Base 2-D landscape L0(w) = ½(cx·x² + cy·y²) − Σ wells. Bowl, sharp-flat and saddle
 * are all this shape with different wells, so one set of exact derivatives serves all.
 */
export interface WellsBase {
  confinement: [number, number];
  wells: Well[];
  /** Saddle points to name, each found by Newton's method from a guess (saddle preset). */
  saddles?: { id: string; label: string; guess: [number, number] }[];
}

export interface Wells2DOptions {
  id: string;
  base: WellsBase;
  n: number;
  nTest: number;
  spread: number;
  shift: [number, number];
  initBox: { lo: number[]; hi: number[] };
  viewBox: { lo: number[]; hi: number[] };
  dataRng: Rng;
}

/**
 * Per-sample loss ℓ_i(w) = L0(w − d_i) with train offsets d_i ~ N(0, s²I) and test
 * offsets d_i ~ N(δ, s²I).
 */
export class Wells2DObjective extends IndexedSplits implements Objective {
  readonly id: string;
  readonly dim = 2;
  readonly nTrain: number;
  readonly nTest: number;
  readonly basins: Basin[];
  readonly saddles: Basin[];
  readonly initBox: { lo: number[]; hi: number[] };
  readonly viewBox: { lo: number[]; hi: number[] };
  private readonly cx: number;
  private readonly cy: number;
  // Wells unpacked into flat arrays so the inner loop reads numbers, not objects.
  private readonly wx: Float64Array;
  private readonly wy: Float64Array;
  private readonly wDepth: Float64Array;
  private readonly wInv2s2: Float64Array;
  private readonly train: Float64Array;
  private readonly test: Float64Array;

  constructor(o: Wells2DOptions) {
    super(o.n, o.nTest);
    this.id = o.id;
    this.nTrain = o.n;
    this.nTest = o.nTest;
    this.initBox = o.initBox;
    this.viewBox = o.viewBox;
    this.cx = o.base.confinement[0];
    this.cy = o.base.confinement[1];
    const k = o.base.wells.length;
    this.wx = new Float64Array(k);
    this.wy = new Float64Array(k);
    this.wDepth = new Float64Array(k);
    this.wInv2s2 = new Float64Array(k);
    o.base.wells.forEach((w, j) => {
      this.wx[j] = w.center[0];
      this.wy[j] = w.center[1];
      this.wDepth[j] = w.depth;
      this.wInv2s2[j] = 1 / (2 * w.radius * w.radius);
    });
    this.train = gaussianOffsets(o.dataRng, o.n, 2, o.spread, null);
    this.test = gaussianOffsets(o.dataRng, o.nTest, 2, o.spread, o.shift);
    this.basins = o.base.wells.map((w) => this.locateBasin(w, o.spread));
    this.saddles = (o.base.saddles ?? []).map((sd) => this.locateSaddle(sd));
  }

  batchLossGrad(
    w: Float64Array,
    split: Split,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array | null,
  ): number {
    const d = split === 'train' ? this.train : this.test;
    const x0 = w[0]!;
    const y0 = w[1]!;
    const cx = this.cx;
    const cy = this.cy;
    const k = this.wx.length;
    let loss = 0;
    let gx = 0;
    let gy = 0;
    for (let t = from; t < to; t++) {
      const i = idx[t]! * 2;
      const x = x0 - d[i]!;
      const y = y0 - d[i + 1]!;
      loss += 0.5 * (cx * x * x + cy * y * y);
      gx += cx * x;
      gy += cy * y;
      for (let j = 0; j < k; j++) {
        const ux = x - this.wx[j]!;
        const uy = y - this.wy[j]!;
        const a = this.wInv2s2[j]!;
        const e = this.wDepth[j]! * dm.exp(-a * (ux * ux + uy * uy));
        loss -= e;
        // d/dw of −D·exp(−a|u|²) = 2a·D·exp(·)·u
        const s = 2 * a * e;
        gx += s * ux;
        gy += s * uy;
      }
    }
    const inv = 1 / (to - from);
    if (grad) {
      grad[0] = gx * inv;
      grad[1] = gy * inv;
    }
    return loss * inv;
  }

  hessian2(w: Float64Array, split: Split, out: Float64Array): void {
    const d = split === 'train' ? this.train : this.test;
    const n = split === 'train' ? this.nTrain : this.nTest;
    const k = this.wx.length;
    let hxx = 0;
    let hxy = 0;
    let hyy = 0;
    for (let i = 0; i < n; i++) {
      const x = w[0]! - d[2 * i]!;
      const y = w[1]! - d[2 * i + 1]!;
      for (let j = 0; j < k; j++) {
        const ux = x - this.wx[j]!;
        const uy = y - this.wy[j]!;
        const a = this.wInv2s2[j]!;
        const e = this.wDepth[j]! * dm.exp(-a * (ux * ux + uy * uy));
        // H of −D·exp(−a|u|²) = 2a·D·e·(I − 2a·u uᵀ)
        const s = 2 * a * e;
        hxx += s * (1 - 2 * a * ux * ux);
        hyy += s * (1 - 2 * a * uy * uy);
        hxy -= s * 2 * a * ux * uy;
      }
    }
    out[0] = this.cx + hxx / n;
    out[1] = hxy / n;
    out[2] = this.cy + hyy / n;
  }

  hvp(w: Float64Array, split: Split, v: Float64Array, out: Float64Array): void {
    const h = new Float64Array(3);
    this.hessian2(w, split, h);
    out[0] = h[0]! * v[0]! + h[1]! * v[1]!;
    out[1] = h[1]! * v[0]! + h[2]! * v[1]!;
  }

  /**
   * Finds the train-surface minimum near a well by gradient descent on the full train
   * loss, so basin centres are where SGD actually settles, not the raw well centres.
   */
  private locateBasin(well: Well, spread: number): Basin {
    const w = new Float64Array(well.center);
    const g = new Float64Array(2);
    const width = Math.sqrt(well.radius * well.radius + spread * spread);
    const h = new Float64Array(3);
    for (let it = 0; it < 400; it++) {
      this.fullLossGrad(w, 'train', g);
      this.hessian2(w, 'train', h);
      // Step 1/λ_max keeps the descent stable whatever the well's sharpness.
      const lmax = Math.max(1e-6, maxEig2(h[0]!, h[1]!, h[2]!));
      w[0] -= g[0]! / lmax;
      w[1] -= g[1]! / lmax;
      if (dm.hypot(g[0]!, g[1]!) < 1e-10) break;
    }
    return { id: well.id, label: well.label, center: [w[0]!, w[1]!], radius: 2.5 * width };
  }

  /**
   * Finds the train surface's stationary point near a guess by Newton's method (which,
   * unlike descent, converges to saddles too). "Near the saddle" is half the way to the
   * nearest basin's minimum: inside it the surface is still the saddle's shape, and a
   * run there has not yet committed to a basin.
   */
  private locateSaddle(s: { id: string; label: string; guess: [number, number] }): Basin {
    const w = new Float64Array(s.guess);
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    for (let it = 0; it < 100; it++) {
      this.fullLossGrad(w, 'train', g);
      if (dm.hypot(g[0]!, g[1]!) < 1e-12) break;
      this.hessian2(w, 'train', h);
      const det = h[0]! * h[2]! - h[1]! * h[1]!;
      if (det === 0) break;
      w[0] -= (h[2]! * g[0]! - h[1]! * g[1]!) / det;
      w[1] -= (h[0]! * g[1]! - h[1]! * g[0]!) / det;
    }
    let nearest = Infinity;
    for (const b of this.basins)
      nearest = Math.min(nearest, dm.hypot(w[0]! - b.center[0]!, w[1]! - b.center[1]!));
    const radius = Number.isFinite(nearest) ? 0.5 * nearest : 0.25;
    return { id: s.id, label: s.label, center: [w[0]!, w[1]!], radius };
  }
}

/** Largest eigenvalue of the symmetric matrix [[a, b], [b, c]]. */
export function maxEig2(a: number, b: number, c: number): number {
  const m = 0.5 * (a + c);
  const r = dm.hypot(0.5 * (a - c), b);
  return m + r;
}
