/**
 * The remedies' result in words, from the rows: is the large batch worse on test than the
 * small one here, and which recipes bring its test loss back — judged by test loss with
 * 95% intervals, never by the gap alone (a recipe that fails to train has a small gap too).
 */
import { formatNumber } from '../../format';
import { formatSummary, percent } from '../viewFormat';
import { compareMeans, remedyVerdict, VERDICT_WORDS, type RemedyVerdict } from '../verdict';
import { shortLabel, type RemedyOutcome } from './remediesPlan';

const ORDER: RemedyVerdict[] = ['fixes', 'partly', 'no-better', 'worse', 'untrained'];

export function remediesCaption(rows: readonly RemedyOutcome[]): string {
  const small = rows.find((r) => r.remedy.id === 'small')?.row;
  const large = rows.find((r) => r.remedy.id === 'large')?.row;
  if (!small || !large) return '';
  const flat = (f: number | null) => (f === null ? '' : `, ${percent(f)} flat`);
  const head =
    `Small batch: test loss ${formatSummary(small.finalTestLoss)}${flat(small.flatFraction)}; ` +
    `large batch: ${formatSummary(large.finalTestLoss)}${flat(large.flatFraction)}`;
  const rest = rows.filter((r) => r.remedy.id !== 'small' && r.remedy.id !== 'large');
  const diverged = rest.filter((r) => r.row.diverged > 0);
  const divText = diverged.length
    ? ` Diverged runs: ${diverged.map((r) => `${shortLabel(r.remedy)} ${r.row.diverged}/${r.row.runs}`).join(', ')}.`
    : '';
  const order = compareMeans(large.finalTestLoss, small.finalTestLoss);
  if (order !== 'higher') {
    const how =
      order === 'lower'
        ? 'better on test than the small batch here'
        : 'not worse on test than the small batch beyond the noise here';
    return `${head}: the large batch is ${how}, so there is nothing for a remedy to fix.${divText}`;
  }
  const groups = new Map<RemedyVerdict, string[]>();
  for (const r of rest) {
    const v = remedyVerdict(small, large, r.row);
    const text =
      v === 'untrained'
        ? `${shortLabel(r.remedy)} (train loss ${formatNumber(r.row.finalTrainLoss.mean)})`
        : `${shortLabel(r.remedy)} (${formatNumber(r.row.finalTestLoss.mean)})`;
    groups.set(v, [...(groups.get(v) ?? []), text]);
  }
  const verdicts = ORDER.filter((v) => groups.has(v))
    .map((v) => `${VERDICT_WORDS[v]}: ${groups.get(v)!.join(', ')}`)
    .join('; ');
  const body = verdicts ? ` On test, ${verdicts}.` : '';
  return `${head} — worse on test (95% intervals apart).${body}${divText}`;
}
