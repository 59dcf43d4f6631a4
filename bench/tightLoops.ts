/**
 * Hand-written SGD loops that compute the same per-sample losses and gradients as the
 * engine's objectives — same data (re-drawn from the same rng stream), same batch order
 * (the run's permutation, reshuffled per epoch), same arithmetic order — with everything
 * specialised: wells unrolled into locals, no objective/optimizer/schedule indirection,
 * no divergence checks. They bound what the engine's SGD could reach.
 */
import type { RunConfig } from '../src/engine/config';
import { gaussianOffsets, identityIndex } from '../src/engine/data';
import { createRng, shuffleInPlace, splitStreams } from '../src/engine/rng';
import { exp } from '../src/engine/detmath';

export interface TightLoop {
  readonly w: Float64Array;
  /** Takes `steps` SGD steps; returns the last minibatch loss (kept so it is not dead code). */
  run(steps: number): number;
}

/** The run's batch order: a permutation cut into slices of B, reshuffled when the tail cannot fill one. */
class BatchOrder {
  readonly perm: Uint32Array;
  cursor = 0;
  constructor(
    private readonly n: number,
    private readonly batch: number,
    private readonly rng: ReturnType<typeof createRng>,
  ) {
    this.perm = identityIndex(n);
    if (batch < n) shuffleInPlace(this.perm, rng);
  }
  advance(): void {
    this.cursor += this.batch;
    if (this.cursor + this.batch > this.n) {
      this.cursor = 0;
      if (this.batch < this.n) shuffleInPlace(this.perm, this.rng);
    }
  }
}

function initialPoint(config: RunConfig, lo: number[], hi: number[]): Float64Array {
  const init = splitStreams(config.seed).init;
  return Float64Array.from(lo, (l, j) => init.uniform(l, hi[j]!));
}

/** sharp-flat: ℓ_i(w) = ½c|w − d_i|² − Σ_wells D·exp(−|w − d_i − μ|²/(2r²)), two wells unrolled. */
export function sharpFlatLoop(config: RunConfig): TightLoop {
  const l = config.landscape;
  const n = l.n;
  const d = gaussianOffsets(createRng(l.dataSeed, 'data'), n, 2, l.spread, null);
  const c = l.confinement;
  const [sx, sy] = l.sharpCenter as [number, number];
  const [fx, fy] = l.flatCenter as [number, number];
  const sD = l.sharpDepth;
  const fD = l.flatDepth;
  const sa = 1 / (2 * l.sharpRadius * l.sharpRadius);
  const fa = 1 / (2 * l.flatRadius * l.flatRadius);
  const batch = config.batch;
  const lr = config.lr;
  const order = new BatchOrder(n, batch, splitStreams(config.seed).batches);
  const w = initialPoint(config, [-1, -1], [1, 1]);
  const p = { c, sx, sy, fx, fy, sD, fD, sa, fa };
  return {
    w,
    run(steps: number): number {
      let loss = 0;
      for (let s = 0; s < steps; s++) {
        loss = sharpFlatStep(w, d, order.perm, order.cursor, batch, lr, p);
        order.advance();
      }
      return loss;
    },
  };
}

interface Wells {
  c: number;
  sx: number;
  sy: number;
  fx: number;
  fy: number;
  sD: number;
  fD: number;
  sa: number;
  fa: number;
}

/** One SGD step; a top-level function so every array and scalar is a register-held local. */
function sharpFlatStep(
  w: Float64Array,
  d: Float64Array,
  perm: Uint32Array,
  from: number,
  batch: number,
  lr: number,
  p: Wells,
): number {
  const { c, sx, sy, fx, fy, sD, fD, sa, fa } = p;
  const x0 = w[0]!;
  const y0 = w[1]!;
  let gx = 0;
  let gy = 0;
  let loss = 0;
  const to = from + batch;
  for (let t = from; t < to; t++) {
    const i = perm[t]! * 2;
    const x = x0 - d[i]!;
    const y = y0 - d[i + 1]!;
    loss += 0.5 * (c * x * x + c * y * y);
    gx += c * x;
    gy += c * y;
    let ux = x - sx;
    let uy = y - sy;
    let e = sD * exp(-sa * (ux * ux + uy * uy));
    loss -= e;
    let k = 2 * sa * e;
    gx += k * ux;
    gy += k * uy;
    ux = x - fx;
    uy = y - fy;
    e = fD * exp(-fa * (ux * ux + uy * uy));
    loss -= e;
    k = 2 * fa * e;
    gx += k * ux;
    gy += k * uy;
  }
  const inv = 1 / batch;
  w[0] = x0 - lr * (gx * inv);
  w[1] = y0 - lr * (gy * inv);
  return loss * inv;
}

/** quadratic-nd: ℓ_i(w) = ½(Qw − Qc_i)ᵀΛ(Qw − Qc_i), Q = I − 2uuᵀ, centres stored rotated. */
export function quadraticNdLoop(config: RunConfig): TightLoop {
  const l = config.landscape;
  const dim = l.dim;
  const n = l.n;
  const rng = createRng(l.dataSeed, 'data');
  const u = new Float64Array(dim);
  let norm = 0;
  for (let j = 0; j < dim; j++) {
    u[j] = rng.normal();
    norm += u[j]! * u[j]!;
  }
  norm = Math.sqrt(norm);
  for (let j = 0; j < dim; j++) u[j]! /= norm;
  const centres = gaussianOffsets(rng, n, dim, l.spread, null);
  for (let i = 0; i < n; i++) householder(u, centres, i * dim);
  const lam = Float64Array.from({ length: dim }, (_, j) =>
    dim === 1 ? l.lambdaMax : l.lambdaMax * Math.pow(l.lambdaMin / l.lambdaMax, j / (dim - 1)),
  );
  const batch = config.batch;
  const lr = config.lr;
  const order = new BatchOrder(n, batch, splitStreams(config.seed).batches);
  const w = initialPoint(config, new Array(dim).fill(-1), new Array(dim).fill(1));
  const z = new Float64Array(dim);
  const g = new Float64Array(dim);
  return {
    w,
    run(steps: number): number {
      let loss = 0;
      for (let s = 0; s < steps; s++) {
        loss = quadraticStep(w, z, g, u, lam, centres, order.perm, order.cursor, batch, lr);
        order.advance();
      }
      return loss;
    },
  };
}

/** x ← (I − 2uuᵀ) x. */
function householder(u: Float64Array, x: Float64Array, off: number): void {
  const dim = u.length;
  let s = 0;
  for (let j = 0; j < dim; j++) s += u[j]! * x[off + j]!;
  s *= 2;
  for (let j = 0; j < dim; j++) x[off + j]! -= s * u[j]!;
}

function quadraticStep(
  w: Float64Array,
  z: Float64Array,
  g: Float64Array,
  u: Float64Array,
  lam: Float64Array,
  centres: Float64Array,
  perm: Uint32Array,
  from: number,
  batch: number,
  lr: number,
): number {
  const dim = w.length;
  z.set(w);
  householder(u, z, 0);
  g.fill(0);
  let loss = 0;
  const to = from + batch;
  for (let t = from; t < to; t++) {
    const base = perm[t]! * dim;
    for (let j = 0; j < dim; j++) {
      const r = z[j]! - centres[base + j]!;
      const lr_ = lam[j]! * r;
      loss += lr_ * r;
      g[j]! += lr_;
    }
  }
  const inv = 1 / batch;
  for (let j = 0; j < dim; j++) g[j] = g[j]! * inv;
  householder(u, g, 0);
  for (let j = 0; j < dim; j++) w[j]! -= lr * g[j]!;
  return 0.5 * loss * inv;
}
