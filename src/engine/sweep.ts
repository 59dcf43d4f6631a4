/**
 * Ensemble experiments over the run API, as pure functions: the CLI calls them now and a
 * worker pool can later call them cell by cell. Only final states and sampled distances
 * are kept, never whole trajectories, so ensembles cost memory O(seeds), not O(steps).
 */
import type { ConfigInput, RunConfig } from './config';
import { buildObjective } from './presets';
import { ConfigInvalidError, createRun, type Run } from './run';
import type { Objective, Split } from './objectives/types';
import { resolveConfig } from './validate';
import { createRng } from './rng';
import { logFit, mean, powerFit, sampleSd, summarize, type Summary } from './stats';

export interface SweepOptions {
  /** Steps per `advance` call; larger is faster, smaller reports progress more often. */
  chunkSteps?: number;
  /** Fraction of this cell (or ensemble) done, in [0, 1], after every chunk. */
  onProgress?: (fraction: number) => void;
}

export interface SweepCellResult {
  batch: number;
  /** Base learning rate of the cell (before schedules and batch scaling). */
  lr: number;
  runs: number;
  /** Fraction of runs ending in the basin with id 'flat'; null when there is no such basin. */
  flatFraction: number | null;
  finalTrainLoss: Summary;
  finalTestLoss: Summary;
  gap: Summary;
  lambdaMax: Summary;
  distance: Summary;
  /** Runs that diverged; they enter the statistics at their last finite point. */
  diverged: number;
  /** End-point accuracies (classifiers only, else null). */
  trainAccuracy: Summary | null;
  testAccuracy: Summary | null;
}

const NEVER_RECORD = 1e9;

/** Resolves a config or throws ConfigInvalidError with every problem listed. */
export function resolveOrThrow(input: unknown): RunConfig {
  const r = resolveConfig(input);
  if (!r.ok) throw new ConfigInvalidError(r.errors);
  return r.config;
}

/** Overrides that make a run as cheap as possible when only its end state matters. */
function lean(input: ConfigInput, extra: ConfigInput): ConfigInput {
  return { ...input, ...extra, metricsEvery: 0, metricsPerDecade: 0, recordEvery: NEVER_RECORD };
}

/** Advances a run to its end without keeping its trajectory; reports progress in [0, 1]. */
function finish(run: Run, chunk: number, report: (p: number) => void): void {
  while (run.status === 'running') {
    run.advance(chunk);
    report(run.status === 'running' ? run.progress() : 1);
  }
}

/**
 * One cell of a batch × learning-rate sweep: every seed run to the end on ONE objective
 * (the landscape depends only on landscape parameters, so it is built once per cell).
 */
export function sweepCell(
  base: ConfigInput,
  batch: number,
  lr: number | undefined,
  seeds: readonly number[],
  options: SweepOptions = {},
): SweepCellResult {
  const cell: ConfigInput = lr === undefined ? { batch } : { batch, lr };
  const first = resolveOrThrow(lean(base, { ...cell, seed: seeds[0] ?? 1 }));
  const objective = buildObjective(first);
  const hasFlat = objective.basins.some((b) => b.id === 'flat');
  const chunk = options.chunkSteps ?? 1 << 16;
  const train: number[] = [];
  const test: number[] = [];
  const gap: number[] = [];
  const lambda: number[] = [];
  const distance: number[] = [];
  const trainAcc: number[] = [];
  const testAcc: number[] = [];
  let flat = 0;
  let diverged = 0;
  seeds.forEach((seed, k) => {
    const run = createRun(lean(base, { ...cell, seed }), objective);
    finish(run, chunk, (p) => options.onProgress?.((k + p) / seeds.length));
    const m = run.lastMetrics!;
    train.push(m.trainLoss);
    test.push(m.testLoss);
    gap.push(m.gap);
    if (m.lambdaMax !== null) lambda.push(m.lambdaMax);
    distance.push(m.distance);
    if (m.trainAccuracy !== null && m.testAccuracy !== null) {
      trainAcc.push(m.trainAccuracy);
      testAcc.push(m.testAccuracy);
    }
    if (m.basin === 'flat') flat++;
    if (run.status === 'diverged') diverged++;
  });
  return {
    batch: first.batch,
    lr: first.lr,
    runs: seeds.length,
    flatFraction: hasFlat && seeds.length > 0 ? flat / seeds.length : null,
    finalTrainLoss: summarize(train),
    finalTestLoss: summarize(test),
    gap: summarize(gap),
    lambdaMax: summarize(lambda),
    distance: summarize(distance),
    diverged,
    trainAccuracy: trainAcc.length && trainAcc.length === seeds.length ? summarize(trainAcc) : null,
    testAccuracy: testAcc.length && testAcc.length === seeds.length ? summarize(testAcc) : null,
  };
}

export interface DiffusionResult {
  t: number[];
  /** Mean over seeds of ‖w_t − w_0‖ at each t. */
  meanDistance: number[];
  /** Sample standard deviation over seeds at each t. */
  sdDistance: number[];
  /** Runs that diverged before the last sampled t (their distance stays at the last finite point). */
  diverged: number;
}

/**
 * Ensemble mean distance from the start at times `ts` (steps), for a `steps`-step budget.
 * With `varyLandscape`, seed s also draws its own potential (landscape.dataSeed = s): the
 * average over random potentials that Hoffer et al.'s log t law is about.
 */
export function diffusionEnsemble(
  base: ConfigInput,
  seeds: readonly number[],
  steps: number,
  ts: readonly number[],
  opts: { varyLandscape: boolean } & SweepOptions,
): DiffusionResult {
  const times = [...new Set(ts)].filter((t) => t >= 0 && t <= steps).sort((a, b) => a - b);
  const samples = times.map(() => new Float64Array(seeds.length));
  const budget = { unit: 'steps' as const, amount: steps };
  const chunk = opts.chunkSteps ?? 1 << 14;
  let shared: Objective | null = null;
  let diverged = 0;
  seeds.forEach((seed, k) => {
    const landscape = opts.varyLandscape ? { ...base.landscape, dataSeed: seed } : base.landscape;
    const input = lean(base, { seed, budget, ...(landscape ? { landscape } : {}) });
    const config = resolveOrThrow(input);
    const objective = opts.varyLandscape
      ? buildObjective(config)
      : (shared ??= buildObjective(config));
    const run = createRun(input, objective);
    times.forEach((t, i) => {
      while (run.status === 'running' && run.steps < t) {
        run.advance(Math.min(chunk, t - run.steps));
        opts.onProgress?.((k + run.steps / steps) / seeds.length);
      }
      samples[i]![k] = distanceFromStart(run);
    });
    if (run.status === 'diverged') diverged++;
    opts.onProgress?.((k + 1) / seeds.length);
  });
  return {
    t: times,
    meanDistance: samples.map((s) => mean(s)),
    sdDistance: samples.map((s) => sampleSd(s)),
    diverged,
  };
}

function distanceFromStart(run: Run): number {
  let s = 0;
  for (let j = 0; j < run.dim; j++) s += (run.w[j]! - run.w0[j]!) ** 2;
  return Math.sqrt(s);
}

/** Both candidate laws fitted over lo ≤ t ≤ hi, with R² comparable between them. */
export function diffusionFits(
  t: readonly number[],
  meanDistance: readonly number[],
  range: readonly [number, number],
): {
  logFit: { a: number; b: number; r2: number };
  powerFit: { c: number; p: number; r2: number };
} {
  const keep = t
    .map((x, i) => i)
    .filter((i) => t[i]! >= range[0] && t[i]! <= range[1] && t[i]! > 0);
  const ts = keep.map((i) => t[i]!);
  const ds = keep.map((i) => meanDistance[i]!);
  return { logFit: logFit(ts, ds), powerFit: powerFit(ts, ds) };
}

/** A 2-D plane through an N-D weight space: w = center + x·d1 + y·d2. */
export interface Slice {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
}

export type SurfaceSplit = Split | 'gap';

export interface SurfaceGrid {
  x: number[];
  y: number[];
  /** Row-major ny × nx: loss[iy·nx + ix] at (x[ix], y[iy]). */
  loss: Float64Array;
}

/** n evenly spaced grid coordinates from lo to hi: surfaceGrid's axes (and the CLI's). */
export function gridAxis(lo: number, hi: number, n: number): number[] {
  if (n === 1) return [lo];
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/**
 * Full-split loss on an nx × ny grid ('gap' = test − train). 2-D objectives are gridded
 * over w itself; N-D ones need a slice (e.g. `randomSliceDirections`).
 */
export function surfaceGrid(
  objective: Objective,
  split: SurfaceSplit,
  box: { lo: readonly [number, number]; hi: readonly [number, number] },
  nx: number,
  ny: number,
  slice?: Slice,
): SurfaceGrid {
  const d = objective.dim;
  if (!slice && d !== 2)
    throw new RangeError(`surfaceGrid: a ${d}-D objective needs a slice (center, d1, d2)`);
  if (slice && (slice.center.length !== d || slice.d1.length !== d || slice.d2.length !== d))
    throw new RangeError(`surfaceGrid: slice vectors must have length ${d}`);
  const x = gridAxis(box.lo[0], box.hi[0], nx);
  const y = gridAxis(box.lo[1], box.hi[1], ny);
  const loss = new Float64Array(nx * ny);
  // One point buffer reused for the whole grid: the loop allocates nothing.
  const w = new Float64Array(d);
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      if (slice) {
        for (let j = 0; j < d; j++)
          w[j] = slice.center[j]! + x[ix]! * slice.d1[j]! + y[iy]! * slice.d2[j]!;
      } else {
        w[0] = x[ix]!;
        w[1] = y[iy]!;
      }
      const value =
        split === 'gap'
          ? objective.fullLossGrad(w, 'test', null) - objective.fullLossGrad(w, 'train', null)
          : objective.fullLossGrad(w, split, null);
      loss[iy * nx + ix] = value;
    }
  }
  return { x, y, loss };
}

/** Two orthonormal directions: Gram–Schmidt on Gaussian vectors from the 'slice' stream. */
export function randomSliceDirections(
  dim: number,
  seed: number,
): { d1: Float64Array; d2: Float64Array } {
  if (dim < 2) throw new RangeError(`randomSliceDirections: need dim ≥ 2, got ${dim}`);
  const rng = createRng(seed, 'slice');
  const draw = (): Float64Array => Float64Array.from({ length: dim }, () => rng.normal());
  let d1: Float64Array | null = null;
  while (!d1) d1 = normalizeOrNull(draw());
  for (;;) {
    const v = draw();
    let dot = 0;
    for (let j = 0; j < dim; j++) dot += v[j]! * d1[j]!;
    for (let j = 0; j < dim; j++) v[j]! -= dot * d1[j]!;
    const d2 = normalizeOrNull(v);
    if (d2) return { d1, d2 };
  }
}

/** Scales v to unit length in place; null when it is (numerically) zero. */
function normalizeOrNull(v: Float64Array): Float64Array | null {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j]! * v[j]!;
  const n = Math.sqrt(s);
  if (!(n > 1e-12)) return null;
  for (let j = 0; j < v.length; j++) v[j]! /= n;
  return v;
}
