/**
 * The N-D quadratic's lesson, computed from each run's own numbers: gradient descent on
 * curvature λ multiplies the error along that direction by (1 − ηλ) per step, so it is
 * stable only while η·λ_max < 2 (DESIGN §5). Uses the learning rate of the run's last step
 * and the λ_max measured at its end.
 */
import { formatNumber } from '../format';
import type { RunOutcome } from './outcome';

const num = (v: number) => formatNumber(v);

interface Stability {
  r: RunOutcome;
  lr: number;
  lambdaMax: number;
  product: number;
}

function stabilityOf(r: RunOutcome): Stability | null {
  const lambdaMax = r.last?.lambdaMax;
  if (lambdaMax === null || lambdaMax === undefined || !(lambdaMax > 0) || !(r.lr > 0)) return null;
  return { r, lr: r.lr, lambdaMax, product: r.lr * lambdaMax };
}

function clause(s: Stability): string {
  const factor = Math.abs(1 - s.product);
  const critical = 2 / s.lambdaMax;
  const eq = `η·λ_max = ${num(s.lr)} × ${num(s.lambdaMax)} = ${num(s.product)}`;
  if (s.product < 2)
    return `${eq} < 2 (the limit is η = 2/λ_max = ${num(critical)}): along the sharpest direction each step multiplies the error by |1 − η·λ_max| = ${num(factor)}, so it shrinks`;
  return `${eq} > 2: along the sharpest direction each step multiplies the error by |1 − η·λ_max| = ${num(factor)}, so it grows instead of shrinking — lower η below 2/λ_max = ${num(critical)}`;
}

export function stabilityLesson(runs: readonly RunOutcome[]): string[] {
  const all = runs.map(stabilityOf).filter((s): s is Stability => s !== null);
  if (all.length === 0) return [];
  const same = all.every(
    (s) => s.lr === all[0]!.lr && Math.abs(s.lambdaMax - all[0]!.lambdaMax) <= 1e-6 * s.lambdaMax,
  );
  const verdict = (s: Stability) => (s.product < 2 ? 'Stable' : 'Unstable');
  if (same && all.length === runs.length) {
    const s = all[0]!;
    const who = runs.length > 1 ? ' for every run' : '';
    return [`${verdict(s)}${who}: ${clause(s)}.`];
  }
  return all.map((s) => `${s.r.label}: ${verdict(s).toLowerCase()}, ${clause(s)}.`);
}
