import type { RunConfig } from './config';
import { resolveConfig, type ConfigError } from './validate';
import { buildObjective } from './presets';
import type { Objective } from './objectives/types';
import { createOptimizer, type Optimizer } from './optim';
import { batchAt, effectiveBudget, lrFactor, lrScale } from './schedules';
import {
  basinOf,
  gradientNoise,
  hessianExtremes,
  nearSaddle,
  noiseScale,
  type MetricRecord,
} from './metrics';
import type { Basin } from './objectives/types';
import { identityIndex } from './data';
import { createRng, shuffleInPlace, splitStreams, type RunStreams } from './rng';
import { MetricClock } from './metricSchedule';
import { allocChunk, trim, type MutableChunk, type RunChunk, type RunStatus } from './runChunk';

export type { RunChunk, RunStatus } from './runChunk';

/** Most steps one `advance` call takes; callers loop for more. */
export const MAX_CHUNK_STEPS = 1 << 20;

export class ConfigInvalidError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(`invalid config: ${errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`);
  }
}

/** Validates and starts a run; throws ConfigInvalidError with every problem listed. */
export function createRun(input: unknown, objective?: Objective): Run {
  const r = resolveConfig(input);
  if (!r.ok) throw new ConfigInvalidError(r.errors);
  return new Run(r.config, objective ?? buildObjective(r.config));
}

/**
 * One SGD-family run that advances in chunks. Minibatches are drawn without
 * replacement from a permutation reshuffled every epoch; a final partial batch is
 * DROPPED (every step then uses exactly B samples, so the noise covariance is
 * (Σ/B)(N−B)/(N−1)), and the next epoch starts with a fresh shuffle.
 */
export class Run {
  readonly dim: number;
  /** Trained entries of w ([0, trainDim)); the rest is model state (BN running statistics). */
  readonly trainDim: number;
  readonly w: Float64Array;
  readonly w0: Float64Array;
  status: RunStatus = 'running';
  steps = 0;
  epochs = 0;
  divergedAt: number | null = null;
  lastMetrics: MetricRecord | null = null;
  /** Accepted updates that ended near a saddle point (see MetricRecord.saddleSteps). */
  saddleSteps = 0;
  private readonly saddles: readonly Basin[];
  private readonly grad: Float64Array;
  private readonly prev: Float64Array;
  private readonly perm: Uint32Array;
  private cursor = 0;
  private readonly opt: Optimizer;
  private readonly streams: RunStreams;
  private readonly totalAmount: number;
  private metricCount = 0;
  private readonly metricClock: MetricClock;
  private lastLoss = 0;
  private lastPushed = -1;
  private currentBatch: number;
  private currentLr: number;

  constructor(
    readonly config: RunConfig,
    readonly objective: Objective,
  ) {
    const d = objective.dim;
    this.dim = d;
    this.streams = splitStreams(config.seed);
    this.w = new Float64Array(d);
    this.trainDim = objective.trainDim ?? d;
    if (config.start) this.w.set(config.start);
    else if (objective.initialize) objective.initialize(this.streams.init, this.w);
    else {
      const { lo, hi } = objective.initBox;
      for (let j = 0; j < d; j++) this.w[j] = this.streams.init.uniform(lo[j]!, hi[j]!);
    }
    this.w0 = Float64Array.from(this.w);
    this.grad = new Float64Array(d);
    this.prev = new Float64Array(d);
    this.perm = identityIndex(objective.nTrain);
    this.opt = createOptimizer(config.optimizer, d);
    this.totalAmount = effectiveBudget(
      config.budget,
      config.regimeAdaptation,
      config.batch,
      config.refBatch,
    ).amount;
    this.currentBatch = config.batch;
    this.currentLr = config.lr;
    this.metricClock = new MetricClock(config.metricsEvery, config.metricsPerDecade ?? 0);
    this.saddles = objective.saddles ?? [];
    if (config.batch < objective.nTrain) shuffleInPlace(this.perm, this.streams.batches);
  }

  /** Fraction of the budget used, in [0, 1]. */
  progress(): number {
    const used =
      this.config.budget.unit === 'steps'
        ? this.steps
        : this.epochs + this.cursor / this.objective.nTrain;
    return Math.min(1, used / this.totalAmount);
  }

  /** Total steps the run will take when the batch size is constant (estimate otherwise). */
  plannedSteps(): number {
    if (this.config.budget.unit === 'steps') return Math.ceil(this.totalAmount);
    const n = this.objective.nTrain;
    return Math.ceil(this.totalAmount * Math.floor(n / this.config.batch));
  }

  /** Batch size and learning rate that the next step will use. */
  private prepareStep(): void {
    const c = this.config;
    const p = this.progress();
    const n = this.objective.nTrain;
    const b = batchAt(c.batchSchedule, c.batch, p, n);
    this.currentBatch = b;
    this.currentLr = c.lr * lrFactor(c.lrSchedule, p) * lrScale(c.lrScaling, b, c.refBatch);
  }

  /** Takes one SGD step. Returns the minibatch loss (before the update). */
  private step(): number {
    const n = this.objective.nTrain;
    this.prepareStep();
    const b = this.currentBatch;
    // The batch grew mid-epoch and no longer fits: start the next epoch.
    if (this.cursor + b > n) this.newEpoch(b);
    // Saved before the step: a training step may also update model state held in w.
    this.prev.set(this.w);
    const obj = this.objective;
    const loss = obj.trainStep
      ? obj.trainStep(this.w, this.perm, this.cursor, this.cursor + b, this.grad)
      : obj.batchLossGrad(this.w, 'train', this.perm, this.cursor, this.cursor + b, this.grad);
    this.cursor += b;
    this.opt.update(this.w, this.grad, this.currentLr);
    const t = this.config.temperature;
    if (t > 0) {
      // Optional Langevin noise (off by default): w += √(2ηT)·ξ, on trained entries only.
      const s = Math.sqrt(2 * this.currentLr * t);
      for (let j = 0; j < this.trainDim; j++) this.w[j]! += s * this.streams.noise.normal();
    }
    this.steps++;
    // The tail that cannot fill another batch is dropped and the epoch ends here.
    if (this.cursor + b > n) this.newEpoch(b);
    if (!this.isFinitePoint(loss)) this.diverge();
    else if (this.saddles.length > 0 && nearSaddle(this.saddles, this.w)) this.saddleSteps++;
    return loss;
  }

  private newEpoch(batch: number): void {
    this.epochs++;
    this.cursor = 0;
    // A full batch is the same set in any order: skipping the shuffle keeps it bit-exact.
    if (batch < this.objective.nTrain) shuffleInPlace(this.perm, this.streams.batches);
  }

  private isFinitePoint(loss: number): boolean {
    const bound = this.config.divergeBound;
    if (!Number.isFinite(loss) || Math.abs(loss) > bound) return false;
    for (let j = 0; j < this.dim; j++) {
      const x = this.w[j]!;
      if (!Number.isFinite(x) || Math.abs(x) > bound) return false;
    }
    return true;
  }

  /** Stops the run, restoring the last finite point so no NaN ever leaves the engine. */
  private diverge(): void {
    this.w.set(this.prev);
    this.status = 'diverged';
    // `steps` counts accepted steps only; divergedAt is the step that was rejected.
    this.steps--;
    this.divergedAt = this.steps + 1;
  }

  /** Full-split metrics at the current point. */
  measure(withHessian: boolean): MetricRecord {
    const obj = this.objective;
    const g = new Float64Array(this.dim);
    // Classifiers report loss and accuracy from one pass over each split.
    const train = obj.evaluate?.(this.w, 'train', g) ?? null;
    const test = obj.evaluate?.(this.w, 'test', null) ?? null;
    const trainLoss = train ? train.loss : obj.fullLossGrad(this.w, 'train', g);
    const testLoss = test ? test.loss : obj.fullLossGrad(this.w, 'test', null);
    let dist = 0;
    for (let j = 0; j < this.trainDim; j++) dist += (this.w[j]! - this.w0[j]!) ** 2;
    let gn = 0;
    for (let j = 0; j < this.trainDim; j++) gn += g[j]! ** 2;
    // Lanczos gets its own stream keyed by step, so measuring never shifts the run's randomness.
    // Basins are named only on 2-D landscapes, where the exact Hessian is cheap: measure
    // it whenever a basin could apply, so saddles are never called basins.
    const needHessian = withHessian || obj.basins.length > 0;
    const hess = needHessian
      ? hessianExtremes(obj, this.w, createRng(this.config.seed, `lanczos:${this.steps}`))
      : null;
    const noise = gradientNoise(obj, this.w, g);
    const rec: MetricRecord = {
      step: this.steps,
      epoch: this.epochs + this.cursor / obj.nTrain,
      trainLoss: finiteOr(trainLoss),
      testLoss: finiteOr(testLoss),
      gap: finiteOr(testLoss - trainLoss),
      distance: Math.sqrt(dist),
      gradNorm: finiteOr(Math.sqrt(gn)),
      lambdaMax: hess && withHessian ? finiteOr(hess.max) : null,
      lambdaMin: hess && withHessian ? finiteOr(hess.min) : null,
      noiseScale: noiseScale(this.currentLr, obj.nTrain, this.currentBatch, this.opt.momentum),
      bSimple: noise.bSimple === null ? null : finiteOr(noise.bSimple),
      basin: basinOf(obj.basins, this.w, hess ? hess.min : null),
      saddleSteps: this.saddles.length > 0 ? this.saddleSteps : null,
      trainAccuracy: train ? train.accuracy : null,
      testAccuracy: test ? test.accuracy : null,
    };
    this.lastMetrics = rec;
    return rec;
  }

  private recordMetrics(into: MetricRecord[], final: boolean): void {
    const he = this.config.hessianEvery;
    const withHessian = final || (he > 0 && this.metricCount % he === 0);
    this.metricCount++;
    into.push(this.measure(withHessian));
  }

  /**
   * Advances up to `maxSteps` steps (fewer when the budget ends or the run diverges).
   * The first call also records the start point.
   */
  advance(maxSteps: number): RunChunk {
    // Bounded per call so a huge request cannot allocate an unbounded chunk.
    const limit = Math.min(Math.max(0, Math.floor(maxSteps)), MAX_CHUNK_STEPS);
    const every = this.config.recordEvery;
    const chunk = allocChunk(Math.ceil((limit + 2) / every) + 2, this.dim);
    const metrics: MetricRecord[] = [];
    // An ended run has nothing more to say: no repeated final records.
    if (this.status !== 'running') return { ...trim(chunk), metrics, status: this.status };
    if (this.steps === 0 && this.metricCount === 0) {
      // The start record carries the full train loss: there is no minibatch yet.
      this.push(chunk, this.objective.fullLossGrad(this.w, 'train', null));
      this.recordMetrics(metrics, false);
    }
    let taken = 0;
    while (taken < limit && this.status === 'running') {
      if (this.progress() >= 1) {
        this.status = 'done';
        break;
      }
      const loss = this.step();
      taken++;
      if (this.status !== 'running') break;
      this.lastLoss = loss;
      const done = this.progress() >= 1;
      if (done) this.status = 'done';
      if (this.steps % every === 0 || done) this.push(chunk, loss);
      if (!done && this.metricClock.due(this.steps)) this.recordMetrics(metrics, false);
    }
    if (this.status !== 'running') {
      // The last accepted point always ends the record (after a divergence, too).
      if (this.lastPushed !== this.steps) this.push(chunk, this.lastLoss);
      this.recordMetrics(metrics, true);
    }
    return { ...trim(chunk), metrics, status: this.status };
  }

  /** Runs to the end in chunks; returns every chunk concatenated. */
  runToEnd(chunkSize = 4096): { chunks: RunChunk[]; metrics: MetricRecord[] } {
    const chunks: RunChunk[] = [];
    const metrics: MetricRecord[] = [];
    while (this.status === 'running') {
      const c = this.advance(chunkSize);
      chunks.push(c);
      metrics.push(...c.metrics);
    }
    return { chunks, metrics };
  }

  private push(chunk: MutableChunk, loss: number): void {
    this.lastPushed = this.steps;
    const i = chunk.count++;
    chunk.step[i] = this.steps;
    chunk.epoch[i] = this.epochs + this.cursor / this.objective.nTrain;
    chunk.lr[i] = this.currentLr;
    chunk.batch[i] = this.currentBatch;
    chunk.batchLoss[i] = Number.isFinite(loss) ? loss : Number.MAX_VALUE;
    for (let j = 0; j < this.dim; j++) chunk.positions[i * this.dim + j] = this.w[j]!;
  }
}

function finiteOr(x: number, fallback = Number.MAX_VALUE): number {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? fallback : Math.sign(x) * fallback;
}
