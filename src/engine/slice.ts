/**
 * Loss surfaces on a 2-D slice w(α, β) = c + α·d1 + β·d2 of an N-D state vector, computed
 * progressively, coarse to fine, in pieces small enough for a worker's time slice:
 *
 *   const s = new ProgressiveSurface(objective, slice, box, 65);
 *   while (!s.done) { s.advance(40); post(s.snapshot('train'), s.snapshot('test')); }
 *
 * The grid (res = 2^k + 1 points per side) is filled level by level: every 8th point first
 * (a 9 × 9 picture of a 65 × 65 grid), then every 4th, 2nd and every point. Until a point
 * is evaluated, snapshots show it bilinearly interpolated from the finest complete level,
 * so every snapshot is a whole surface. Work can also be shared out: `take(n)` reserves the
 * next grid points, `evaluateSlicePoints` computes them anywhere (a pool worker), `fill`
 * puts the values back.
 *
 * Every point is a full-split evaluation by the objective's fullLossGrad — for the MLP,
 * inference mode, with the BatchNorm running statistics of the slice centre (directions are
 * zero on model state, so the statistics do not move across the slice).
 */
import type { Objective, Split } from './objectives/types';

export interface SliceSpec {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
}

export interface SliceBox {
  lo: readonly [number, number];
  hi: readonly [number, number];
}

/**
 * (α, β) coordinates of count points (row-major, `dim` each) in the slice plane: the least
 * squares solution of p − c ≈ α·d1 + β·d2 (d1, d2 need not be orthogonal, as two random
 * filter-normalised directions are not). Only the first `trainDim` entries count.
 */
export function projectOntoSlice(
  slice: SliceSpec,
  positions: ArrayLike<number>,
  count: number,
  dim: number,
  trainDim = dim,
): Float32Array {
  const { center: c, d1, d2 } = slice;
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  for (let j = 0; j < trainDim; j++) {
    a11 += d1[j]! * d1[j]!;
    a12 += d1[j]! * d2[j]!;
    a22 += d2[j]! * d2[j]!;
  }
  const det = a11 * a22 - a12 * a12;
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    let b1 = 0;
    let b2 = 0;
    for (let j = 0; j < trainDim; j++) {
      const x = positions[i * dim + j]! - c[j]!;
      b1 += x * d1[j]!;
      b2 += x * d2[j]!;
    }
    out[2 * i] = det > 0 ? (a22 * b1 - a12 * b2) / det : 0;
    out[2 * i + 1] = det > 0 ? (a11 * b2 - a12 * b1) / det : 0;
  }
  return out;
}

/** Full-split losses at grid points (indices into a res × res grid, row-major by β). */
export function evaluateSlicePoints(
  objective: Objective,
  slice: SliceSpec,
  box: SliceBox,
  res: number,
  points: ArrayLike<number>,
  split: Split,
  out: Float64Array,
): void {
  const d = objective.dim;
  const w = new Float64Array(d);
  const { center: c, d1, d2 } = slice;
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!;
    const a = box.lo[0] + ((box.hi[0] - box.lo[0]) * (p % res)) / (res - 1);
    const b = box.lo[1] + ((box.hi[1] - box.lo[1]) * Math.floor(p / res)) / (res - 1);
    for (let j = 0; j < d; j++) w[j] = c[j]! + a * d1[j]! + b * d2[j]!;
    out[k] = objective.fullLossGrad(w, split, null);
  }
}

export class ProgressiveSurface {
  readonly res: number;
  /** Grid points in evaluation order: coarsest level first. */
  readonly order: Uint32Array;
  /** Points in the first (coarse) pass. */
  readonly firstPass: number;
  readonly values: Record<Split, Float64Array>;
  private readonly evaluated: Uint8Array;
  /** Stride of each level, coarse to fine, and the order position where each level ends. */
  private readonly strides: number[];
  private readonly levelEnds: number[];
  private next = 0;
  private filled = 0;

  constructor(
    readonly objective: Objective,
    readonly slice: SliceSpec,
    readonly box: SliceBox,
    res: number,
    readonly splits: readonly Split[] = ['train', 'test'],
  ) {
    let pow2 = 2;
    while (pow2 + 1 < res) pow2 *= 2;
    if (!(res >= 3 && res <= 1025 && pow2 + 1 === res))
      throw new RangeError(`ProgressiveSurface: res must be 2^k + 1 (3 … 1025), got ${res}`);
    this.res = res;
    const coarse = Math.max(1, (res - 1) / 8);
    this.strides = [];
    for (let s = coarse; s >= 1; s /= 2) this.strides.push(s);
    const order: number[] = [];
    const seen = new Uint8Array(res * res);
    this.levelEnds = this.strides.map((s) => {
      for (let iy = 0; iy < res; iy += s)
        for (let ix = 0; ix < res; ix += s)
          if (!seen[iy * res + ix]) {
            seen[iy * res + ix] = 1;
            order.push(iy * res + ix);
          }
      return order.length;
    });
    this.order = Uint32Array.from(order);
    this.firstPass = this.levelEnds[0]!;
    this.evaluated = new Uint8Array(res * res);
    this.values = { train: new Float64Array(res * res), test: new Float64Array(res * res) };
  }

  get done(): boolean {
    return this.filled === this.order.length;
  }

  /** Fraction of grid points evaluated. */
  progress(): number {
    return this.filled / this.order.length;
  }

  /** Reserves the next n grid points (for evaluation elsewhere); fill() them later. */
  take(n: number): Uint32Array {
    const end = Math.min(this.order.length, this.next + Math.max(0, n));
    const pts = this.order.slice(this.next, end);
    this.next = end;
    return pts;
  }

  /** Stores evaluated values (one array per split, in `splits` order) of reserved points. */
  fill(points: ArrayLike<number>, values: readonly ArrayLike<number>[]): void {
    for (let k = 0; k < points.length; k++) {
      const p = points[k]!;
      this.splits.forEach((s, i) => (this.values[s][p] = values[i]![k]!));
      if (!this.evaluated[p]) {
        this.evaluated[p] = 1;
        this.filled++;
      }
    }
  }

  /** Evaluates up to n more points here; returns true when the grid is complete. */
  advance(n: number): boolean {
    const pts = this.take(n);
    const vals = this.splits.map(() => new Float64Array(pts.length));
    this.splits.forEach((s, i) =>
      evaluateSlicePoints(this.objective, this.slice, this.box, this.res, pts, s, vals[i]!),
    );
    this.fill(pts, vals);
    return this.done;
  }

  /** Stride of the finest level whose points are all evaluated (0 before the first pass). */
  completeStride(): number {
    let stride = 0;
    let start = 0;
    for (let l = 0; l < this.strides.length; l++) {
      for (let q = start; q < this.levelEnds[l]!; q++)
        if (!this.evaluated[this.order[q]!]) return stride;
      stride = this.strides[l]!;
      start = this.levelEnds[l]!;
    }
    return stride;
  }

  /** The whole res × res surface of one split: evaluated values, the rest interpolated. */
  snapshot(split: Split): Float32Array {
    const r = this.res;
    const v = this.values[split];
    const out = new Float32Array(r * r);
    const s = this.completeStride();
    if (s === 0) return out.fill(NaN);
    for (let iy = 0; iy < r; iy++) {
      const y0 = Math.min(r - 1 - s, iy - (iy % s));
      const ty = (iy - y0) / s;
      for (let ix = 0; ix < r; ix++) {
        const p = iy * r + ix;
        if (this.evaluated[p]) {
          out[p] = v[p]!;
          continue;
        }
        const x0 = Math.min(r - 1 - s, ix - (ix % s));
        const tx = (ix - x0) / s;
        const q = y0 * r + x0;
        out[p] =
          (1 - ty) * ((1 - tx) * v[q]! + tx * v[q + s]!) +
          ty * ((1 - tx) * v[q + s * r]! + tx * v[q + s * r + s]!);
      }
    }
    return out;
  }
}
