/**
 * Instability, flagged where it happens: a run whose step size is past the stability
 * bound at its current point (η·λ_max above the optimizer's bound), or whose full train
 * loss has risen far above the lowest it reached, is bouncing or blowing up — never
 * "in a minimum" — and the fix is a smaller learning rate.
 */
import type { OptimizerConfig } from '../../engine/config';
import type { MetricRecord } from '../../engine/metrics';
import { formatNumber } from '../format';

/**
 * Largest stable η·λ on a quadratic: 2 for plain SGD, 2(1 + m) for heavy-ball momentum,
 * 2(1 + m)/(1 + 2m) for Nesterov; none for Adam (its steps are rescaled per coordinate).
 */
export function stabilityBound(opt: Pick<OptimizerConfig, 'kind' | 'momentum'>): number | null {
  switch (opt.kind) {
    case 'sgd':
      return 2;
    case 'momentum':
      return 2 * (1 + opt.momentum);
    case 'nesterov':
      return (2 * (1 + opt.momentum)) / (1 + 2 * opt.momentum);
    case 'adam':
      return null;
  }
}

export interface Instability {
  /** η·λ_max at the latest measurement, when λ_max was measured. */
  etaLambda: number | null;
  bound: number | null;
  /** η·λ_max is past the bound. */
  overBound: boolean;
  /** The train loss rose by more than 10× its scale above its lowest value so far. */
  blowUp: { from: number; to: number } | null;
  /** A learning rate that would be stable here, when λ_max is known. */
  safeLr: number | null;
}

/** A rise of 10× the loss scale (at least 1) above the lowest point reached. */
const RISE = 10;

export function instabilityOf(
  lr: number,
  last: MetricRecord | null,
  minTrainLoss: number | null,
  bound: number | null,
): Instability | null {
  if (!last) return null;
  const lam = last.lambdaMax;
  const etaLambda = lam !== null && lr > 0 ? lr * lam : null;
  const overBound = etaLambda !== null && bound !== null && etaLambda > bound;
  const lo = minTrainLoss ?? last.trainLoss;
  const blowUp =
    last.trainLoss - lo > RISE * Math.max(1, Math.abs(lo))
      ? { from: lo, to: last.trainLoss }
      : null;
  if (!overBound && !blowUp) return null;
  const safeLr = bound !== null && lam !== null && lam > 0 ? bound / lam : null;
  return { etaLambda, bound, overBound, blowUp, safeLr };
}

/** Plain words with the numbers: what is happening and what to do. */
export function instabilityText(label: string, i: Instability, ended: boolean): string {
  const num = formatNumber;
  const parts: string[] = [];
  if (i.overBound)
    parts.push(
      `η·λ_max = ${num(i.etaLambda)} > ${num(i.bound)} at its ${ended ? 'last' : 'current'} point, so each step overshoots along the sharpest direction`,
    );
  if (i.blowUp) parts.push(`its train loss rose from ${num(i.blowUp.from)} to ${num(i.blowUp.to)}`);
  // A bound from λ_max is advice only where it binds: when the loss blew up but η·λ_max at
  // this point is within the bound, "below bound/λ_max" could name a rate above the current one.
  const fix =
    i.safeLr !== null && i.overBound
      ? `Lower the learning rate below ${num(i.safeLr)} (= ${num(i.bound)}/λ_max).`
      : 'Lower the learning rate.';
  const head = ended ? `${label} ended unstable, not in a minimum` : `${label} is unstable`;
  return `${head}: ${parts.join(', and ')}. ${fix}`;
}
