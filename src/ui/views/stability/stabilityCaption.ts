/** The stability result in words: where runs start to diverge versus the predicted 2/λ_max. */
import { formatNumber } from '../../format';
import type { StabilitySummary } from './stabilityPlan';

export function stabilityCaption(s: StabilitySummary, lambdaMax: number): string {
  const pred = `the predicted η = 2/λ_max = ${formatNumber(s.critical)} (λ_max = ${formatNumber(lambdaMax)})`;
  if (s.firstDiverged === null)
    return `No run diverged up to η = ${formatNumber(s.lastStable)}; ${pred} lies ${s.lastStable !== null && s.lastStable < s.critical ? 'beyond the range tried' : 'within it — longer runs may be needed to see the blow-up'}.`;
  if (s.lastStable === null)
    return `Every run diverged, from η = ${formatNumber(s.firstDiverged)} on; ${pred}.`;
  const bracket = `Runs converge up to η = ${formatNumber(s.lastStable)} and diverge from η = ${formatNumber(s.firstDiverged)} on`;
  return s.agrees
    ? `${bracket}, bracketing ${pred}.`
    : `${bracket}; ${pred} — not every run follows the bound.`;
}
