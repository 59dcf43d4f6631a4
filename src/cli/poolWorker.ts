/**
 * A CLI pool worker: the browser's engine Runner behind worker_threads' parentPort, so
 * ensemble jobs run through exactly the code the browser pool uses.
 */
import { parentPort } from 'node:worker_threads';
import { Runner } from '../worker/runner';
import type { FromWorker } from '../worker/protocol';

const port = parentPort;
if (!port) throw new Error('poolWorker.ts must run as a worker thread');

const runner = new Runner(
  { post: (msg: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(msg, transfer ?? []) },
  { now: () => performance.now(), later: (fn, ms) => void setTimeout(fn, ms) },
);

port.on('message', (msg: unknown) => runner.handle(msg));
