/**
 * State of the science views' ensembles: one experiment per view, run on the worker
 * pool, with progress, a time estimate and cancellation. Results are kept in job order
 * next to the spec that produced them; views aggregate them with engine/experiments.
 */
import { createStore } from 'zustand/vanilla';
import type { EnsembleJob, JobResult } from '../engine/ensemble';
import type { EnsembleHandle, PoolProgress, WorkerPool } from './pool';

export type ExperimentId = 'sweep' | 'remedies' | 'network' | 'diffusion' | 'keskar' | 'stability';

export interface ExperimentState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  progress: PoolProgress;
  results: JobResult[] | null;
  /** Identifies the spec the results belong to (e.g. its URL encoding). */
  specKey: string | null;
  error: string | null;
  /** Bumped by `requestRerun`: the view runs its current spec afresh (the embed's reset). */
  rerunRequests: number;
}

const idle = (): ExperimentState => ({
  status: 'idle',
  progress: { done: 0, total: 0, etaMs: null, elapsedMs: 0 },
  results: null,
  specKey: null,
  error: null,
  rerunRequests: 0,
});

export type EnsembleState = Record<ExperimentId, ExperimentState>;

export const ensembleStore = createStore<EnsembleState>(() => ({
  sweep: idle(),
  remedies: idle(),
  network: idle(),
  diffusion: idle(),
  keskar: idle(),
  stability: idle(),
}));

let pool: WorkerPool | null = null;
let makePool: (() => WorkerPool) | null = null;
let poolPaused = false;
const handles = new Map<ExperimentId, EnsembleHandle>();

/** The app registers how to make its pool; it is created on first use. */
export function setPoolFactory(factory: () => WorkerPool): void {
  makePool = factory;
}

export function poolSize(): number {
  return pool?.size ?? 0;
}

/** Pool workers busy with a job right now (0 before the pool exists). */
export function poolBusy(): number {
  return pool?.busyCount ?? 0;
}

/** Holds or releases the pool's queue (the pool made later starts in this state). */
export function setPoolPaused(paused: boolean): void {
  poolPaused = paused;
  if (paused) pool?.pause();
  else pool?.resume();
}

/** Asks the view showing `id` to run its current spec again. */
export function requestRerun(id: ExperimentId): void {
  cancelExperiment(id);
  update(id, {
    status: 'cancelled',
    rerunRequests: ensembleStore.getState()[id].rerunRequests + 1,
  });
}

function update(id: ExperimentId, patch: Partial<ExperimentState>): void {
  ensembleStore.setState((s) => ({ [id]: { ...s[id], ...patch } }) as Partial<EnsembleState>);
}

/** Starts (or restarts) an experiment; a previous run of the same view is cancelled. */
export function runExperiment(
  id: ExperimentId,
  jobs: EnsembleJob[],
  specKey: string,
): Promise<void> {
  if (!pool) {
    if (!makePool) throw new Error('no worker pool configured');
    pool = makePool();
    if (poolPaused) pool.pause();
  }
  handles.get(id)?.cancel();
  update(id, {
    status: 'running',
    specKey,
    results: null,
    error: null,
    progress: { done: 0, total: jobs.length, etaMs: null, elapsedMs: 0 },
  });
  // Progress reaches the store at most ~10 times a second.
  let last = 0;
  const handle = pool.run(jobs, (p) => {
    const t = performance.now();
    if (p.done === p.total || t - last > 100) {
      last = t;
      update(id, { progress: p });
    }
  });
  handles.set(id, handle);
  return handle.promise.then(
    (results) => {
      if (handles.get(id) === handle) update(id, { status: 'done', results });
    },
    (e: Error) => {
      if (handles.get(id) !== handle) return;
      update(
        id,
        e.message === 'cancelled' ? { status: 'cancelled' } : { status: 'error', error: e.message },
      );
    },
  );
}

export function cancelExperiment(id: ExperimentId): void {
  handles.get(id)?.cancel();
}
