/** `batchscape run`: one training run → summary, trajectory and metric records. */
import { createRun, type RunChunk } from '../../engine/run';
import type { MetricRecord } from '../../engine/metrics';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, type Command } from '../command';
import type { RunConfig } from '../../engine/config';
import { effectiveBudget } from '../../engine/schedules';
import { usageError, type Flags } from '../flags';
import { LIMITS } from '../limits';
import { emit, shortF32, toCsv, toJson, withoutInapplicable } from '../output';
import { createProgress } from '../progress';

const CHUNK_STEPS = 8192;

interface TrajectoryPoint {
  step: number;
  epoch: number | null;
  lr: number | null;
  batch: number;
  batchLoss: number | null;
  w: (number | null)[];
}

function trajectoryOf(chunks: readonly RunChunk[], dim: number): TrajectoryPoint[] {
  const out: TrajectoryPoint[] = [];
  for (const c of chunks) {
    for (let i = 0; i < c.count; i++) {
      const w = Array.from(c.positions.subarray(i * dim, (i + 1) * dim), shortF32);
      out.push({
        step: c.step[i]!,
        epoch: shortF32(c.epoch[i]!),
        lr: shortF32(c.lr[i]!),
        batch: c.batch[i]!,
        batchLoss: shortF32(c.batchLoss[i]!),
        w,
      });
    }
  }
  return out;
}

/** At most this many updates (the first batch is the smallest; a growing one only cuts steps). */
function maxSteps(c: RunConfig): number {
  const b = effectiveBudget(c.budget, c.regimeAdaptation, c.batch, c.refBatch);
  return b.unit === 'steps' ? b.amount : Math.ceil(b.amount * Math.ceil(c.landscape.n / c.batch));
}

/** What a run keeps in memory until it prints: refused up front when past the limits. */
function checkRecording(c: RunConfig, dim: number, withTrajectory: boolean): void {
  const steps = maxSteps(c);
  const values = withTrajectory ? (steps / c.recordEvery) * dim : 0;
  if (values > LIMITS.trajectoryValues)
    throw usageError(
      `the trajectory would hold ~${values.toPrecision(2)} values (limit ${LIMITS.trajectoryValues}); raise --record-every or give --no-trajectory`,
    );
  const records = c.metricsEvery > 0 ? steps / c.metricsEvery : 0;
  if (records > LIMITS.metricRecords)
    throw usageError(
      `--metrics-every ${c.metricsEvery} would take ~${records.toPrecision(2)} measurements (limit ${LIMITS.metricRecords}); raise it`,
    );
}

export const runCommand: Command = {
  name: 'run',
  summary: 'one training run: summary, trajectory and metrics',
  details: [
    'JSON (default): {"config", "summary", "trajectory", "metrics"}; see docs/cli.md for every field.',
    'CSV: the trajectory only, header step,epoch,lr,batch,batchLoss,w0,w1,… (batchLoss is empty at the start point).',
  ],
  options: [
    FORMAT_OPTION,
    { name: 'no-trajectory', arg: '', default: 'off', help: 'omit "trajectory" from JSON output' },
  ],
  config: { defaultPreset: 'sharp-flat', omit: [] },
  examples: [
    'batchscape run --batch 8 --seed 3',
    'batchscape run --batch 1024 --lr 0.05 --lr-schedule step --milestones 0.5 --lr-factor 0.2',
    'batchscape run --preset quadratic-nd --dim 50 --epochs 5 --no-trajectory',
    'batchscape run --batch 16 --format csv > trajectory.csv',
  ],
  run(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const withTrajectory = !flags.bool('no-trajectory');
    if (format === 'csv' && !withTrajectory)
      throw usageError('--no-trajectory has no effect with --format csv (CSV is the trajectory)');
    const config = resolveOrExplain(buildConfigInput(flags, 'sharp-flat'));
    const run = createRun(config);
    checkRecording(config, run.dim, withTrajectory);
    const progress = createProgress('run');
    const chunks: RunChunk[] = [];
    const metrics: MetricRecord[] = [];
    while (run.status === 'running') {
      const c = run.advance(CHUNK_STEPS);
      if (withTrajectory) chunks.push(c);
      metrics.push(...c.metrics);
      progress.update(run.progress());
    }
    progress.done();
    const trajectory = withTrajectory ? trajectoryOf(chunks, run.dim) : [];
    if (format === 'csv') {
      const header = ['step', 'epoch', 'lr', 'batch', 'batchLoss'];
      for (let j = 0; j < run.dim; j++) header.push(`w${j}`);
      emit(
        toCsv(
          header,
          trajectory.map((p) => [p.step, p.epoch, p.lr, p.batch, p.batchLoss, ...p.w]),
        ),
      );
      return;
    }
    const last = run.lastMetrics!;
    const summary = {
      status: run.status,
      steps: run.steps,
      finalTrainLoss: last.trainLoss,
      finalTestLoss: last.testLoss,
      gap: last.gap,
      lambdaMax: last.lambdaMax,
      distance: last.distance,
      basin: last.basin,
      divergedAt: run.divergedAt,
      saddleSteps: last.saddleSteps,
      saddleFraction:
        last.saddleSteps === null ? null : run.steps > 0 ? last.saddleSteps / run.steps : 0,
      trainAccuracy: last.trainAccuracy,
      testAccuracy: last.testAccuracy,
    };
    emit(
      toJson({
        config,
        summary: withoutInapplicable(summary),
        ...(withTrajectory ? { trajectory } : {}),
        metrics: metrics.map(withoutInapplicable),
      }),
    );
  },
};
