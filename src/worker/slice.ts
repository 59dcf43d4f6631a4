/**
 * The 2-D slice an N-D landscape is seen through, shared by the surface grid and the
 * trajectory projections so both always agree, and the box the view is framed on. It
 * passes through the first run's start; on `quadratic-nd` it is spanned by the top-2
 * principal directions of the compared runs' paths (so the slice contains them as far as
 * two directions can), elsewhere by two fixed random directions. The paths are found by
 * running the same configs lean in advance — runs are deterministic, so these are exactly
 * the paths the live runs will take. 2-D landscapes use only the box (their "slice" is
 * the plane itself).
 */
import type { RunConfig } from '../engine/config';
import { buildObjective } from '../engine/presets';
import { Run } from '../engine/run';
import type { Objective } from '../engine/objectives/types';
import { pathPlane } from '../engine/pathPlane';
import { randomSliceDirections, resolveOrThrow } from '../engine/sweep';

/** Seed of the random slice directions: fixed so every run and surface of a config agree. */
export const SLICE_SEED = 7;
/** Points kept per lean run for the fit and the statistics. */
const POINTS_PER_RUN = 1500;
/** Lean pre-runs stop after this many sample·dimension operations (a very long run's plane fits its first part). */
const WORK_CAP = 5e7;

export interface SliceInfo {
  /** 'path': along the runs' top-2 principal directions; 'random': two random directions. */
  kind: 'path' | 'random';
  /**
   * Path slices: the smallest share, over the runs, of a run's squared displacement from
   * the centre that lies in the slice ("at least this much of each run's movement").
   */
  explained: number | null;
  /** Largest distance of a path point from the slice plane: 0 means the paths lie in it. */
  offSlice: number;
  /** Largest distance of a path point from the slice's centre (the first run's start). */
  reach: number;
  /** True train loss along the paths (not the slice's value at their projection): [min, max]. */
  pathLoss: [number, number] | null;
}

export interface ViewSlice extends SliceInfo {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  /** Square box (slice coordinates; plain coordinates in 2-D) that holds the paths with a margin. */
  box: { lo: [number, number]; hi: [number, number] };
}

const cache = new Map<string, ViewSlice>();
const CACHE_SIZE = 4;

/** The slice for a list of run configs (the first run's start is its centre). Cached. */
export function viewSlice(configs: readonly unknown[]): ViewSlice {
  const resolved = configs.map((c) => resolveOrThrow(c));
  const key = JSON.stringify(resolved);
  const hit = cache.get(key);
  if (hit) return hit;
  const slice = computeSlice(resolved);
  cache.set(key, slice);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return slice;
}

function computeSlice(configs: RunConfig[]): ViewSlice {
  const first = configs[0]!;
  const objective = buildObjective(first);
  const d = objective.dim;
  const center = Float64Array.from(new Run(first, objective).w0);
  const paths = configs.map((c) =>
    leanPath(c, sameLandscape(c, first) ? objective : buildObjective(c)),
  );
  const count = paths.reduce((n, p) => n + p.count, 0);
  const points = new Float64Array(count * d);
  // For the fit each run weighs the same, so a long noisy path does not take the plane
  // from a short one: its displacements are scaled to a unit total second moment.
  const weighted = new Float64Array(count * d);
  let at = 0;
  for (const p of paths) {
    const own = p.points.subarray(0, p.count * d);
    points.set(own, at);
    let m2 = 0;
    for (let i = 0; i < own.length; i++) m2 += (own[i]! - center[i % d]!) ** 2;
    const scale = m2 > 0 ? 1 / Math.sqrt(m2) : 0;
    for (let i = 0; i < own.length; i++)
      weighted[at + i] = center[i % d]! + scale * (own[i]! - center[i % d]!);
    at += own.length;
  }
  const plane =
    d !== 2 && first.preset === 'quadratic-nd' ? pathPlane(weighted, count, center) : null;
  // 2-D landscapes need no slice: the identity "plane" through the origin (the view is
  // then just a box around the paths).
  if (d === 2) center.fill(0);
  const dirs =
    d === 2
      ? { d1: Float64Array.of(1, 0), d2: Float64Array.of(0, 1) }
      : (plane ?? randomSliceDirections(d, SLICE_SEED));
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of paths) [lo, hi] = [Math.min(lo, p.lossLo), Math.max(hi, p.lossHi)];
  const fit = fitOf(points, count, center, dirs.d1, dirs.d2);
  // The worst-held run's share: "at least this much of each run's movement is in it".
  const explained = plane
    ? Math.min(...paths.map((p) => fitOf(p.points, p.count, center, dirs.d1, dirs.d2).share))
    : null;
  return {
    kind: plane ? 'path' : 'random',
    center,
    d1: dirs.d1,
    d2: dirs.d2,
    explained,
    offSlice: fit.offSlice,
    reach: fit.reach,
    pathLoss: Number.isFinite(lo) ? [lo, hi] : null,
    box: fit.box,
  };
}

const sameLandscape = (a: RunConfig, b: RunConfig) =>
  a.preset === b.preset && JSON.stringify(a.landscape) === JSON.stringify(b.landscape);

/**
 * A run's path, thinned to about POINTS_PER_RUN points (start and end included), and (N-D)
 * the true train-loss range over every one of its steps.
 */
function leanPath(config: RunConfig, objective: Objective) {
  const d = objective.dim;
  const probe = new Run(config, objective);
  const cap = Math.max(1, Math.floor(WORK_CAP / (Math.min(config.batch, objective.nTrain) * d)));
  const steps = Math.min(probe.plannedSteps(), cap);
  const every = Math.max(1, Math.ceil(steps / POINTS_PER_RUN));
  const run = new Run({ ...config, metricsEvery: 0, hessianEvery: 0, recordEvery: 1 }, objective);
  const points = new Float64Array((Math.ceil(steps / every) + 3) * d);
  let count = 0;
  let lossLo = Infinity;
  let lossHi = -Infinity;
  const w = new Float64Array(d);
  while (run.status === 'running' && run.steps < steps) {
    const chunk = run.advance(Math.min(4096, steps - run.steps));
    for (let i = 0; i < chunk.count; i++) {
      for (let j = 0; j < d; j++) w[j] = chunk.positions[i * d + j]!;
      // The loss range matters only for slices (in 2-D the surface holds the path itself).
      const loss = d === 2 ? NaN : objective.fullLossGrad(w, 'train', null);
      if (Number.isFinite(loss))
        [lossLo, lossHi] = [Math.min(lossLo, loss), Math.max(lossHi, loss)];
      const last = i === chunk.count - 1 && (run.status !== 'running' || run.steps >= steps);
      if ((chunk.step[i]! % every === 0 || last) && count * d < points.length) {
        points.set(w, count * d);
        count++;
      }
    }
  }
  return { points, count, lossLo, lossHi };
}

/** How well the plane holds the points, and a square box around their projections. */
function fitOf(
  points: Float64Array,
  count: number,
  center: Float64Array,
  d1: Float64Array,
  d2: Float64Array,
) {
  const d = center.length;
  let offSlice = 0;
  let reach = 0;
  let inPlane = 0;
  let total = 0;
  let [aLo, aHi, bLo, bHi] = [0, 0, 0, 0];
  for (let i = 0; i < count; i++) {
    const { a, b, off } = projectPoint({ center, d1, d2 }, points, i * d);
    offSlice = Math.max(offSlice, off);
    reach = Math.max(reach, Math.hypot(a, b, off));
    inPlane += a * a + b * b;
    total += a * a + b * b + off * off;
    [aLo, aHi, bLo, bHi] = [Math.min(aLo, a), Math.max(aHi, a), Math.min(bLo, b), Math.max(bHi, b)];
  }
  // Square, so both directions keep their true scale; 15% margin; never smaller than ±0.5.
  const half = Math.max(0.5, 0.575 * Math.max(aHi - aLo, bHi - bLo));
  const [ca, cb] = [(aLo + aHi) / 2, (bLo + bHi) / 2];
  return {
    offSlice,
    reach,
    /** Share of the points' squared displacement that lies in the plane. */
    share: total > 0 ? inPlane / total : 1,
    box: {
      lo: [ca - half, cb - half] as [number, number],
      hi: [ca + half, cb + half] as [number, number],
    },
  };
}

/** Slice coordinates of the projection of w, and w's distance from the slice plane. */
export function projectPoint(
  s: Pick<ViewSlice, 'center' | 'd1' | 'd2'>,
  w: ArrayLike<number>,
  offset = 0,
): { a: number; b: number; off: number } {
  const d = s.center.length;
  let a = 0;
  let b = 0;
  let r2 = 0;
  for (let j = 0; j < d; j++) {
    const x = w[offset + j]! - s.center[j]!;
    a += x * s.d1[j]!;
    b += x * s.d2[j]!;
    r2 += x * x;
  }
  return { a, b, off: Math.sqrt(Math.max(0, r2 - a * a - b * b)) };
}
