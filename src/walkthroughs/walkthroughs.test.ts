/**
 * Every walkthrough data file: stable, well-formed step ids; each step's setup accepted by
 * the engine's validator for every run it starts; highlights from the registry (and every
 * registry entry used, so the browser test that checks each is on screen covers them all);
 * formulas that KaTeX parses; live sentences that say nothing before the numbers exist
 * and, once they do, quote them.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../ui/format';
import type { RunOutcome } from '../ui/caption/outcome';
import type { MetricRecord } from '../engine/metrics';
import { HIGHLIGHTS, isHighlightId } from './highlights';
import { WALKTHROUGHS } from './registry';
import { resolveStep } from './tourPlayer';
import type { LiveContext } from './live/context';

const STEP_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function record(over: Partial<MetricRecord>): MetricRecord {
  return {
    step: 200,
    epoch: 200,
    trainLoss: -0.5,
    testLoss: -0.4,
    gap: 0.1,
    distance: 1,
    gradNorm: 0,
    lambdaMax: 7.5,
    lambdaMin: 1,
    noiseScale: 0,
    bSimple: null,
    basin: 'flat',
    saddleSteps: 3,
    trainAccuracy: null,
    testAccuracy: null,
    ...over,
  };
}

function run(label: string, state: RunOutcome['state'], last: MetricRecord | null): RunOutcome {
  return {
    label,
    state,
    divergedAt: null,
    lr: 0.01,
    batch: 8,
    last,
    end: [0, 0],
    basinShare: {},
    instability: null,
  };
}

const ctx = (runs: RunOutcome[]): LiveContext => ({
  runs,
  basinName: (id) => (id === null ? 'between basins' : `${id} minimum`),
  basinsReady: true,
  saddles: [],
  n: 1024,
  sweep: null,
  remedies: null,
  diffusion: null,
});

describe.each(WALKTHROUGHS.map((w) => [w.id, w] as const))('walkthrough %s', (_id, tour) => {
  it('has 10–14 steps with unique, link-safe ids', () => {
    expect(tour.steps.length).toBeGreaterThanOrEqual(10);
    expect(tour.steps.length).toBeLessThanOrEqual(14);
    const ids = tour.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(STEP_ID);
  });

  it.each(tour.steps.map((s) => [s.id, s] as const))('step %s is valid', (_sid, step) => {
    const r = resolveStep(step.setup);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(step.prose.length).toBeGreaterThan(0);
    expect(step.highlights.length).toBeGreaterThan(0);
    for (const h of step.highlights) expect(isHighlightId(h), h).toBe(true);
    for (const tex of step.math ?? [])
      expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
  });

  it('uses every highlight in the registry (so the browser test sees each one)', () => {
    const used = new Set(tour.steps.flatMap((s) => s.highlights));
    expect(Object.keys(HIGHLIGHTS).filter((h) => !used.has(h as never))).toEqual([]);
  });

  it('states the explorer steps’ results only when the runs have ended, from their numbers', () => {
    for (const step of tour.steps.filter((s) => s.setup.tab === 'explorer')) {
      expect(step.live(ctx([])), step.id).toBeNull();
      const going = [
        run('B = 8', 'running', record({ step: 10 })),
        run('B = 1024', 'done', record({})),
      ];
      expect(step.live(ctx(going)), step.id).toBeNull();
      // Finished, but the landscape's surface (its basin names) still computing: wait.
      const ended = [run('B = 8', 'done', record({})), run('B = 1024', 'done', record({}))];
      expect(step.live({ ...ctx(ended), basinsReady: false }), step.id).toBeNull();
      const small = record({ testLoss: -0.507, trainLoss: -0.632, lambdaMax: 7.68 });
      const large = record({ testLoss: -0.237, trainLoss: -1.56, lambdaMax: 85.4, basin: 'sharp' });
      const text = step.live(ctx([run('B = 8', 'done', small), run('B = 1024', 'done', large)]));
      expect(text, step.id).toContain('B = 8');
      expect(text, step.id).toContain('B = 1024');
      // Whatever the step reports, its numbers are the runs' own, formatted as the readouts.
      for (const n of text!.match(/-?\d+\.\d+/g) ?? []) {
        const known = [small, large].flatMap((m) => [
          m.testLoss,
          m.trainLoss,
          m.gap,
          m.lambdaMax!,
          m.noiseScale,
          m.testLoss - small.testLoss,
          large.testLoss - small.testLoss,
          small.trainLoss - large.trainLoss,
          (100 * m.saddleSteps!) / m.step,
          0.01,
        ]);
        expect(
          known.map((v) => formatNumber(v)),
          `${step.id}: ${n}`,
        ).toContain(n);
      }
    }
  });

  it('says nothing about an ensemble that has not finished', () => {
    for (const step of tour.steps.filter((s) => s.setup.tab !== 'explorer'))
      expect(step.live(ctx([])), step.id).toBeNull();
  });
});
