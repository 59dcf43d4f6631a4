/**
 * Benchmarks' stand-in for the browser's engine Worker: bench/runnerWorker.ts (the same
 * Runner as src/worker/engine.worker.ts) in a worker thread, behind the WorkerLike
 * interface the page's EngineClient and WorkerPool use. Bundled once by the function the
 * CLI's pool uses (src/cli/workerSource.ts explains why).
 */
import { Worker } from 'node:worker_threads';
import { bundle } from '../src/cli/workerSource';
import type { WorkerLike } from '../src/state/client';
import type { FromWorker } from '../src/worker/protocol';

export interface BenchWorker extends WorkerLike {
  /** This worker's JS heap (bytes, after a forced collection when run with --expose-gc). */
  probe(): Promise<number>;
  /** CPU milliseconds the worker thread has run so far (null where the OS does not say). */
  cpu(): Promise<number | null>;
  /** Milliseconds the worker's event loop has waited for messages so far (nothing to do). */
  idleMs(): number;
}

let code: Promise<string> | null = null;

export function workerCode(): Promise<string> {
  code ??= bundle(new URL('./runnerWorker.ts', import.meta.url)).then((w) => String(w.entry));
  return code;
}

/** `onFrame` sees every frame as it arrives (runId, the run's step count). */
export function nodeWorker(
  source: string,
  onFrame: (runId: string, steps: number) => void = () => undefined,
): BenchWorker {
  const w = new Worker(source, { eval: true });
  const heaps: ((bytes: number) => void)[] = [];
  const cpus: ((ms: number | null) => void)[] = [];
  const like: BenchWorker = {
    onmessage: null,
    onerror: null,
    postMessage: (msg, transfer) => w.postMessage(msg, (transfer ?? []) as ArrayBuffer[]),
    terminate: () => void w.terminate(),
    probe: () =>
      new Promise((resolve) => {
        heaps.push(resolve);
        w.postMessage({ soak: 'heap' });
      }),
    cpu: () =>
      new Promise((resolve) => {
        cpus.push(resolve);
        w.postMessage({ soak: 'cpu' });
      }),
    idleMs: () => w.performance.eventLoopUtilization().idle,
  };
  type Probe = { soak: 'heap'; heapUsed: number } | { soak: 'cpu'; cpuMs: number | null };
  w.on('message', (data: FromWorker | Probe) => {
    if ('soak' in data)
      return data.soak === 'heap' ? heaps.shift()?.(data.heapUsed) : cpus.shift()?.(data.cpuMs);
    if (data.type === 'frame') onFrame(data.runId, data.steps);
    like.onmessage?.({ data });
  });
  w.on('error', (e) => like.onerror?.(e));
  return like;
}
