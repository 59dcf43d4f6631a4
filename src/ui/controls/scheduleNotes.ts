/**
 * Plain-language notes under the schedule controls, computed from the configs the runs
 * will use: what a warm-up does in numbers, and what a growing batch does to each run —
 * including when it does nothing (a run already at the cap).
 */
import type { RunConfig } from '../../engine/config';
import { batchAt } from '../../engine/schedules';
import { formatCount, formatNumber } from '../format';

/** What the warm-up does to the learning rate, for runs that share (or not) one base η. */
export function warmupNote(lrs: readonly number[], fraction: number, peak: number): string {
  const over = `over the first ${formatNumber(100 * fraction)}% of training`;
  const same = lrs.length > 0 && lrs.every((lr) => lr === lrs[0]);
  const target = same
    ? `${formatNumber(peak * lrs[0]!)} (${formatNumber(peak)} × η = ${formatNumber(lrs[0]!)})`
    : `${formatNumber(peak)} × each run's η`;
  if (fraction <= 0) return `No ramp: η starts at ${target} and stays there.`;
  const remedy =
    peak > 1
      ? ' A peak above the base η is the remedy for large batches: a high learning rate early, reached gently.'
      : '';
  return `η ramps from ≈0 up to ${target} ${over}, then stays there.${remedy}`;
}

export interface RunSchedule {
  label: string;
  config: RunConfig;
}

/** One sentence per run about what the growing-batch schedule does to it. */
export function growNotes(runs: readonly RunSchedule[]): string[] {
  return runs.flatMap(({ label, config }) => {
    const s = config.batchSchedule;
    if (s.kind !== 'grow') return [];
    const n = config.landscape.n;
    const b = Math.min(config.batch, n);
    const first = batchAt(s, b, 0, n);
    const last = batchAt(s, b, 1, n);
    if (first < b)
      return [
        `${label} is above the cap: it trains at B = ${formatCount(first)}${last > first ? ` and grows to ${formatCount(last)}` : ' throughout'}.`,
      ];
    if (last === first) {
      const why =
        b >= s.cap
          ? `already at the cap (${formatCount(s.cap)})`
          : b >= n
            ? `already the whole train set`
            : `never reaches a larger size (× ${formatNumber(s.factor)} at the milestones rounds back to ${formatCount(b)})`;
      return [`${label} is ${why}: the schedule changes nothing for this run.`];
    }
    return [`${label} grows from B = ${formatCount(first)} to ${formatCount(last)}.`];
  });
}
