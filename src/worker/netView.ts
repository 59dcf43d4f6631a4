/**
 * The network lab's live views, computed in the worker beside the runs: each run's decision
 * boundary (throttled), and the loss surface on a 2-D slice around one run's CURRENT weights,
 * filled coarse to fine. The slice is re-centred on that run's weights when it pauses or ends
 * and every REFRESH_MS while it trains (once the previous surface is complete, so every
 * surface is seen whole); every run's path so far is then re-projected onto the new slice,
 * which is why each run's full state vectors are kept here (every recorded point).
 */
import { MlpObjective } from '../engine/nn/objective';
import { dataBox, decisionGrid } from '../engine/nn/boundary';
import { filterNormalizedDirections, trajectoryPcaDirections } from '../engine/nn/directions';
import { ProgressiveSurface, projectOntoSlice, type SliceSpec } from '../engine/slice';
import type { Run } from '../engine/run';
import { hashFloat32 } from '../engine/hash';
import type { FromWorker, NetSliceInfo, NetSliceSetting } from './protocol';

/** Same seed as the CLI's `surface` default, so both draw the same directions at a point. */
export const NET_SLICE_SEED = 7;
const BOUNDARY_MS = 250;
const BOUNDARY_RES = 48;
const REFRESH_MS = 3000;
/** Filter-normalised directions are scaled like the weights: ±1 is "as far again". */
const FILTER_BOX = { lo: [-1, -1] as [number, number], hi: [1, 1] as [number, number] };

type Post = (msg: FromWorker, transfer?: ArrayBuffer[]) => void;

interface NetRun {
  run: Run;
  /** The run's generation, on everything sent about it. */
  gen: number;
  objective: MlpObjective;
  /** Full state vectors of the points sent so far (row-major, run.dim each). */
  rec: Float32Array;
  count: number;
  lastBoundary: number;
  boundaryStep: number;
}

interface LiveSlice {
  id: number;
  spec: SliceSpec;
  surface: ProgressiveSurface;
  info: Omit<NetSliceInfo, 'progress' | 'sliceId' | 'paths'>;
  createdAt: number;
  sentPaths: boolean;
}

export class NetView {
  private readonly runs = new Map<string, NetRun>();
  private setting: NetSliceSetting = { directions: 'filter', focus: 'run0', res: 33 };
  private slice: LiveSlice | null = null;
  private nextSliceId = 1;

  constructor(
    private readonly post: Post,
    private readonly now: () => number,
  ) {}

  get active(): boolean {
    return this.runs.size > 0;
  }

  /** Work left: a boundary behind its run, or a surface not yet complete. */
  get pending(): boolean {
    for (const r of this.runs.values()) if (r.run.steps !== r.boundaryStep) return true;
    return this.slice !== null && !(this.slice.surface.done && this.slice.sentPaths);
  }

  /** A run (re)started: networks get views, anything else is forgotten. */
  attach(id: string, run: Run, gen: number): void {
    this.detach(id);
    if (!(run.objective instanceof MlpObjective)) return;
    const objective = run.objective;
    this.runs.set(id, {
      run,
      gen,
      objective,
      rec: new Float32Array(64 * run.dim),
      count: 0,
      lastBoundary: -Infinity,
      boundaryStep: -1,
    });
    const { train, test, flipped, classes } = objective.data;
    const msg = {
      type: 'net-data' as const,
      runId: id,
      gen,
      classes,
      trainX: Float32Array.from(train.x),
      trainY: Uint8Array.from(train.y),
      testX: Float32Array.from(test.x),
      testY: Uint8Array.from(test.y),
      flipped: Uint32Array.from(flipped),
      box: dataBox(objective),
    };
    this.post(msg, [msg.trainX.buffer, msg.trainY.buffer, msg.testX.buffer, msg.testY.buffer]);
    if (id === this.setting.focus) this.slice = null;
  }

  detach(id: string): void {
    this.runs.delete(id);
    if (id === this.setting.focus) this.slice = null;
  }

  setSlice(setting: NetSliceSetting): void {
    const same =
      setting.directions === this.setting.directions &&
      setting.focus === this.setting.focus &&
      setting.res === this.setting.res;
    this.setting = setting;
    if (!same) this.slice = null;
  }

  /** Keeps a frame's full positions and returns their scene coordinates on the slice. */
  project(id: string, positions: Float32Array, count: number): Float32Array | null {
    const r = this.runs.get(id);
    if (!r) return null;
    const d = r.run.dim;
    if ((r.count + count) * d > r.rec.length) {
      let cap = r.rec.length;
      while (cap < (r.count + count) * d) cap *= 2;
      const grown = new Float32Array(cap);
      grown.set(r.rec.subarray(0, r.count * d));
      r.rec = grown;
    }
    r.rec.set(positions.subarray(0, count * d), r.count * d);
    r.count += count;
    if (!this.slice && id === this.setting.focus) this.recentre(r);
    // Until the focus run has a slice, points sit at the origin; the slice's first snapshot
    // re-projects them.
    if (!this.slice) return new Float32Array(count * 2);
    return projectOntoSlice(this.slice.spec, positions, count, d, r.run.trainDim);
  }

  /** Hash of every full state vector sent so far (see the frame's netHash). */
  trajectoryHash(id: string): string | undefined {
    const r = this.runs.get(id);
    return r ? hashFloat32(r.rec, r.count * r.run.dim) : undefined;
  }

  /** A run paused or ended (state from the runner): its weights are worth a fresh slice. */
  settled(id: string): void {
    const r = this.runs.get(id);
    if (!r) return;
    r.lastBoundary = -Infinity;
    if (id === this.setting.focus && this.slice && this.slice.info.step !== r.run.steps)
      this.recentre(r);
  }

  /** Spends up to budgetMs on boundaries and the surface. */
  tick(budgetMs: number, running: (id: string) => boolean): void {
    const t0 = this.now();
    for (const [id, r] of this.runs) {
      if (r.run.steps === r.boundaryStep) continue;
      if (running(id) && t0 - r.lastBoundary < BOUNDARY_MS) continue;
      this.boundary(id, r);
    }
    const focus = this.runs.get(this.setting.focus);
    if (!focus) return;
    let s = this.slice;
    if (!s) return;
    if (
      s.surface.done &&
      running(this.setting.focus) &&
      this.now() - s.createdAt > REFRESH_MS &&
      focus.run.steps !== s.info.step
    ) {
      this.recentre(focus);
      s = this.slice!;
    }
    if (s.surface.done && s.sentPaths) return;
    const stride = s.surface.completeStride();
    while (!s.surface.done && this.now() - t0 < budgetMs) s.surface.advance(1);
    // One snapshot per finished level (9², 17², 33²): each is a whole, sharper surface, and
    // the main thread rebuilds the mesh only that often.
    if (s.surface.completeStride() !== stride) this.snapshot(s);
  }

  private boundary(id: string, r: NetRun): void {
    r.lastBoundary = this.now();
    r.boundaryStep = r.run.steps;
    const g = decisionGrid(r.objective, r.run.w, dataBox(r.objective), BOUNDARY_RES, BOUNDARY_RES);
    const msg = {
      type: 'net-boundary' as const,
      runId: id,
      gen: r.gen,
      step: r.run.steps,
      ...g,
    };
    this.post(msg, [g.probs.buffer as ArrayBuffer]);
  }

  /** A new slice through the focus run's current weights. */
  private recentre(r: NetRun): void {
    const run = r.run;
    const center = Float64Array.from(run.w);
    let directions: 'filter' | 'pca' = 'filter';
    let dirs: { d1: Float64Array; d2: Float64Array };
    let explained: [number, number] | null = null;
    if (this.setting.directions === 'pca' && r.count >= 3) {
      // The current weights as the last snapshot, so PCA is taken relative to them.
      const pts = new Float32Array((r.count + 1) * run.dim);
      pts.set(r.rec.subarray(0, r.count * run.dim));
      pts.set(center, r.count * run.dim);
      const pc = trajectoryPcaDirections(pts, r.count + 1, run.dim, run.trainDim);
      dirs = pc;
      explained = pc.explained;
      directions = 'pca';
    } else dirs = filterNormalizedDirections(r.objective.layout, center, NET_SLICE_SEED);
    const spec = { center, ...dirs };
    const box = directions === 'pca' ? pcaBox(spec, r) : FILTER_BOX;
    const surface = new ProgressiveSurface(r.objective, spec, box, this.setting.res);
    const ended = run.status !== 'running';
    this.slice = {
      id: this.nextSliceId++,
      spec,
      surface,
      info: { focus: this.setting.focus, directions, step: run.steps, ended, explained },
      createdAt: this.now(),
      sentPaths: false,
    };
  }

  private snapshot(s: LiveSlice): void {
    const train = s.surface.snapshot('train');
    const test = s.surface.snapshot('test');
    let min = Infinity;
    let max = -Infinity;
    for (const a of [train, test])
      for (const v of a) if (Number.isFinite(v)) [min, max] = [Math.min(min, v), Math.max(max, v)];
    const net: NetSliceInfo = { ...s.info, progress: s.surface.progress(), sliceId: s.id };
    const transfer = [train.buffer as ArrayBuffer, test.buffer as ArrayBuffer];
    if (!s.sentPaths) {
      net.paths = [...this.runs].map(([runId, r]) => {
        const xy = projectOntoSlice(s.spec, r.rec, r.count, r.run.dim, r.run.trainDim);
        const st = projectOntoSlice(s.spec, r.run.w0, 1, r.run.dim, r.run.trainDim);
        transfer.push(xy.buffer as ArrayBuffer);
        const start: [number, number] = [st[0]!, st[1]!];
        return { runId, gen: r.gen, count: r.count, xy, start };
      });
      s.sentPaths = true;
    }
    const res = s.surface.res;
    this.post(
      {
        type: 'surface',
        requestId: 0,
        nx: res,
        ny: res,
        box: { lo: [...s.surface.box.lo], hi: [...s.surface.box.hi] },
        train,
        test,
        basins: [],
        saddles: [],
        min,
        max,
        net,
      },
      transfer,
    );
  }
}

/** PCA coordinates are in weight units: a square box around the focus run's path, 25% margin. */
function pcaBox(spec: SliceSpec, r: NetRun): { lo: [number, number]; hi: [number, number] } {
  const xy = projectOntoSlice(spec, r.rec, r.count, r.run.dim, r.run.trainDim);
  let [aLo, aHi, bLo, bHi] = [0, 0, 0, 0];
  for (let i = 0; i < r.count; i++) {
    [aLo, aHi] = [Math.min(aLo, xy[2 * i]!), Math.max(aHi, xy[2 * i]!)];
    [bLo, bHi] = [Math.min(bLo, xy[2 * i + 1]!), Math.max(bHi, xy[2 * i + 1]!)];
  }
  const half = Math.max(0.05, 0.625 * Math.max(aHi - aLo, bHi - bLo));
  const [ca, cb] = [(aLo + aHi) / 2, (bLo + bHi) / 2];
  return { lo: [ca - half, cb - half], hi: [ca + half, cb + half] };
}
