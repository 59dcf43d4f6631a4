import { describe, expect, it } from 'vitest';
import { presetDefaults } from '../../engine/presets';
import type { MetricRecord } from '../../engine/metrics';
import { compareLabel } from '../../state/configStore';
import { explorerCaption, type CaptionContext } from './explorerCaption';
import type { RunOutcome } from './outcome';

const landscape = presetDefaults('sharp-flat').landscape;
const basins = [
  { id: 'flat', label: 'flat minimum', center: [0.69, 0], radius: 0.9 },
  { id: 'sharp', label: 'sharp minimum', center: [0, 0], radius: 0.27 },
];
const ctx: CaptionContext = { preset: 'sharp-flat', compareField: 'batch', landscape, basins };

function metrics(p: Partial<MetricRecord>): MetricRecord {
  return {
    step: 100,
    epoch: 200,
    trainLoss: -0.633,
    testLoss: -0.507,
    gap: 0.126,
    distance: 1,
    gradNorm: 1e-6,
    lambdaMax: 7.7,
    lambdaMin: 7,
    noiseScale: 1.27,
    bSimple: 80,
    basin: 'flat',
    saddleSteps: null,
    trainAccuracy: null,
    testAccuracy: null,
    ...p,
  };
}
function run(label: string, p: Partial<MetricRecord>, extra: Partial<RunOutcome> = {}): RunOutcome {
  return {
    label,
    state: 'done',
    divergedAt: null,
    lr: 0.01,
    batch: 8,
    last: metrics(p),
    end: [0.69, 0],
    basinShare: {},
    instability: null,
    ...extra,
  };
}
const flat8 = run('B = 8', {});
const sharpN = run('B = 1024', {
  trainLoss: -1.56,
  testLoss: -0.237,
  gap: 1.32,
  lambdaMax: 85,
  basin: 'sharp',
  noiseScale: 0,
});

describe('explorer caption', () => {
  it('says what to watch while the runs go', () => {
    expect(explorerCaption(ctx, [{ ...flat8, state: 'running' }, sharpN])).toMatch(
      /^Same start, same data/,
    );
  });

  it('small batch flat, large batch sharp: sharp looks better on train, worse on test, and why', () => {
    expect(explorerCaption(ctx, [flat8, sharpN])).toBe(
      'B = 8 ended in the flat minimum (test -0.507) · B = 1024 ended in the sharp minimum (test -0.237). ' +
        'The sharp minimum looks better on train (-1.56 vs -0.633) but is worse on test (-0.237 vs -0.507): ' +
        "the test surface is shifted by |δ| = 0.2, more than the sharp basin's width √(r² + s²) = 0.108.",
    );
  });

  it('with a shift narrower than the sharp basin it says the sharp minimum is better on test too', () => {
    const narrow = { ...ctx, landscape: { ...landscape, shift: [0.05, 0.05] } };
    const sharp = run('B = 1024', { trainLoss: -1.56, testLoss: -1.39, gap: 0.17, basin: 'sharp' });
    const text = explorerCaption(narrow, [run('B = 8', { testLoss: -0.62 }), sharp]);
    expect(text).toMatch(
      /Here the sharp minimum is better on test too \(-1.39 vs -0.62\): the test surface is shifted by \|δ\| = 0.0707, less than the sharp basin's width/,
    );
    expect(text).not.toMatch(/worse on test/);
  });

  it('both in the sharp basin (e.g. Adam): no sharp-vs-flat claim, and labels not ids', () => {
    const c = { ...ctx, compareField: 'optimizer' as const };
    const a = run(compareLabel('optimizer', 'sgd'), { basin: 'sharp', testLoss: -0.24 });
    const b = run(compareLabel('optimizer', 'adam'), { basin: 'sharp', testLoss: -0.23 });
    const text = explorerCaption(c, [a, b]);
    expect(text).toBe(
      'SGD ended in the sharp minimum (test -0.24) · Adam ended in the sharp minimum (test -0.23). ' +
        'All runs ended in the sharp minimum: at these settings the optimizer did not change where they landed.',
    );
  });

  it('a run between basins: on the rim, how long it spent inside, and why it did not settle', () => {
    const rim = run(
      'B = 64',
      { basin: null, lambdaMin: -61.5, lambdaMax: 73, trainLoss: -0.7, testLoss: -0.18, gap: 0.52 },
      { end: [0.03, -0.15], basinShare: { sharp: 0.46 } },
    );
    expect(explorerCaption(ctx, [flat8, rim])).toMatch(
      /B = 64 is on the rim of the sharp minimum \(λ_min = -61.5 < 0: a slope, not a minimum\), after 46% of its measurements inside it: its minibatch noise keeps knocking it off the narrow well, yet is too weak to carry it elsewhere\./,
    );
    const edge = run(
      'η = 0.025',
      { basin: null, lambdaMin: -3, lambdaMax: 80 },
      { end: [0.1, 0.1], lr: 0.025 },
    );
    expect(explorerCaption(ctx, [flat8, edge])).toMatch(
      /it bounces at the edge of stability \(η·λ_max = 2, near 2\)/,
    );
  });

  it('flags instability while it happens and never calls an unstable end a minimum', () => {
    const unstable = {
      etaLambda: 12,
      bound: 2,
      overBound: true,
      blowUp: { from: -0.6, to: 2000 },
      safeLr: 0.0167,
    };
    const live = run('B = 8', { basin: 'sharp' }, { state: 'running', instability: unstable });
    expect(explorerCaption(ctx, [live, sharpN])).toMatch(
      /^Same start.*B = 8 is unstable: η·λ_max = 12 > 2 at its current point, so each step overshoots along the sharpest direction, and its train loss rose from -0.6 to 2000\. Lower the learning rate below 0.0167/,
    );
    const ended = { ...live, state: 'done' as const };
    const text = explorerCaption(ctx, [ended, sharpN]);
    expect(text).toMatch(/^B = 8 ended unstable \(test -0.507\)/);
    expect(text).toMatch(
      /B = 8 ended unstable, not in a minimum: η·λ_max = 12 > 2 at its last point/,
    );
    expect(text).not.toMatch(/B = 8 ended in/);
    expect(text).not.toMatch(/sharp minimum looks better/);
  });

  it('explains a negative gap', () => {
    const neg = run(
      'B = 128',
      { basin: null, trainLoss: -0.8, testLoss: -1.52, gap: -0.72, lambdaMin: -5 },
      { end: [0.15, -0.02] },
    );
    expect(explorerCaption(ctx, [flat8, neg])).toMatch(
      /B = 128's gap is negative \(-0.72\): its end point happens to sit lower on the test surface/,
    );
  });

  it('names a divergence with the step and a fix, and never calls it a minimum', () => {
    const d = { ...run('B = 8', {}), state: 'diverged' as const, divergedAt: 120, lr: 0.5 };
    const text = explorerCaption(ctx, [d, sharpN]);
    expect(text).toMatch(/^B = 8 diverged · B = 1024 ended in the sharp minimum/);
    expect(text).toMatch(/B = 8 diverged at step 120: .* lower its learning rate \(η = 0.5\)\./);
    expect(text).not.toMatch(/B = 8 ended in/);
  });

  it('without named basins reports train and test per run', () => {
    const c: CaptionContext = { ...ctx, preset: 'bowl', basins: [] };
    expect(explorerCaption(c, [flat8, sharpN])).toBe(
      'B = 8: train -0.633, test -0.507 · B = 1024: train -1.56, test -0.237.',
    );
  });

  it('random-potential: says how far each run got, from its numbers', () => {
    const c: CaptionContext = { ...ctx, preset: 'random-potential', basins: [] };
    const a = run('B = 1', { distance: 20.7, step: 2000 });
    const b = run('B = 16', { distance: 20.9, step: 2000 });
    expect(explorerCaption(c, [a, b])).toMatch(
      /Distance from the start: B = 1 20.7 after 2000 steps, B = 16 20.9 after 2000 steps\./,
    );
  });
});
