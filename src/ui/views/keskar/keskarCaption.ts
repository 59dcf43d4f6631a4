/**
 * Keskar's result in words: where the two runs ended, what each scores on train and test,
 * their sharpness, and over several seeds how often the large batch's end point is the
 * sharper one and the worse one on test.
 */
import type { EndpointResult, KeskarResult } from '../../../engine/ensemble';
import { formatNumber } from '../../format';
import { basinWords } from './keskarPlan';

const losses = (e: EndpointResult) =>
  `train ${formatNumber(e.trainLoss)}, test ${formatNumber(e.testLoss)}`;

export function keskarCaption(rs: readonly KeskarResult[], small: number, large: number): string {
  const r = rs[0];
  if (!r) return '';
  const phiS = r.small.sharpness;
  const phiL = r.large.sharpness;
  const hasBasins = r.small.basin !== null || r.large.basin !== null;
  const sameBasin = hasBasins && r.small.basin === r.large.basin;
  const where = sameBasin
    ? `both end in ${basinWords(r.small.basin)} (B = ${small}: ${losses(r.small)}; B = ${large}: ${losses(r.large)})`
    : hasBasins
      ? `B = ${small} ends in ${basinWords(r.small.basin)} (${losses(r.small)}), B = ${large} in ${basinWords(r.large.basin)} (${losses(r.large)})`
      : `the two end ${formatNumber(Math.hypot(r.small.end[0] - r.large.end[0], r.small.end[1] - r.large.end[1]))} apart (B = ${small}: ${losses(r.small)}; B = ${large}: ${losses(r.large)})`;
  let text = `Seed ${r.seed}: ${where}; ε-sharpness φ = ${formatNumber(phiS)} (small) vs ${formatNumber(phiL)} (large).`;
  const verdict =
    r.large.testLoss > r.small.testLoss
      ? r.large.trainLoss < r.small.trainLoss
        ? ` The large batch's end point is lower on train but higher on test.`
        : ` The large batch's end point is higher on test.`
      : r.large.testLoss < r.small.testLoss
        ? ` Here the large batch's end point is lower on test too.`
        : '';
  text += verdict;
  if (rs.length > 1) {
    const sharper = rs.filter(
      (x) => (x.large.sharpness ?? NaN) > (x.small.sharpness ?? NaN),
    ).length;
    const worse = rs.filter((x) => x.large.testLoss > x.small.testLoss).length;
    text += ` Over ${rs.length} seeds the large-batch end point is the sharper one in ${sharper} and the worse one on test in ${worse}.`;
  }
  return text;
}
