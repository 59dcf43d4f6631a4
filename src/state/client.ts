/**
 * The main thread's side of the worker protocol: sends commands, appends incoming
 * frames to the run buffers, acknowledges them (back-pressure), and watches the
 * worker — a crashed or silent worker is replaced and its runs restarted, and the
 * user is told.
 *
 * Every start of a run id gets a new generation (protocol.ts). Whatever arrives about a
 * run of an older generation — frames, status, data posted by the worker before it saw
 * the restart — is dropped here, before it reaches a buffer or a store, and is not acked.
 */
import type { FromWorker, NetSliceSetting, ToWorker } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';

export interface WorkerLike {
  postMessage(msg: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: { data: FromWorker }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

export interface ClientHandlers {
  onMessage(msg: FromWorker): void;
  /**
   * The worker was replaced; `reason` is shown to the user. `restarted` names the runs
   * started again from step 0 (runs that had already ended are left as they were).
   */
  onRestart(reason: string, restarted: string[]): void;
}

type SurfaceRequest = Extract<ToWorker, { type: 'surface' }>;

/** A surface request re-sent this many times after restarts is given up (it kills the worker). */
const SURFACE_TRIES = 3;

type SurfaceReply = Extract<FromWorker, { type: 'surface' }>;

/** Watchdog timing: ping interval and how long a silent worker is tolerated. */
export interface WatchTiming {
  pingMs: number;
  hangMs: number;
  /**
   * Silence tolerated from a fresh worker before its first message (default 4 × hangMs):
   * it is still fetching and compiling the engine, which on a slow school machine under
   * load can take longer than a running worker may stay quiet.
   */
  startMs?: number;
}
const DEFAULT_TIMING: WatchTiming = { pingMs: 1000, hangMs: 5000 };

export class EngineClient {
  private worker: WorkerLike;
  private readonly active = new Map<
    string,
    { gen: number; config: unknown; paused: boolean; sliceOf?: unknown[]; ended: boolean }
  >();
  /** Last generation given to each run id; never reset, so stopping and starting again moves on. */
  private readonly gens = new Map<string, number>();
  private readonly surfaceWaiters = new Map<
    number,
    {
      request: SurfaceRequest;
      tries: number;
      resolve: (s: SurfaceReply) => void;
      reject: (e: Error) => void;
    }
  >();
  /** The worker said it is busy until then (a long surface): silence is expected. */
  private busyUntil = 0;
  private nextRequest = 1;
  private nextPing = 1;
  private lastPong = 0;
  /** Whether the current worker has sent anything yet (see WatchTiming.startMs). */
  private heard = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private speed = 1;
  private netSetting: NetSliceSetting | null = null;

  constructor(
    private readonly factory: () => WorkerLike,
    private readonly handlers: ClientHandlers,
    private readonly now: () => number = () => performance.now(),
    private readonly timing: WatchTiming = DEFAULT_TIMING,
  ) {
    this.worker = this.spawn();
  }

  private spawn(): WorkerLike {
    const w = this.factory();
    w.onmessage = (e) => this.receive(e.data);
    w.onerror = (e) =>
      this.restart(`The engine stopped unexpectedly (${describeError(e)}); it was restarted.`);
    w.postMessage({ type: 'hello', version: PROTOCOL_VERSION });
    this.lastPong = this.now();
    this.heard = false;
    return w;
  }

  /** Starts watching for hangs (call once the app is up; tests may skip it). */
  watch(): void {
    if (this.timer) return;
    const { pingMs, hangMs } = this.timing;
    let lastCheck = this.now();
    this.timer = setInterval(() => {
      const now = this.now();
      // If this timer itself ran late, the main thread was busy (replies may still be
      // queued behind it): that is no evidence against the worker, so start over.
      if (now - lastCheck > pingMs + hangMs / 2) this.lastPong = now;
      lastCheck = now;
      const limit = this.heard ? hangMs : (this.timing.startMs ?? 4 * hangMs);
      if (now - this.lastPong > limit && now > this.busyUntil) {
        this.restart('The engine stopped responding; it was restarted.');
        return;
      }
      this.post({ type: 'ping', id: this.nextPing++ });
    }, pingMs);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.worker.terminate();
  }

  /**
   * A fresh worker, brought back to where the page is: unfinished runs start again from
   * step 0 (deterministic, so they retrace the same path); runs that had ended stay ended;
   * surface requests in flight are sent again, unless one has already taken the worker
   * down SURFACE_TRIES times.
   */
  private restart(reason: string): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = this.spawn();
    this.busyUntil = 0;
    this.post({ type: 'speed', multiplier: this.speed });
    if (this.netSetting) this.post({ type: 'net-slice', ...this.netSetting });
    const restarted: string[] = [];
    for (const [runId, r] of [...this.active]) {
      if (r.ended) continue;
      restarted.push(runId);
      this.start(runId, r.config, r.paused, r.sliceOf);
    }
    for (const [id, w] of this.surfaceWaiters) {
      if (++w.tries >= SURFACE_TRIES) {
        this.surfaceWaiters.delete(id);
        w.reject(new Error('engine restarted'));
      } else this.post(w.request);
    }
    this.handlers.onRestart(reason, restarted);
  }

  private post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  private receive(msg: FromWorker): void {
    this.lastPong = this.now();
    this.heard = true;
    if (msg.type === 'busy') {
      // Generous: the estimate is from a few samples, and the page may be busy too.
      this.busyUntil = Math.max(this.busyUntil, this.now() + 3 * msg.ms + this.timing.hangMs);
      return;
    }
    // Request 0: the network lab's slice surfaces, which the worker sends unasked.
    if (msg.type === 'surface' && msg.requestId !== 0) {
      this.busyUntil = 0;
      const w = this.surfaceWaiters.get(msg.requestId);
      this.surfaceWaiters.delete(msg.requestId);
      w?.resolve(msg);
      return;
    }
    if (msg.type === 'error' && msg.requestId !== undefined) {
      const w = this.surfaceWaiters.get(msg.requestId);
      this.surfaceWaiters.delete(msg.requestId);
      w?.reject(new Error(msg.message));
      return;
    }
    if (msg.type === 'surface' && msg.net?.paths)
      msg.net.paths = msg.net.paths.filter((p) => this.isCurrent(p.runId, p.gen));
    if (isAboutRun(msg) && !this.isCurrent(msg.runId, msg.gen)) return;
    if (msg.type === 'frame') {
      this.handlers.onMessage(msg);
      this.post({ type: 'ack', runId: msg.runId, gen: msg.gen, seq: msg.seq });
      if (msg.state !== 'running' && msg.state !== 'paused') {
        const r = this.active.get(msg.runId)!;
        r.paused = true;
        r.ended = true;
      }
      return;
    }
    this.handlers.onMessage(msg);
  }

  /** `sliceOf`: for N-D landscapes, the compared runs' configs that define the slice. */
  start(runId: string, config: unknown, paused = false, sliceOf?: unknown[]): number {
    const gen = (this.gens.get(runId) ?? 0) + 1;
    this.gens.set(runId, gen);
    this.active.set(runId, { gen, config, paused, sliceOf, ended: false });
    this.post({ type: 'start', runId, gen, config, paused, sliceOf });
    return gen;
  }

  /**
   * Whether a message about `runId` of generation `gen` is about the run as it is now:
   * false for a run stopped or started again since (its leftovers still in flight).
   */
  isCurrent(runId: string, gen: number | undefined): boolean {
    return this.active.get(runId)?.gen === gen;
  }

  stop(runId?: string): void {
    if (runId === undefined) this.active.clear();
    else this.active.delete(runId);
    this.post({ type: 'stop', runId });
  }

  pause(): void {
    for (const r of this.active.values()) r.paused = true;
    this.post({ type: 'pause' });
  }

  resume(): void {
    for (const r of this.active.values()) r.paused = false;
    this.post({ type: 'resume' });
  }

  step(steps: number): void {
    for (const r of this.active.values()) r.paused = true;
    this.post({ type: 'step', steps });
  }

  /** Network lab: the slice around a run's current weights (kept across engine restarts). */
  netSlice(setting: NetSliceSetting): void {
    this.netSetting = setting;
    this.post({ type: 'net-slice', ...setting });
  }

  setSpeed(multiplier: number): void {
    this.speed = multiplier;
    this.post({ type: 'speed', multiplier });
  }

  surface(
    config: unknown,
    res: number,
    opts: { box?: { lo: number[]; hi: number[] }; sliceOf?: unknown[] } = {},
  ): Promise<SurfaceReply> {
    const requestId = this.nextRequest++;
    const request: SurfaceRequest = { type: 'surface', requestId, config, res, ...opts };
    return new Promise((resolve, reject) => {
      this.surfaceWaiters.set(requestId, { request, tries: 0, resolve, reject });
      this.post(request);
    });
  }
}

/** Messages that concern one run (an error does when it names one). */
function isAboutRun(msg: FromWorker): msg is FromWorker & { runId: string; gen?: number } {
  return 'runId' in msg && typeof msg.runId === 'string';
}

function describeError(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e)
    return String((e as { message: unknown }).message);
  return 'unknown error';
}
