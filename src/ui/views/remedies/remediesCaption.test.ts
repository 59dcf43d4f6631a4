import { describe, expect, it } from 'vitest';
import { remedies, endpointRow } from '../../../engine/experiments';
import type { EndpointResult } from '../../../engine/ensemble';
import { remediesCaption } from './remediesCaption';
import { compareMeans, remedyVerdict } from '../verdict';

const end = (trainLoss: number, testLoss: number, basin: string | null): EndpointResult => ({
  kind: 'endpoint',
  seed: 1,
  batch: 16,
  lr: 0.01,
  status: 'done',
  steps: 10,
  trainLoss,
  testLoss,
  gap: testLoss - trainLoss,
  lambdaMax: 1,
  distance: 1,
  basin,
  end: [0, 0],
  start: [0, 0],
  sharpness: null,
  saddleSteps: null,
  trainAccuracy: null,
  testAccuracy: null,
});
const row = (train: number[], test: number[], basin: string | null) =>
  endpointRow(
    train.map((t, i) => end(t, test[i]!, basin)),
    true,
  );
const s = (mean: number, ci95: number | null = null) => ({ mean, ci95 });

describe('remediesCaption', () => {
  const [small, large, sqrt, linear, regime, highlr, warmup] = remedies(16, 1024, 0.01);
  const base = [
    { remedy: small!, row: row([-0.633, -0.633, -0.632], [-0.512, -0.511, -0.512], 'flat') },
    { remedy: large!, row: row([-1.56, -1.55, -1.56], [-0.237, -0.24, -0.235], 'sharp') },
  ];

  it('judges each remedy by test loss: fixed, partly, no help, and untrained apart', () => {
    const text = remediesCaption([
      ...base,
      { remedy: sqrt!, row: row([-0.633, -0.633, -0.633], [-0.512, -0.512, -0.512], 'flat') },
      { remedy: linear!, row: row([0.8, 1.1, 1.3], [0.8, 1.1, 1.3], null) },
      { remedy: regime!, row: row([-1.56, -1.55, -1.56], [-0.237, -0.24, -0.235], 'sharp') },
      { remedy: highlr!, row: row([-0.62, -0.62, -0.62], [-0.45, -0.46, -0.44], 'flat') },
    ]);
    expect(text).toMatch(
      /^Small batch: test loss -0.512 ± 0.0014, 100% flat; large batch: -0.237 ± 0.0063, 0% flat/,
    );
    expect(text).toMatch(/large batch: .* — worse on test \(95% intervals apart\)\./);
    expect(text).toMatch(/On test, as good as the small batch: √ LR scaling \(-0.512\)/);
    expect(text).toMatch(
      /better than the large batch, not as good as the small one: high initial LR \(-0.45\)/,
    );
    expect(text).toMatch(/no better than the large batch: regime adaptation \(-0.237\)/);
    expect(text).toMatch(/did not train: linear LR scaling \(train loss 1.07\)\.$/);
    // A small gap from a recipe that did not train is never credited.
    expect(text).not.toMatch(/linear LR scaling \(-?0?\./);
  });

  it('a remedy with a smaller gap but a worse test loss is not credited (the 135% warm-up)', () => {
    const text = remediesCaption([
      ...base,
      { remedy: warmup!, row: row([-0.3, -0.3, -0.31], [-0.2, -0.19, -0.2], 'flat') },
    ]);
    expect(text).toMatch(/worse than the large batch|did not train|no better/);
    expect(text).not.toMatch(/as good as the small batch: warm-up/);
  });

  it('says there is nothing to fix when the large batch is not worse on test', () => {
    const better = remediesCaption([
      { remedy: small!, row: row([-0.63, -0.63], [-0.616, -0.615], 'flat') },
      { remedy: large!, row: row([-1.2, -1.21], [-1.09, -1.1], 'sharp') },
      { remedy: sqrt!, row: row([-0.63, -0.63], [-0.616, -0.615], 'flat') },
    ]);
    expect(better).toMatch(
      /the large batch is better on test than the small batch here, so there is nothing for a remedy to fix\.$/,
    );
    expect(better).not.toMatch(/√ LR scaling/);
  });
});

describe('verdicts', () => {
  it('counts overlapping 95% intervals as no difference', () => {
    expect(compareMeans(s(1, 0.1), s(1.15, 0.1))).toBe('same');
    expect(compareMeans(s(1, 0.1), s(1.25, 0.1))).toBe('lower');
    expect(compareMeans(s(1.25, 0.1), s(1, 0.1))).toBe('higher');
    expect(compareMeans(s(1, null), s(1.000001, null))).toBe('lower');
    expect(compareMeans(s(NaN, null), s(1, null))).toBe('same');
  });
  it('orders a remedy between the small and the large batch', () => {
    const L = (train: number, test: number, ci = 0.01) => ({
      finalTrainLoss: s(train, ci),
      finalTestLoss: s(test, ci),
    });
    const small = L(-0.63, -0.51);
    const large = L(-1.2, -0.34);
    expect(remedyVerdict(small, large, L(-0.63, -0.515))).toBe('fixes');
    expect(remedyVerdict(small, large, L(-0.63, -0.45))).toBe('partly');
    expect(remedyVerdict(small, large, L(-1.2, -0.34))).toBe('no-better');
    expect(remedyVerdict(small, large, L(-0.5, -0.2))).toBe('worse');
    expect(remedyVerdict(small, large, L(1.0, 1.0))).toBe('untrained');
  });
});
