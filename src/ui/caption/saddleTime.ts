/**
 * Time spent near the saddle point, from a run's measurements: the engine counts the
 * updates that end within the saddle's radius (MetricRecord.saddleSteps); the share is
 * those updates over all updates so far — at a constant batch size, also the share of
 * its epochs, so runs of different batch sizes compare at equal epochs.
 */
import type { MetricRecord } from '../../engine/metrics';
import type { Basin } from '../../engine/objectives/types';
import { formatCount, formatNumber } from '../format';
import type { RunOutcome } from './outcome';

export interface SaddleTime {
  /** Updates that ended near the saddle point. */
  steps: number;
  /** All updates so far. */
  total: number;
  /** steps / total (0 before the first update). */
  share: number;
}

export function saddleTime(m: MetricRecord | null | undefined): SaddleTime | null {
  if (!m || m.saddleSteps === null || m.saddleSteps === undefined) return null;
  return { steps: m.saddleSteps, total: m.step, share: m.step > 0 ? m.saddleSteps / m.step : 0 };
}

/** "48%", "0.55%": percentages that stay readable from 100% down to a fraction of one. */
export function formatShare(share: number): string {
  return `${formatNumber(100 * share, share < 0.1 ? 2 : 3)}%`;
}

/** The readout cell, narrow: the share and, in brackets, the updates behind it: "48% (19)". */
export function saddleCellText(t: SaddleTime): string {
  return `${formatShare(t.share)} (${formatCount(t.steps)})`;
}

const isInside = (s: Basin, p: readonly [number, number]) =>
  Math.hypot(p[0] - (s.center[0] ?? 0), p[1] - (s.center[1] ?? 0)) <= s.radius;

/** Whether a run's end point lies in a saddle region (it never left, or came back). */
export function endsAtSaddle(saddles: readonly Basin[], r: RunOutcome): boolean {
  return r.end !== null && saddles.some((s) => isInside(s, r.end!));
}

/**
 * The saddle lesson, from the runs' own counts: how much of its training each run spent
 * near the saddle point, and why the large batch spends more — leaving takes a number of
 * updates, and at equal epochs a larger batch makes fewer. Claims that the numbers do not
 * support (a run never reached the saddle, or the update counts differ a lot) are
 * replaced by what the numbers do say.
 */
export function saddleLesson(saddles: readonly Basin[], runs: readonly RunOutcome[]): string[] {
  const saddle = saddles[0];
  if (!saddle) return [];
  const timed = runs
    .filter((r) => r.state === 'done')
    .map((r) => ({ r, t: saddleTime(r.last) }))
    .filter((x): x is { r: RunOutcome; t: SaddleTime } => x.t !== null && x.t.total > 0);
  if (timed.length === 0) return [];
  const within = `within ${formatNumber(saddle.radius)} of the saddle point`;
  const parts = timed.map(
    ({ r, t }) =>
      `${r.label} ${formatShare(t.share)} (${formatCount(t.steps)} of ${formatCount(t.total)} updates)`,
  );
  const out = [`Time ${within}: ${parts.join(', ')}.`];
  for (const { r, t } of timed) {
    if (t.steps === 0) out.push(`${r.label} never reached the saddle: it stopped on the way down.`);
    else if (endsAtSaddle(saddles, r))
      out.push(`${r.label} is still at the saddle after all its updates.`);
  }
  const reached = timed.filter((x) => x.t.steps > 0);
  if (reached.length < 2) return out;
  const most = reached.reduce((a, b) => (b.t.share > a.t.share ? b : a));
  const least = reached.reduce((a, b) => (b.t.share < a.t.share ? b : a));
  if (most === least || most.t.total >= least.t.total || most.t.share < 2 * least.t.share)
    return out;
  const ratio = least.t.total / most.t.total;
  const updates =
    Math.max(most.t.steps, least.t.steps) <= 2 * Math.min(most.t.steps, least.t.steps)
      ? `Leaving a saddle takes about as many updates at either batch size (${formatCount(most.t.steps)} and ${formatCount(least.t.steps)} here), `
      : `Leaving took ${formatCount(most.t.steps)} and ${formatCount(least.t.steps)} updates, `;
  out.push(
    `${updates}but ${most.r.label} makes ${formatNumber(ratio, 2)}× fewer in its run, so it spends ${formatNumber(most.t.share / least.t.share, 2)}× more of its training at the saddle.`,
  );
  return out;
}
