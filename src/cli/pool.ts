/**
 * Ensemble jobs on Node worker_threads. Every worker hosts the same Runner as the browser's
 * engine worker (src/worker/runner.ts) and speaks the same protocol ({type: 'job'} in,
 * {type: 'job-result'} or an error out), so the CLI and the browser compute each job with
 * the same code. Results are put back by job index: the output is identical whatever the
 * number of workers and whatever order jobs finish in. Always threads, even for one worker,
 * so `--workers 1` and `--workers N` run exactly the same path (workerSource.ts says how a
 * worker starts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EnsembleJob, JobResult } from '../engine/ensemble';
import { ConfigInvalidError } from '../engine/run';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { workerSource, type WorkerSource } from './workerSource';

export interface PoolProgress {
  /** The job that just finished. */
  index: number;
  done: number;
  total: number;
  /** Weighted fraction done, in [0, 1] (job counts when no weights were given). */
  fraction: number;
  elapsedMs: number;
  /** Estimated milliseconds left; null before the first result. */
  etaMs: number | null;
}

export interface RunJobsOptions {
  /** Relative cost of each job: heavy jobs are dispatched first and progress is weighted. */
  weights?: readonly number[];
  onProgress?: (p: PoolProgress) => void;
  /** Called as job `index` is handed to `worker` (how the tests kill a worker mid-job). */
  onDispatch?: (index: number, worker: Worker) => void;
}

/** One worker per core. */
export function defaultWorkers(): number {
  // The main thread only dispatches and waits, so every core can run a worker.
  return Math.max(1, availableParallelism());
}

interface Slot {
  worker: Worker;
  /** Job index being computed, or -1 when idle. */
  busy: number;
}

/**
 * A job whose worker died is computed again on a fresh worker; a second death on the same
 * job means the job itself kills workers (e.g. runs out of memory), and the run fails.
 */
const MAX_ATTEMPTS = 2;

export class ThreadPool {
  private readonly slots: Slot[] = [];
  private closed = false;
  /** Rejects the run in progress, if any. */
  private abort: ((e: Error) => void) | null = null;

  private constructor(
    private readonly source: WorkerSource,
    readonly size: number,
  ) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push({ worker: this.spawn(), busy: -1 });
  }

  private spawn(): Worker {
    return new Worker(this.source.entry, this.source.options);
  }

  static async create(size: number): Promise<ThreadPool> {
    return new ThreadPool(await workerSource(), size);
  }

  /**
   * One job list at a time. A worker that dies (killed, crashed) is replaced and its job
   * queued again: a job's result is a pure function of the job, so the output is the same
   * as an undisturbed run's. After a rejection (a job error, or a job that killed
   * MAX_ATTEMPTS workers) other workers may still be busy: close the pool rather than reuse it.
   */
  run(jobs: readonly EnsembleJob[], options: RunJobsOptions = {}): Promise<JobResult[]> {
    if (this.closed) return Promise.reject(new Error('the pool is closed'));
    const weights = options.weights ?? jobs.map(() => 1);
    const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
    // Longest first: a heavy job started last would leave the other workers idle at the end.
    const queue = jobs.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
    const attempts = new Array<number>(jobs.length).fill(0);
    const results = new Array<JobResult>(jobs.length);
    const started = performance.now();
    let done = 0;
    let doneWeight = 0;
    return new Promise<JobResult[]>((resolve, reject) => {
      if (jobs.length === 0) return resolve([]);
      const fail = (e: Error) => {
        this.detach();
        reject(e);
      };
      this.abort = fail;
      const feed = (slot: Slot) => {
        // Re-queued jobs go to the front: they were started long ago (heaviest first).
        const index = queue.shift();
        if (index === undefined) return;
        slot.busy = index;
        attempts[index]!++;
        const msg: ToWorker = { type: 'job', jobId: index, job: jobs[index]! };
        slot.worker.postMessage(msg);
        options.onDispatch?.(index, slot.worker);
      };
      const onResult = (slot: Slot, msg: FromWorker) => {
        if (msg.type === 'error' && msg.jobId !== undefined)
          return fail(msg.errors ? new ConfigInvalidError(msg.errors) : new Error(msg.message));
        if (msg.type !== 'job-result' || msg.jobId !== slot.busy) return;
        results[msg.jobId] = msg.result;
        slot.busy = -1;
        done++;
        doneWeight += weights[msg.jobId]!;
        const elapsedMs = performance.now() - started;
        const fraction = Math.min(1, doneWeight / totalWeight);
        options.onProgress?.({
          index: msg.jobId,
          done,
          total: jobs.length,
          fraction,
          elapsedMs,
          etaMs: (elapsedMs * (1 - fraction)) / fraction,
        });
        if (done === jobs.length) {
          this.detach();
          resolve(results);
        } else feed(slot);
      };
      const onDeath = (slot: Slot, why: string) => {
        const lost = slot.busy;
        slot.busy = -1;
        slot.worker.removeAllListeners();
        if (lost >= 0) {
          if (attempts[lost]! >= MAX_ATTEMPTS)
            return fail(new Error(`job ${lost} stopped ${MAX_ATTEMPTS} pool workers (${why})`));
          queue.unshift(lost);
        }
        slot.worker = this.spawn();
        wire(slot);
        feed(slot);
      };
      const wire = (slot: Slot) => {
        let why = 'exited';
        slot.worker.on('message', (msg: FromWorker) => onResult(slot, msg));
        // 'error' is always followed by 'exit'; the replacement happens there, once.
        slot.worker.on('error', (e: Error) => void (why = `crashed: ${e.message}`));
        slot.worker.on('exit', (code) => onDeath(slot, `${why}, code ${code}`));
      };
      for (const slot of this.slots) {
        wire(slot);
        feed(slot);
      }
    });
  }

  private detach(): void {
    this.abort = null;
    for (const s of this.slots)
      s.worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
  }

  /**
   * Terminates the workers. A run still in progress rejects, unless `quietly` (the process
   * is exiting on a signal and nobody is left to report it).
   */
  async close(quietly = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const abort = this.abort;
    this.detach();
    if (abort && !quietly) abort(new Error('the pool was closed before its jobs finished'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs a job list on a fresh pool of min(workers, jobs) threads and always shuts it down.
 * Ctrl-C terminates the workers, then re-raises the signal so the exit status says so.
 */
export async function runJobs(
  jobs: readonly EnsembleJob[],
  workers: number,
  options: RunJobsOptions = {},
): Promise<JobResult[]> {
  if (jobs.length === 0) return [];
  const pool = await ThreadPool.create(Math.min(workers, jobs.length));
  const onSignal = (signal: NodeJS.Signals) => {
    for (const s of SIGNALS) process.off(s, onSignal);
    void pool.close(true).finally(() => process.kill(process.pid, signal));
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await pool.run(jobs, options);
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
    await pool.close();
  }
}
