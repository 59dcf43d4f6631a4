import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchAt, effectiveBudget, lrFactor, lrScale } from './schedules';
import type { BatchSchedule, LrSchedule } from './config';

const progress = fc.double({ min: 0, max: 1, noNaN: true });
const progressPair = fc.tuple(progress, progress).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
const milestones = fc
  .uniqueArray(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { maxLength: 5 })
  .map((xs) => xs.sort((a, b) => a - b));

describe('lrFactor', () => {
  it('constant is 1 everywhere', () => {
    fc.assert(
      fc.property(progress, (p) => {
        expect(lrFactor({ kind: 'constant' }, p)).toBe(1);
      }),
    );
  });

  it('warm-up rises monotonically to its peak, then stays at the peak', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom(1, 0.5, 5, 12.5),
        progressPair,
        (fraction, peak, [p, q]) => {
          const s: LrSchedule = { kind: 'warmup', fraction, peak };
          expect(lrFactor(s, p)).toBeLessThanOrEqual(lrFactor(s, q));
          expect(lrFactor(s, q)).toBeLessThanOrEqual(peak);
          expect(lrFactor(s, p)).toBeGreaterThan(0);
          if (q >= fraction) expect(lrFactor(s, q)).toBe(peak);
          // Linear ramp p/fraction (floored just above 0 so the first step still moves).
          if (p < fraction)
            expect(lrFactor(s, p)).toBeCloseTo(peak * Math.max(p / fraction, 1e-3), 12);
        },
      ),
    );
  });

  it('warm-up to peak 1 is exactly the plain ramp (old configs run bit-identically)', () => {
    for (const p of [0, 0.01, 0.05, 0.0999, 0.1, 0.5, 1])
      expect(lrFactor({ kind: 'warmup', fraction: 0.1, peak: 1 }, p)).toBe(
        p < 0.1 ? Math.max(p / 0.1, 1e-3) : 1,
      );
  });

  it('step multiplies by the factor at each milestone passed', () => {
    fc.assert(
      fc.property(
        milestones,
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        progress,
        (ms, factor, p) => {
          const s: LrSchedule = { kind: 'step', milestones: ms, factor };
          const passed = ms.filter((m) => p >= m).length;
          expect(lrFactor(s, p)).toBeCloseTo(factor ** passed, 12);
        },
      ),
    );
    expect(lrFactor({ kind: 'step', milestones: [0.5], factor: 0.2 }, 0.4999)).toBe(1);
    expect(lrFactor({ kind: 'step', milestones: [0.5], factor: 0.2 }, 0.5)).toBe(0.2);
  });

  it('cosine falls monotonically from 1 to finalFactor', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        progressPair,
        (finalFactor, [p, q]) => {
          const s: LrSchedule = { kind: 'cosine', finalFactor };
          expect(lrFactor(s, 0)).toBeCloseTo(1, 14);
          expect(lrFactor(s, 1)).toBeCloseTo(finalFactor, 14);
          expect(lrFactor(s, p)).toBeGreaterThanOrEqual(lrFactor(s, q) - 1e-15);
          expect(lrFactor(s, q)).toBeGreaterThanOrEqual(finalFactor - 1e-15);
        },
      ),
    );
    expect(lrFactor({ kind: 'cosine', finalFactor: 0 }, 0.5)).toBeCloseTo(0.5, 14);
  });
});

describe('lrScale', () => {
  it('is linear or square-root in B/B_ref, and 1 with no rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        (b, ref) => {
          expect(lrScale('none', b, ref)).toBe(1);
          expect(lrScale('linear', b, ref)).toBeCloseTo(b / ref, 12);
          expect(lrScale('sqrt', b, ref) ** 2).toBeCloseTo(b / ref, 10);
        },
      ),
    );
    expect(lrScale('linear', 64, 16)).toBe(4);
    expect(lrScale('sqrt', 64, 16)).toBe(2);
  });
});

describe('batchAt', () => {
  it('constant returns the base batch, capped at n', () => {
    expect(batchAt({ kind: 'constant' }, 16, 0.7, 1024)).toBe(16);
    expect(batchAt({ kind: 'constant' }, 2048, 0.7, 1024)).toBe(1024);
  });

  it('grow multiplies at milestones, never shrinks, and is capped by cap and n', () => {
    fc.assert(
      fc.property(
        milestones,
        fc.double({ min: 1.01, max: 8, noNaN: true }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        progressPair,
        (ms, factor, base, cap, n, [p, q]) => {
          const s: BatchSchedule = { kind: 'grow', milestones: ms, factor, cap };
          const bp = batchAt(s, base, p, n);
          expect(bp).toBeLessThanOrEqual(batchAt(s, base, q, n));
          expect(Number.isInteger(bp)).toBe(true);
          expect(bp).toBeGreaterThanOrEqual(1);
          expect(bp).toBeLessThanOrEqual(Math.min(cap, n));
          const passed = ms.filter((m) => p >= m).length;
          expect(bp).toBe(Math.max(1, Math.min(Math.round(base * factor ** passed), cap, n)));
        },
      ),
    );
    const s: BatchSchedule = { kind: 'grow', milestones: [0.1, 0.2, 0.3], factor: 4, cap: 1024 };
    expect([0, 0.1, 0.2, 0.3, 0.9].map((p) => batchAt(s, 16, p, 1024))).toEqual([
      16, 64, 256, 1024, 1024,
    ]);
    expect(batchAt(s, 16, 0.9, 500)).toBe(500);
  });
});

describe('effectiveBudget', () => {
  it('regime adaptation multiplies epochs by B/B_ref and leaves step budgets alone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        (amount, b, ref) => {
          const epochs = { unit: 'epochs' as const, amount };
          const steps = { unit: 'steps' as const, amount };
          const adapted = effectiveBudget(epochs, true, b, ref);
          expect(adapted.unit).toBe('epochs');
          expect(adapted.amount).toBeCloseTo((amount * b) / ref, 9);
          expect(effectiveBudget(epochs, false, b, ref)).toEqual(epochs);
          expect(effectiveBudget(steps, true, b, ref)).toEqual(steps);
          expect(effectiveBudget(steps, false, b, ref)).toEqual(steps);
        },
      ),
    );
  });
});
