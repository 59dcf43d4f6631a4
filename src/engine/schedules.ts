import type { BatchSchedule, Budget, LrSchedule, LrScalingRule } from './config';
import * as dm from './detmath';

/**
 * Schedules are pure functions of training progress p ∈ [0, 1] (fraction of the
 * budget used), so the same schedule reads the same whether the budget is in steps
 * or epochs, and whatever the batch size.
 */

/** Multiplier of the base learning rate at progress p. */
export function lrFactor(s: LrSchedule, p: number): number {
  switch (s.kind) {
    case 'constant':
      return 1;
    case 'warmup':
      // Linear ramp from ~0 to the peak over the first `fraction` of the budget, then the
      // peak (Goyal et al., 2017). A peak above 1 is the remedy: warm up to a high LR.
      return (s.fraction > 0 && p < s.fraction ? Math.max(p / s.fraction, 1e-3) : 1) * s.peak;
    case 'step': {
      let f = 1;
      for (const m of s.milestones) if (p >= m) f *= s.factor;
      return f;
    }
    case 'cosine':
      return s.finalFactor + (1 - s.finalFactor) * 0.5 * (1 + dm.cos(Math.PI * Math.min(1, p)));
  }
}

/** LR scaling with batch size relative to a reference batch (Goyal: linear; Hoffer: sqrt). */
export function lrScale(rule: LrScalingRule, batch: number, refBatch: number): number {
  if (rule === 'linear') return batch / refBatch;
  if (rule === 'sqrt') return Math.sqrt(batch / refBatch);
  return 1;
}

/** Batch size at progress p: constant, or multiplied at milestones up to a cap (Smith et al., 2018). */
export function batchAt(s: BatchSchedule, base: number, p: number, n: number): number {
  if (s.kind === 'constant') return Math.min(base, n);
  let b = base;
  for (const m of s.milestones) if (p >= m) b *= s.factor;
  return Math.max(1, Math.min(Math.round(b), s.cap, n));
}

/**
 * Budget with regime adaptation applied (Hoffer et al., 2017): an epoch budget is
 * multiplied by B/B_ref so every batch size makes as many updates as the reference
 * batch would in the stated epochs. A step budget already fixes the number of updates.
 */
export function effectiveBudget(
  budget: Budget,
  regimeAdaptation: boolean,
  batch: number,
  refBatch: number,
): Budget {
  if (!regimeAdaptation || budget.unit === 'steps') return budget;
  return { unit: 'epochs', amount: (budget.amount * batch) / refBatch };
}
