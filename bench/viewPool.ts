/**
 * `npm run bench` (engine part): each science view's time to result at its defaults (the
 * link without parameters, on the explorer's default landscape), computed by the page's
 * own pool (src/state/pool.ts, WorkerPool) over the browser's engine Runner in worker
 * threads: 1 pool worker (what a 2-core machine got before: one per core, less one for the
 * page) against the pool the page makes now (WorkerPool.defaultSize's rule: every core up
 * to 4, else all but one). Both pools are started and JIT-warmed first (the page keeps
 * its pool across views); rounds alternate which goes first; medians are printed with the
 * ratio, and every run's results must equal the 1-worker results exactly.
 * `VIEWS=sweep,keskar` picks views; `ROUNDS=n` (default 3).
 */
import { availableParallelism } from 'node:os';
import { WorkerPool } from '../src/state/pool';
import { initialConfigState } from '../src/state/configStore';
import { defaultViewParams, SCIENCE_VIEWS, type ScienceView } from '../src/state/viewParams';
import type { EnsembleJob, JobResult } from '../src/engine/ensemble';
import { sweepPlan } from '../src/ui/views/sweep/sweepPlan';
import { remediesPlan } from '../src/ui/views/remedies/remediesPlan';
import { networkPlan } from '../src/ui/views/network/networkPlan';
import { diffusionPlan } from '../src/ui/views/diffusion/diffusionPlan';
import { keskarPlan } from '../src/ui/views/keskar/keskarPlan';
import { stabilityPlan } from '../src/ui/views/stability/stabilityPlan';
import { nodeWorker, workerCode } from './nodeWorker';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const VIEWS = (process.env.VIEWS?.split(',') ?? SCIENCE_VIEWS) as ScienceView[];

/** The jobs each view sends the pool when opened with default parameters. */
function viewJobs(view: ScienceView): EnsembleJob[] {
  const explorer = initialConfigState().base;
  const p = defaultViewParams();
  switch (view) {
    case 'sweep':
      return sweepPlan(p.sweep, explorer).jobs;
    case 'remedies':
      return remediesPlan(p.remedies, explorer).jobs;
    case 'network':
      return networkPlan(p.network, explorer).jobs;
    case 'diffusion':
      return diffusionPlan(p.diffusion, explorer).jobs;
    case 'keskar':
      return keskarPlan(p.keskar, explorer).jobs;
    case 'stability':
      return stabilityPlan(p.stability, explorer).jobs;
  }
}

/** WorkerPool.defaultSize's rule, with this machine's core count. */
function pageSize(cores: number): number {
  return cores <= 4 ? cores : cores - 1;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const code = await workerCode();
  const cores = availableParallelism();
  const sizes = [1, pageSize(cores)] as const;
  const pools = sizes.map((n) => new WorkerPool(() => nodeWorker(code), n));
  // Warm-up: every worker of both pools runs a small job of each view's kind.
  for (const view of VIEWS) {
    const jobs = viewJobs(view).slice(0, 4);
    await Promise.all(pools.map((p) => p.run(jobs).promise));
  }
  console.log(
    `\nscience views, default parameters: time to result, ${sizes[0]} vs ${sizes[1]} pool workers ` +
      `(${cores} cores; median of ${ROUNDS} rounds)`,
  );
  console.log(
    `${'view'.padEnd(11)}${'jobs'.padStart(6)}${`${sizes[0]}w s`.padStart(10)}${`${sizes[1]}w s`.padStart(10)}${'speed-up'.padStart(10)}`,
  );
  const ratios: string[] = [];
  for (const view of VIEWS) {
    const jobs = viewJobs(view);
    const times: number[][] = [[], []];
    let reference: string | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      for (const k of round % 2 ? [1, 0] : [0, 1]) {
        const t0 = performance.now();
        const results: JobResult[] = await pools[k]!.run(jobs).promise;
        times[k]!.push(performance.now() - t0);
        const text = JSON.stringify(results);
        if ((reference ??= text) !== text)
          throw new Error(`${view}: ${sizes[k]} workers gave different results`);
      }
      process.stderr.write(`${view}: round ${round + 1}/${ROUNDS}\n`);
    }
    const [one, all] = times.map(median) as [number, number];
    console.log(
      `${view.padEnd(11)}${String(jobs.length).padStart(6)}${(one / 1000).toFixed(2).padStart(10)}` +
        `${(all / 1000).toFixed(2).padStart(10)}${`${(one / all).toFixed(2)}×`.padStart(10)}`,
    );
    ratios.push(`${view} ${(one / all).toFixed(2)}×`);
  }
  for (const p of pools) p.dispose();
  console.log(`\nspeed-up ${sizes[1]} vs ${sizes[0]} pool workers: ${ratios.join(', ')}`);
}

await main();
