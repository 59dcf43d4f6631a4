/** The sweep's result in one plain sentence, computed from its rows. */
import type { SweepRow } from '../../../engine/experiments';
import { formatNumber } from '../../format';
import { percent, ratioText } from '../viewFormat';

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
      `At B = ${a.batch} the mean gap is ${formatNumber(a.gap.mean)} over ${a.runs} runs.` +
      divergedText(rows)
    );
  const gap = gapChange(a, b);
  if (a.flatFraction !== null && b.flatFraction !== null) {
    const verb = trend(a.flatFraction, b.flatFraction);
    const flat =
      verb === 'stays'
        ? `Flat-basin fraction stays at ${percent(a.flatFraction)} from B = ${a.batch} to B = ${b.batch}`
        : `Flat-basin fraction ${verb} from ${percent(a.flatFraction)} at B = ${a.batch} to ${percent(b.flatFraction)} at B = ${b.batch}`;
    return `${flat}; ${gap}.` + divergedText(rows);
  }
  return (
    `From B = ${a.batch} to B = ${b.batch} ${gap}, and λ_max goes from ${formatNumber(a.lambdaMax.mean)} ` +
    `to ${formatNumber(b.lambdaMax.mean)}.` +
    divergedText(rows)
  );
}
