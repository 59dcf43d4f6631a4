/**
 * Keskar et al.'s 1-D plot: the loss along the line through a small-batch solution
 * x_SB and a large-batch solution x_LB, f(α·x_LB + (1 − α)·x_SB) for α ∈ [−1, 2]
 * (α = 0 is x_SB, α = 1 is x_LB), on train and test.
 */
import type { Objective } from './objectives/types';

export interface InterpolationLine {
  alpha: number[];
  train: number[];
  test: number[];
  /** The points on the line (first two coordinates, for drawing the path on a 2-D surface). */
  path: [number, number][];
  /** Classifiers only (the MLP): the fraction of each split classified correctly at each α. */
  trainAccuracy?: number[];
  testAccuracy?: number[];
}

export function linspace(lo: number, hi: number, n: number): number[] {
  // lo + (hi − lo) can miss hi by an ulp; the last point is pinned so an axis [lo, hi]
  // really ends at hi (α = 1 must be x_LB itself when hi = 1).
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 && n > 1 ? hi : n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1),
  );
}

export function interpolationLine(
  obj: Objective,
  xSmall: ArrayLike<number>,
  xLarge: ArrayLike<number>,
  alphas: readonly number[] = linspace(-1, 2, 61),
): InterpolationLine {
  const w = new Float64Array(obj.dim);
  const train: number[] = [];
  const test: number[] = [];
  const path: [number, number][] = [];
  // A classifier's loss and accuracy come from one pass (evaluate's loss is fullLossGrad's).
  const evaluate = obj.evaluate?.bind(obj);
  const trainAccuracy: number[] = [];
  const testAccuracy: number[] = [];
  for (const a of alphas) {
    // The whole vector, model state too: a network's BN running statistics are interpolated
    // with its weights, so each point is a network that could be deployed as it is.
    for (let j = 0; j < obj.dim; j++) w[j] = a * xLarge[j]! + (1 - a) * xSmall[j]!;
    if (evaluate) {
      const tr = evaluate(w, 'train', null);
      const te = evaluate(w, 'test', null);
      train.push(tr.loss);
      test.push(te.loss);
      trainAccuracy.push(tr.accuracy);
      testAccuracy.push(te.accuracy);
    } else {
      train.push(obj.fullLossGrad(w, 'train', null));
      test.push(obj.fullLossGrad(w, 'test', null));
    }
    path.push([w[0]!, w[1] ?? 0]);
  }
  const line = { alpha: [...alphas], train, test, path };
  return evaluate ? { ...line, trainAccuracy, testAccuracy } : line;
}
