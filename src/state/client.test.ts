/**
 * The watchdog's patience with a fresh worker: silence while it starts (fetching and
 * compiling the engine) is tolerated up to startMs; once it has spoken, hangMs applies.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, type WorkerLike } from './client';
import type { FromWorker, ToWorker } from '../worker/protocol';

/** A worker that answers pings only after `wakeMs` (or never, with Infinity). */
function sleepyWorker(wakeMs: number, spawnedAt: () => number) {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(msg: ToWorker) {
      if (msg.type === 'ping' && Date.now() - spawnedAt() >= wakeMs)
        w.onmessage?.({ data: { type: 'pong', id: msg.id } as FromWorker });
    },
  };
  return w;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('EngineClient watchdog', () => {
  const timing = { pingMs: 20, hangMs: 100, startMs: 400 };

  function client(wakeMs: number) {
    vi.useFakeTimers();
    const reasons: string[] = [];
    let born = Date.now();
    const c = new EngineClient(
      () => {
        born = Date.now();
        return sleepyWorker(wakeMs, () => born);
      },
      { onMessage: () => undefined, onRestart: (r) => reasons.push(r) },
      () => Date.now(),
      timing,
    );
    c.watch();
    return { c, reasons };
  }

  it('waits out a slow start longer than hangMs, then holds a live worker to hangMs', () => {
    const { c, reasons } = client(250);
    vi.advanceTimersByTime(1000);
    expect(reasons).toEqual([]);
    c.dispose();
  });

  it('replaces a worker that never says anything, after startMs', () => {
    const { c, reasons } = client(Infinity);
    vi.advanceTimersByTime(timing.startMs - timing.pingMs);
    expect(reasons).toEqual([]);
    vi.advanceTimersByTime(4 * timing.pingMs);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/stopped responding/);
    c.dispose();
  });
});
