import { describe, expect, it } from 'vitest';
import { dataBox, decisionGrid, predictProbabilities } from './boundary';
import { randomState, tinyNet } from './nn.testutil';

describe('decision boundary', () => {
  const obj = tinyNet({ dataset: 'blobs', batchNorm: true, hidden: [6, 5], n: 60 });
  const w = randomState(obj, 8);

  it('probabilities sum to 1 and their arg-max reproduces the accuracy (inference mode)', () => {
    const set = obj.data.train;
    const probs = new Float64Array(set.n * 3);
    predictProbabilities(obj, w, set.x, set.n, probs);
    let correct = 0;
    for (let i = 0; i < set.n; i++) {
      const p = probs.subarray(3 * i, 3 * i + 3);
      expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 12);
      const arg = p.indexOf(Math.max(...p));
      if (arg === set.y[i]) correct++;
    }
    expect(correct / set.n).toBe(obj.accuracy(w, 'train'));
  });

  it('a grid over the data box, row by row', () => {
    const box = dataBox(obj);
    const g = decisionGrid(obj, w, box, 7, 5);
    expect(g.probs).toHaveLength(7 * 5 * 3);
    const corner = new Float64Array(3);
    predictProbabilities(obj, w, [box.hi[0], box.lo[1]], 1, corner);
    expect(g.probs[6 * 3]).toBeCloseTo(corner[0]!, 6);
    for (const set of [obj.data.train, obj.data.test])
      for (let i = 0; i < set.n; i++) {
        expect(set.x[2 * i]).toBeGreaterThan(box.lo[0]);
        expect(set.x[2 * i + 1]).toBeLessThan(box.hi[1]);
      }
  });
});
