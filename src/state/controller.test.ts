import { afterEach, describe, expect, it } from 'vitest';
import { Controller } from './controller';
import { engineConfig } from './engineConfig';
import { configStore, initialConfigState, patchBase, runSpecs, setComparison } from './configStore';
import { runBuffers } from './buffers';
import { runsStore } from './runsStore';
import { surfaceStore } from './surfaceStore';
import type { WorkerLike } from './client';
import { Runner } from '../worker/runner';
import type { FromWorker, ToWorker } from '../worker/protocol';

/** The real runner in-process, behind the Worker interface (messages async, as in a browser). */
/**
 * `answer`: handles only that many messages, then hangs (a worker that stops mid-run);
 * `ignore`: messages it never answers.
 */
function inProcessWorker(
  log: ToWorker[],
  opts: { silent?: boolean; answer?: number; ignore?: (m: ToWorker) => boolean } = {},
): WorkerLike {
  let handled = 0;
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => void (w.onmessage = null),
    postMessage: (msg) => {
      log.push(msg);
      if (opts.silent || opts.ignore?.(msg) || handled++ >= (opts.answer ?? Infinity)) return;
      queueMicrotask(() => runner.handle(structuredClone(msg)));
    },
  };
  const runner = new Runner(
    { post: (m: FromWorker) => void setTimeout(() => w.onmessage?.({ data: m }), 0) },
    { now: () => performance.now(), later: (fn, ms) => void setTimeout(fn, ms) },
  );
  return w;
}

const until = async (cond: () => boolean, ms = 5000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

let controller: Controller | null = null;
afterEach(() => {
  controller?.dispose();
  controller = null;
  configStore.setState(initialConfigState());
});

/**
 * The real runner behind the Worker interface, but what it sends is held until `deliver()`:
 * the window in which a browser worker's frames are posted and not yet received.
 */
function heldWorker() {
  const held: FromWorker[] = [];
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => void (w.onmessage = null),
    postMessage: (msg) => runner.handle(structuredClone(msg)),
  };
  const runner = new Runner(
    { post: (m: FromWorker) => void held.push(m) },
    { now: () => performance.now(), later: (fn, ms) => void setTimeout(fn, ms) },
  );
  const deliver = () => {
    for (const m of held.splice(0)) w.onmessage?.({ data: m });
  };
  return { worker: w, deliver, held };
}

describe('Controller', () => {
  it('drops what a run sent before its restart: the new buffers hold only the new run', async () => {
    configStore.setState(initialConfigState('bowl'));
    const h = heldWorker();
    controller = new Controller(() => h.worker);
    controller.setSpeed(50);
    controller.init();
    await until(() => h.held.filter((m) => m.type === 'frame').length >= 4);
    // Still in flight: the first runs' frames, start point included. The user picks another
    // start and a larger batch for run 0 (the → key, a click on the surface).
    setComparison({ field: 'batch', values: [32, 256] });
    expect(patchBase({ start: [0.7, -0.4] })).toBe(true);
    h.deliver();
    await until(() => h.held.some((m) => m.type === 'frame' && m.runId === 'run0'));
    h.deliver();
    const buf = runBuffers.get('run0')!;
    expect(buf.count).toBeGreaterThan(0);
    expect(buf.start).toEqual([0.7, -0.4]);
    expect([buf.positions[0], buf.positions[1]]).toEqual([Math.fround(0.7), Math.fround(-0.4)]);
    // One path, not two spliced: steps only go up, and every point is at the new batch size.
    for (let i = 1; i < buf.count; i++) expect(buf.steps[i]).toBeGreaterThan(buf.steps[i - 1]!);
    for (let i = 0; i < buf.count; i++) expect(buf.points.batch[i]).toBe(32);
    expect(buf.metricSteps.every((s, i) => i === 0 || s > buf.metricSteps[i - 1]!)).toBe(true);
    expect(runsStore.getState().runs[0]!.batch).toBe(32);
  });

  it('streams two compared runs into buffers and the runs store until done', async () => {
    configStore.setState(initialConfigState('bowl'));
    const log: ToWorker[] = [];
    controller = new Controller(() => inProcessWorker(log));
    controller.setSpeed(50);
    controller.init();
    await until(() => runsStore.getState().runs.every((r) => r.state === 'done'));
    const runs = runsStore.getState().runs;
    expect(runs.map((r) => r.label)).toEqual(['B = 8', 'B = 256']);
    expect(new Set(runs.map((r) => r.color)).size).toBe(2);
    for (const r of runs) {
      const buf = runBuffers.get(r.id)!;
      expect(buf.count).toBeGreaterThan(1);
      expect(r.last?.trainLoss).toBeTypeOf('number');
    }
    expect(log.some((m) => m.type === 'ack')).toBe(true);
    await until(() => surfaceStore.getState().data !== null);
  });

  it('restarts runs when the config changes, dropping the old buffers', async () => {
    configStore.setState(initialConfigState('bowl'));
    const log: ToWorker[] = [];
    controller = new Controller(() => inProcessWorker(log));
    controller.init();
    const before = runBuffers.get('run0');
    expect(patchBase({ seed: 5 })).toBe(true);
    expect(runBuffers.get('run0')).not.toBe(before);
    setComparison({ field: 'batch', values: [4, 16, 64] });
    expect(runsStore.getState().runs).toHaveLength(3);
    expect(patchBase({ batch: -1 })).toBe(false);
    expect(configStore.getState().notices.at(-1)).toMatch(/batch/);
  });

  it('replaces a worker that stops answering and restarts its runs', async () => {
    configStore.setState(initialConfigState('bowl'));
    let spawned = 0;
    const log: ToWorker[] = [];
    // Short watchdog timings so the test sees a hang in a fraction of a second.
    controller = new Controller(
      () => inProcessWorker(log, { silent: spawned++ === 0 }),
      () => performance.now(),
      { pingMs: 20, hangMs: 150 },
    );
    controller.init();
    await until(() => spawned === 2, 3000);
    expect(spawned).toBe(2);
    expect(runsStore.getState().engineNotice).toMatch(/restarted/);
    await until(() => runsStore.getState().runs.every((r) => r.state !== 'starting'));
  });

  it('after replacing a worker that hung mid-run, each run is recorded once from its start', async () => {
    configStore.setState(initialConfigState('bowl'));
    let spawned = 0;
    const log: ToWorker[] = [];
    // The first worker takes hello, both starts and the first surface request, then hangs.
    controller = new Controller(
      () => inProcessWorker(log, spawned++ === 0 ? { answer: 4 } : {}),
      () => performance.now(),
      { pingMs: 20, hangMs: 150 },
    );
    controller.init();
    await until(() => runBuffers.get('run0')!.metricSteps.length > 0, 3000);
    await until(() => spawned === 2, 3000);
    await until(() => runBuffers.get('run0')!.metricSteps.length > 2, 3000);
    for (const id of ['run0', 'run1']) {
      const steps = runBuffers.get(id)!.metricSteps;
      expect(steps[0]).toBe(0);
      for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]!);
    }
  });

  it('frames N-D views on the runs: starts and the surface name the same compared configs', async () => {
    const state = initialConfigState('quadratic-nd');
    state.base.landscape = { ...state.base.landscape, dim: 12, n: 128, nTest: 128 };
    state.base.budget = { unit: 'epochs', amount: 2 };
    state.compare = { field: 'seed', values: [1, 2] };
    configStore.setState(state);
    const log: ToWorker[] = [];
    controller = new Controller(() => inProcessWorker(log));
    controller.setSpeed(50);
    controller.init();
    const expected = runSpecs(configStore.getState()).map(engineConfig);
    const starts = log.filter((m): m is Extract<ToWorker, { type: 'start' }> => m.type === 'start');
    const surface = log.find(
      (m): m is Extract<ToWorker, { type: 'surface' }> => m.type === 'surface',
    );
    for (const m of starts) expect(m.sliceOf).toEqual(expected);
    expect(surface?.sliceOf).toEqual(expected);
    await until(() => runsStore.getState().runs.every((r) => r.state === 'done'));
    // The first run's start is the slice's centre; seed 2 starts elsewhere on it.
    expect(runBuffers.get('run0')!.start).toEqual([0, 0]);
    expect(Math.hypot(...(runBuffers.get('run1')!.start as [number, number]))).toBeGreaterThan(0.1);
    expect(runBuffers.get('run1')!.offSlice).toBeGreaterThan(0);
    await until(() => surfaceStore.getState().data?.slice !== undefined);
    expect(surfaceStore.getState().data!.slice!.kind).toBe('path');
  });

  describe('after an engine restart', () => {
    const ended = () => runsStore.getState().runs.every((r) => r.state === 'done');
    /** A controller whose first worker can be crashed on demand (as `onerror` reports it). */
    function crashable(opts: { ignoreFirst?: (m: ToWorker) => boolean } = {}) {
      const workers: WorkerLike[] = [];
      const log: ToWorker[] = [];
      controller = new Controller(
        () => {
          const w = inProcessWorker(log, workers.length === 0 ? { ignore: opts.ignoreFirst } : {});
          workers.push(w);
          return w;
        },
        () => performance.now(),
        { pingMs: 20, hangMs: 150 },
      );
      const crash = () => workers[0]!.onerror?.({ message: 'boom' });
      return { workers, log, crash };
    }

    it('keeps finished runs finished, with their buffers as they were', async () => {
      configStore.setState(initialConfigState('bowl'));
      const { workers, crash } = crashable();
      controller!.setSpeed(50);
      controller!.init();
      await until(ended);
      const counts = ['run0', 'run1'].map((id) => runBuffers.get(id)?.count);
      const buffers = ['run0', 'run1'].map((id) => runBuffers.get(id));
      crash();
      expect(workers).toHaveLength(2);
      await new Promise((r) => setTimeout(r, 100));
      expect(runsStore.getState().engineNotice).toMatch(/boom/);
      expect(ended()).toBe(true);
      expect(['run0', 'run1'].map((id) => runBuffers.get(id))).toEqual(buffers);
      expect(['run0', 'run1'].map((id) => runBuffers.get(id)?.count)).toEqual(counts);
    });

    it('restarts unfinished runs from step 0 with empty buffers: the same points as an undisturbed run', async () => {
      configStore.setState(initialConfigState('bowl'));
      const undisturbed = crashable();
      controller!.setSpeed(20);
      controller!.init();
      await until(ended);
      const want = runBuffers.get('run0')!.count;
      const wantHash = runBuffers.get('run0')!.positions.slice(0, want * 2);
      controller!.dispose();
      expect(undisturbed.workers).toHaveLength(1);

      const { crash } = crashable();
      controller!.setSpeed(20);
      controller!.init();
      await until(() => (runBuffers.get('run0')?.count ?? 0) > 0);
      crash();
      const r0 = runsStore.getState().runs[0]!;
      expect([r0.state, r0.steps, runBuffers.get('run0')!.count]).toEqual(['starting', 0, 0]);
      await until(ended);
      expect(runBuffers.get('run0')!.count).toBe(want);
      expect(runBuffers.get('run0')!.positions.slice(0, want * 2)).toEqual(wantHash);
    });

    it('sends a pending surface request again, so the surface still arrives', async () => {
      configStore.setState(initialConfigState('bowl'));
      surfaceStore.setState({ data: null, loading: true });
      const { log, crash } = crashable({ ignoreFirst: (m) => m.type === 'surface' });
      controller!.init();
      await new Promise((r) => setTimeout(r, 30));
      expect(surfaceStore.getState().data).toBeNull();
      crash();
      await until(() => surfaceStore.getState().data !== null && !surfaceStore.getState().loading);
      expect(surfaceStore.getState().preview).toBeFalsy();
      // Each request (the coarse preview and the full surface) went to the hung worker once
      // and to its replacement once.
      const ids = log.filter((m) => m.type === 'surface').map((m) => m.requestId);
      const unique = [...new Set(ids)];
      expect(unique.length).toBeGreaterThanOrEqual(1);
      for (const id of unique) expect(ids.filter((x) => x === id)).toHaveLength(2);
    });
  });

  it('does not take a worker computing a long surface for a hung one', async () => {
    configStore.setState(initialConfigState('bowl'));
    let spawned = 0;
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => {},
      postMessage: (msg) => {
        // Answers nothing but one 'busy' for the surface: 600 ms of silence, hang limit 150.
        if (msg.type === 'surface')
          setTimeout(
            () => w.onmessage?.({ data: { type: 'busy', requestId: msg.requestId, ms: 200 } }),
            0,
          );
      },
    };
    controller = new Controller(
      () => (spawned++ === 0 ? w : inProcessWorker([])),
      () => performance.now(),
      { pingMs: 20, hangMs: 150 },
    );
    controller.init();
    await new Promise((r) => setTimeout(r, 600));
    expect(spawned).toBe(1);
    // …but it is replaced once the announced time (with its margin) has run out.
    await until(() => spawned === 2, 3000);
  });
});
