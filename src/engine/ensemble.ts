/**
 * Ensembles as lists of independent jobs. A job is one seeded run (or one matched pair
 * of runs) described by plain JSON, so it can execute anywhere — a browser pool worker,
 * a Node worker thread, or inline — and its result is a pure function of the job.
 * Aggregation sorts results by job index, so an ensemble's numbers are identical
 * whatever the number of workers and whatever order jobs finish in.
 */
import type { ConfigInput, RunConfig } from './config';
import { buildObjective } from './presets';
import { createRun } from './run';
import type { Objective, Split } from './objectives/types';
import { evaluateSlicePoints, type SliceBox } from './slice';
import { resolveOrThrow } from './sweep';
import { epsilonSharpness } from './sharpness';
import { interpolationLine } from './interpolate';

export type EnsembleJob =
  /** Run to the end; report the end state (and ε-sharpness when sharpnessEps is set). */
  | { kind: 'endpoint'; config: ConfigInput; sharpnessEps?: number }
  /** Run for max(ts) steps; report ‖w_t − w_0‖ at each t. */
  | { kind: 'diffusion'; config: ConfigInput; ts: number[] }
  /** A small- and a large-batch run from the same start; the line between their ends. */
  | {
      kind: 'keskar';
      config: ConfigInput;
      small: number;
      large: number;
      alphas: number[];
      sharpnessEps: number;
    }
  /**
   * Full-split losses at some points of a slice grid (slice.ts): a share of a surface, so
   * several workers can compute one surface. Vectors are full state vectors as plain arrays.
   */
  | {
      kind: 'slice';
      config: ConfigInput;
      slice: { center: number[]; d1: number[]; d2: number[] };
      box: SliceBox;
      res: number;
      points: number[];
      splits: Split[];
    };

export interface EndpointResult {
  kind: 'endpoint';
  seed: number;
  batch: number;
  lr: number;
  status: 'done' | 'diverged' | 'running';
  steps: number;
  trainLoss: number;
  testLoss: number;
  gap: number;
  lambdaMax: number | null;
  distance: number;
  basin: string | null;
  /** End point's first two coordinates (the map of end points). */
  end: [number, number];
  start: [number, number];
  /** ε-sharpness φ (percent), when requested. */
  sharpness: number | null;
  /** Updates that ended near a saddle point (null when the landscape names none). */
  saddleSteps: number | null;
  /** Train / test accuracy at the end (classifiers only, else null). */
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

export interface DiffusionSample {
  kind: 'diffusion';
  seed: number;
  t: number[];
  distance: number[];
  diverged: boolean;
}

export interface KeskarResult {
  kind: 'keskar';
  seed: number;
  small: EndpointResult;
  large: EndpointResult;
  alpha: number[];
  train: number[];
  test: number[];
  path: [number, number][];
  /** Classifiers only: accuracy along the line (absent for the landscapes). */
  trainAccuracy?: number[];
  testAccuracy?: number[];
}

export interface SliceResult {
  kind: 'slice';
  points: number[];
  /** One list per requested split, in order: the loss at each point. */
  values: number[][];
}

export type JobResult = EndpointResult | DiffusionSample | KeskarResult | SliceResult;

/**
 * Objectives depend only on the landscape (and, for the mlp preset, the network): keep the
 * last few (building one is not free). Runs may share one: a model's per-run state lives in
 * the run's own state vector.
 */
const cache = new Map<string, Objective>();
const CACHE_SIZE = 4;

function objectiveFor(config: RunConfig): Objective {
  const key = JSON.stringify([config.preset, config.landscape, config.network ?? null]);
  let obj = cache.get(key);
  if (!obj) {
    obj = buildObjective(config);
    cache.set(key, obj);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return obj;
}

const LEAN = { metricsEvery: 0, metricsPerDecade: 0, recordEvery: 1e9 } as const;

function endpoint(
  input: ConfigInput,
  sharpnessEps: number | undefined,
): { result: EndpointResult; w: Float64Array } {
  const config = resolveOrThrow({ ...input, ...LEAN });
  const objective = objectiveFor(config);
  const run = createRun(config, objective);
  while (run.status === 'running') run.advance(1 << 16);
  const m = run.lastMetrics!;
  const sharp = sharpnessEps
    ? epsilonSharpness(objective, run.w, { eps: sharpnessEps, seed: config.seed }).phi
    : null;
  return {
    w: Float64Array.from(run.w),
    result: {
      kind: 'endpoint',
      seed: config.seed,
      batch: config.batch,
      lr: config.lr,
      status: run.status,
      steps: run.steps,
      trainLoss: m.trainLoss,
      testLoss: m.testLoss,
      gap: m.gap,
      lambdaMax: m.lambdaMax,
      distance: m.distance,
      basin: m.basin,
      end: [run.w[0]!, run.w[1] ?? 0],
      start: [run.w0[0]!, run.w0[1] ?? 0],
      sharpness: sharp,
      saddleSteps: m.saddleSteps,
      trainAccuracy: m.trainAccuracy,
      testAccuracy: m.testAccuracy,
    },
  };
}

function diffusion(input: ConfigInput, ts: number[]): DiffusionSample {
  const times = [...ts].sort((a, b) => a - b);
  const steps = times[times.length - 1] ?? 0;
  const config = resolveOrThrow({
    ...input,
    ...LEAN,
    budget: { unit: 'steps', amount: Math.max(1, steps) },
  });
  const run = createRun(config, objectiveFor(config));
  const distance: number[] = [];
  for (const t of times) {
    while (run.status === 'running' && run.steps < t) run.advance(t - run.steps);
    let s = 0;
    for (let j = 0; j < run.dim; j++) s += (run.w[j]! - run.w0[j]!) ** 2;
    distance.push(Math.sqrt(s));
  }
  return {
    kind: 'diffusion',
    seed: config.seed,
    t: times,
    distance,
    diverged: run.status === 'diverged',
  };
}

export function runJob(job: EnsembleJob): JobResult {
  switch (job.kind) {
    case 'endpoint':
      return endpoint(job.config, job.sharpnessEps).result;
    case 'diffusion':
      return diffusion(job.config, job.ts);
    case 'keskar': {
      // Same seed ⇒ same start point; only the batch size differs.
      const s = endpoint({ ...job.config, batch: job.small }, job.sharpnessEps);
      const l = endpoint({ ...job.config, batch: job.large }, job.sharpnessEps);
      const objective = objectiveFor(resolveOrThrow(job.config));
      const line = interpolationLine(objective, s.w, l.w, job.alphas);
      return { kind: 'keskar', seed: s.result.seed, small: s.result, large: l.result, ...line };
    }
    case 'slice':
      return sliceJob(job);
  }
}

function sliceJob(job: Extract<EnsembleJob, { kind: 'slice' }>): SliceResult {
  const objective = objectiveFor(resolveOrThrow(job.config));
  const slice = {
    center: Float64Array.from(job.slice.center),
    d1: Float64Array.from(job.slice.d1),
    d2: Float64Array.from(job.slice.d2),
  };
  const values = job.splits.map((split) => {
    const out = new Float64Array(job.points.length);
    evaluateSlicePoints(objective, slice, job.box, job.res, job.points, split, out);
    return Array.from(out);
  });
  return { kind: 'slice', points: job.points, values };
}
