/**
 * Keskar's 1-D line on the network: a keskar job trains a small and a large batch from one
 * start and evaluates the line through their whole state vectors (BN running statistics
 * included). α = 0 and α = 1 must be exactly the two trained networks: the same losses and
 * accuracies the runs report at their ends, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../config';
import { runJob, type KeskarResult } from '../ensemble';
import { interpolationLine } from '../interpolate';
import { buildObjective } from '../presets';
import { resolveOrThrow } from '../sweep';
import { MlpObjective } from './objective';
import { randomState } from './nn.testutil';

const CONFIG: ConfigInput = {
  preset: 'mlp',
  seed: 2,
  landscape: { n: 64, nTest: 96 },
  network: { hidden: [8, 8], batchNorm: true, ghostBatch: 0 },
  budget: { unit: 'epochs', amount: 20 },
};

describe("Keskar's line on the MLP", () => {
  const r = runJob({
    kind: 'keskar',
    config: CONFIG,
    small: 8,
    large: 64,
    alphas: [-0.5, 0, 0.25, 0.5, 1, 1.5],
    sharpnessEps: 0,
  }) as KeskarResult;

  it('α = 0 and α = 1 reproduce the small and the large batch end points exactly', () => {
    const a0 = r.alpha.indexOf(0);
    const a1 = r.alpha.indexOf(1);
    expect(r.train[a0]).toBe(r.small.trainLoss);
    expect(r.test[a0]).toBe(r.small.testLoss);
    expect(r.train[a1]).toBe(r.large.trainLoss);
    expect(r.test[a1]).toBe(r.large.testLoss);
    expect(r.trainAccuracy![a0]).toBe(r.small.trainAccuracy);
    expect(r.testAccuracy![a0]).toBe(r.small.testAccuracy);
    expect(r.trainAccuracy![a1]).toBe(r.large.trainAccuracy);
    expect(r.testAccuracy![a1]).toBe(r.large.testAccuracy);
    // The two runs really differ, or the check above would prove nothing.
    expect(r.small.trainLoss).not.toBe(r.large.trainLoss);
  });

  it('has an accuracy in [0, 1] at every α, on both splits', () => {
    expect(r.trainAccuracy).toHaveLength(r.alpha.length);
    expect(r.testAccuracy).toHaveLength(r.alpha.length);
    for (const a of [...r.trainAccuracy!, ...r.testAccuracy!]) {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(1);
    }
  });

  it('interpolates the BN running statistics with the weights', () => {
    const obj = buildObjective(resolveOrThrow(CONFIG)) as MlpObjective;
    expect(obj).toBeInstanceOf(MlpObjective);
    const xs = randomState(obj, 1);
    const xl = randomState(obj, 2);
    // Midpoint of the whole vector, state included…
    const mid = Float64Array.from(xs, (v, j) => 0.5 * v + 0.5 * xl[j]!);
    const line = interpolationLine(obj, xs, xl, [0.5]);
    expect(line.train[0]).toBe(obj.fullLossGrad(mid, 'train', null));
    expect(line.testAccuracy![0]).toBe(obj.accuracy(mid, 'test'));
    // …which is not the network with the small end's statistics kept.
    const keepStats = Float64Array.from(mid);
    for (let j = obj.trainDim; j < obj.dim; j++) keepStats[j] = xs[j]!;
    expect(line.train[0]).not.toBe(obj.fullLossGrad(keepStats, 'train', null));
  });

  it('the landscapes have no accuracy along the line', () => {
    const obj = buildObjective(resolveOrThrow({ preset: 'sharp-flat' }));
    const line = interpolationLine(obj, [0, 0], [0.5, 0.5], [0, 1]);
    expect(line.trainAccuracy).toBeUndefined();
    expect(line.testAccuracy).toBeUndefined();
  });
});
