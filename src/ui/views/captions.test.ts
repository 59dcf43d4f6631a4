import { describe, expect, it } from 'vitest';
import type { KeskarResult, EndpointResult } from '../../engine/ensemble';
import type { Remedy, SweepRow } from '../../engine/experiments';
import { sweepCaption } from './sweep/sweepCaption';
import { defaultBatches, fitBatches } from './sweep/sweepPlan';
import { gapClosed, remediesCaption } from './remedies/remediesCaption';
import { diffusionCaption } from './diffusion/diffusionCaption';
import type { ViewCurve } from './diffusion/diffusionPlan';
import { keskarCaption } from './keskar/keskarCaption';
import { stabilityCaption } from './stability/stabilityCaption';
import { logSpaced, summarizeStability, type StabilityViewSpec } from './stability/stabilityPlan';
import { niceLogTicks } from './charts/ticks';
import { formatSummary } from './viewFormat';

const s = (mean: number, ci95: number | null = null) => ({ mean, ci95 });
function row(
  batch: number,
  flat: number | null,
  gap: number,
  extra: Partial<SweepRow> = {},
): SweepRow {
  return {
    batch,
    lr: 0.01,
    runs: 20,
    flatFraction: flat,
    flatCi: flat === null ? null : [Math.max(0, flat - 0.2), Math.min(1, flat + 0.2)],
    finalTrainLoss: s(-1),
    finalTestLoss: s(-1 + gap),
    gap: s(gap, 0.01),
    lambdaMax: s(10 * batch),
    distance: s(1),
    sharpness: null,
    diverged: 0,
    trainAccuracy: null,
    testAccuracy: null,
    ...extra,
  };
}

describe('sweep caption', () => {
  it('states the flat fraction trend and the gap change from the numbers', () => {
    const rows = [row(8, 1, 0.018), row(64, 0.7, 0.05), row(1024, 0.4, 0.111)];
    expect(sweepCaption(rows, 1)).toBe(
      'Flat-basin fraction falls from 100% at B = 8 to 40% at B = 1024; the gap grows 6.2× (0.018 → 0.111).',
    );
    const up = [row(8, 0.2, 0.2), row(1024, 0.9, 0.02, { diverged: 3 })];
    expect(sweepCaption(up, 1)).toBe(
      'Flat-basin fraction rises from 20% at B = 8 to 90% at B = 1024; the gap shrinks 10× (0.2 → 0.02). 3 runs diverged (at B = 1024).',
    );
  });

  it('talks about the gap and λ_max where there is no flat basin, and cells with two axes', () => {
    expect(sweepCaption([row(1, null, 0.5), row(16, null, 0.5)], 1)).toBe(
      'From B = 1 to B = 16 the gap goes from 0.5 to 0.5, and λ_max goes from 10 to 160.',
    );
    const grid = [row(1, 1, 0.01), { ...row(1, 1, 0.3), lr: 0.1 }];
    expect(sweepCaption(grid, 2)).toMatch(
      /largest at B = 1, η = 0.1 \(0.3\) and smallest at B = 1, η = 0.01 \(0.01\)/,
    );
  });

  it('defaults to 1, 4, 16, … and N, and keeps batches within N', () => {
    expect(defaultBatches(1024)).toEqual([1, 4, 16, 64, 256, 1024]);
    expect(defaultBatches(100)).toEqual([1, 4, 16, 64, 100]);
    expect(fitBatches([2000, 8, 8], 1024)).toEqual({
      batches: [8, 1024],
      note: 'Batch sizes above N = 1024 (2000) were run at N.',
    });
  });
});

describe('remedies caption', () => {
  const remedy = (id: string, label: string): Remedy => ({ id, label, blurb: '', patch: {} });
  it('reports the share of the small/large gap difference each remedy closes', () => {
    const rows = [
      { remedy: remedy('small', 'small batch (B = 16)'), row: row(16, 1, 0.02) },
      { remedy: remedy('large', 'large batch (B = 1024)'), row: row(1024, 0.5, 0.1) },
      { remedy: remedy('sqrt', '+ √ LR scaling'), row: row(1024, 1, 0.02) },
      {
        remedy: remedy('regime', '+ regime adaptation'),
        row: row(1024, 0.5, 0.1, { diverged: 2 }),
      },
    ];
    expect(remediesCaption(rows)).toBe(
      'Small batch: gap 0.02, 100% flat; large batch: gap 0.1, 50% flat. Share of that gap each remedy closes: √ LR scaling 100%, regime adaptation 0%. Diverged runs: regime adaptation 2/20.',
    );
  });
  it('does not divide a difference that is within the noise', () => {
    expect(gapClosed(s(0.1, 0.05), s(0.12, 0.05), 0.11)).toBeNull();
    expect(gapClosed(s(0.1, 0.001), s(0.2, 0.001), 0.15)).toBeCloseTo(0.5);
  });
});

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
  const end = (batch: number, basin: string | null, sharpness: number): EndpointResult => ({
    kind: 'endpoint',
    seed: 1,
    batch,
    lr: 0.01,
    status: 'done',
    steps: 1,
    trainLoss: 0,
    testLoss: 0,
    gap: 0,
    lambdaMax: 1,
    distance: 1,
    basin,
    end: [0, 0],
    start: [0, 0],
    sharpness,
    trainAccuracy: null,
    testAccuracy: null,
  });
  const k = (seed: number, a: number, b: number): KeskarResult => ({
    kind: 'keskar',
    seed,
    small: end(16, 'flat', a),
    large: end(1024, 'sharp', b),
    alpha: [],
    train: [],
    test: [],
    path: [],
  });
  it('names the basins and counts the seeds where the large batch is sharper', () => {
    expect(keskarCaption([k(3, 3.8, 27.4), k(4, 3.9, 3.7)], 16, 1024)).toBe(
      'Seed 3: B = 16 ends in the flat minimum, B = 1024 in the sharp minimum; ε-sharpness φ = 3.8 (small) vs 27.4 (large). Over 2 seeds the large-batch end point is the sharper one in 1.',
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
