/**
 * The explorer's plain-language caption. While runs go it says what to watch; when they
 * end it says where each ended and draws the lesson from the numbers on screen — and when
 * the numbers do not show the lesson (same basin, sharp minimum better on test, a run on
 * a rim or diverged), it says that instead, with the reason.
 */
import type { LandscapeConfig, PresetId } from '../../engine/config';
import type { Basin } from '../../engine/objectives/types';
import type { CompareField } from '../../state/configStore';
import { formatCount, formatNumber } from '../format';
import type { RunOutcome } from './outcome';
import { instabilityText } from './stability';
import { endsAtSaddle, saddleLesson } from './saddleTime';
import { stabilityLesson } from './stabilityLesson';
import { networkEndClause, networkLesson } from './networkLesson';

export interface CaptionContext {
  preset: PresetId;
  /** The setting the runs differ in (the comparison). */
  compareField: CompareField;
  landscape: LandscapeConfig;
  /** Named basins of the train surface (from the surface reply). */
  basins: readonly Basin[];
  /** Named saddle points with their "near" radius (from the surface reply). */
  saddles?: readonly Basin[];
}

const BASIN_WORDS: Record<string, string> = {
  sharp: 'the sharp minimum',
  flat: 'the flat minimum',
  left: 'the left basin',
  right: 'the right basin',
};
const basinWords = (id: string) => BASIN_WORDS[id] ?? `the ${id} basin`;
const num = (v: number | null) => formatNumber(v);

const RUNNING: Record<PresetId, string> = {
  'sharp-flat':
    'Same start, same data: a small batch (noisy steps) races a large batch. Drag the batch size and watch where each one settles.',
  bowl: 'A convex bowl: a bigger batch only means less noise on the way to the one minimum. Watch the paths wobble.',
  saddle:
    'Starting above a saddle between two basins: watch how long each run stays inside the circle around the saddle point.',
  'random-potential':
    'A rough random landscape whose bumps grow with distance: with a small batch SGD wanders off, its distance from the start growing only like log t (the Diffusion tab measures it); with a large one it may stay trapped.',
  mlp: 'A small neural network learning to classify 2-D points: each run trains the same network from the same initial weights. Watch each decision boundary form; compare test accuracy at the end.',
  'quadratic-nd':
    'A many-dimensional quadratic seen through a 2-D slice: raise the learning rate past 2/λ_max and it diverges.',
  custom:
    'Your own landscape f(x, y), with the same per-sample noise and train/test shift as the built-in ones: compare where each run ends and its test loss there.',
};

const FIELD_WORDS: Record<CompareField, string> = {
  batch: 'the batch size',
  lr: 'the learning rate',
  optimizer: 'the optimizer',
  regimeAdaptation: 'regime adaptation',
  seed: 'the seed',
};

const isEnded = (r: RunOutcome) => r.state === 'done' || r.state === 'diverged';

export function explorerCaption(ctx: CaptionContext, runs: readonly RunOutcome[]): string {
  if (runs.length === 0 || !runs.every(isEnded)) {
    // Instability is flagged as it happens, not only at the end.
    const live = runs
      .filter((r) => r.state !== 'diverged' && r.instability)
      .map((r) => instabilityText(r.label, r.instability!, false));
    return [RUNNING[ctx.preset], ...live].join(' ');
  }
  const clauses = runs.map((r) => endClause(ctx, r));
  const settled = runs.filter((r) => !r.instability);
  const lessons = [
    ...runs.filter((r) => r.state === 'diverged').map(divergedText),
    // quadratic-nd's stability lesson states η·λ_max against 2 for every run.
    ...(ctx.preset === 'quadratic-nd' ? [] : runs)
      .filter((r) => r.state === 'done' && r.instability)
      .map((r) => instabilityText(r.label, r.instability!, true)),
    ...basinLesson(ctx, settled),
    ...saddleLesson(ctx.saddles ?? [], settled),
    ...(ctx.preset === 'quadratic-nd' ? stabilityLesson(runs) : []),
    ...(ctx.preset === 'random-potential' ? distanceLesson(settled) : []),
    ...(ctx.preset === 'mlp' ? networkLesson(settled) : []),
    ...settled.map((r) => betweenText(ctx, r)).filter((t): t is string => t !== null),
    // The negative-gap story is the landscapes' shifted surface; a network's train labels
    // are noisy and its test labels clean, which the network lesson covers.
    ...(ctx.preset === 'mlp' ? [] : settled.map(negativeGapText)).filter(
      (t): t is string => t !== null,
    ),
  ];
  return `${clauses.join(' · ')}.${lessons.length ? ' ' + lessons.join(' ') : ''}`;
}

function endClause(ctx: CaptionContext, r: RunOutcome): string {
  if (r.state === 'diverged') return `${r.label} diverged`;
  if (ctx.preset === 'mlp' && !r.instability) return networkEndClause(r);
  const m = r.last;
  if (!m) return `${r.label} ended`;
  const test = `test ${num(m.testLoss)}`;
  if (r.instability) return `${r.label} ended unstable (${test})`;
  if (ctx.basins.length === 0) return `${r.label}: train ${num(m.trainLoss)}, ${test}`;
  const where = m.basin
    ? `in ${basinWords(m.basin)}`
    : endsAtSaddle(ctx.saddles ?? [], r)
      ? 'at the saddle point'
      : 'between basins';
  return `${r.label} ended ${where} (${test})`;
}

function divergedText(r: RunOutcome): string {
  const at = r.divergedAt !== null ? ` at step ${formatCount(r.divergedAt)}` : '';
  const i = r.instability;
  const why =
    i?.overBound && i.etaLambda !== null
      ? ` (η·λ_max = ${num(i.etaLambda)} > ${num(i.bound)} at its last measured point)`
      : '';
  const fix =
    i?.safeLr != null
      ? `lower its learning rate below ${num(i.safeLr)}`
      : `lower its learning rate (η = ${num(r.lr)})`;
  return `${r.label} diverged${at}: its steps overshot and grew without bound${why} — ${fix}.`;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Sharp vs flat, or "all in one basin", from the runs that ended in a named basin. */
function basinLesson(ctx: CaptionContext, runs: readonly RunOutcome[]): string[] {
  if (ctx.basins.length === 0) return [];
  const done = runs.filter((r) => r.state === 'done' && r.last);
  const inBasin = done.filter((r) => r.last!.basin);
  const ids = [...new Set(inBasin.map((r) => r.last!.basin!))];
  if (ids.length === 1 && inBasin.length >= 2 && inBasin.length === done.length)
    return [
      `All runs ended in ${basinWords(ids[0]!)}: at these settings ${FIELD_WORDS[ctx.compareField]} did not change where they landed.`,
    ];
  const sharp = inBasin.filter((r) => r.last!.basin === 'sharp');
  const flat = inBasin.filter((r) => r.last!.basin === 'flat');
  if (sharp.length === 0 || flat.length === 0) return [];
  const st = mean(sharp.map((r) => r.last!.trainLoss));
  const ft = mean(flat.map((r) => r.last!.trainLoss));
  const sT = mean(sharp.map((r) => r.last!.testLoss));
  const fT = mean(flat.map((r) => r.last!.testLoss));
  const l = ctx.landscape;
  const shift = Math.hypot(l.shift[0] ?? 0, l.shift[1] ?? l.shift[0] ?? 0);
  const width = Math.hypot(l.sharpRadius, l.spread);
  const why = `the test surface is shifted by |δ| = ${num(shift)}, ${shift > width ? 'more' : 'less'} than the sharp basin's width √(r² + s²) = ${num(width)}`;
  const trainPart =
    st < ft
      ? `looks better on train (${num(st)} vs ${num(ft)})`
      : `is not better on train here (${num(st)} vs ${num(ft)})`;
  if (sT > fT)
    return [
      `The sharp minimum ${trainPart} but is worse on test (${num(sT)} vs ${num(fT)}): ${why}.`,
    ];
  return [
    `Here the sharp minimum is better on test too (${num(sT)} vs ${num(fT)}): ${why}, so the test surface still has a deep well there. A larger shift makes it pay.`,
  ];
}

/** A run that ended outside every basin: where it is, and why it did not settle. */
function betweenText(ctx: CaptionContext, r: RunOutcome): string | null {
  const m = r.last;
  if (r.state !== 'done' || !m || m.basin || ctx.basins.length === 0) return null;
  // At the saddle point itself: the saddle lesson says so, with its numbers.
  if (endsAtSaddle(ctx.saddles ?? [], r)) return null;
  const near = r.end ? nearestBasin(ctx.basins, r.end) : null;
  const lmin = m.lambdaMin;
  const slope =
    lmin !== null && lmin < 0 ? ` (λ_min = ${num(lmin)} < 0: a slope, not a minimum)` : '';
  const where =
    near && near.inside
      ? `on the rim of ${basinWords(near.basin.id)}${slope}`
      : `on a slope or saddle${slope}`;
  const share = near ? (r.basinShare[near.basin.id] ?? 0) : 0;
  const spent =
    near && near.inside && share >= 0.05
      ? `, after ${Math.round(100 * share)}% of its measurements inside it`
      : '';
  const edge = m.lambdaMax !== null ? r.lr * m.lambdaMax : null;
  let why: string;
  if (edge !== null && edge >= 1.8)
    why = `it bounces at the edge of stability (η·λ_max = ${num(edge)}, near 2)`;
  else if (m.noiseScale > 0)
    why =
      'its minibatch noise keeps knocking it off the narrow well, yet is too weak to carry it elsewhere';
  else why = `it has not settled yet (gradient norm ${num(m.gradNorm)})`;
  return `${r.label} is ${where}${spent}: ${why}.`;
}

function nearestBasin(
  basins: readonly Basin[],
  p: [number, number],
): { basin: Basin; inside: boolean } | null {
  let best: { basin: Basin; d: number } | null = null;
  for (const b of basins) {
    const d = Math.hypot(p[0] - (b.center[0] ?? 0), p[1] - (b.center[1] ?? 0));
    if (!best || d < best.d) best = { basin: b, d };
  }
  return best ? { basin: best.basin, inside: best.d <= best.basin.radius } : null;
}

/** Random potential: how far each run got (its story is distance, not where it ended). */
function distanceLesson(runs: readonly RunOutcome[]): string[] {
  const measured = runs.filter((r) => r.state === 'done' && r.last);
  if (measured.length === 0) return [];
  const parts = measured.map(
    (r) => `${r.label} ${num(r.last!.distance)} after ${formatCount(r.last!.step)} steps`,
  );
  return [
    `Distance from the start: ${parts.join(', ')}. The ‖w − w₀‖ chart (log t) shows how its growth slows; the Diffusion tab averages it over many landscapes and fits log t against a power law.`,
  ];
}

function negativeGapText(r: RunOutcome): string | null {
  const m = r.last;
  if (r.state !== 'done' || !m || !(m.gap < -1e-3)) return null;
  return `${r.label}'s gap is negative (${num(m.gap)}): its end point happens to sit lower on the test surface than on the train surface — the test surface is the train surface moved by δ, so a point beside a minimum can fall into the test surface's copy of it.`;
}
