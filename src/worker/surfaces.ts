/**
 * Surfaces and projections for the scene, computed in the worker: train and test loss
 * on a grid (2-D presets directly; N-D presets on the 2-D slice of slice.ts), and the
 * matching projection of trajectories onto that slice.
 */
import type { RunConfig } from '../engine/config';
import { buildObjective } from '../engine/presets';
import { ConfigInvalidError, type Run } from '../engine/run';
import { resolveConfig } from '../engine/validate';
import type { FromWorker, ToWorker } from './protocol';
import { surfaceGrid } from '../engine/sweep';
import { projectPoint, viewSlice, type SliceInfo } from './slice';

/**
 * Maps count × dim positions to count × 2 scene coordinates, and reports the largest
 * distance of those positions from the slice plane (0 for 2-D landscapes).
 */
export type Projector = (
  positions: Float32Array,
  count: number,
) => { xy: Float32Array; offSlice: number };

/**
 * The projector of one run. N-D runs are projected onto the slice of `sliceOf` (the
 * configs of all compared runs, first one first), or, alone, onto a slice through their
 * own start.
 */
export function projector(run: Run, sliceOf?: readonly unknown[]): Projector {
  const dim = run.dim;
  if (dim === 2) return (p) => ({ xy: p, offSlice: 0 });
  const s = viewSlice(sliceOf && sliceOf.length > 0 ? sliceOf : [run.config]);
  return (p, count) => {
    const xy = new Float32Array(count * 2);
    let offSlice = 0;
    for (let i = 0; i < count; i++) {
      const q = projectPoint(s, p, i * dim);
      xy[2 * i] = q.a;
      xy[2 * i + 1] = q.b;
      offSlice = Math.max(offSlice, q.off);
    }
    return { xy, offSlice };
  };
}

/** Scene coordinates of a run's start: the point itself in 2-D, its projection in N-D. */
export function startXY(run: Run, sliceOf?: readonly unknown[]): [number, number] {
  if (run.dim === 2) return [run.w0[0]!, run.w0[1]!];
  const q = projectPoint(viewSlice(sliceOf && sliceOf.length > 0 ? sliceOf : [run.config]), run.w0);
  return [q.a, q.b];
}

/** Below this estimated compute time the watchdog needs no warning. */
const BUSY_WARN_MS = 250;

/**
 * Expected time of a res × res surface (train and test): a few sample evaluations timed
 * until ~2 ms have passed, scaled to the grid. Cheap next to the grid itself.
 */
function estimateSurfaceMs(
  objective: ReturnType<typeof buildObjective>,
  res: number,
  now: () => number,
): number {
  const w = new Float64Array(objective.dim);
  const t0 = now();
  let evals = 0;
  do {
    objective.fullLossGrad(w, 'train', null);
    evals++;
  } while (now() - t0 < 2 && evals < 64);
  return ((now() - t0) / evals) * res * res * 2;
}

export function computeSurface(
  config: RunConfig,
  res: number,
  box?: { lo: number[]; hi: number[] },
  sliceOf?: readonly unknown[],
  /** Told the expected compute time before a long grid starts (see 'busy'). */
  onLong?: (ms: number) => void,
  now: () => number = () => performance.now(),
) {
  const objective = buildObjective(config);
  if (onLong) {
    const ms = estimateSurfaceMs(objective, res, now);
    if (ms > BUSY_WARN_MS) onLong(ms);
  }
  const nd = objective.dim !== 2;
  const fitted = sliceOf && sliceOf.length > 0;
  // N-D: always a slice; 2-D: only the box around the paths, when asked to fit them.
  const view = nd || fitted ? viewSlice(fitted ? sliceOf : [config]) : null;
  const slice = nd ? view : null;
  const lo = box?.lo ?? view?.box.lo ?? objective.viewBox.lo;
  const hi = box?.hi ?? view?.box.hi ?? objective.viewBox.hi;
  const grid = {
    lo: [lo[0]!, lo[1]!] as [number, number],
    hi: [hi[0]!, hi[1]!] as [number, number],
  };
  const train = surfaceGrid(objective, 'train', grid, res, res, slice ?? undefined);
  const test = surfaceGrid(objective, 'test', grid, res, res, slice ?? undefined);
  let min = Infinity;
  let max = -Infinity;
  for (const v of train.loss) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (const v of test.loss) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const info: SliceInfo | undefined = slice
    ? {
        kind: slice.kind,
        explained: slice.explained,
        offSlice: slice.offSlice,
        reach: slice.reach,
        pathLoss: slice.pathLoss,
      }
    : undefined;
  return {
    nx: res,
    ny: res,
    box: grid,
    train: Float32Array.from(train.loss),
    test: Float32Array.from(test.loss),
    basins: nd ? [] : [...objective.basins],
    saddles: nd ? [] : [...(objective.saddles ?? [])],
    min,
    max,
    ...(info ? { slice: info } : {}),
  };
}

/** The answer to a surface request: the surface (its grids transferred) or an error. */
export function surfaceReply(
  msg: Extract<ToWorker, { type: 'surface' }>,
  post?: (m: FromWorker) => void,
): {
  message: FromWorker;
  transfer?: ArrayBuffer[];
} {
  const r = resolveConfig(msg.config);
  if (!r.ok) {
    const message = 'invalid config for surface';
    return { message: { type: 'error', requestId: msg.requestId, message, errors: r.errors } };
  }
  try {
    const busy = post
      ? (ms: number) => post({ type: 'busy', requestId: msg.requestId, ms })
      : undefined;
    const s = computeSurface(r.config, msg.res, msg.box, msg.sliceOf, busy);
    return {
      message: { type: 'surface', requestId: msg.requestId, ...s },
      transfer: [s.train.buffer as ArrayBuffer, s.test.buffer as ArrayBuffer],
    };
  } catch (e) {
    const errors = e instanceof ConfigInvalidError ? e.errors : undefined;
    const message = (e as Error).message;
    return { message: { type: 'error', requestId: msg.requestId, message, errors } };
  }
}
