/**
 * The network view's words against numbers that must produce each of them: an effect and
 * recipes that close it / partly / not at all / make it worse; no effect (intervals
 * overlap); the opposite effect; and Keskar's line with and without a barrier.
 */
import { describe, expect, it } from 'vitest';
import type { EndpointResult, KeskarResult } from '../../../engine/ensemble';
import { networkRecipes, networkRows } from '../../../engine/nn';
import { accuracyVerdict } from '../verdict';
import { lineCaption } from './lineCaption';
import { networkCaption } from './networkCaption';

const end = (testAccuracy: number, trainAccuracy: number, lambdaMax = 4): EndpointResult => ({
  kind: 'endpoint',
  seed: 1,
  batch: 16,
  lr: 0.1,
  status: 'done',
  steps: 10,
  trainLoss: 1 - trainAccuracy,
  testLoss: 1 - testAccuracy,
  gap: trainAccuracy - testAccuracy,
  lambdaMax,
  distance: 1,
  basin: null,
  end: [0, 0],
  start: [0, 0],
  sharpness: null,
  saddleSteps: null,
  trainAccuracy,
  testAccuracy,
});

const recipes = networkRecipes({ preset: 'mlp' }, 16, 128, 16, true);
const SEEDS = [1, 2, 3];
/** Three seeds per recipe around a test accuracy (spread ±0.005: a 95% half-width ≈ 0.012). */
const around = (acc: number, train = 0.86, lambda = 4) =>
  [-0.005, 0, 0.005].map((d) => end(acc + d, train + d, lambda + d));

function rows(byId: Record<string, EndpointResult[]>) {
  const results = recipes.flatMap((r) => byId[r.id] ?? around(0.9));
  return networkRows(recipes, SEEDS, results);
}

describe('accuracyVerdict', () => {
  it('reads the interval tests as a remedy verdict (higher accuracy is better)', () => {
    expect(accuracyVerdict('overlap', 'better')).toBe('fixes');
    expect(accuracyVerdict('better', 'better')).toBe('fixes');
    expect(accuracyVerdict('worse', 'better')).toBe('partly');
    expect(accuracyVerdict('worse', 'overlap')).toBe('no-better');
    expect(accuracyVerdict('worse', 'worse')).toBe('worse');
    expect(accuracyVerdict(null, 'worse')).toBeNull();
  });
});

describe('networkCaption', () => {
  it('an effect: the large batch worse on test, fitting train better, sharper; each recipe judged', () => {
    const text = networkCaption(
      rows({
        small: around(0.955, 0.857, 4),
        large: around(0.894, 0.885, 72),
        gbn: around(0.95),
        regime: around(0.82, 0.97),
        sqrt: around(0.925),
        hoffer: around(0.894),
      }),
    );
    expect(text).toMatch(
      /^3 seeds\. Test accuracy: small batch 0\.955 ± 0\.012, large batch 0\.894/,
    );
    expect(text).toMatch(/the large batch is worse on test \(95% intervals apart\)/);
    expect(text).toMatch(/fitting the train labels better \(train accuracy 0\.885 vs 0\.857\)/);
    expect(text).toMatch(/18× sharper \(λ_max\)/);
    expect(text).toMatch(/1 of 4 recipes close it/);
    expect(text).toMatch(/as good as the small batch: Ghost BN \(v = 16\) \(0\.95\)/);
    expect(text).toMatch(/better than the large batch, not as good as the small one: √ LR scaling/);
    expect(text).toMatch(/no better than the large batch: Hoffer's recipe/);
    expect(text).toMatch(/worse than the large batch: regime adaptation \(0\.82\)/);
    expect(text).not.toMatch(/does not appear/);
  });

  it('an under-trained large batch is worse on train too', () => {
    const text = networkCaption(
      rows({ small: around(0.955, 0.88), large: around(0.92, 0.846), gbn: around(0.99) }),
    );
    expect(text).toMatch(/and on train \(0\.846 vs 0\.88\): under-trained/);
    expect(text).toMatch(/better than the small batch: Ghost BN/);
  });

  it('says plainly when no recipe closes the gap', () => {
    const text = networkCaption(
      rows({
        small: around(0.955),
        large: around(0.89),
        gbn: around(0.89),
        regime: around(0.89),
        sqrt: around(0.89),
        hoffer: around(0.89),
      }),
    );
    expect(text).toMatch(/No recipe closes the gap\./);
  });

  it('no effect: overlapping intervals say the penalty does not appear, and nothing is "fixed"', () => {
    const r = rows({
      small: around(0.95),
      large: around(0.945),
      gbn: around(0.99),
      regime: around(0.9),
      sqrt: around(0.95),
      hoffer: around(0.95),
    });
    const text = networkCaption(r);
    expect(text).toMatch(
      /the large batch is not measurably worse on test here \(the intervals overlap\)/,
    );
    expect(text).toMatch(/does not appear at this setting and ensemble size/);
    expect(text).toMatch(/no gap for a remedy to close/);
    expect(text).toMatch(/better: Ghost BN \(v = 16\) \(0\.99\)/);
    expect(text).toMatch(/worse: regime adaptation \(0\.9\)/);
    expect(text).toMatch(/within the noise: √ LR scaling \(0\.95\), Hoffer's recipe/);
    expect(text).not.toMatch(/as good as|close it/);
  });

  it('no effect on accuracy but a higher test loss says so', () => {
    const small = around(0.95);
    const large = around(0.95).map((e) => ({ ...e, testLoss: e.testLoss + 0.2 }));
    expect(networkCaption(rows({ small, large }))).toMatch(
      /not measurably worse.*Its test loss is higher, though \(0\.25 ± 0\.012 vs 0\.05 ± 0\.012\)/,
    );
  });

  it('the opposite effect: a large batch better on test', () => {
    const text = networkCaption(rows({ small: around(0.85), large: around(0.906) }));
    expect(text).toMatch(/the large batch is better on test here \(intervals apart\)/);
    expect(text).toMatch(/does not appear/);
  });

  it('names diverged runs', () => {
    const sqrt = around(0.5).map((e, i) => (i === 0 ? { ...e, status: 'diverged' as const } : e));
    expect(networkCaption(rows({ small: around(0.95), large: around(0.9), sqrt }))).toMatch(
      /Diverged runs: √ LR scaling 1\/3\./,
    );
  });
});

describe('lineCaption', () => {
  const line = (test: number[]): KeskarResult => ({
    kind: 'keskar',
    seed: 1,
    small: end(0.95, 0.86),
    large: end(0.9, 0.88),
    alpha: [-1, 0, 0.5, 1, 2],
    train: [2, 0.3, 0.35, 0.25, 9],
    test,
    path: [],
    trainAccuracy: [0.5, 0.86, 0.85, 0.88, 0.5],
    testAccuracy: [0.5, 0.95, 0.93, 0.9, 0.5],
  });
  const spec = { small: 16, large: 128, base: { network: { batchNorm: true } } };

  it('reads both ends off the line, and a barrier between them', () => {
    const text = lineCaption(line([2, 0.2, 0.5, 0.33, 9]), spec);
    expect(text).toMatch(
      /^α = 0, B = 16: train loss 0\.3, test loss 0\.2, test accuracy 0\.95; α = 1, B = 128/,
    );
    expect(text).toMatch(/rises to 0\.5 \(α = 0\.5\): a barrier of 0\.17 above the higher end/);
    expect(text).toMatch(/running statistics are interpolated/);
  });

  it('says when there is no barrier, and leaves BN out without BN', () => {
    const text = lineCaption(line([2, 0.2, 0.25, 0.33, 9]), {
      ...spec,
      base: { network: { batchNorm: false } },
    });
    expect(text).toMatch(/no barrier on this line/);
    expect(text).not.toMatch(/BatchNorm/);
  });
});
