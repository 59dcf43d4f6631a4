/**
 * When a run takes its full-split measurements. Two grids, joined:
 *
 * - evenly spaced: every `every` steps (the long-standing `metricsEvery`);
 * - log-spaced: `perDecade` points per decade of steps, at round(10^(j/perDecade)) for
 *   j = 0, 1, 2, … (duplicates dropped), so a log-step axis is resolved from step 1 on.
 *
 * An even grid alone puts the first measurement of a 25 600-step run at step ~128, which
 * on a log axis hides everything before it (a small batch's visit to a sharp basin, say);
 * a log grid alone leaves the last decade with only `perDecade` points. Both together
 * resolve the early and the late run. `perDecade` = 0 (the default) is the even grid only,
 * exactly as before. The grid is a function of the step count alone, so measuring never
 * touches the run's random streams (the Lanczos stream is keyed by step, too).
 */
import { pow } from './detmath';

/** Steps of the log grid: round(10^(j/k)). detmath keeps them identical in every JS engine. */
function logGridStep(j: number, perDecade: number): number {
  return Math.round(pow(10, j / perDecade));
}

/**
 * Answers "is this step measured?" for steps asked in increasing order (as a run takes
 * them), in O(1) amortised: it walks the log grid alongside the run.
 */
export class MetricClock {
  private j = 0;
  private nextLog: number;

  constructor(
    private readonly every: number,
    private readonly perDecade: number,
  ) {
    this.nextLog = perDecade > 0 ? 1 : Infinity;
  }

  /** Whether step `step` (≥ 1, asked in increasing order) is on either grid. */
  due(step: number): boolean {
    let onLog = false;
    while (this.nextLog <= step) {
      if (this.nextLog === step) onLog = true;
      this.j++;
      this.nextLog = logGridStep(this.j, this.perDecade);
    }
    return onLog || (this.every > 0 && step % this.every === 0);
  }
}

/**
 * Every step a run of `totalSteps` steps measures, as Run.advance does it: the start
 * (step 0), each due step before the end, and the last step.
 */
export function metricSteps(every: number, perDecade: number, totalSteps: number): number[] {
  const clock = new MetricClock(every, perDecade);
  const out = [0];
  for (let s = 1; s < totalSteps; s++) if (clock.due(s)) out.push(s);
  if (totalSteps > 0) out.push(totalSteps);
  return out;
}

/** Distinct log-grid steps in [1, maxStep]. */
export function logGridCount(perDecade: number, maxStep: number): number {
  if (perDecade <= 0 || maxStep < 1) return 0;
  let n = 0;
  let last = 0;
  for (let j = 0; ; j++) {
    const s = logGridStep(j, perDecade);
    if (s > maxStep) return n;
    if (s !== last) n++;
    last = s;
  }
}

/**
 * A log-plus-even schedule of at most ~`points` measurements for a run of `totalSteps`
 * steps: up to `perDecade` log points per decade (fewer when they would take over half the
 * budget), and the rest of the budget spent on an even
 * grid. The two grids can share a step, so the union never exceeds `points`.
 */
export function logEvenSchedule(
  totalSteps: number,
  points: number,
  perDecade: number,
): { every: number; perDecade: number } {
  const steps = Math.max(1, totalSteps);
  // A small budget (a preset where measuring is costly) thins the log grid so that it takes
  // at most half the budget, leaving the other half to resolve the late run evenly.
  let k = perDecade;
  while (k > 1 && logGridCount(k, steps) > points / 2) k--;
  // Start and end are measured anyway; what is left of the budget after the log grid is even.
  const evenPoints = Math.max(1, points - 2 - logGridCount(k, steps));
  return { every: Math.max(1, Math.ceil(steps / evenPoints)), perDecade: k };
}
