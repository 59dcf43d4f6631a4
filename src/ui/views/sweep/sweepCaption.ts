/**
 * The sweep's result in plain sentences, computed from its rows: where runs end, what
 * happens to train and test loss (95% intervals decide whether anything changed), the gap,
 * and — when the last cell ends in several basins — what each basin costs on test.
 */
import type { BasinGroup, SweepRow } from '../../../engine/experiments';
import { basinText, formatNumber } from '../../format';
import { percent, ratioText } from '../viewFormat';
import { compareMeans } from '../verdict';

function trend(from: number, to: number): string {
  return to < from ? 'falls' : to > from ? 'rises' : 'stays';
}

function gapChange(a: SweepRow, b: SweepRow): string {
  const ga = a.gap.mean;
  const gb = b.gap.mean;
  const r = ratioText(ga, gb);
  if (r && gb > ga) return `the gap grows ${r} (${formatNumber(ga)} → ${formatNumber(gb)})`;
  if (r && gb < ga)
    return `the gap shrinks ${ratioText(gb, ga)} (${formatNumber(ga)} → ${formatNumber(gb)})`;
  return `the gap goes from ${formatNumber(ga)} to ${formatNumber(gb)}`;
}

function divergedText(rows: readonly SweepRow[]): string {
  const bad = rows.filter((r) => r.diverged > 0);
  if (bad.length === 0) return '';
  const total = bad.reduce((s, r) => s + r.diverged, 0);
  return ` ${total} run${total === 1 ? '' : 's'} diverged (at ${bad.map((r) => `B = ${r.batch}`).join(', ')}).`;
}

/** Train vs test from the first to the last batch size, claimed only beyond the noise. */
function lossText(a: SweepRow, b: SweepRow): string {
  const span = (x: number, y: number) => `${formatNumber(x)} → ${formatNumber(y)}`;
  const train = compareMeans(b.finalTrainLoss, a.finalTrainLoss);
  const test = compareMeans(b.finalTestLoss, a.finalTestLoss);
  const testSpan = span(a.finalTestLoss.mean, b.finalTestLoss.mean);
  const trainSpan = span(a.finalTrainLoss.mean, b.finalTrainLoss.mean);
  if (test === 'higher')
    return train === 'lower'
      ? `Train loss falls (${trainSpan}) but test loss rises (${testSpan}, 95% intervals apart): the larger batch looks better on train and generalizes worse.`
      : `Test loss rises (${testSpan}, 95% intervals apart): the larger batch generalizes worse.`;
  if (test === 'lower')
    return `Test loss falls (${testSpan}): at these settings the larger batch is better on test too.`;
  return `Test loss does not differ beyond the noise (${testSpan}).`;
}

/** "In the last cell, sharp-minimum runs test at X, flat-minimum runs at Y." */
function basinCost(b: SweepRow): string {
  const named = (b.byBasin ?? []).filter((g): g is BasinGroup & { basin: string } => !!g.basin);
  if (named.length < 2) return '';
  const parts = named.map(
    (g) =>
      `${g.runs} in the ${basinText(g.basin, true, true)} test at ${formatNumber(g.finalTestLoss.mean)}`,
  );
  return ` At B = ${b.batch}: ${parts.join(', ')}.`;
}

/** One learning rate: first vs last batch size. Several: where the gap is largest and smallest. */
export function sweepCaption(rows: readonly SweepRow[], lrCount: number): string {
  if (rows.length === 0) return '';
  if (lrCount > 1) {
    const byGap = [...rows].sort((a, b) => a.gap.mean - b.gap.mean);
    const lo = byGap[0]!;
    const hi = byGap[byGap.length - 1]!;
    return (
      `Across ${rows.length} batch × learning-rate cells the mean gap is largest at B = ${hi.batch}, η = ${hi.lr} ` +
      `(${formatNumber(hi.gap.mean)}) and smallest at B = ${lo.batch}, η = ${lo.lr} (${formatNumber(lo.gap.mean)}).` +
      divergedText(rows)
    );
  }
  const a = rows[0]!;
  const b = rows[rows.length - 1]!;
  if (rows.length === 1)
    return (
      `At B = ${a.batch} the mean test loss is ${formatNumber(a.finalTestLoss.mean)} and the gap ${formatNumber(a.gap.mean)} over ${a.runs} runs.` +
      divergedText(rows)
    );
  const gap = gapChange(a, b);
  let head: string;
  if (a.flatFraction !== null && b.flatFraction !== null) {
    const verb = trend(a.flatFraction, b.flatFraction);
    head =
      verb === 'stays'
        ? `Flat-basin fraction stays at ${percent(a.flatFraction)} from B = ${a.batch} to B = ${b.batch}; ${gap}.`
        : `Flat-basin fraction ${verb} from ${percent(a.flatFraction)} at B = ${a.batch} to ${percent(b.flatFraction)} at B = ${b.batch}; ${gap}.`;
  } else {
    head =
      `From B = ${a.batch} to B = ${b.batch} ${gap}, and λ_max goes from ${formatNumber(a.lambdaMax.mean)} ` +
      `to ${formatNumber(b.lambdaMax.mean)}.`;
  }
  return `${head} ${lossText(a, b)}${basinCost(b)}${divergedText(rows)}`;
}
