import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../engine/metrics';
import { worseOnTest } from './endResults';

const r = (
  id: string,
  testLoss: number | null,
  state: 'done' | 'running' | 'diverged' = 'done',
  testAccuracy: number | null = null,
) => ({
  id,
  state,
  last: testLoss === null ? null : ({ testLoss, testAccuracy } as MetricRecord),
});

describe('worseOnTest', () => {
  it('marks the run with the highest test loss once every run has ended', () => {
    expect([...worseOnTest([r('a', -0.507), r('b', -0.237)])]).toEqual(['b']);
    expect([...worseOnTest([r('a', -0.2), r('b', -0.5), r('c', -0.4, 'diverged')])]).toEqual(['a']);
  });
  it('marks nobody while a run is going, with one run, or when losses only differ by rounding', () => {
    expect(worseOnTest([r('a', -0.5), r('b', -0.2, 'running')]).size).toBe(0);
    expect(worseOnTest([r('a', -0.5)]).size).toBe(0);
    expect(worseOnTest([r('a', -0.5123), r('b', -0.5124)]).size).toBe(0);
    expect(worseOnTest([r('a', null), r('b', -0.5)]).size).toBe(0);
  });

  it('a network with the highest test loss but not the lowest test accuracy is not marked', () => {
    // Higher loss and higher accuracy: the two measures disagree, so no "worse on test".
    expect(worseOnTest([r('a', 0.3, 'done', 0.9), r('b', 0.5, 'done', 0.93)]).size).toBe(0);
    // Higher loss and lower accuracy: worse by both.
    expect([...worseOnTest([r('a', 0.3, 'done', 0.93), r('b', 0.5, 'done', 0.9)])]).toEqual(['b']);
    // Tied lowest accuracy still counts as the lowest.
    expect([...worseOnTest([r('a', 0.3, 'done', 0.9), r('b', 0.5, 'done', 0.9)])]).toEqual(['b']);
  });
});
