/** Keskar's result in words: where the two runs ended, their sharpness, and the ensemble's count. */
import type { KeskarResult } from '../../../engine/ensemble';
import { formatNumber } from '../../format';
import { basinWords } from './keskarPlan';

export function keskarCaption(rs: readonly KeskarResult[], small: number, large: number): string {
  const r = rs[0];
  if (!r) return '';
  const phiS = r.small.sharpness;
  const phiL = r.large.sharpness;
  const hasBasins = r.small.basin !== null || r.large.basin !== null;
  const where = hasBasins
    ? r.small.basin === r.large.basin
      ? `both end in ${basinWords(r.small.basin)}`
      : `B = ${small} ends in ${basinWords(r.small.basin)}, B = ${large} in ${basinWords(r.large.basin)}`
    : `the two end ${formatNumber(Math.hypot(r.small.end[0] - r.large.end[0], r.small.end[1] - r.large.end[1]))} apart`;
  let text = `Seed ${r.seed}: ${where}; ε-sharpness φ = ${formatNumber(phiS)} (small) vs ${formatNumber(phiL)} (large).`;
  if (rs.length > 1) {
    const sharper = rs.filter(
      (x) => (x.large.sharpness ?? NaN) > (x.small.sharpness ?? NaN),
    ).length;
    text += ` Over ${rs.length} seeds the large-batch end point is the sharper one in ${sharper}.`;
  }
  return text;
}
