/**
 * What every ensemble command shares: the --workers flag, a cost estimate per job (so the
 * pool starts heavy jobs first and the progress bar moves with the work, not the job
 * count) and the run itself with a progress bar on stderr.
 */
import type { EnsembleJob, JobResult } from '../engine/ensemble';
import type { RunConfig } from '../engine/config';
import { effectiveBudget } from '../engine/schedules';
import { resolveOrThrow } from '../engine/sweep';
import { usageError, type Flags } from './flags';
import { defaultWorkers, runJobs } from './pool';
import { LIMITS } from './limits';
import { createProgress } from './progress';

export function workersFlag(flags: Flags): number {
  return flags.whole('workers', defaultWorkers(), 1, LIMITS.workers);
}

/** An ensemble's results are held in memory until the end: refuse lists past the limit. */
export function checkJobCount(jobs: number): void {
  if (jobs > LIMITS.jobs)
    throw usageError(
      `this would queue ${jobs} runs; the limit is ${LIMITS.jobs} per invocation (split it with --shard I/N)`,
    );
}

/**
 * Samples touched by a run plus its end-point measurements (≈ 4 passes over the train set).
 * An epoch budget touches epochs × N samples whatever the batch (and however it grows).
 */
export function runCost(c: RunConfig): number {
  const n = c.landscape.n;
  const budget = effectiveBudget(c.budget, c.regimeAdaptation, c.batch, c.refBatch);
  const samples = budget.unit === 'steps' ? budget.amount * c.batch : budget.amount * n;
  return samples + 4 * n;
}

export function jobCost(job: EnsembleJob): number {
  switch (job.kind) {
    case 'endpoint':
      return runCost(resolveOrThrow(job.config));
    case 'diffusion': {
      const c = resolveOrThrow(job.config);
      return Math.max(1, ...job.ts) * c.batch;
    }
    case 'slice': {
      const c = resolveOrThrow(job.config);
      return job.points.length * job.splits.length * (c.landscape.n + c.landscape.nTest) * 0.5;
    }
    case 'keskar':
      return (
        runCost(resolveOrThrow({ ...job.config, batch: job.small })) +
        runCost(resolveOrThrow({ ...job.config, batch: job.large }))
      );
  }
}

/** Runs the jobs on the pool with a progress bar; results in job order. */
export async function runEnsemble(
  label: string,
  jobs: readonly EnsembleJob[],
  workers: number,
): Promise<JobResult[]> {
  const progress = createProgress(label);
  try {
    return await runJobs(jobs, workers, {
      weights: jobs.map(jobCost),
      onProgress: (p) => progress.update(p.fraction),
    });
  } finally {
    progress.done();
  }
}

/** --seeds K and --seed-start S → the seeds S … S+K−1. */
export function seedsFlags(flags: Flags, count: number, minCount = 1): number[] {
  const k = flags.whole('seeds', count, minCount, LIMITS.seeds);
  const s0 = flags.whole('seed-start', 1, 0, LIMITS.seed);
  if (s0 + k - 1 > LIMITS.seed)
    throw usageError(
      `--seed-start ${s0} with --seeds ${k} runs past the last seed ${LIMITS.seed} (seeds are 32-bit)`,
    );
  return Array.from({ length: k }, (_, i) => s0 + i);
}

/** --small and --large of the matched comparisons: small < large ≤ n (large defaults to n). */
export function smallLargeFlags(flags: Flags, n: number): { small: number; large: number } {
  // No parse limit: the comparison with n below says what the limit is.
  const small = flags.whole('small', 16, 1, Number.MAX_SAFE_INTEGER);
  const large = flags.whole('large', n, 1, Number.MAX_SAFE_INTEGER);
  if (large > n) throw usageError(`--large must be ≤ n (${n}), got "${large}"`);
  if (small >= large)
    throw usageError(`--small must be less than --large (${large}), got "${small}"`);
  return { small, large };
}
