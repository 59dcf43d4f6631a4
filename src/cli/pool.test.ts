import { describe, expect, it } from 'vitest';
import { ThreadPool, runJobs, type PoolProgress } from './pool';
import { jobCost } from './jobs';
import { runJob, type EnsembleJob } from '../engine/ensemble';
import { ConfigInvalidError } from '../engine/run';
import { diffusionJobs, seedList, sweepJobs } from '../engine/experiments';

// Real worker threads (the bundled Runner), so this also checks the worker start-up path.
const jobs: EnsembleJob[] = [
  ...sweepJobs({
    base: { preset: 'sharp-flat', budget: { unit: 'epochs', amount: 2 } },
    batches: [8, 1024],
    seeds: seedList(3),
    sharpnessEps: 0.05,
  }),
  ...diffusionJobs({
    base: { preset: 'random-potential' },
    curves: [{ label: '', patch: {} }],
    seeds: seedList(2),
    steps: 50,
    perDecade: 4,
    varyLandscape: true,
    fitRange: [1, 50],
  }),
];
const inline = jobs.map(runJob);

describe('CLI thread pool', { timeout: 30_000 }, () => {
  it('returns exactly the inline results, in job order, for 1 and 2 workers', async () => {
    for (const workers of [1, 2]) expect(await runJobs(jobs, workers)).toEqual(inline);
  });

  it('reports weighted progress up to 1', async () => {
    const seen: PoolProgress[] = [];
    const weights = jobs.map(jobCost);
    await runJobs(jobs, 2, { weights, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual(jobs.map((_, i) => i + 1));
    expect(seen.at(-1)).toMatchObject({
      done: jobs.length,
      total: jobs.length,
      fraction: 1,
      etaMs: 0,
    });
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.fraction).toBeGreaterThan(seen[i - 1]!.fraction);
    // The full-batch sharp-flat jobs cost as much as the B = 8 ones (same epochs × n samples).
    expect(weights[0]).toBe(weights[3]);
  });

  it('starts the heaviest jobs first (one worker finishes them in that order)', async () => {
    const order: number[] = [];
    const weights = [1, 5, 3, 5, 2];
    await runJobs(jobs.slice(0, 5), 1, { weights, onProgress: (p) => order.push(p.index) });
    expect(order).toEqual([1, 3, 2, 4, 0]);
  });

  it('a pool is reusable until closed; an empty list needs no workers', async () => {
    const pool = await ThreadPool.create(2);
    expect(await pool.run(jobs.slice(0, 2))).toEqual(inline.slice(0, 2));
    expect(await pool.run(jobs.slice(6))).toEqual(inline.slice(6));
    await pool.close();
    await expect(pool.run(jobs)).rejects.toThrow(/closed/);
    expect(await runJobs([], 3)).toEqual([]);
  });

  it('closing the pool mid-run rejects the run', async () => {
    const pool = await ThreadPool.create(1);
    const rejected = expect(pool.run(jobs)).rejects.toThrow(/closed before its jobs finished/);
    await pool.close();
    await rejected;
  });

  it('an invalid job rejects with the validator errors', async () => {
    const bad: EnsembleJob = { kind: 'endpoint', config: { preset: 'sharp-flat', batch: 5000 } };
    const err = await runJobs([jobs[0]!, bad], 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigInvalidError);
    expect((err as ConfigInvalidError).errors[0]!.path).toBe('batch');
  });

  it('a worker killed mid-job is replaced and the results equal an undisturbed run', async () => {
    const dispatched: number[] = [];
    const killed: number[] = [];
    const results = await runJobs(jobs, 2, {
      onDispatch: (index, worker) => {
        const first = !dispatched.includes(index);
        dispatched.push(index);
        const distinct = new Set(dispatched).size;
        // Kill the workers running the first and third distinct jobs, on their first attempt,
        // while the job is in flight (terminate lands before a job of several ms can finish).
        if (first && (distinct === 1 || distinct === 3)) {
          killed.push(index);
          void worker.terminate();
        }
      },
    });
    expect(results).toEqual(inline);
    // Each killed job was handed out again (to a fresh worker) and every job ran.
    for (const k of killed) expect(dispatched.filter((i) => i === k).length).toBe(2);
    expect(new Set(dispatched).size).toBe(jobs.length);
  });

  it('a job that kills its worker twice fails the run with one message', async () => {
    const err = await runJobs(jobs.slice(0, 3), 1, {
      onDispatch: (index, worker) => void (index === 1 && worker.terminate()),
    }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^job 1 stopped 2 pool workers/);
  });
});
