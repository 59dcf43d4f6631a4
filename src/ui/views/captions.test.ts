import { describe, expect, it } from 'vitest';
import type { KeskarResult, EndpointResult } from '../../engine/ensemble';
import { diffusionCaption } from './diffusion/diffusionCaption';
import type { ViewCurve } from './diffusion/diffusionPlan';
import { keskarCaption } from './keskar/keskarCaption';
import { stabilityCaption } from './stability/stabilityCaption';
import { logSpaced, summarizeStability, type StabilityViewSpec } from './stability/stabilityPlan';
import { niceLogTicks } from './charts/ticks';
import { formatSummary } from './viewFormat';

const s = (mean: number, ci95: number | null = null) => ({ mean, ci95 });
describe('diffusion caption', () => {
  const curve = (
    label: string,
    flat: boolean,
    r2log: number,
    r2pow: number,
    last: number,
    p = 0.3,
  ): ViewCurve => ({
    label,
    flat,
    t: [1, 10, 100],
    mean: [0, 1, last],
    sd: [0, 0, 0],
    lo: [0, 1, last],
    hi: [0, 1, last],
    logFit: { a: 1, b: 0, r2: r2log },
    powerFit: { c: 1, p, r2: r2pow },
    diverged: 0,
  });
  it('says which law fits better and compares distances travelled', () => {
    const text = diffusionCaption([
      curve('B = 1', false, 0.97, 0.7, 40),
      curve('B = 16', false, 0.9, 0.6, 20),
      curve('B = 1 (flat)', true, 0.8, 0.99, 60, 0.5),
    ]);
    expect(text).toBe(
      'On the random potential, a·ln t + b fits better than a power law for all 2 curves (R² 0.97 vs 0.7 for B = 1); ' +
        'on the flat baseline the power law c·t^p fits better for the one curve (mean p = 0.5; R² 0.8 vs 0.99 for B = 1 (flat)). ' +
        'After 100 steps B = 1 is 2× as far from its start as B = 16.',
    );
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
