/**
 * Glue between the stores and the engine client: config changes restart the affected
 * runs and refresh the surfaces; frames go into buffers; run status reaches the
 * runs store at most ~10 times a second.
 */
import type { RunConfig } from '../engine/config';
import type { FromWorker } from '../worker/protocol';
import { EngineClient, type WatchTiming, type WorkerLike } from './client';
import { configStore, runSpecs, type RunSpec } from './configStore';
import { engineConfig, framedByRuns, plannedSteps } from './engineConfig';
import { RunBuffer, runBuffers } from './buffers';
import { runsStore, updateRun, type RunView } from './runsStore';
import { surfaceStore } from './surfaceStore';
import { viewStore } from './viewStore';
import { clearNet, setNetBoundary, setNetData } from './netStore';

/** Grid points per side of a network's slice surface (2^k + 1, filled coarse to fine). */
export const NET_SLICE_RES = 33;
const STATUS_MS = 100;
export const SURFACE_RES = 96;
/** The first look at a landscape, before the full-resolution surface. */
export const PREVIEW_RES = 24;

export class Controller {
  readonly client: EngineClient;
  private specs: RunSpec[] = [];
  /** How many times the runs were restarted (benchmarks and tests watch it). */
  restarts = 0;
  private lastStatus = new Map<string, number>();
  private surfaceKey = '';
  private unsubscribe: (() => void) | null = null;
  private unsubscribeView: (() => void) | null = null;

  constructor(
    factory: () => WorkerLike,
    private readonly now: () => number = () => performance.now(),
    timing?: WatchTiming,
  ) {
    this.client = new EngineClient(
      factory,
      {
        onMessage: (m) => this.receive(m),
        onRestart: (reason, restarted) => this.afterEngineRestart(reason, restarted),
      },
      now,
      timing,
    );
  }

  init(): void {
    this.unsubscribe = configStore.subscribe((s, prev) => {
      if (s.base !== prev.base || s.compare !== prev.compare) this.restartRuns();
    });
    this.unsubscribeView = viewStore.subscribe((v, prev) => {
      if (v.netDirections !== prev.netDirections || v.netFocus !== prev.netFocus)
        this.sendNetSlice();
    });
    this.restartRuns();
    this.client.watch();
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribeView?.();
    this.client.dispose();
  }

  /** Restarts every run from the current config (same seeds ⇒ the same trajectories). */
  restartRuns(): void {
    const state = configStore.getState();
    const specs = runSpecs(state);
    this.restarts++;
    for (const old of this.specs) if (!specs.some((s) => s.id === old.id)) this.client.stop(old.id);
    this.specs = specs;
    const playing = runsStore.getState().playing;
    const configs = specs.map(engineConfig);
    const net = state.base.preset === 'mlp';
    const sliceOf = framedByRuns(state.base) && !net ? configs : undefined;
    // The network view's setting goes first, so the runs attach to the right slice.
    if (net) this.sendNetSlice();
    const views: RunView[] = specs.map((s, i) => {
      const cfg = configs[i]!;
      runBuffers.set(s.id, new RunBuffer(Math.ceil(plannedSteps(cfg) / cfg.recordEvery) + 4));
      this.client.start(s.id, cfg, !playing, sliceOf);
      return {
        id: s.id,
        label: s.label,
        color: s.color,
        state: 'starting',
        progress: 0,
        steps: 0,
        plannedSteps: plannedSteps(cfg),
        divergedAt: null,
        last: null,
        lr: cfg.lr,
        batch: cfg.batch,
        error: null,
      };
    });
    for (const id of [...runBuffers.keys()])
      if (!specs.some((s) => s.id === id)) runBuffers.delete(id);
    runsStore.setState({ runs: views });
    clearNet(net ? specs.map((s) => s.id) : []);
    if (net) {
      // A network's surface comes unasked from the worker, around a run's current weights.
      this.surfaceKey = '';
      surfaceStore.setState((prev) => ({ data: null, version: prev.version + 1, loading: true }));
    } else this.refreshSurface(state.base, sliceOf);
  }

  /** Network lab: which run's weights centre the slice surface, and along what. */
  private sendNetSlice(): void {
    if (configStore.getState().base.preset !== 'mlp') return;
    const { netDirections, netFocus } = viewStore.getState();
    const runs = runSpecs(configStore.getState());
    const focus = runs[Math.min(netFocus, runs.length - 1)]?.id ?? 'run0';
    this.client.netSlice({ directions: netDirections, focus, res: NET_SLICE_RES });
  }

  /**
   * The engine restarted `restarted` from step 0: drop what they had recorded (the fresh
   * worker sends it all again) and show them as starting, so chart, path and button
   * agree. Runs that had ended keep their finished state and buffers.
   */
  private afterEngineRestart(reason: string, restarted: string[]): void {
    for (const id of restarted) {
      const old = runBuffers.get(id);
      if (old) runBuffers.set(id, new RunBuffer(old.capacity));
      this.lastStatus.delete(id);
    }
    const again = new Set(restarted);
    runsStore.setState((s) => ({
      engineNotice: reason,
      runs: s.runs.map((r) =>
        again.has(r.id)
          ? { ...r, state: 'starting', progress: 0, steps: 0, divergedAt: null, last: null }
          : r,
      ),
    }));
  }

  private refreshSurface(base: RunConfig, sliceOf: RunConfig[] | undefined): void {
    // The surface depends on the landscape alone — unless the view is framed on the runs'
    // paths (and, in N-D, sliced along them): then on every run's config.
    const key = JSON.stringify(sliceOf ?? [base.preset, base.landscape, base.start]);
    if (key === this.surfaceKey) return;
    this.surfaceKey = key;
    surfaceStore.setState({ loading: true });
    let full = false;
    const show = (res: number) =>
      this.client.surface(base, res, { sliceOf }).then((s) => {
        if (key !== this.surfaceKey || full) return;
        full = res === SURFACE_RES;
        const { type: _t, requestId: _r, ...data } = s;
        surfaceStore.setState((prev) => ({
          data,
          version: prev.version + 1,
          loading: !full,
          preview: !full,
        }));
      });
    // With nothing on screen yet, a coarse surface first (1/16 of the work) fills the
    // figure within a moment; the worker answers in order, so the full one follows.
    if (!surfaceStore.getState().data) show(PREVIEW_RES).catch(() => {});
    show(SURFACE_RES).catch((e: Error) => {
      if (key !== this.surfaceKey) return;
      // Asked again on the next change. The client already re-sent it after engine
      // restarts; never leave "Computing the surface…" up for a request nobody answers.
      this.surfaceKey = '';
      surfaceStore.setState({ loading: false });
      if (!surfaceStore.getState().preview)
        runsStore.setState({
          engineNotice: `The landscape surface could not be computed (${e.message}).`,
        });
    });
  }

  private receive(m: FromWorker): void {
    if (m.type === 'frame') {
      const buf = runBuffers.get(m.runId);
      if (!buf) return;
      // Scene coordinates: N-D runs are projected onto the slice (see worker/slice.ts).
      if (m.start) buf.start = m.startXY ?? (m.dim === 2 ? m.start : [0, 0]);
      if (m.offSlice !== undefined) buf.offSlice = Math.max(buf.offSlice, m.offSlice);
      buf.append(m.frame, m.metrics);
      if (m.netHash) buf.netHash = m.netHash;
      const t = this.now();
      const ended = m.state !== 'running';
      if (ended || t - (this.lastStatus.get(m.runId) ?? 0) > STATUS_MS) {
        this.lastStatus.set(m.runId, t);
        updateRun(m.runId, {
          state: m.state,
          progress: m.progress,
          steps: m.steps,
          plannedSteps: m.plannedSteps,
          divergedAt: m.divergedAt ?? null,
          last: buf.lastMetric(),
          lr: buf.last.lr,
          batch: buf.last.batch,
        });
      }
    } else if (m.type === 'status') {
      updateRun(m.runId, {
        state: m.state,
        progress: m.progress,
        steps: m.steps,
        divergedAt: m.divergedAt,
      });
    } else if (m.type === 'net-data') {
      const { type: _t, runId, ...data } = m;
      setNetData(runId, data);
    } else if (m.type === 'net-boundary') {
      const { type: _t, runId, ...b } = m;
      setNetBoundary(runId, b);
    } else if (m.type === 'surface' && m.net) {
      for (const p of m.net.paths ?? []) runBuffers.get(p.runId)?.reproject(p.xy, p.count, p.start);
      const { type: _t, requestId: _r, ...data } = m;
      surfaceStore.setState((prev) => ({ data, version: prev.version + 1, loading: false }));
    } else if (m.type === 'error' && m.runId) {
      updateRun(m.runId, { state: 'stopped', error: m.message });
    }
  }

  play(): void {
    runsStore.setState({ playing: true });
    if (this.allEnded()) this.restartRuns();
    else this.client.resume();
  }

  pause(): void {
    runsStore.setState({ playing: false });
    this.client.pause();
  }

  toggle(): void {
    if (runsStore.getState().playing && !this.allEnded()) this.pause();
    else this.play();
  }

  private allEnded(): boolean {
    return runsStore.getState().runs.every((r) => r.state === 'done' || r.state === 'diverged');
  }

  step(steps = 1): void {
    runsStore.setState({ playing: false });
    this.client.step(steps);
  }

  reset(): void {
    this.restartRuns();
  }

  setSpeed(multiplier: number): void {
    runsStore.setState({ speed: multiplier });
    this.client.setSpeed(multiplier);
  }
}
