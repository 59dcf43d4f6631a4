import { describe, expect, it } from 'vitest';
import type { KeskarResult, EndpointResult } from '../../engine/ensemble';
import {
  DECISIVE_R2_GAP,
  FREE_WALK_TOL,
  LOG_FALL,
  TRAPPED_P,
  diffusionCaption,
  readCurve,
} from './diffusion/diffusionCaption';
import type { ViewCurve } from './diffusion/diffusionPlan';
import { localExponent, logSpacedInts } from '../../engine/stats';
import { diffusionFits } from '../../engine/sweep';
import { keskarCaption } from './keskar/keskarCaption';
import { stabilityCaption } from './stability/stabilityCaption';
import { logSpaced, summarizeStability, type StabilityViewSpec } from './stability/stabilityPlan';
import { niceLogTicks } from './charts/ticks';
import { formatSummary } from './viewFormat';

const s = (mean: number, ci95: number | null = null) => ({ mean, ci95 });
describe('diffusion caption', () => {
  // Samples as the view takes them (8 per decade, 1 … 20k), fitted over 20 … 20k.
  const t = logSpacedInts(1, 20000, 8);
  const range: [number, number] = [20, 20000];
  /** A curve whose mean distance follows `law`, with the fits and p(t) of those numbers. */
  const curve = (label: string, flat: boolean, law: (x: number) => number, diverged = 0) => {
    const mean = t.map(law);
    const { logFit, powerFit } = diffusionFits(t, mean, range);
    return {
      label,
      flat,
      t,
      mean,
      sd: mean.map(() => 0),
      lo: mean,
      hi: mean,
      logFit,
      powerFit,
      localExponent: localExponent(t, mean),
      diverged,
    } satisfies ViewCurve;
  };
  const logLaw = (x: number) => 7 * Math.log(x);
  const sqrtLaw = (x: number) => 0.9 * Math.sqrt(x);
  // Grows, then stops: D = 10·(1 − e^{−t/100}) + 1.
  const trappedLaw = (x: number) => 11 - 10 * Math.exp(-x / 100);

  it('log growth: both fits and p(t) agree, with the conditions; √t on the flat baseline', () => {
    const text = diffusionCaption(
      [
        curve('B = 1', false, logLaw),
        curve('B = 16', false, trappedLaw),
        curve('B = 1 (flat)', true, sqrtLaw),
        curve('B = 16 (flat)', true, (x) => 0.5 * Math.sqrt(x)),
      ],
      range,
    );
    expect(text).toBe(
      'On the random potential over t = 20 … 20k, B = 1 grows like log t: R² 1.000 for a·ln t + b against 0.975 for c·t^p, ' +
        'and p(t) falls 2.7× (0.31 at t = 24 → 0.12 at t = 5623), where a power law would keep it constant; ' +
        'B = 16 is trapped: p(t) is down to 0.00 at t = 5623, its distance all but constant at 11. ' +
        'On the flat baseline (no potential, the same noise) c·t^p fits all 2 curves with p = 0.50–0.50, and p(t) stays within 0.50–0.50: a free random walk, D ∝ √t. ' +
        'After 20k steps B = 1 is 6.3× as far from its start as B = 16. ' +
        'Log growth is a property of this potential, whose roughness grows with distance over a set range of scales, and of this noise level (η, B): not a law of SGD in general.',
    );
  });

  it('a power law is called one, and no log claim or conditions appear', () => {
    const text = diffusionCaption([curve('B = 1', false, (x) => 2 * x ** 0.3)], range);
    expect(text).toBe(
      'On the random potential over t = 20 … 20k, B = 1 grows like a power law t^0.3: p(t) stays within 0.30–0.30 and R² 0.934 for a·ln t + b against 1.000 for c·t^p.',
    );
  });

  it('p(t) falls but the fits tie: says the fits cannot separate the laws', () => {
    // Log growth with a large offset: D barely changes relative to itself, so both fits are
    // near-perfect, yet p(t) = a/D still falls.
    const c = curve('B = 4', false, (x) => 7 * Math.log(x) + 10);
    expect(c.logFit.r2 - c.powerFit.r2).toBeLessThan(DECISIVE_R2_GAP);
    expect(readCurve(c, range).verdict).toBe('log-unresolved');
    expect(diffusionCaption([c], range)).toMatch(
      /^On the random potential over t = 20 … 20k, B = 4 slows down like log t — p\(t\) falls 2\.1× \(0\.21 at t = 24 → 0\.10 at t = 5623\) — but the fits cannot separate the laws \(R² 1\.000 for a·ln t \+ b against 0\.98\d for c·t\^p\)\. Log growth is a property/,
    );
  });

  it('neither law: noisy numbers give "unclear", and a flat baseline off ½ says so', () => {
    // Power-law growth with a wiggle: p(t) neither constant nor falling 1.5×.
    const wiggle = (x: number) => x ** 0.4 * (1 + 0.25 * Math.sin(Math.log(x)));
    const text = diffusionCaption(
      [curve('B = 1', false, wiggle), curve('B = 1 (flat)', true, (x) => x ** 0.35)],
      range,
    );
    expect(text).toMatch(
      /^On the random potential over t = 20 … 20k, B = 1 shows neither law clearly \(R² .*; p\(t\) .* → .*\)\. /,
    );
    expect(text).toMatch(
      /On the flat baseline \(no potential, the same noise\) c·t\^p fits with p = 0\.35 \(R² 1\.000 against 0\.\d{3} for a·ln t \+ b\), and p\(t\) stays within 0\.35–0\.35: a power law, but not the ½ of a free random walk\.$/,
    );
    // A baseline at p ≈ ½ whose p(t) wobbles is not called a free walk either.
    const wobbly = diffusionCaption(
      [curve('B = 1 (flat)', true, (x) => x ** 0.5 * (1 + 0.3 * Math.sin(Math.log(x))))],
      range,
    );
    expect(wobbly).toMatch(/and p\(t\) ranges over .*: not clearly a power law\.$/);
    // √t with a small wobble: p = ½ and steady ends, but p(t) leaves ½ ± 0.05 in between.
    const noisy = curve('B = 1 (flat)', true, (x) => x ** 0.5 * (1 + 0.1 * Math.sin(Math.log(x))));
    expect(readCurve(noisy, range).verdict).toBe('power');
    expect(diffusionCaption([noisy], range)).toMatch(
      /c·t\^p fits with p = 0\.\d\d .*, but p\(t\) wobbles over 0\.\d\d–0\.\d\d, more than ±0\.05 around ½\.$/,
    );
    expect(text).not.toMatch(/Log growth is/);
  });

  it('a fit range too short for p(t), divergences, and a single flat curve', () => {
    // p(t) needs half a decade either side: none exists past 20k/√10 ≈ 6325.
    const short: [number, number] = [8000, 20000];
    const text = diffusionCaption(
      [curve('B = 1', false, logLaw, 2), curve('B = 1 (flat)', true, sqrtLaw)],
      short,
    );
    expect(text).toMatch(
      /^On the random potential over t = 8000 … 20k, B = 1: R² .* for a·ln t \+ b against .* for c·t\^p; the fit range is too short for p\(t\), which needs half a decade either side\. /,
    );
    expect(text).toMatch(/2 runs diverged\.$/);
    expect(readCurve(curve('B = 1', false, logLaw), short).ends).toBeNull();
  });

  it('thresholds: the verdicts switch exactly at the documented values', () => {
    // A p(t) that falls exactly 1.5× needs a clear R² gap to be "log".
    expect(LOG_FALL).toBe(1.5);
    expect(TRAPPED_P).toBe(0.05);
    expect(FREE_WALK_TOL).toBe(0.05);
    const trapped = readCurve(curve('B = 16', false, trappedLaw), range);
    expect(trapped.verdict).toBe('trapped');
    expect(trapped.ends!.last.p).toBeLessThan(TRAPPED_P);
    const log = readCurve(curve('B = 1', false, logLaw), range);
    expect(log.fall!).toBeGreaterThan(LOG_FALL);
    expect(log.gap).toBeGreaterThan(DECISIVE_R2_GAP);
  });
});

describe('keskar caption', () => {
  const end = (
    batch: number,
    basin: string | null,
    sharpness: number,
    trainLoss: number,
    testLoss: number,
  ): EndpointResult => ({
    kind: 'endpoint',
    seed: 1,
    batch,
    lr: 0.01,
    status: 'done',
    steps: 1,
    trainLoss,
    testLoss,
    gap: testLoss - trainLoss,
    lambdaMax: 1,
    distance: 1,
    basin,
    end: [0, 0],
    start: [0, 0],
    sharpness,
    saddleSteps: null,
    trainAccuracy: null,
    testAccuracy: null,
  });
  const k = (seed: number, a: number, b: number, largeTest = -0.24): KeskarResult => ({
    kind: 'keskar',
    seed,
    small: end(16, 'flat', a, -0.633, -0.509),
    large: end(1024, 'sharp', b, -1.56, largeTest),
    alpha: [],
    train: [],
    test: [],
    path: [],
  });
  it('names the basins, their losses, and counts the seeds where the large batch is sharper and worse', () => {
    expect(keskarCaption([k(3, 3.8, 27.4), k(4, 3.9, 3.7, -1.4)], 16, 1024)).toBe(
      'Seed 3: B = 16 ends in the flat minimum (train -0.633, test -0.509), B = 1024 in the sharp minimum (train -1.56, test -0.24); ε-sharpness φ = 3.8 (small) vs 27.4 (large). ' +
        "The large batch's end point is lower on train but higher on test. " +
        'Over 2 seeds the large-batch end point is the sharper one in 1 and the worse one on test in 1.',
    );
  });
  it('says so when the large batch is better on test', () => {
    expect(keskarCaption([k(1, 3.8, 27.4, -1.4)], 16, 1024)).toMatch(
      /Here the large batch's end point is lower on test too\.$/,
    );
  });
});

describe('stability', () => {
  const spec = { lambdaMax: 10, lrs: [], steps: 1 } as unknown as StabilityViewSpec;
  const run = (lr: number, diverged: boolean) =>
    ({ lr, status: diverged ? 'diverged' : 'done' }) as EndpointResult;
  it('brackets the bound with the largest stable and smallest diverged learning rates', () => {
    const sum = summarizeStability(spec, [run(0.1, false), run(0.19, false), run(0.25, true)]);
    expect(sum).toEqual({ critical: 0.2, lastStable: 0.19, firstDiverged: 0.25, agrees: true });
    expect(stabilityCaption(sum, 10)).toBe(
      'Runs converge up to η = 0.19 and diverge from η = 0.25 on, bracketing the predicted η = 2/λ_max = 0.2 (λ_max = 10).',
    );
    const off = summarizeStability(spec, [run(0.1, true), run(0.3, false)]);
    expect(off.agrees).toBe(false);
    expect(stabilityCaption(off, 10)).toMatch(/not every run follows the bound/);
  });
  it('spaces learning rates in log and ticks them 1-2-5', () => {
    expect(logSpaced(0.02, 0.4, 3)).toEqual([0.02, 0.02 * Math.sqrt(20), 0.4]);
    expect(niceLogTicks(0.02, 0.4)).toEqual([0.02, 0.05, 0.1, 0.2]);
  });
});

describe('formatSummary', () => {
  it('shows the interval only to the precision of the mean', () => {
    expect(formatSummary(s(-0.616, 7.4e-17))).toBe('-0.616 ± 0');
    expect(formatSummary(s(0.0178, 0.0012))).toBe('0.0178 ± 0.0012');
    expect(formatSummary(s(0.5, null))).toBe('0.5');
  });
});
