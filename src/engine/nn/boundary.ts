/**
 * The network's predictions over the input plane, for the decision-boundary heatmap:
 * class probabilities (softmax, inference mode — BN with the running statistics in w) at
 * arbitrary points, or on an nx × ny grid over a box of input space.
 */
import * as dm from '../detmath';
import { EVAL_ROWS, type MlpObjective } from './objective';

/** Softmax probabilities at m points (row-major m × 2) into out (m × classes). */
export function predictProbabilities(
  obj: MlpObjective,
  w: Float64Array,
  points: ArrayLike<number>,
  m: number,
  out: Float32Array | Float64Array,
): void {
  const net = obj.net;
  const K = net.classes;
  net.prepareInference(w);
  net.ensure(Math.min(m, EVAL_ROWS));
  for (let from = 0; from < m; from += EVAL_ROWS) {
    const B = Math.min(EVAL_ROWS, m - from);
    for (let r = 0; r < B; r++) {
      net.x[2 * r] = points[2 * (from + r)]!;
      net.x[2 * r + 1] = points[2 * (from + r) + 1]!;
    }
    net.forward(w, B, false, 0, false, false);
    for (let r = 0; r < B; r++) {
      let mx = -Infinity;
      for (let k = 0; k < K; k++) mx = Math.max(mx, net.logits[r * K + k]!);
      let s = 0;
      for (let k = 0; k < K; k++) s += dm.exp(net.logits[r * K + k]! - mx);
      for (let k = 0; k < K; k++) out[(from + r) * K + k] = dm.exp(net.logits[r * K + k]! - mx) / s;
    }
  }
}

export interface DecisionGrid {
  nx: number;
  ny: number;
  classes: number;
  /** Probabilities, (iy·nx + ix)·classes + k, at x = lo[0] + ix·(hi[0] − lo[0])/(nx − 1), … */
  probs: Float32Array;
}

/** Class probabilities on a grid over the input-space box (e.g. the data's extent). */
export function decisionGrid(
  obj: MlpObjective,
  w: Float64Array,
  box: { lo: readonly [number, number]; hi: readonly [number, number] },
  nx: number,
  ny: number,
): DecisionGrid {
  const pts = new Float64Array(nx * ny * 2);
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const k = 2 * (iy * nx + ix);
      pts[k] = box.lo[0] + ((box.hi[0] - box.lo[0]) * ix) / Math.max(1, nx - 1);
      pts[k + 1] = box.lo[1] + ((box.hi[1] - box.lo[1]) * iy) / Math.max(1, ny - 1);
    }
  }
  const probs = new Float32Array(nx * ny * obj.net.classes);
  predictProbabilities(obj, w, pts, nx * ny, probs);
  return { nx, ny, classes: obj.net.classes, probs };
}

/** A box around both splits' inputs with a 10% margin: the natural heatmap extent. */
export function dataBox(obj: MlpObjective): { lo: [number, number]; hi: [number, number] } {
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (const set of [obj.data.train, obj.data.test]) {
    for (let i = 0; i < set.n; i++) {
      for (let j = 0; j < 2; j++) {
        lo[j] = Math.min(lo[j]!, set.x[2 * i + j]!);
        hi[j] = Math.max(hi[j]!, set.x[2 * i + j]!);
      }
    }
  }
  const m = [0.1 * (hi[0]! - lo[0]!), 0.1 * (hi[1]! - lo[1]!)];
  return { lo: [lo[0]! - m[0]!, lo[1]! - m[1]!], hi: [hi[0]! + m[0]!, hi[1]! + m[1]!] };
}
