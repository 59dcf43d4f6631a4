/**
 * The benchmarks' engine worker: the browser's Runner (src/worker/runner.ts) behind
 * worker_threads' parentPort, exactly as src/cli/poolWorker.ts wires it, plus one
 * bench-only message that reports this thread's heap after a forced collection (the
 * Runner never sees it).
 */
import { readFileSync } from 'node:fs';
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

/**
 * CPU milliseconds this thread has run (Linux: /proc/thread-self; null elsewhere), so a
 * benchmark can tell work that got slower from a thread that got less of the machine.
 */
function threadCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in 1/100 s ticks
  } catch {
    return null;
  }
}

port.on('message', (msg: unknown) => {
  if ((msg as { soak?: string }).soak === 'cpu') {
    port.postMessage({ soak: 'cpu', cpuMs: threadCpuMs() });
    return;
  }
  if ((msg as { soak?: string }).soak === 'heap') {
    (globalThis as { gc?: () => void }).gc?.();
    // Per isolate (this thread); typed-array stores are process-wide and counted by the
    // main thread.
    port.postMessage({ soak: 'heap', heapUsed: getHeapStatistics().used_heap_size });
    return;
  }
  runner.handle(msg);
});
