/**
 * A diverging run: whatever the engine meets on the way out (overflow, NaN gradients),
 * only finite numbers reach the buffers, the charts' series and the exports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Controller } from './controller';
import { configStore, initialConfigState } from './configStore';
import { runBuffers, METRIC_KEYS, POINT_KEYS } from './buffers';
import { runsStore } from './runsStore';
import { Runner } from '../worker/runner';
import type { WorkerLike } from './client';
import type { FromWorker } from '../worker/protocol';

function worker(): WorkerLike {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => void (w.onmessage = null),
    postMessage: (msg) => queueMicrotask(() => runner.handle(structuredClone(msg))),
  };
  const runner = new Runner(
    { post: (m: FromWorker) => void setTimeout(() => w.onmessage?.({ data: m }), 0) },
    { now: () => performance.now(), later: (fn, ms) => void setTimeout(fn, ms) },
  );
  return w;
}

let controller: Controller | null = null;
afterEach(() => {
  controller?.dispose();
  configStore.setState(initialConfigState());
});

describe('divergence', () => {
  it.each(['bowl', 'sharp-flat', 'quadratic-nd'] as const)(
    '%s at the largest learning rate: diverged, and no NaN or infinity in any buffer',
    async (preset) => {
      const state = initialConfigState(preset);
      state.base.lr = 1e4;
      state.base.budget = { unit: 'steps', amount: 300 };
      configStore.setState(state);
      controller = new Controller(worker);
      controller.setSpeed(Infinity);
      controller.init();
      const t0 = Date.now();
      while (
        !runsStore.getState().runs.every((r) => r.state === 'diverged' || r.state === 'done')
      ) {
        if (Date.now() - t0 > 20_000)
          throw new Error(
            `timed out: ${JSON.stringify(runsStore.getState().runs.map((r) => [r.state, r.steps]))}`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
      const runs = runsStore.getState().runs;
      expect(runs.some((r) => r.state === 'diverged')).toBe(true);
      for (const r of runs) {
        const b = runBuffers.get(r.id)!;
        expect(b.count).toBeGreaterThan(0);
        for (const v of b.positions.subarray(0, 2 * b.count)) expect(Number.isFinite(v)).toBe(true);
        for (const k of POINT_KEYS)
          for (const v of b.points[k].subarray(0, b.count))
            expect(Number.isFinite(v), k).toBe(true);
        for (const k of METRIC_KEYS)
          for (const v of b.series[k]) expect(v === null || Number.isFinite(v), k).toBe(true);
        if (r.state === 'diverged') expect(r.divergedAt).toBeGreaterThan(0);
      }
    },
    30_000,
  );
});
