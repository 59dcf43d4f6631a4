/** The diffusion result in words: which law fits better, and how far each batch size got. */
import { formatCount, formatNumber } from '../../format';
import { ratioText } from '../viewFormat';
import type { ViewCurve } from './diffusionPlan';

function verdict(curves: readonly ViewCurve[], where: string): string {
  if (curves.length === 0) return '';
  const logWins = curves.filter((c) => c.logFit.r2 > c.powerFit.r2).length;
  const ex = curves[0]!;
  const r2 = `R² ${formatNumber(ex.logFit.r2, 2)} vs ${formatNumber(ex.powerFit.r2, 2)} for ${ex.label}`;
  const meanP = curves.reduce((s, c) => s + c.powerFit.p, 0) / curves.length;
  const all = curves.length === 1 ? 'the one curve' : `all ${curves.length} curves`;
  if (logWins === curves.length)
    return `${where} a·ln t + b fits better than a power law for ${all} (${r2})`;
  if (logWins === 0)
    return `${where} the power law c·t^p fits better for ${all} (mean p = ${formatNumber(meanP, 2)}; ${r2})`;
  return `${where} a·ln t + b fits better for ${logWins} of ${curves.length} curves (${r2})`;
}

export function diffusionCaption(curves: readonly ViewCurve[]): string {
  const rough = curves.filter((c) => !c.flat);
  const flat = curves.filter((c) => c.flat);
  const parts = [verdict(rough, 'On the random potential,')];
  if (flat.length) parts.push(verdict(flat, 'on the flat baseline'));
  let text = parts.filter(Boolean).join('; ') + '.';
  // Same learning rate, smallest vs largest batch: the distance each got in the same steps.
  if (rough.length > 1) {
    const a = rough[0]!;
    const b = rough[rough.length - 1]!;
    const da = a.mean[a.mean.length - 1] ?? NaN;
    const db = b.mean[b.mean.length - 1] ?? NaN;
    const r = ratioText(Math.min(da, db), Math.max(da, db));
    if (r)
      text += ` After ${formatCount(a.t[a.t.length - 1] ?? NaN)} steps ${da >= db ? a.label : b.label} is ${r} as far from its start as ${da >= db ? b.label : a.label}.`;
  }
  const div = curves.reduce((s, c) => s + c.diverged, 0);
  if (div) text += ` ${div} run${div === 1 ? '' : 's'} diverged.`;
  return text;
}
