import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  runJob,
  type DiffusionSample,
  type EndpointResult,
  type EnsembleJob,
  type JobResult,
  type KeskarResult,
} from './ensemble';
import { createRun } from './run';
import { buildObjective } from './presets';
import { resolveOrThrow } from './sweep';
import { diffusionCurves, diffusionJobs, seedList, sweepJobs, sweepRows } from './experiments';
import type { ConfigInput } from './config';
import { linspace } from './interpolate';

const short: ConfigInput = { preset: 'sharp-flat', budget: { unit: 'epochs', amount: 4 } };

function directRun(config: ConfigInput) {
  const run = createRun(config);
  run.runToEnd(333);
  return run;
}

describe('runJob', () => {
  it('is a pure function of the job: same job, identical result', () => {
    const jobs: EnsembleJob[] = [
      { kind: 'endpoint', config: { ...short, batch: 8, seed: 3 }, sharpnessEps: 0.05 },
      { kind: 'diffusion', config: { preset: 'random-potential', seed: 2 }, ts: [1, 10, 100] },
      {
        kind: 'keskar',
        config: { ...short, seed: 5 },
        small: 8,
        large: 1024,
        alphas: [-1, 0, 0.5, 1, 2],
        sharpnessEps: 0.05,
      },
    ];
    for (const job of jobs) expect(runJob(structuredClone(job))).toEqual(runJob(job));
  });

  it('an endpoint job ends where a direct run (any recording, any chunking) ends', () => {
    const config = { ...short, batch: 32, seed: 7 };
    const r = runJob({ kind: 'endpoint', config }) as EndpointResult;
    // The direct run records every step and measures often: none of that may change the path.
    const run = directRun({ ...config, metricsEvery: 5, recordEvery: 1 });
    const m = run.lastMetrics!;
    expect(r.status).toBe('done');
    expect(r.steps).toBe(run.steps);
    expect(r.trainLoss).toBe(m.trainLoss);
    expect(r.testLoss).toBe(m.testLoss);
    expect(r.gap).toBe(m.gap);
    expect(r.lambdaMax).toBe(m.lambdaMax);
    expect(r.distance).toBe(m.distance);
    expect(r.basin).toBe(m.basin);
    expect(r.end).toEqual([run.w[0], run.w[1]]);
    expect(r.start).toEqual([run.w0[0], run.w0[1]]);
    expect(r).toMatchObject({ seed: 7, batch: 32, lr: 0.01, sharpness: null });
  });

  it('reports divergence at the last finite point, like a direct run', () => {
    const config: ConfigInput = {
      preset: 'quadratic-nd',
      landscape: { dim: 4 },
      batch: 1024,
      lr: 0.5,
      budget: { unit: 'steps', amount: 200 },
    };
    const r = runJob({ kind: 'endpoint', config }) as EndpointResult;
    const run = directRun(config);
    expect(r.status).toBe('diverged');
    expect(r.steps).toBe(run.steps);
    expect(r.trainLoss).toBe(run.lastMetrics!.trainLoss);
    expect(Number.isFinite(r.trainLoss)).toBe(true);
  });

  it('a keskar job: both runs from the same start, differing only in batch', () => {
    const job: EnsembleJob = {
      kind: 'keskar',
      config: { ...short, seed: 11 },
      small: 16,
      large: 1024,
      alphas: linspace(-1, 2, 61),
      sharpnessEps: 0.05,
    };
    const r = runJob(job) as KeskarResult;
    expect(r.small.start).toEqual(r.large.start);
    expect(r.small.batch).toBe(16);
    expect(r.large.batch).toBe(1024);
    expect(r.small.lr).toBe(r.large.lr);
    expect(r.small.seed).toBe(11);
    expect(r.large.seed).toBe(11);
    // Each half is exactly the endpoint job of its batch size.
    const alone = runJob({
      kind: 'endpoint',
      config: { ...short, seed: 11, batch: 1024 },
      sharpnessEps: 0.05,
    });
    expect(r.large).toEqual(alone);
    expect(r.small.sharpness).toBeGreaterThanOrEqual(0);
    // The line passes through both end points at α = 0 and α = 1.
    expect(r.path[20]).toEqual(r.small.end);
    expect(r.path[40]).toEqual(r.large.end);
    expect(r.train[20]).toBe(r.small.trainLoss);
    expect(r.train[40]).toBe(r.large.trainLoss);
    expect(r.test[40]).toBe(r.large.testLoss);
  });

  it('a diffusion job samples ‖w_t − w_0‖ of the run at each t', () => {
    const config: ConfigInput = { preset: 'random-potential', seed: 4, batch: 2 };
    const ts = [100, 1, 10, 30, 300];
    const r = runJob({ kind: 'diffusion', config, ts }) as DiffusionSample;
    expect(r.t).toEqual([1, 10, 30, 100, 300]);
    expect(r.diverged).toBe(false);
    const run = createRun({ ...config, budget: { unit: 'steps', amount: 300 } });
    r.t.forEach((t, i) => {
      run.advance(t - run.steps);
      expect(run.steps).toBe(t);
      let s = 0;
      for (let j = 0; j < run.dim; j++) s += (run.w[j]! - run.w0[j]!) ** 2;
      expect(r.distance[i]).toBe(Math.sqrt(s));
    });
  });
});

describe('aggregation is identical whatever order jobs finish in', () => {
  const sweepSpec = {
    base: {
      preset: 'quadratic-nd' as const,
      landscape: { dim: 6 },
      budget: { unit: 'epochs' as const, amount: 1 },
    },
    batches: [8, 256],
    seeds: seedList(3),
  };
  const diffSpec = {
    base: { preset: 'random-potential' as const, batch: 4 },
    curves: [
      { label: 'B = 4', patch: {} },
      { label: 'B = 16', patch: { batch: 16 } },
    ],
    seeds: seedList(2),
    steps: 60,
    perDecade: 4,
    varyLandscape: true,
    fitRange: [1, 60] as [number, number],
  };
  const sweep = sweepJobs(sweepSpec);
  const diff = diffusionJobs(diffSpec);
  const jobs = [...sweep, ...diff];
  const inOrder = jobs.map(runJob);

  /** Runs jobs in `order` (as a pool of any size might finish them) and puts results back by index. */
  function byIndex(order: number[]): JobResult[] {
    const out = new Array<JobResult>(jobs.length);
    for (const i of order) out[i] = runJob(jobs[i]!);
    return out;
  }

  function aggregate(results: JobResult[]) {
    return {
      rows: sweepRows(sweepSpec, results.slice(0, sweep.length) as EndpointResult[], false),
      curves: diffusionCurves(diffSpec, results.slice(sweep.length) as DiffusionSample[]),
    };
  }

  it('reversed order gives the same results and the same rows', () => {
    const order = jobs.map((_, i) => jobs.length - 1 - i);
    expect(byIndex(order)).toEqual(inOrder);
    expect(aggregate(byIndex(order))).toEqual(aggregate(inOrder));
  });

  it('any permutation gives the same aggregates (property)', () => {
    const expected = aggregate(inOrder);
    const n = jobs.length;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        (order) => {
          expect(aggregate(byIndex(order))).toEqual(expected);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('the objective cache does not leak state between landscapes', () => {
    // Interleave many landscapes (more than the cache holds) and compare with fresh objectives.
    const configs = [1, 2, 3, 4, 5, 6].map((dataSeed) => ({
      ...sweepSpec.base,
      landscape: { dim: 6, dataSeed },
      batch: 8,
      seed: dataSeed,
    }));
    const viaJobs = [...configs, ...configs].map(
      (config) => runJob({ kind: 'endpoint', config }) as EndpointResult,
    );
    configs.forEach((config, i) => {
      const run = createRun(config, buildObjective(resolveOrThrow(config)));
      run.runToEnd(1000);
      expect(viaJobs[i]!.trainLoss).toBe(run.lastMetrics!.trainLoss);
      expect(viaJobs[i + configs.length]).toEqual(viaJobs[i]);
    });
  });
});
