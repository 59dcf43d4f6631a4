/**
 * Keskar's line on the network, in words: the two ends (they are the trained networks
 * themselves), the highest test loss strictly between them (a barrier, or none), and the
 * condition under which the extrapolated parts mean anything.
 */
import type { KeskarResult } from '../../../engine/ensemble';
import { formatNumber } from '../../format';

export function lineCaption(
  r: KeskarResult,
  spec: { small: number; large: number; base: { network?: { batchNorm: boolean } | null } },
): string {
  const i0 = r.alpha.indexOf(0);
  const i1 = r.alpha.indexOf(1);
  if (i0 < 0 || i1 < 0) return '';
  const acc = (a: number[] | undefined, i: number) =>
    a ? `, test accuracy ${formatNumber(a[i]!, 3)}` : '';
  const end = (name: string, i: number) =>
    `${name}: train loss ${formatNumber(r.train[i]!)}, test loss ${formatNumber(r.test[i]!)}${acc(r.testAccuracy, i)}`;
  let text = `${end(`α = 0, B = ${spec.small}`, i0)}; ${end(`α = 1, B = ${spec.large}`, i1)}.`;
  let peak = -1;
  for (let i = i0 + 1; i < i1; i++) if (peak < 0 || r.test[i]! > r.test[peak]!) peak = i;
  const higherEnd = Math.max(r.test[i0]!, r.test[i1]!);
  if (peak >= 0 && r.test[peak]! > higherEnd)
    text += ` Between them the test loss rises to ${formatNumber(r.test[peak]!)} (α = ${formatNumber(r.alpha[peak]!, 2)}): a barrier of ${formatNumber(r.test[peak]! - higherEnd)} above the higher end.`;
  else if (peak >= 0)
    text += ' Between them the test loss stays below the higher end: no barrier on this line.';
  if (spec.base.network?.batchNorm)
    text +=
      ' BatchNorm running statistics are interpolated with the weights; outside 0 ≤ α ≤ 1 a variance extrapolated below 0 is treated as 0, which by itself can make the loss jump there.';
  return text;
}
