/**
 * A pool of engine workers for ensembles: jobs are queued here on the main thread and
 * handed one at a time to idle workers, so cancelling is just dropping the queue (and
 * replacing workers that are mid-job). Results are returned in job order, so the
 * numbers are identical whatever the pool size.
 */
import type { EnsembleJob, JobResult } from '../engine/ensemble';
import type { FromWorker } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import type { WorkerLike } from './client';

export interface PoolProgress {
  done: number;
  total: number;
  /** Estimated milliseconds left, from the mean job time so far; null before the first result. */
  etaMs: number | null;
  elapsedMs: number;
}

export interface EnsembleHandle {
  promise: Promise<JobResult[]>;
  cancel(): void;
}

interface Slot {
  worker: WorkerLike;
  busy: { batch: Batch; index: number } | null;
}

interface Batch {
  jobs: EnsembleJob[];
  results: (JobResult | undefined)[];
  next: number;
  done: number;
  started: number;
  cancelled: boolean;
  onProgress: (p: PoolProgress) => void;
  resolve: (r: JobResult[]) => void;
  reject: (e: Error) => void;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Batch[] = [];
  private nextJobId = 1;
  private readonly jobIds = new Map<number, Slot>();
  /** While paused no job is handed out; jobs already running finish (they cannot be cut). */
  private paused = false;

  constructor(
    private readonly factory: () => WorkerLike,
    readonly size: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  /**
   * Browser default: every core on a machine with few (a science view computing leaves
   * the page idle, and on 2 cores "all but one" would halve the speed); one spare core on
   * bigger machines, for the UI and any live runs.
   */
  static defaultSize(): number {
    const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
    return cores <= 4 ? cores : cores - 1;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.factory(), busy: null };
    slot.worker.onmessage = (e) => this.receive(slot, e.data);
    slot.worker.onerror = (e) =>
      this.fail(
        slot,
        `a pool worker crashed (${String((e as { message?: string })?.message ?? e)})`,
      );
    slot.worker.postMessage({ type: 'hello', version: PROTOCOL_VERSION });
    return slot;
  }

  run(
    jobs: EnsembleJob[],
    onProgress: (p: PoolProgress) => void = () => undefined,
  ): EnsembleHandle {
    let batch!: Batch;
    const promise = new Promise<JobResult[]>((resolve, reject) => {
      batch = {
        jobs,
        results: new Array(jobs.length),
        next: 0,
        done: 0,
        started: this.now(),
        cancelled: false,
        onProgress,
        resolve,
        reject,
      };
    });
    if (jobs.length === 0) batch.resolve([]);
    else {
      this.queue.push(batch);
      this.pump();
    }
    return { promise, cancel: () => this.cancel(batch) };
  }

  /** Holds the queue: an embedded figure scrolled out of view does no new work. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  /** Workers with a job in hand (at most `size`; none soon after `pause`). */
  get busyCount(): number {
    return this.slots.filter((s) => s.busy).length;
  }

  dispose(): void {
    for (const b of this.queue) this.cancel(b);
    for (const s of this.slots) s.worker.terminate();
    this.slots.length = 0;
  }

  private cancel(batch: Batch): void {
    if (batch.cancelled) return;
    batch.cancelled = true;
    const i = this.queue.indexOf(batch);
    if (i >= 0) this.queue.splice(i, 1);
    // Workers busy with this batch's jobs are replaced: a job cannot be interrupted.
    this.slots.forEach((s, k) => {
      if (s.busy?.batch === batch) {
        s.worker.onmessage = null;
        s.worker.terminate();
        this.slots[k] = this.spawn();
      }
    });
    batch.reject(new Error('cancelled'));
    this.pump();
  }

  private pump(): void {
    if (this.paused) return;
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const batch = this.queue.find((b) => b.next < b.jobs.length);
      if (!batch) return;
      const index = batch.next++;
      const jobId = this.nextJobId++;
      slot.busy = { batch, index };
      this.jobIds.set(jobId, slot);
      slot.worker.postMessage({ type: 'job', jobId, job: batch.jobs[index]! });
    }
  }

  private receive(slot: Slot, msg: FromWorker): void {
    if (msg.type !== 'job-result' && !(msg.type === 'error' && msg.jobId !== undefined)) return;
    const busy = slot.busy;
    this.jobIds.delete(msg.type === 'job-result' ? msg.jobId : msg.jobId!);
    slot.busy = null;
    if (!busy || busy.batch.cancelled) return this.pump();
    const b = busy.batch;
    if (msg.type === 'error') {
      this.cancelWith(b, new Error(msg.message));
      return this.pump();
    }
    b.results[busy.index] = msg.result;
    b.done++;
    const elapsed = this.now() - b.started;
    b.onProgress({
      done: b.done,
      total: b.jobs.length,
      elapsedMs: elapsed,
      etaMs: (elapsed / b.done) * (b.jobs.length - b.done),
    });
    if (b.done === b.jobs.length) {
      const i = this.queue.indexOf(b);
      if (i >= 0) this.queue.splice(i, 1);
      b.resolve(b.results as JobResult[]);
    }
    this.pump();
  }

  private cancelWith(b: Batch, err: Error): void {
    b.cancelled = true;
    const i = this.queue.indexOf(b);
    if (i >= 0) this.queue.splice(i, 1);
    b.reject(err);
  }

  private fail(slot: Slot, reason: string): void {
    const k = this.slots.indexOf(slot);
    const busy = slot.busy;
    slot.worker.terminate();
    if (k >= 0) this.slots[k] = this.spawn();
    if (busy && !busy.batch.cancelled) this.cancelWith(busy.batch, new Error(reason));
    this.pump();
  }
}
