/**
 * The network lab's end-of-run caption, from the numbers on screen: each run's test
 * accuracy and loss, then which run generalises worse and whether it fits its (noisy) train
 * labels better or worse, and how much sharper it ends. One seed per run: the caption says
 * what these runs did, not what every seed does (the README's ensembles measure that).
 */
import { formatNumber } from '../format';
import type { RunOutcome } from './outcome';

const num = (v: number | null | undefined) => formatNumber(v ?? null);

export function networkEndClause(r: RunOutcome): string {
  const m = r.last;
  if (!m || m.testAccuracy === null) return `${r.label} ended`;
  return `${r.label}: test acc. ${num(m.testAccuracy)} (loss ${num(m.testLoss)})`;
}

export function networkLesson(runs: readonly RunOutcome[]): string[] {
  const done = runs.filter((r) => r.state === 'done' && r.last?.testAccuracy != null);
  if (done.length < 2) return [];
  const acc = (r: RunOutcome) => r.last!.testAccuracy!;
  const sorted = [...done].sort((a, b) => acc(a) - acc(b));
  const worst = sorted[0]!;
  const best = sorted[sorted.length - 1]!;
  if (acc(worst) === acc(best))
    return [`All runs end with the same test accuracy (${num(acc(best))}).`];
  const w = worst.last!;
  const b = best.last!;
  const parts = [
    `${worst.label} ends with the lower test accuracy (${num(acc(worst))} vs ${num(acc(best))} for ${best.label})`,
  ];
  if (w.testLoss > b.testLoss)
    parts.push(`and the higher test loss (${num(w.testLoss)} vs ${num(b.testLoss)})`);
  else parts.push(`though not the higher test loss (${num(w.testLoss)} vs ${num(b.testLoss)})`);
  const sentences = [`${parts.join(' ')}.`];
  if (w.trainAccuracy !== null && b.trainAccuracy !== null && w.trainAccuracy !== b.trainAccuracy) {
    const fits = w.trainAccuracy > b.trainAccuracy;
    sentences.push(
      `It fits the noisy train labels ${fits ? 'better' : 'worse'} (train acc. ${num(w.trainAccuracy)} vs ${num(b.trainAccuracy)})${fits ? ': memorising flipped labels rather than learning the task' : ''}.`,
    );
  }
  if (w.lambdaMax !== null && b.lambdaMax !== null && b.lambdaMax > 0 && w.lambdaMax > b.lambdaMax)
    sentences.push(
      `Its end point is ${num(w.lambdaMax / b.lambdaMax)}× sharper (λ_max ${num(w.lambdaMax)} vs ${num(b.lambdaMax)}).`,
    );
  sentences.push('One seed each — the README’s 20-seed ensembles say how often.');
  return sentences;
}
