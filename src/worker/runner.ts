/**
 * Drives engine runs against an abstract endpoint, so the same code serves a browser
 * Worker, Node worker_threads and tests. Runs advance in time-sliced chunks paced to
 * a playback rate; each run sends at most one frame per tick and waits for acks when
 * MAX_FRAMES_IN_FLIGHT frames are unconsumed, so the main thread is never flooded.
 */
import { createRun, ConfigInvalidError, type Run } from '../engine/run';
import { joinChunks } from './backlog';
import { runJob } from '../engine/ensemble';
import {
  BASE_PLAY_SECONDS,
  MAX_FRAMES_IN_FLIGHT,
  PROTOCOL_VERSION,
  checkToWorker,
  type FromWorker,
  type RunState,
  type ToWorker,
} from './protocol';
import { frameMessage, type Slot } from './slot';
import { projector, surfaceReply, type Projector } from './surfaces';
import { MlpObjective } from '../engine/nn/objective';
import { NetView } from './netView';

export interface Endpoint {
  post(msg: FromWorker, transfer?: ArrayBuffer[]): void;
}

export interface Clock {
  now(): number;
  later(fn: () => void, ms: number): void;
}

/** Milliseconds of engine work per tick, shared by all running runs. */
const TICK_BUDGET_MS = 10;
const TICK_MS = 16;
/** The network lab's boundaries and slice surface: a share beside running runs, more once idle. */
const NET_BUDGET_MS = 6;
const NET_IDLE_BUDGET_MS = 14;

export class Runner {
  private readonly slots = new Map<string, Slot>();
  private speed = 1;
  private ticking = false;
  private lastTick = 0;
  private readonly net: NetView;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly clock: Clock,
  ) {
    this.net = new NetView(
      (m, t) => this.endpoint.post(m, t),
      () => this.clock.now(),
    );
  }

  handle(raw: unknown): void {
    const problem = checkToWorker(raw);
    if (problem) return this.endpoint.post({ type: 'error', message: `bad message: ${problem}` });
    const msg = raw as ToWorker;
    switch (msg.type) {
      case 'hello':
      case 'ping':
        return msg.type === 'ping'
          ? this.endpoint.post({ type: 'pong', id: msg.id })
          : this.endpoint.post({ type: 'ready', version: PROTOCOL_VERSION });
      case 'start':
        return this.start(
          msg.runId,
          msg.gen,
          (msg.config ?? {}) as Record<string, unknown>,
          msg.paused ?? false,
          msg.sliceOf,
        );
      case 'patch': {
        const slot = this.slots.get(msg.runId);
        return this.start(
          msg.runId,
          msg.gen,
          { ...(slot?.input ?? {}), ...msg.patch },
          slot?.state === 'paused',
          slot?.sliceOf,
        );
      }
      case 'pause':
        this.each(msg.runId, (s) => s.state === 'running' && this.setState(s, 'paused'));
        return this.wake();
      case 'resume':
        this.each(msg.runId, (s) => {
          if (s.state === 'paused') this.setState(s, 'running');
          s.target = s.run.steps;
        });
        return this.wake();
      case 'step':
        this.each(msg.runId, (s) => {
          if (s.state === 'paused' || s.state === 'running') {
            this.setState(s, 'paused');
            s.pendingSteps += msg.steps;
          }
        });
        return this.wake();
      case 'stop':
        return this.each(msg.runId, (s) => {
          this.setState(s, 'stopped');
          this.slots.delete(s.id);
          this.net.detach(s.id);
        });
      case 'speed':
        this.speed = msg.multiplier;
        return;
      case 'ack': {
        // An ack of an earlier generation counts frames of a run that no longer exists.
        const s = this.slots.get(msg.runId);
        if (!s || s.gen !== msg.gen) return;
        s.acked = Math.max(s.acked, msg.seq);
        if (s.backlog.length > 0 && s.seq - s.acked < MAX_FRAMES_IN_FLIGHT) this.send(s);
        return this.wake();
      }
      case 'surface': {
        const reply = surfaceReply(msg, (m) => this.endpoint.post(m));
        return this.endpoint.post(reply.message, reply.transfer);
      }
      case 'job':
        return this.job(msg.jobId, msg.job);
      case 'net-slice':
        this.net.setSlice({ directions: msg.directions, focus: msg.focus, res: msg.res });
        return this.wake();
    }
  }

  private each(runId: string | undefined, fn: (s: Slot) => unknown): void {
    if (runId === undefined) for (const s of this.slots.values()) fn(s);
    else {
      const s = this.slots.get(runId);
      if (s) fn(s);
    }
  }

  private start(
    id: string,
    gen: number,
    input: Record<string, unknown>,
    paused: boolean,
    sliceOf: unknown[] | undefined,
  ): void {
    this.slots.delete(id);
    let run: Run;
    let project: Projector;
    try {
      run = createRun(input);
      // Networks are projected by the network view (onto a slice around current weights).
      project =
        run.objective instanceof MlpObjective
          ? (p) => ({ xy: p, offSlice: 0 })
          : projector(run, sliceOf);
    } catch (e) {
      const errors = e instanceof ConfigInvalidError ? e.errors : undefined;
      return this.endpoint.post({
        type: 'error',
        runId: id,
        gen,
        message: (e as Error).message,
        errors,
      });
    }
    const slot: Slot = {
      id,
      gen,
      input,
      sliceOf,
      run,
      project,
      state: paused ? 'paused' : 'running',
      seq: 0,
      acked: 0,
      target: 0,
      msPerStep: 0.001,
      sentStart: false,
      pendingSteps: 0,
      backlog: [],
    };
    this.slots.set(id, slot);
    this.net.attach(id, run, gen);
    // The first frame (start point and its metrics) goes out at once, even when paused,
    // so a slider change shows something on the very next animation frame.
    this.compute(slot, 0);
    this.send(slot);
    this.wake();
  }

  private setState(s: Slot, state: RunState): void {
    s.state = state;
    if (state !== 'running') this.net.settled(s.id);
    this.endpoint.post({
      type: 'status',
      runId: s.id,
      gen: s.gen,
      state,
      steps: s.run.steps,
      progress: s.run.progress(),
      divergedAt: s.run.divergedAt,
    });
  }

  private wake(): void {
    if (this.ticking) return;
    this.ticking = true;
    this.lastTick = this.clock.now();
    this.clock.later(() => this.tick(), 0);
  }

  private tick(): void {
    const now = this.clock.now();
    const dt = Math.min(100, now - this.lastTick);
    this.lastTick = now;
    const slots = [...this.slots.values()];
    // The playback clock runs in wall time even while a run waits for acks, so a slow
    // main thread gets fewer, fuller frames rather than a slower run: runs keep computing
    // into their backlog and send it as one frame once acknowledged.
    for (const s of slots) {
      if (s.state !== 'running') continue;
      const rate = (s.run.plannedSteps() / BASE_PLAY_SECONDS) * this.speed;
      s.target = Math.max(s.target, s.run.steps) + (rate * dt) / 1000;
    }
    const active = slots.filter((s) => s.state === 'running' || s.pendingSteps > 0);
    const share = TICK_BUDGET_MS / Math.max(1, active.length);
    for (const s of active) {
      const stepping = s.pendingSteps > 0;
      const want = stepping ? s.pendingSteps : Math.floor(s.target) - s.run.steps;
      const n = Math.min(want, Math.max(1, Math.floor(share / s.msPerStep)));
      if (stepping) s.pendingSteps = want - n;
      if (n > 0) this.compute(s, n);
    }
    for (const s of slots)
      if (s.backlog.length > 0 && s.seq - s.acked < MAX_FRAMES_IN_FLIGHT) this.send(s);
    const running = (id: string) => this.slots.get(id)?.state === 'running';
    if (this.net.active)
      this.net.tick(active.length > 0 ? NET_BUDGET_MS : NET_IDLE_BUDGET_MS, running);
    const busy = this.net.pending || slots.some((s) => s.state === 'running' || s.pendingSteps > 0);
    // A steady tick period: the time spent computing counts toward it.
    if (busy) this.clock.later(() => this.tick(), Math.max(0, TICK_MS - (this.clock.now() - now)));
    else this.ticking = false;
  }

  /** Advances a run and keeps what it produced for the next frame. */
  private compute(s: Slot, steps: number): void {
    if (steps <= 0 && s.sentStart) return;
    const t0 = this.clock.now();
    s.backlog.push(s.run.advance(Math.max(0, steps)));
    if (steps > 0) {
      const per = (this.clock.now() - t0) / steps;
      s.msPerStep = 0.8 * s.msPerStep + 0.2 * Math.max(per, 1e-5);
    }
    const was = s.state;
    if (s.run.status === 'done') s.state = 'done';
    if (s.run.status === 'diverged') s.state = 'diverged';
    if (s.state !== was) this.net.settled(s.id);
  }

  /** Sends the backlog as one frame (transferring its arrays). */
  private send(s: Slot): void {
    if (s.backlog.length === 0) return;
    const chunk = joinChunks(s.backlog);
    s.backlog = [];
    const netXY = this.net.project(s.id, chunk.positions, chunk.count);
    const done = s.state !== 'running' && s.state !== 'paused';
    const netHash = netXY && done ? this.net.trajectoryHash(s.id) : undefined;
    s.seq++;
    const { message, transfer } = frameMessage(s, chunk, netXY, netHash);
    this.endpoint.post(message, transfer);
    s.sentStart = true;
  }

  /** Ensemble jobs run to completion at once: pool workers do nothing else. */
  private job(jobId: number, job: Extract<ToWorker, { type: 'job' }>['job']): void {
    try {
      this.endpoint.post({ type: 'job-result', jobId, result: runJob(job) });
    } catch (e) {
      const errors = e instanceof ConfigInvalidError ? e.errors : undefined;
      this.endpoint.post({ type: 'error', jobId, message: (e as Error).message, errors });
    }
  }
}
