/**
 * The benchmarks' engine worker: the browser's Runner (src/worker/runner.ts) behind
 * worker_threads' parentPort, exactly as src/cli/poolWorker.ts wires it, plus one
 * bench-only message that reports this thread's heap after a forced collection (the
 * Runner never sees it).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { Runner } from '../src/worker/runner';
import type { FromWorker } from '../src/worker/protocol';

const port = parentPort;
if (!port) throw new Error('runnerWorker.ts must run as a worker thread');

const runner = new Runner(
  { post: (msg: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(msg, transfer ?? []) },
  { now: () => performance.now(), later: (fn, ms) => void setTimeout(fn, ms) },
);

port.on('message', (msg: unknown) => {
  if ((msg as { soak?: string }).soak === 'heap') {
    (globalThis as { gc?: () => void }).gc?.();
    // Per isolate (this thread); typed-array stores are process-wide and counted by the
    // main thread.
    port.postMessage({ soak: 'heap', heapUsed: getHeapStatistics().used_heap_size });
    return;
  }
  runner.handle(msg);
});
