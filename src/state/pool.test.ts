import { describe, expect, it } from 'vitest';
import { WorkerPool } from './pool';
import type { WorkerLike } from './client';
import { Runner } from '../worker/runner';
import type { FromWorker } from '../worker/protocol';
import { sweepJobs, seedList } from '../engine/experiments';

/** The real runner behind the Worker interface, answering asynchronously like a browser worker. */
function inProcessWorker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => void (w.onmessage = null),
    postMessage: (msg) =>
      void setTimeout(() => runner.handle(structuredClone(msg)), Math.random() * 3),
  };
  const runner = new Runner(
    { post: (m: FromWorker) => void setTimeout(() => w.onmessage?.({ data: m }), 0) },
    { now: () => performance.now(), later: (fn, ms) => void setTimeout(fn, ms) },
  );
  return w;
}

const jobs = sweepJobs({
  base: { preset: 'bowl', budget: { unit: 'epochs', amount: 2 } },
  batches: [4, 32, 256],
  seeds: seedList(4),
});

describe('WorkerPool', () => {
  it('returns results in job order, identical whatever the pool size', async () => {
    const one = new WorkerPool(inProcessWorker, 1);
    const three = new WorkerPool(inProcessWorker, 3);
    const progress: number[] = [];
    const [a, b] = await Promise.all([
      one.run(jobs).promise,
      three.run(jobs, (p) => progress.push(p.done)).promise,
    ]);
    expect(b).toEqual(a);
    expect(a.map((r) => (r as { batch: number }).batch)).toEqual(
      jobs.map((j) => (j.config as { batch: number }).batch),
    );
    expect(progress.at(-1)).toBe(jobs.length);
    one.dispose();
    three.dispose();
  });

  it('cancels: the promise rejects and the pool keeps working', async () => {
    const pool = new WorkerPool(inProcessWorker, 2);
    const h = pool.run(jobs);
    h.cancel();
    await expect(h.promise).rejects.toThrow('cancelled');
    const again = await pool.run(jobs.slice(0, 3)).promise;
    expect(again).toHaveLength(3);
    pool.dispose();
  });

  it('reports a bad job as an error instead of hanging', async () => {
    const pool = new WorkerPool(inProcessWorker, 2);
    await expect(pool.run([{ kind: 'endpoint', config: { batch: -1 } }]).promise).rejects.toThrow(
      /batch/,
    );
    pool.dispose();
  });

  it('pauses: no job is handed out while paused, and the results are unchanged after resume', async () => {
    const pool = new WorkerPool(inProcessWorker, 2);
    pool.pause();
    let done = 0;
    const h = pool.run(jobs, (p) => (done = p.done));
    await new Promise((r) => setTimeout(r, 30));
    expect(pool.busyCount).toBe(0);
    expect(done).toBe(0);
    pool.resume();
    expect(pool.busyCount).toBe(2);
    const reference = new WorkerPool(inProcessWorker, 1);
    expect(await h.promise).toEqual(await reference.run(jobs).promise);
    pool.dispose();
    reference.dispose();
  });
});
