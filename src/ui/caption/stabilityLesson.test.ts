import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../engine/metrics';
import { presetDefaults } from '../../engine/presets';
import { explorerCaption } from './explorerCaption';
import type { RunOutcome } from './outcome';
import { stabilityLesson } from './stabilityLesson';

function run(
  label: string,
  lr: number,
  lambdaMax: number | null,
  extra: Partial<RunOutcome> = {},
): RunOutcome {
  return {
    label,
    state: 'done',
    divergedAt: null,
    lr,
    batch: 8,
    end: [0, 0],
    basinShare: {},
    instability: null,
    last: { step: 10, trainLoss: 74.5, testLoss: 76.5, lambdaMax, basin: null } as MetricRecord,
    ...extra,
  };
}

describe('stability lesson (quadratic-nd)', () => {
  it('states η·λ_max against 2, with the factor per step and the limiting η', () => {
    expect(stabilityLesson([run('B = 8', 0.05, 10), run('B = 1024', 0.05, 10)])).toEqual([
      'Stable for every run: η·λ_max = 0.05 × 10 = 0.5 < 2 (the limit is η = 2/λ_max = 0.2): ' +
        'along the sharpest direction each step multiplies the error by |1 − η·λ_max| = 0.5, so it shrinks.',
    ]);
  });

  it('explains an unstable run per run when the runs differ', () => {
    const text = stabilityLesson([run('η = 0.05', 0.05, 10), run('η = 0.25', 0.25, 10)]);
    expect(text[0]).toMatch(/^η = 0.05: stable, η·λ_max = 0.05 × 10 = 0.5 < 2/);
    expect(text[1]).toBe(
      'η = 0.25: unstable, η·λ_max = 0.25 × 10 = 2.5 > 2: along the sharpest direction each step multiplies ' +
        'the error by |1 − η·λ_max| = 1.5, so it grows instead of shrinking — lower η below 2/λ_max = 0.2.',
    );
  });

  it('says nothing without a measured λ_max', () => {
    expect(stabilityLesson([run('B = 8', 0.05, null)])).toEqual([]);
  });

  it('ends the quadratic-nd caption, and only that preset’s', () => {
    const land = presetDefaults('quadratic-nd').landscape;
    const ctx = {
      preset: 'quadratic-nd' as const,
      compareField: 'batch' as const,
      landscape: land,
      basins: [],
    };
    const runs = [run('B = 8', 0.05, 10), run('B = 1024', 0.05, 10)];
    expect(explorerCaption(ctx, runs)).toMatch(
      /^B = 8: train 74.5, test 76.5 · B = 1024: train 74.5, test 76.5\. Stable for every run: η·λ_max = 0.05 × 10 = 0.5 < 2/,
    );
    expect(explorerCaption({ ...ctx, preset: 'bowl' }, runs)).not.toMatch(/λ_max/);
  });
});
