/**
 * Sentences about the explorer's runs, from their own numbers (formatted as the readouts
 * format them, so a reader can find each number in the table beside the figure).
 */
import { formatCount, formatNumber } from '../../ui/format';
import type { RunOutcome } from '../../ui/caption/outcome';
import type { LiveContext } from './context';

export const ended = (r: RunOutcome): boolean => r.state === 'done' || r.state === 'diverged';

/**
 * The finished runs, or null while any is still going (a result is stated only at the end)
 * or the landscape's basin names are not in yet (a sentence would name the wrong ones).
 */
export function finished(ctx: LiveContext): readonly RunOutcome[] | null {
  if (!ctx.basinsReady) return null;
  if (ctx.runs.length === 0 || !ctx.runs.every(ended)) return null;
  if (ctx.runs.some((r) => r.last === null)) return null;
  return ctx.runs;
}

export const fmt = (v: number | null | undefined): string => formatNumber(v);

/** "B = 8: train −0.633, test −0.512, gap 0.121". */
export function lossesText(r: RunOutcome): string {
  const m = r.last!;
  return `${r.label}: train ${fmt(m.trainLoss)}, test ${fmt(m.testLoss)}, gap ${fmt(m.gap)}`;
}

/** "B = 8 ended in the flat minimum, B = 1024 in the sharp minimum". */
export function basinsText(ctx: LiveContext, runs: readonly RunOutcome[]): string {
  return runs
    .map(
      (r, i) =>
        `${r.label} ${i === 0 ? 'ended in the ' : 'in the '}${ctx.basinName(r.last!.basin)}`,
    )
    .join(', ')
    .replace(/the between basins/g, 'no basin (between basins)');
}

/** Which run is worse on test, by how much — or that they tie at the readouts' precision. */
export function testVerdict(runs: readonly RunOutcome[]): string {
  const sorted = [...runs].sort((a, b) => a.last!.testLoss - b.last!.testLoss);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  const diff = worst.last!.testLoss - best.last!.testLoss;
  if (fmt(worst.last!.testLoss) === fmt(best.last!.testLoss))
    return `Both end at test loss ${fmt(best.last!.testLoss)} (equal to three digits): neither is worse on test.`;
  return `${worst.label} is worse on test (${fmt(worst.last!.testLoss)} against ${fmt(best.last!.testLoss)}, ${fmt(diff)} higher).`;
}

/** Which run is lower on train. */
export function trainVerdict(runs: readonly RunOutcome[]): string {
  const sorted = [...runs].sort((a, b) => a.last!.trainLoss - b.last!.trainLoss);
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  if (fmt(lo.last!.trainLoss) === fmt(hi.last!.trainLoss))
    return `Both end at train loss ${fmt(lo.last!.trainLoss)} (equal to three digits).`;
  return `${lo.label} is lower on train (${fmt(lo.last!.trainLoss)} against ${fmt(hi.last!.trainLoss)}).`;
}

export function updatesText(r: RunOutcome): string {
  return `${r.label} made ${formatCount(r.last!.step)} updates`;
}

/** Shown while runs are still going. */
export function progressText(ctx: LiveContext): string {
  return ctx.runs.length === 0
    ? 'Starting the runs…'
    : `Running (${ctx.runs.map((r) => `${r.label} at step ${formatCount(r.last?.step ?? 0)}`).join(', ')}): the numbers are read when the runs end.`;
}
