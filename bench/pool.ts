/**
 * `npm run bench` (engine part): the CLI worker pool on a sharp-flat batch-size sweep,
 * 2 workers against 1 in the same process. Rounds are interleaved and medians reported so
 * machine noise hits both sides alike:
 *  - end to end: a fresh pool per sweep (worker start-up included), what a CLI call pays;
 *  - warm: pools started and JIT-warmed beforehand, the pure parallel throughput;
 *  - end to end on 4× the seeds: the fixed cost of a fresh worker (start ~25 ms, building
 *    the landscape ~25 ms, JIT warm-up ~30 ms, paid by every worker) amortised.
 * Goal (issue #4): speedup ≥ 1.7× on a 2-core machine.
 */
import { availableParallelism } from 'node:os';
import { runJobs, ThreadPool } from '../src/cli/pool';
import { workerSource } from '../src/cli/workerSource';
import { jobCost } from '../src/cli/jobs';
import { seedList, sweepJobs } from '../src/engine/experiments';
import type { JobResult } from '../src/engine/ensemble';

const ROUNDS = 5;
const BIG_ROUNDS = 3;
const BATCHES = [8, 64, 1024];
const SEEDS = 12;
const sweep = (seeds: number) =>
  sweepJobs({ base: { preset: 'sharp-flat' }, batches: BATCHES, seeds: seedList(seeds) });
const jobs = sweep(SEEDS);
const weights = jobs.map(jobCost);
const bigJobs = sweep(4 * SEEDS);
const bigWeights = bigJobs.map(jobCost);

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const bundle = await timed(() => workerSource());
  const startup = await timed(async () => {
    const p = await ThreadPool.create(1);
    await p.run(jobs.slice(0, 1));
    return p.close();
  });
  const cold: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const warm: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const pools = { 1: await ThreadPool.create(1), 2: await ThreadPool.create(2) };
  const reference: JobResult[] = await pools[1].run(jobs, { weights });
  await pools[2].run(jobs, { weights }); // both pools JIT-warm before timing
  for (let round = 0; round < ROUNDS; round++) {
    const order: (1 | 2)[] = round % 2 ? [2, 1] : [1, 2];
    for (const w of order) {
      const c = await timed(() => runJobs(jobs, w, { weights }));
      const h = await timed(() => pools[w].run(jobs, { weights }));
      if (
        JSON.stringify(c.value) !== JSON.stringify(reference) ||
        JSON.stringify(h.value) !== JSON.stringify(reference)
      )
        throw new Error(`${w} workers gave different results`);
      cold[w].push(c.ms);
      warm[w].push(h.ms);
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
  }
  await Promise.all([pools[1].close(), pools[2].close()]);
  const big: Record<1 | 2, number[]> = { 1: [], 2: [] };
  let bigReference: string | null = null;
  for (let round = 0; round < BIG_ROUNDS; round++) {
    for (const w of round % 2 ? ([2, 1] as const) : ([1, 2] as const)) {
      const c = await timed(() => runJobs(bigJobs, w, { weights: bigWeights }));
      const text = JSON.stringify(c.value);
      if ((bigReference ??= text) !== text) throw new Error(`${w} workers gave different results`);
      big[w].push(c.ms);
    }
    process.stderr.write(`4× seeds: round ${round + 1}/${BIG_ROUNDS}\n`);
  }
  // Median and best of the rounds: on a shared machine the best is the uncontended time.
  const row = (name: string, t: Record<1 | 2, number[]>) => {
    const med = median(t[1]) / median(t[2]);
    const best = Math.min(...t[1]) / Math.min(...t[2]);
    const cells = [median(t[1]), median(t[2]), Math.min(...t[1]), Math.min(...t[2])].map((x) =>
      x.toFixed(0),
    );
    cells.push(`${med.toFixed(2)}×`, `${best.toFixed(2)}×`);
    console.log(name.padEnd(34) + cells.map((c) => c.padStart(10)).join(''));
    return med;
  };
  console.log(
    `\npool: sharp-flat sweep, batches ${BATCHES.join(',')} × ${SEEDS} seeds (${jobs.length} jobs), ` +
      `default epochs; ${availableParallelism()} cores; worker bundle ${bundle.ms.toFixed(0)} ms, ` +
      `one worker start + first job ${startup.ms.toFixed(0)} ms`,
  );
  const head = ['med 1w', 'med 2w', 'best 1w', 'best 2w', 'med ×', 'best ×'];
  console.log('ms'.padEnd(34) + head.map((c) => c.padStart(10)).join(''));
  const e2e = row(`end to end (${ROUNDS} rounds)`, cold);
  const hot = row(`warm pool (${ROUNDS} rounds)`, warm);
  const amortised = row(`end to end, ${4 * SEEDS} seeds (${BIG_ROUNDS} rounds)`, big);
  console.log(
    `\nspeedup 2 vs 1 workers, medians (goal ≥ 1.7): end to end ${e2e.toFixed(2)}×, warm ${hot.toFixed(2)}×, ` +
      `end to end on ${4 * SEEDS} seeds ${amortised.toFixed(2)}×`,
  );
}

await main();
