/**
 * The network comparison's result in words, from the rows alone. The question comes first —
 * is the large batch worse on *test* than the small one here, by disjoint 95% intervals of
 * test accuracy? — and only when it is does a recipe "close the gap"; when it is not, the
 * caption says so plainly and reports each recipe against the small batch instead.
 */
import type { NetworkRow } from '../../../engine/nn';
import { formatNumber } from '../../format';
import { shortLabel } from '../remedies/remediesPlan';
import { accuracyVerdict, compareMeans, VERDICT_WORDS, type RemedyVerdict } from '../verdict';
import { formatSummary, ratioText } from '../viewFormat';

const acc = (r: NetworkRow) => formatSummary(r.row.testAccuracy);

/** Which recipes are better / worse / within noise against the small batch. */
function againstSmall(rest: readonly NetworkRow[]): string {
  const words = { better: 'better', worse: 'worse', overlap: 'within the noise' } as const;
  const groups = (['better', 'worse', 'overlap'] as const)
    .map((k) => [k, rest.filter((r) => r.vsSmall === k)] as const)
    .filter(([, rs]) => rs.length > 0)
    .map(
      ([k, rs]) =>
        `${words[k]}: ${rs.map((r) => `${shortLabel(r.remedy)} (${formatNumber(r.row.testAccuracy?.mean ?? NaN)})`).join(', ')}`,
    );
  return groups.length ? ` Test accuracy against the small batch — ${groups.join('; ')}.` : '';
}

const ORDER: Exclude<RemedyVerdict, 'untrained'>[] = ['fixes', 'partly', 'no-better', 'worse'];

export function networkCaption(rows: readonly NetworkRow[]): string {
  const small = rows.find((r) => r.remedy.id === 'small');
  const large = rows.find((r) => r.remedy.id === 'large');
  if (!small || !large || !small.row.testAccuracy || !large.row.testAccuracy) return '';
  const k = small.row.runs;
  const head =
    `${k} seeds. Test accuracy: small batch ${acc(small)}, large batch ${acc(large)}` +
    ` (mean ± 95% interval)`;
  const rest = rows.filter((r) => r.remedy.id !== 'small' && r.remedy.id !== 'large');
  const diverged = rows.filter((r) => r.row.diverged > 0);
  const divText = diverged.length
    ? ` Diverged runs: ${diverged.map((r) => `${shortLabel(r.remedy)} ${r.row.diverged}/${r.row.runs}`).join(', ')}.`
    : '';
  const vs = large.vsSmall;
  if (vs !== 'worse') {
    const lossOrder = compareMeans(large.row.finalTestLoss, small.row.finalTestLoss);
    const loss =
      lossOrder === 'higher'
        ? ` Its test loss is higher, though (${formatSummary(large.row.finalTestLoss)} vs ${formatSummary(small.row.finalTestLoss)}).`
        : lossOrder === 'lower'
          ? ` Its test loss is lower too (${formatSummary(large.row.finalTestLoss)} vs ${formatSummary(small.row.finalTestLoss)}).`
          : '';
    const how =
      vs === 'better'
        ? 'the large batch is better on test here (intervals apart): the large-batch penalty does not appear'
        : 'the large batch is not measurably worse on test here (the intervals overlap): the large-batch penalty does not appear at this setting and ensemble size, so there is no gap for a remedy to close';
    return `${head}: ${how}.${loss}${againstSmall(rest)}${divText}`;
  }
  const clauses: string[] = [];
  const trainOrder = compareMeans(
    large.row.trainAccuracy ?? { mean: NaN, ci95: null },
    small.row.trainAccuracy ?? { mean: NaN, ci95: null },
  );
  if (trainOrder !== 'lower')
    clauses.push(
      `while fitting the train labels ${trainOrder === 'higher' ? 'better' : 'as well'} (train accuracy ${formatNumber(large.row.trainAccuracy!.mean)} vs ${formatNumber(small.row.trainAccuracy!.mean)})`,
    );
  else
    clauses.push(
      `and on train (${formatNumber(large.row.trainAccuracy!.mean)} vs ${formatNumber(small.row.trainAccuracy!.mean)}): under-trained`,
    );
  if (compareMeans(large.row.lambdaMax, small.row.lambdaMax) === 'higher') {
    const ratio = ratioText(small.row.lambdaMax.mean, large.row.lambdaMax.mean);
    if (ratio) clauses.push(`at a point ${ratio} sharper (λ_max)`);
  }
  const groups = new Map<string, string[]>();
  for (const r of rest) {
    const v = accuracyVerdict(r.vsSmall, r.vsLarge);
    if (!v) continue;
    const key =
      v === 'fixes' && r.vsSmall === 'better' ? 'better than the small batch' : VERDICT_WORDS[v];
    const text = `${shortLabel(r.remedy)} (${formatNumber(r.row.testAccuracy?.mean ?? NaN)})`;
    groups.set(key, [...(groups.get(key) ?? []), text]);
  }
  const keys = ['better than the small batch', ...ORDER.map((v) => VERDICT_WORDS[v])];
  const verdicts = keys
    .filter((key) => groups.has(key))
    .map((key) => `${key}: ${groups.get(key)!.join(', ')}`)
    .join('; ');
  const closes = rest.filter((r) => r.vsSmall !== 'worse').length;
  const summary =
    rest.length === 0
      ? ''
      : closes === 0
        ? ' No recipe closes the gap.'
        : ` ${closes} of ${rest.length} recipes close it.`;
  return (
    `${head}: the large batch is worse on test (95% intervals apart), ${clauses.join(', ')}.` +
    `${summary}${verdicts ? ` On test accuracy, ${verdicts}.` : ''}${divText}`
  );
}
