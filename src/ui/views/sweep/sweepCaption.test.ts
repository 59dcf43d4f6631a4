import { describe, expect, it } from 'vitest';
import type { BasinGroup, SweepRow } from '../../../engine/experiments';
import { sweepCaption } from './sweepCaption';
import { defaultBatches, fitBatches } from './sweepPlan';

const s = (mean: number, ci95: number | null = null) => ({ mean, ci95 });
function row(
  batch: number,
  flat: number | null,
  train: number,
  test: number,
  extra: Partial<SweepRow> = {},
): SweepRow {
  return {
    batch,
    lr: 0.01,
    runs: 20,
    flatFraction: flat,
    flatCi: flat === null ? null : [Math.max(0, flat - 0.2), Math.min(1, flat + 0.2)],
    finalTrainLoss: s(train, 0.01),
    finalTestLoss: s(test, 0.01),
    gap: s(test - train, 0.01),
    lambdaMax: s(10 * batch),
    distance: s(1),
    sharpness: null,
    diverged: 0,
    byBasin: null,
    saddleFraction: null,
    trainAccuracy: null,
    testAccuracy: null,
    ...extra,
  };
}
const group = (basin: string | null, runs: number, test: number): BasinGroup => ({
  basin,
  runs,
  finalTrainLoss: s(-1),
  finalTestLoss: s(test),
  gap: s(test + 1),
  lambdaMax: s(1),
});

describe('sweep caption', () => {
  it('large batch worse on test: flat fraction, gap, train vs test and the cost per basin', () => {
    const last = row(1024, 0.38, -1.21, -0.342, {
      byBasin: [group('flat', 76, -0.512), group('sharp', 124, -0.237)],
    });
    const rows = [row(16, 1, -0.633, -0.512), row(64, 0.7, -0.9, -0.4), last];
    expect(sweepCaption(rows, 1)).toBe(
      'Flat-basin fraction falls from 100% at B = 16 to 38% at B = 1024; the gap grows 7.2× (0.121 → 0.868). ' +
        'Train loss falls (-0.633 → -1.21) but test loss rises (-0.512 → -0.342, 95% intervals apart): the larger batch looks better on train and generalizes worse. ' +
        'At B = 1024: 76 in the flat minimum test at -0.512, 124 in the sharp minimum test at -0.237.',
    );
  });

  it('says when the larger batch is better on test, or no different beyond the noise', () => {
    const better = [row(16, 1, -0.633, -0.616), row(1024, 0.38, -1.21, -1.09)];
    expect(sweepCaption(better, 1)).toMatch(
      /Test loss falls \(-0.616 → -1.09\): at these settings the larger batch is better on test too\.$/,
    );
    const same = [row(16, 1, -0.6, -0.5), row(1024, 1, -0.6, -0.505)];
    expect(sweepCaption(same, 1)).toMatch(
      /Flat-basin fraction stays at 100%.*Test loss does not differ beyond the noise \(-0.5 → -0.505\)\.$/,
    );
  });

  it('reports divergence, and talks about λ_max where there is no flat basin', () => {
    const up = [row(8, 0.2, -1, -0.8), row(1024, 0.9, -1, -0.98, { diverged: 3 })];
    expect(sweepCaption(up, 1)).toMatch(
      /rises from 20% at B = 8 to 90% .* 3 runs diverged \(at B = 1024\)\.$/,
    );
    expect(sweepCaption([row(1, null, -1, -0.5), row(16, null, -1, -0.5)], 1)).toBe(
      'From B = 1 to B = 16 the gap goes from 0.5 to 0.5, and λ_max goes from 10 to 160. Test loss does not differ beyond the noise (-0.5 → -0.5).',
    );
  });

  it('with two axes names the cells with the largest and smallest gap', () => {
    const grid = [row(1, 1, -1, -0.99), { ...row(1, 1, -1, -0.7), lr: 0.1 }];
    expect(sweepCaption(grid, 2)).toMatch(
      /largest at B = 1, η = 0.1 \(0.3\) and smallest at B = 1, η = 0.01 \(0.01\)/,
    );
  });

  it('defaults to 1, 4, 16, … and N, and keeps batches within N', () => {
    expect(defaultBatches(1024)).toEqual([1, 4, 16, 64, 256, 1024]);
    expect(defaultBatches(100)).toEqual([1, 4, 16, 64, 100]);
    expect(fitBatches([2000, 8, 8], 1024)).toEqual({
      batches: [8, 1024],
      note: 'Batch sizes above N = 1024 (2000) were run at N.',
    });
  });
});
