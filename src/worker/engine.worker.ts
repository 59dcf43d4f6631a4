/** Thin browser shell: wires the runner to this Worker's postMessage. */
import { Runner } from './runner';
import type { FromWorker } from './protocol';

// The project compiles against the DOM lib; declare just the worker globals used here.
interface WorkerScope {
  postMessage(msg: unknown, transfer: ArrayBuffer[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
}
declare const self: WorkerScope;

const runner = new Runner(
  {
    post: (msg: FromWorker, transfer?: ArrayBuffer[]) => self.postMessage(msg, transfer ?? []),
  },
  { now: () => performance.now(), later: (fn, ms) => void setTimeout(fn, ms) },
);

self.onmessage = (e: MessageEvent) => {
  try {
    runner.handle(e.data);
  } catch (err) {
    self.postMessage(
      { type: 'error', message: `worker error: ${(err as Error).message}` } satisfies FromWorker,
      [],
    );
  }
};
