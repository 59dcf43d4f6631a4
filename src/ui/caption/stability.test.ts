import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../engine/metrics';
import { instabilityOf, instabilityText, stabilityBound } from './stability';

const m = (trainLoss: number, lambdaMax: number | null): MetricRecord =>
  ({ trainLoss, lambdaMax }) as MetricRecord;

describe('instability', () => {
  it('uses each optimizer’s quadratic stability bound', () => {
    expect(stabilityBound({ kind: 'sgd', momentum: 0.9 })).toBe(2);
    expect(stabilityBound({ kind: 'momentum', momentum: 0.9 })).toBeCloseTo(3.8);
    expect(stabilityBound({ kind: 'nesterov', momentum: 0.5 })).toBeCloseTo(1.5);
    expect(stabilityBound({ kind: 'adam', momentum: 0.9 })).toBeNull();
  });

  it('flags η·λ_max past the bound, with a stable learning rate to try', () => {
    const i = instabilityOf(0.25, m(100, 10), 80, 2)!;
    expect(i.overBound).toBe(true);
    expect(i.etaLambda).toBe(2.5);
    expect(i.safeLr).toBeCloseTo(0.2);
    expect(instabilityText('B = 1024', i, true)).toBe(
      'B = 1024 ended unstable, not in a minimum: η·λ_max = 2.5 > 2 at its last point, so each step overshoots along the sharpest direction. Lower the learning rate below 0.2 (= 2/λ_max).',
    );
  });

  it('flags a loss that rose by more than ten times its scale, also without λ_max (Adam)', () => {
    const i = instabilityOf(0.1, m(2000, null), -0.6, null)!;
    expect(i.blowUp).toEqual({ from: -0.6, to: 2000 });
    expect(instabilityText('B = 8', i, false)).toBe(
      'B = 8 is unstable: its train loss rose from -0.6 to 2000. Lower the learning rate.',
    );
  });

  it('names no rate from λ_max when the loss blew up but η·λ_max is within the bound here', () => {
    // η = 1, λ_max = 1 at the current point: 2/λ_max = 2 is above η, so it is no advice.
    const i = instabilityOf(1, m(329, 1), -1.56, 2)!;
    expect(i.overBound).toBe(false);
    expect(instabilityText('B = 8', i, false)).toBe(
      'B = 8 is unstable: its train loss rose from -1.56 to 329. Lower the learning rate.',
    );
  });

  it('leaves stable runs alone: below the bound, and losses that rise a little (a basin change)', () => {
    expect(instabilityOf(0.01, m(-0.63, 143), -1.5, 2)).toBeNull();
    expect(instabilityOf(0.01, m(0.5, 7), 0.4, 2)).toBeNull();
    expect(instabilityOf(0.01, null, null, 2)).toBeNull();
  });
});
