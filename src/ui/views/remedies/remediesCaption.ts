/**
 * The remedies' result in words: how far apart the small and large batch end, and how
 * much of that gap each remedy closes — computed from the rows, whatever they say.
 */
import type { Summary } from '../../../engine/stats';
import { formatNumber } from '../../format';
import { percent } from '../viewFormat';
import { shortLabel, type RemedyOutcome } from './remediesPlan';

/**
 * Share of the large-vs-small gap difference that a remedy removes (1 = as small batch).
 * null when the difference is within the noise (the two 95% intervals combined), since
 * a share of a difference that may not exist means nothing.
 */
export function gapClosed(small: Summary, large: Summary, remedy: number): number | null {
  const d = large.mean - small.mean;
  const noise = Math.hypot(small.ci95 ?? 0, large.ci95 ?? 0);
  if (!Number.isFinite(d) || Math.abs(d) <= Math.max(noise, 1e-12)) return null;
  return (large.mean - remedy) / d;
}

export function remediesCaption(rows: readonly RemedyOutcome[]): string {
  const small = rows.find((r) => r.remedy.id === 'small')?.row;
  const large = rows.find((r) => r.remedy.id === 'large')?.row;
  if (!small || !large) return '';
  const flat = (f: number | null) => (f === null ? '' : `, ${percent(f)} flat`);
  const head =
    `Small batch: gap ${formatNumber(small.gap.mean)}${flat(small.flatFraction)}; ` +
    `large batch: gap ${formatNumber(large.gap.mean)}${flat(large.flatFraction)}.`;
  const rest = rows.filter((r) => r.remedy.id !== 'small' && r.remedy.id !== 'large');
  // A recipe whose runs end far above the small batch's train loss has not trained: a
  // small gap there means nothing, so it is named apart instead of credited.
  const tol = 0.25 * Math.abs(small.finalTrainLoss.mean) + (small.finalTrainLoss.ci95 ?? 0);
  const failed = rest.filter((r) => r.row.finalTrainLoss.mean > small.finalTrainLoss.mean + tol);
  const others = rest.filter((r) => !failed.includes(r));
  const failText = failed.length
    ? ` Trained poorly (train loss far above the small batch's): ${failed.map((r) => `${shortLabel(r.remedy)} (${formatNumber(r.row.finalTrainLoss.mean)})`).join(', ')}.`
    : '';
  const closed = others
    .map((r) => ({ r, c: gapClosed(small.gap, large.gap, r.row.gap.mean) }))
    .filter((x): x is { r: RemedyOutcome; c: number } => x.c !== null);
  const diverged = rest.filter((r) => r.row.diverged > 0);
  const divText = diverged.length
    ? ` Diverged runs: ${diverged.map((r) => `${shortLabel(r.remedy)} ${r.row.diverged}/${r.row.runs}`).join(', ')}.`
    : '';
  if (closed.length === 0)
    return `${head} Their gaps do not differ beyond the noise, so there is nothing clear for a remedy to close.${failText}${divText}`;
  closed.sort((a, b) => b.c - a.c);
  const list = closed
    .map(({ r, c }) => `${shortLabel(r.remedy)} ${Math.round(100 * c)}%`)
    .join(', ');
  return `${head} Share of that gap each remedy closes: ${list}.${failText}${divText}`;
}
