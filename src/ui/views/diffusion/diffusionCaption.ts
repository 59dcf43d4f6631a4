/**
 * The diffusion result in words, every statement computed from the numbers on screen: the
 * two fits' R² and the local exponent p(t) over the fit range. Log growth is claimed only
 * when both agree (a clear R² gap and a p(t) that falls), and always with its conditions.
 */
import { localExponentEnds } from '../../../engine/stats';
import { formatCount, formatNumber } from '../../format';
import { ratioText } from '../viewFormat';
import type { ViewCurve } from './diffusionPlan';

/** An R² difference this large is a decision, not noise (the issue's "clearly lower"). */
export const DECISIVE_R2_GAP = 0.02;
/** p(t) falling by this factor over the fit range is log-like; a power law keeps it constant. */
export const LOG_FALL = 1.5;
/** p(t) within ±20% of its own start counts as constant (a power law). */
const CONSTANT_FALL = 1.2;
/** A walk whose p(t) ends below this has all but stopped (D grows < 12% per decade). */
export const TRAPPED_P = 0.05;
/** A flat baseline within ½ ± this is a free random walk, D ∝ √t. */
export const FREE_WALK_TOL = 0.05;

export type DiffusionVerdict = 'log' | 'log-unresolved' | 'power' | 'trapped' | 'unclear' | 'short';

export interface CurveReading {
  verdict: DiffusionVerdict;
  /** log R² − power R² over the fit range. */
  gap: number;
  /** First and last defined p(t) in the fit range (null: the range is too short for p(t)). */
  ends: ReturnType<typeof localExponentEnds>;
  /** first p / last p. */
  fall: number | null;
  /** Smallest and largest p(t) in the fit range. */
  pRange: [number, number] | null;
}

export function readCurve(c: ViewCurve, fitRange: readonly [number, number]): CurveReading {
  const gap = c.logFit.r2 - c.powerFit.r2;
  const ends = localExponentEnds(c.t, c.localExponent, fitRange);
  const inRange = c.localExponent.filter(
    (p, i): p is number => p !== null && c.t[i]! >= fitRange[0] && c.t[i]! <= fitRange[1],
  );
  const pRange: [number, number] | null = inRange.length
    ? [Math.min(...inRange), Math.max(...inRange)]
    : null;
  if (!ends) return { verdict: 'short', gap, ends, fall: null, pRange };
  const fall = ends.last.p > 0 ? ends.first.p / ends.last.p : Infinity;
  let verdict: DiffusionVerdict;
  if (ends.last.p < TRAPPED_P) verdict = 'trapped';
  else if (fall >= LOG_FALL) verdict = gap >= DECISIVE_R2_GAP ? 'log' : 'log-unresolved';
  else if (fall <= CONSTANT_FALL && fall >= 1 / CONSTANT_FALL && -gap >= DECISIVE_R2_GAP)
    verdict = 'power';
  else verdict = 'unclear';
  return { verdict, gap, ends, fall, pRange };
}

const f2 = (v: number) => formatNumber(v, 2);
/** Exponents to two decimals, so ½ reads 0.50 and a stopped walk 0.00 (not 4e-9). */
const fp = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));
/** R² to three decimals: the laws differ in the second or third, which two digits would hide. */
const fr = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const r2 = (c: ViewCurve) =>
  `R² ${fr(c.logFit.r2)} for a·ln t + b against ${fr(c.powerFit.r2)} for c·t^p`;
const fallText = (r: CurveReading) =>
  `${ratioText(r.ends!.last.p, r.ends!.first.p) ?? `${f2(r.fall!)}×`} (${fp(r.ends!.first.p)} at t = ${formatCount(r.ends!.first.t)} → ${fp(r.ends!.last.p)} at t = ${formatCount(r.ends!.last.t)})`;

function clause(c: ViewCurve, r: CurveReading): string {
  switch (r.verdict) {
    case 'log':
      return `${c.label} grows like log t: ${r2(c)}, and p(t) falls ${fallText(r)}, where a power law would keep it constant`;
    case 'log-unresolved':
      return `${c.label} slows down like log t — p(t) falls ${fallText(r)} — but the fits cannot separate the laws (${r2(c)})`;
    case 'power':
      return `${c.label} grows like a power law t^${f2(c.powerFit.p)}: p(t) stays within ${fp(r.pRange![0])}–${fp(r.pRange![1])} and ${r2(c)}`;
    case 'trapped':
      return `${c.label} is trapped: p(t) is down to ${fp(r.ends!.last.p)} at t = ${formatCount(r.ends!.last.t)}, its distance all but constant at ${formatNumber(c.mean[c.mean.length - 1])}`;
    case 'unclear':
      return `${c.label} shows neither law clearly (${r2(c)}; p(t) ${fp(r.ends!.first.p)} → ${fp(r.ends!.last.p)})`;
    case 'short':
      return `${c.label}: ${r2(c)}; the fit range is too short for p(t), which needs half a decade either side`;
  }
}

/** The flat baselines together: a power law with p ≈ ½, i.e. a free random walk? */
function flatSentence(flat: readonly ViewCurve[], fitRange: readonly [number, number]): string {
  const read = flat.map((c) => ({ c, r: readCurve(c, fitRange) }));
  const ranges = read.map(({ r }) => r.pRange).filter((r) => r !== null);
  if (ranges.length === 0) return '';
  const lo = Math.min(...ranges.map((r) => r[0]));
  const hi = Math.max(...ranges.map((r) => r[1]));
  const span = `${fp(lo)}–${fp(hi)}`;
  const powerLaw = read.every(({ r }) => r.verdict === 'power');
  const halfExponent = flat.every((c) => Math.abs(c.powerFit.p - 0.5) <= FREE_WALK_TOL);
  const steady = lo >= 0.5 - FREE_WALK_TOL && hi <= 0.5 + FREE_WALK_TOL;
  const ps = flat.map((c) => c.powerFit.p);
  const fit =
    flat.length === 1
      ? `c·t^p fits with p = ${fp(ps[0]!)} (R² ${fr(flat[0]!.powerFit.r2)} against ${fr(flat[0]!.logFit.r2)} for a·ln t + b)`
      : `c·t^p fits all ${flat.length} curves with p = ${fp(Math.min(...ps))}–${fp(Math.max(...ps))}`;
  const lead = `On the flat baseline (no potential, the same noise) ${fit}`;
  if (powerLaw && halfExponent && steady)
    return `${lead}, and p(t) stays within ${span}: a free random walk, D ∝ √t.`;
  if (powerLaw && halfExponent)
    return `${lead}, but p(t) wobbles over ${span}, more than ±${FREE_WALK_TOL} around ½.`;
  if (powerLaw)
    return `${lead}, and p(t) stays within ${span}: a power law, but not the ½ of a free random walk.`;
  return `${lead}, and p(t) ranges over ${span}: not clearly a power law.`;
}

export function diffusionCaption(
  curves: readonly ViewCurve[],
  fitRange: readonly [number, number],
): string {
  const rough = curves.filter((c) => !c.flat);
  const flat = curves.filter((c) => c.flat);
  const where = `over t = ${formatCount(fitRange[0])} … ${formatCount(fitRange[1])}`;
  const readings = rough.map((c) => readCurve(c, fitRange));
  const parts: string[] = [];
  if (rough.length)
    parts.push(
      `On the random potential ${where}, ${rough.map((c, i) => clause(c, readings[i]!)).join('; ')}.`,
    );
  if (flat.length) parts.push(flatSentence(flat, fitRange));
  // Same learning rate, smallest vs largest batch: the distance each got in the same steps.
  if (rough.length > 1) {
    const a = rough[0]!;
    const b = rough[rough.length - 1]!;
    const da = a.mean[a.mean.length - 1] ?? NaN;
    const db = b.mean[b.mean.length - 1] ?? NaN;
    const r = ratioText(Math.min(da, db), Math.max(da, db));
    if (r)
      parts.push(
        `After ${formatCount(a.t[a.t.length - 1] ?? NaN)} steps ${da >= db ? a.label : b.label} is ${r} as far from its start as ${da >= db ? b.label : a.label}.`,
      );
  }
  if (readings.some((r) => r.verdict === 'log' || r.verdict === 'log-unresolved'))
    parts.push(
      'Log growth is a property of this potential, whose roughness grows with distance over a set range of scales, and of this noise level (η, B): not a law of SGD in general.',
    );
  const div = curves.reduce((s, c) => s + c.diverged, 0);
  if (div) parts.push(`${div} run${div === 1 ? '' : 's'} diverged.`);
  return parts.filter(Boolean).join(' ');
}
