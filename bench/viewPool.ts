/**
 * `npm run bench` (engine part): each science view's time to result at its defaults (the
 * link without parameters, on the explorer's default landscape), computed by the page's
 * own pool (src/state/pool.ts, WorkerPool) over the browser's engine Runner in worker
 * threads: 1 pool worker (what a 2-core machine got before: one per core, less one for the
 * page) against the pool the page makes now (WorkerPool.defaultSize's rule: every core up
 * to 4, else all but one). Both pools are started and JIT-warmed first (the page keeps
 * its pool across views); rounds alternate which goes first; medians are printed with the
 * ratio, and every run's results must equal the 1-worker results exactly.
 *
 * Wall time alone misleads on a shared machine: Linux's autogroup scheduler splits the CPU
 * between busy sessions, not threads, so beside one busy session this process gets about
 * one core (beside two, two-thirds of one) however many workers it starts, and 2 workers
 * look no faster (or, if the other load came and went between runs, slower) than 1. So each run also reads its
 * workers' thread CPU time: "cores" is the CPU the pool got per wall second, and "free" is
 * the speed-up the pool delivers when every worker has a core, 1-worker CPU time over the
 * busiest worker's CPU time (the span), which other load hardly changes; "idle" is the
 * share of the run the 2 workers spent waiting for a job (the pool's hand-off cost).
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
import { nodeWorker, workerCode, type BenchWorker } from './nodeWorker';

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

/** A pool whose workers can be asked for their thread CPU time. */
function benchPool(code: string, size: number): { pool: WorkerPool; workers: BenchWorker[] } {
  const workers: BenchWorker[] = [];
  const pool = new WorkerPool(() => {
    const w = nodeWorker(code);
    workers.push(w);
    return w;
  }, size);
  return { pool, workers };
}

/** Each worker's thread CPU seconds so far (0 where the OS does not say). */
async function cpuSeconds(workers: BenchWorker[]): Promise<number[]> {
  return (await Promise.all(workers.map((w) => w.cpu()))).map((ms) => (ms ?? 0) / 1000);
}

interface Timing {
  wall: number;
  /** CPU seconds per worker during the run. */
  cpu: number[];
  /** Seconds each worker's event loop waited for a message during the run. */
  idle: number[];
}

async function main(): Promise<void> {
  const code = await workerCode();
  const cores = availableParallelism();
  const sizes = [1, pageSize(cores)] as const;
  const pools = sizes.map((n) => benchPool(code, n));
  // Warm-up: every worker of both pools runs a small job of each view's kind.
  for (const view of VIEWS) {
    const jobs = viewJobs(view).slice(0, 4);
    await Promise.all(pools.map((p) => p.pool.run(jobs).promise));
  }
  console.log(
    `\nscience views, default parameters: time to result, ${sizes[0]} vs ${sizes[1]} pool workers ` +
      `(${cores} cores; median of ${ROUNDS} rounds)`,
  );
  console.log(
    `${'view'.padEnd(11)}${'jobs'.padStart(6)}${`${sizes[0]}w s`.padStart(10)}${`${sizes[1]}w s`.padStart(10)}` +
      `${'speed-up'.padStart(10)}${`${sizes[0]}w CPU s`.padStart(11)}${`${sizes[1]}w CPU s`.padStart(11)}` +
      `${'cores'.padStart(7)}${'free'.padStart(8)}${'idle'.padStart(7)}`,
  );
  const ratios: string[] = [];
  for (const view of VIEWS) {
    const jobs = viewJobs(view);
    const times: Timing[][] = [[], []];
    let reference: string | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      for (const k of round % 2 ? [1, 0] : [0, 1]) {
        const { pool, workers } = pools[k]!;
        const cpu0 = await cpuSeconds(workers);
        const idle0 = workers.map((w) => w.idleMs());
        const t0 = performance.now();
        const results: JobResult[] = await pool.run(jobs).promise;
        const wall = (performance.now() - t0) / 1000;
        const cpu = (await cpuSeconds(workers)).map((c, i) => c - cpu0[i]!);
        const idle = workers.map((w, i) => (w.idleMs() - idle0[i]!) / 1000);
        times[k]!.push({ wall, cpu, idle });
        const text = JSON.stringify(results);
        if ((reference ??= text) !== text)
          throw new Error(`${view}: ${sizes[k]} workers gave different results`);
      }
      process.stderr.write(`${view}: round ${round + 1}/${ROUNDS}\n`);
    }
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    const [one, all] = times.map((ts) => median(ts.map((t) => t.wall))) as [number, number];
    const [cpuOne, cpuAll] = times.map((ts) => median(ts.map((t) => sum(t.cpu)))) as [
      number,
      number,
    ];
    const cores = median(times[1]!.map((t) => sum(t.cpu) / t.wall));
    const span = median(times[1]!.map((t) => Math.max(...t.cpu)));
    const idle = median(times[1]!.map((t) => sum(t.idle) / (t.wall * t.idle.length)));
    console.log(
      `${view.padEnd(11)}${String(jobs.length).padStart(6)}${one.toFixed(2).padStart(10)}` +
        `${all.toFixed(2).padStart(10)}${`${(one / all).toFixed(2)}×`.padStart(10)}` +
        `${cpuOne.toFixed(2).padStart(11)}${cpuAll.toFixed(2).padStart(11)}${cores.toFixed(2).padStart(7)}` +
        `${`${(cpuOne / span).toFixed(2)}×`.padStart(8)}${`${(idle * 100).toFixed(1)}%`.padStart(7)}`,
    );
    if (cores < 0.9 * sizes[1])
      console.log(
        `${''.padEnd(11)}busy machine: the ${sizes[1]}-worker pool got ${cores.toFixed(2)} of ${sizes[1]} cores, ` +
          `so its wall-clock speed-up understates the pool's`,
      );
    ratios.push(
      `${view} ${(one / all).toFixed(2)}× (${(cpuOne / span).toFixed(2)}× with free cores)`,
    );
  }
  for (const p of pools) p.pool.dispose();
  console.log(`\nspeed-up ${sizes[1]} vs ${sizes[0]} pool workers: ${ratios.join(', ')}`);
}

await main();
