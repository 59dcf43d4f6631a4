/**
 * Which runs ended worse on test. Only once every run has ended (a live value says
 * nothing yet), only among runs with a measured test loss, and only when the runs differ
 * by more than rounding — equal losses mark nobody. Where the runs also have a test
 * accuracy (the network), the highest test loss is marked only if that run's accuracy is
 * the lowest too: a network can end with a higher test loss (over-confident mistakes) and
 * yet classify more test points right, and then "worse on unseen data" would not be true.
 */
import type { RunView } from '../../state/runsStore';

export const isEnded = (r: Pick<RunView, 'state'>): boolean =>
  r.state === 'done' || r.state === 'diverged';

export function worseOnTest(runs: readonly Pick<RunView, 'id' | 'state' | 'last'>[]): Set<string> {
  const out = new Set<string>();
  if (runs.length < 2 || !runs.every(isEnded)) return out;
  const scored = runs.filter((r) => r.last && Number.isFinite(r.last.testLoss));
  if (scored.length < 2) return out;
  const losses = scored.map((r) => r.last!.testLoss);
  const hi = Math.max(...losses);
  const lo = Math.min(...losses);
  if (hi - lo <= 1e-3 * Math.max(1, Math.abs(lo))) return out;
  const accuracy = (r: (typeof scored)[number]) => r.last!.testAccuracy;
  const withAccuracy = scored.every((r) => Number.isFinite(accuracy(r)));
  const lowestAccuracy = Math.min(...scored.map((r) => accuracy(r) ?? Infinity));
  for (const r of scored) {
    if (r.last!.testLoss !== hi) continue;
    if (withAccuracy && accuracy(r)! > lowestAccuracy) continue;
    out.add(r.id);
  }
  return out;
}
