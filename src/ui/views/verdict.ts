/**
 * Comparisons the science views' captions and tables state in words. Two ensemble means
 * differ only when their 95% intervals do not overlap; anything else is "the same within
 * the noise", so no caption claims an effect its own numbers cannot back.
 */
import type { Separation } from '../../engine/nn/comparison';
import type { Summary } from '../../engine/stats';

export type Order = 'lower' | 'higher' | 'same';

/** Where a's mean sits relative to b's, counting overlapping 95% intervals as the same. */
export function compareMeans(a: Summary, b: Summary): Order {
  if (!Number.isFinite(a.mean) || !Number.isFinite(b.mean)) return 'same';
  const ha = a.ci95 ?? 0;
  const hb = b.ci95 ?? 0;
  if (a.mean + ha < b.mean - hb) return 'lower';
  if (a.mean - ha > b.mean + hb) return 'higher';
  return 'same';
}

export type RemedyVerdict = 'fixes' | 'partly' | 'no-better' | 'worse' | 'untrained';

export const VERDICT_WORDS: Record<RemedyVerdict, string> = {
  fixes: 'as good as the small batch',
  partly: 'better than the large batch, not as good as the small one',
  'no-better': 'no better than the large batch',
  worse: 'worse than the large batch',
  untrained: 'did not train',
};

/** Short table cell text for each verdict. */
export const VERDICT_SHORT: Record<RemedyVerdict, string> = {
  fixes: 'fixed',
  partly: 'partly',
  'no-better': 'no help',
  worse: 'worse',
  untrained: 'untrained',
};

interface Losses {
  finalTrainLoss: Summary;
  finalTestLoss: Summary;
}

/**
 * How a remedy's test loss compares with the small and the large batch's — the measure
 * of generalization the story is about (a small gap can also mean "did not train").
 * A recipe whose train loss ends far above the small batch's (by more than a quarter of
 * its size and its noise) has not trained, whatever its gap or test loss.
 */
export function remedyVerdict(small: Losses, large: Losses, remedy: Losses): RemedyVerdict {
  const tol = 0.25 * Math.abs(small.finalTrainLoss.mean) + (small.finalTrainLoss.ci95 ?? 0);
  if (remedy.finalTrainLoss.mean > small.finalTrainLoss.mean + tol) return 'untrained';
  if (compareMeans(remedy.finalTestLoss, small.finalTestLoss) !== 'higher') return 'fixes';
  const vsLarge = compareMeans(remedy.finalTestLoss, large.finalTestLoss);
  return vsLarge === 'lower' ? 'partly' : vsLarge === 'same' ? 'no-better' : 'worse';
}

/**
 * The network comparison judges by test accuracy (higher is better), with the engine's
 * interval test (`separation`: the CLI's vsSmall / vsLarge). Table cells in words:
 */
export const SEPARATION_SHORT: Record<Separation, string> = {
  better: 'better',
  worse: 'worse',
  overlap: 'within noise',
};

/** A recipe's test accuracy against the small and the large batch's, as a verdict. */
export function accuracyVerdict(
  vsSmall: Separation | null,
  vsLarge: Separation | null,
): Exclude<RemedyVerdict, 'untrained'> | null {
  if (vsSmall === null || vsLarge === null) return null;
  if (vsSmall !== 'worse') return 'fixes';
  return vsLarge === 'better' ? 'partly' : vsLarge === 'overlap' ? 'no-better' : 'worse';
}
