import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../engine/metrics';
import type { RunOutcome } from './outcome';
import { networkLesson } from './networkLesson';

const run = (label: string, m: Partial<MetricRecord>): RunOutcome => ({
  label,
  state: 'done',
  divergedAt: null,
  lr: 0.1,
  batch: 16,
  last: { trainLoss: 0.3, testLoss: 0.25, lambdaMax: 4, ...m } as MetricRecord,
  end: null,
  basinShare: {},
  instability: null,
});

describe('networkLesson', () => {
  it('names the run with the lower test accuracy, from its numbers', () => {
    const small = run('B = 16', { testAccuracy: 0.955, trainAccuracy: 0.857, testLoss: 0.238 });
    const large = run('B = 128', {
      testAccuracy: 0.894,
      trainAccuracy: 0.885,
      testLoss: 0.276,
      lambdaMax: 72,
    });
    const text = networkLesson([small, large]).join(' ');
    expect(text).toContain('B = 128 ends with the lower test accuracy (0.894 vs 0.955 for B = 16)');
    expect(text).toContain('and the higher test loss (0.276 vs 0.238)');
    expect(text).toContain('fits the noisy train labels better');
    expect(text).toContain('18× sharper');
  });

  it('says so when the lower accuracy does not come with the higher loss, or runs tie', () => {
    const a = run('A', { testAccuracy: 0.9, trainAccuracy: 0.8, testLoss: 0.2 });
    const b = run('B', { testAccuracy: 0.95, trainAccuracy: 0.9, testLoss: 0.3 });
    const text = networkLesson([a, b]).join(' ');
    expect(text).toContain('though not the higher test loss');
    expect(text).toContain('fits the noisy train labels worse');
    expect(text).not.toContain('sharper');
    expect(networkLesson([a, { ...a, label: 'C' }])[0]).toMatch(/same test accuracy/);
  });

  it('says nothing until two runs have ended', () => {
    expect(networkLesson([run('A', { testAccuracy: 0.9 })])).toEqual([]);
  });
});
