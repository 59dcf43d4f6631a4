/**
 * `npm run bench` (soak): four explorer runs of 10⁶ steps each at top speed ("max"), driven
 * through the page's own code path — the Controller and stores of src/state, the
 * EngineClient's acks and watchdog, and the engine Runner in a worker thread (the browser's
 * Worker shell swapped for worker_threads; no rendering). It samples, once a second and
 * after a forced collection, the heap of both threads and the typed-array stores, and
 * each run's recorded step, then prints:
 *  - heap growth over the soak (peak − start; goal ≤ 50 MB) and its trend over the second
 *    half of the soak (least-squares slope × that half's duration; goal: flat, within
 *    ±5 MB, a tenth of the growth budget);
 *  - the B = 1 run's steps per second in the first and last tenth of its steps, per wall
 *    second and per CPU second of the worker thread (Linux), the latter immune to other
 *    load on a shared machine (goal: last ≥ 0.8 × first — a run must not slow down as
 *    its history grows);
 *  - every run's first and second half (of the steps it made) in steps per wall second,
 *    per worker CPU second and per CPU second of its own: the Runner gives each running
 *    run an equal share of every tick, so a run's own CPU is the worker's divided by the
 *    runs running at the time. A fall per wall or worker CPU second with a flat rate per
 *    own CPU second is CPU shared out (among runs, or the thread getting less of the
 *    machine), not the engine slowing down.
 * SOAK_STEPS and SOAK_SECONDS make it longer or cut it short.
 * Run with `tsx --expose-gc bench/soak.ts` (the npm script does) so samples are taken
 * after a full collection.
 */
import { getHeapStatistics } from 'node:v8';
import { Controller } from '../src/state/controller';
import { patchBase, setComparison } from '../src/state/configStore';
import { runBuffers } from '../src/state/buffers';
import { runsStore } from '../src/state/runsStore';
import { nodeWorker, workerCode, type BenchWorker } from './nodeWorker';

const STEPS = Number(process.env.SOAK_STEPS ?? 1e6);
const MAX_SECONDS = Number(process.env.SOAK_SECONDS ?? Infinity);
const BATCHES = [1, 4, 16, 64];
const SAMPLE_MS = 1000;
const CPU_SAMPLE_MS = 50;
const GROWTH_GOAL_MB = 50;
const HALF_GOAL_MB = 5;
const SPEED_GOAL = 0.8;
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;

interface Sample {
  t: number;
  /** Steps recorded so far, per run. */
  steps: number[];
  mainHeap: number;
  workerHeap: number;
  arrayBuffers: number;
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

/** A run's frames as they arrived: wall time (ms) and the run's step count. */
type Timeline = { t: number; steps: number }[];

/** The worker thread's CPU time (ms) sampled over wall time (ms). */
type CpuSamples = { t: number; cpu: number }[];

/** CPU ms the worker had run by wall time t, interpolated between samples. */
function cpuAt(cpu: CpuSamples, t: number): number {
  const i = cpu.findIndex((c) => c.t >= t);
  if (i <= 0) return (i === 0 ? cpu[0] : cpu.at(-1))!.cpu;
  const a = cpu[i - 1]!;
  const b = cpu[i]!;
  return a.cpu + ((t - a.t) / (b.t - a.t)) * (b.cpu - a.cpu);
}

/**
 * Over the part of a run between fractions `from` and `to` of its steps (timed by the
 * frames that crossed those step counts, every ~16 ms): steps per wall second, and steps
 * per CPU second of the worker thread — the second is blind to how much of a shared
 * machine the worker got, so a fall in it means the work itself got slower.
 */
function rate(
  timeline: Timeline,
  cpu: CpuSamples,
  total: number,
  from: number,
  to: number,
): { wall: number; cpu: number | null } {
  const at = (f: number) => timeline.find((p) => p.steps >= f * total) ?? timeline.at(-1)!;
  const a = at(from);
  const b = at(to);
  const cpuMs = cpu.length > 1 ? cpuAt(cpu, b.t) - cpuAt(cpu, a.t) : 0;
  return {
    wall: (b.steps - a.steps) / ((b.t - a.t) / 1000),
    cpu: cpuMs > 0 ? (b.steps - a.steps) / (cpuMs / 1000) : null,
  };
}

/** Worker CPU ms between wall times a and b, each moment divided among the runs running then. */
function ownCpu(cpu: CpuSamples, a: number, b: number, running: (t: number) => number): number {
  const cuts = [a, ...cpu.map((c) => c.t).filter((t) => t > a && t < b), b];
  let ms = 0;
  for (let i = 1; i < cuts.length; i++) {
    const [x, y] = [cuts[i - 1]!, cuts[i]!];
    ms += (cpuAt(cpu, y) - cpuAt(cpu, x)) / Math.max(1, running((x + y) / 2));
  }
  return ms;
}

/** Each run's first and second half of its steps: steps per wall, worker-CPU and own-CPU second. */
function halves(ids: string[], timelines: Map<string, Timeline>, cpu: CpuSamples): void {
  const lines = ids.map((id) => (timelines.get(id) ?? []).filter((p) => p.steps > 0));
  // A run counts as running from its first frame past step 0 to its last frame.
  const running = (t: number) =>
    lines.filter((tl) => tl.length > 0 && tl[0]!.t <= t && t < tl.at(-1)!.t).length;
  const k = (x: number) => `${(x / 1e3).toFixed(0)} k`.padStart(8);
  console.log(
    `per run, first → second half of its steps (steps per second of wall | worker CPU | own CPU):`,
  );
  BATCHES.forEach((b, i) => {
    const tl = lines[i]!;
    if (tl.length < 3 || cpu.length < 2) return;
    const mid = tl.find((p) => p.steps >= tl.at(-1)!.steps / 2)!;
    const parts = [
      [tl[0]!, mid],
      [mid, tl.at(-1)!],
    ].map(([p, q]) => {
      const steps = q!.steps - p!.steps;
      return {
        wall: steps / ((q!.t - p!.t) / 1000),
        worker: steps / ((cpuAt(cpu, q!.t) - cpuAt(cpu, p!.t)) / 1000),
        own: steps / (ownCpu(cpu, p!.t, q!.t, running) / 1000),
      };
    });
    const [f, s] = parts as [(typeof parts)[0], (typeof parts)[0]];
    console.log(
      `  B = ${String(b).padEnd(3)} ${String(tl.at(-1)!.steps).padStart(8)} steps  ` +
        `wall ${k(f.wall)} →${k(s.wall)}  worker CPU ${k(f.worker)} →${k(s.worker)}  ` +
        `own CPU ${k(f.own)} →${k(s.own)}  (own ×${(s.own / f.own).toFixed(2)})`,
    );
  });
}

async function main(): Promise<void> {
  if (!gc) console.log('note: run with --expose-gc for heap samples after a full collection');
  const code = await workerCode();
  let worker: BenchWorker | null = null;
  patchBase({ budget: { unit: 'steps', amount: STEPS } });
  setComparison({ field: 'batch', values: BATCHES });
  const timelines = new Map<string, Timeline>();
  const onFrame = (runId: string, steps: number) => {
    let tl = timelines.get(runId);
    if (!tl) timelines.set(runId, (tl = []));
    tl.push({ t: performance.now(), steps });
  };
  const controller = new Controller(() => {
    worker = nodeWorker(code, onFrame);
    return worker;
  });
  controller.setSpeed(Infinity);
  const t0 = performance.now();
  controller.init();
  const ids = runsStore.getState().runs.map((r) => r.id);
  const samples: Sample[] = [];
  const sample = async () => {
    gc?.();
    const m = process.memoryUsage();
    samples.push({
      t: performance.now() - t0,
      steps: ids.map((id) => runBuffers.get(id)?.last.step ?? 0),
      mainHeap: getHeapStatistics().used_heap_size,
      workerHeap: await worker!.probe(),
      arrayBuffers: m.arrayBuffers,
    });
    const s = samples[samples.length - 1]!;
    process.stderr.write(
      `${(s.t / 1000).toFixed(0).padStart(4)} s  steps ${s.steps.map((x) => String(x).padStart(8)).join('')}` +
        `  heap ${((s.mainHeap + s.workerHeap + s.arrayBuffers) / MB).toFixed(1)} MB\n`,
    );
  };
  const cpu: CpuSamples = [];
  const cpuTimer = setInterval(() => {
    const asked = performance.now();
    void worker!.cpu().then((ms) => {
      if (ms !== null) cpu.push({ t: (asked + performance.now()) / 2, cpu: ms });
    });
  }, CPU_SAMPLE_MS);
  const ended = () => runsStore.getState().runs.every((r) => r.state === 'done');
  while (!ended() && performance.now() - t0 < MAX_SECONDS * 1000) {
    await sample();
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
  }
  await sample();
  clearInterval(cpuTimer);
  controller.dispose();

  const total = (s: Sample) => s.mainHeap + s.workerHeap + s.arrayBuffers;
  const first = samples[0]!;
  const peak = Math.max(...samples.map(total));
  const growth = (peak - total(first)) / MB;
  const b1 = BATCHES.indexOf(1);
  const end = samples[samples.length - 1]!.t;
  const half = samples.filter((s) => s.t >= end / 2);
  const perMs = slope(
    half.map((s) => s.t),
    half.map(total),
  );
  const halfChange = (perMs * (end - half[0]!.t)) / MB;
  // The first frame (start point) and the surface computed beside it are not run speed:
  // the first tenth is timed from the first frame past step 0.
  const timeline = timelines.get(ids[b1]!)!.filter((p) => p.steps > 0);
  const early = rate(timeline, cpu, STEPS, 0, 0.1);
  const late = rate(timeline, cpu, STEPS, 0.9, 1);
  const elapsed = samples[samples.length - 1]!.t / 1000;
  console.log(
    `\nsoak: sharp-flat, ${BATCHES.length} runs (B = ${BATCHES.join(', ')}) × ${STEPS.toExponential(0)} steps, ` +
      `speed max, ${elapsed.toFixed(0)} s, ${samples.length} samples`,
  );
  const row = (name: string, s: Sample) =>
    console.log(
      `${name.padEnd(8)} main heap ${(s.mainHeap / MB).toFixed(1).padStart(6)} MB` +
        `  worker heap ${(s.workerHeap / MB).toFixed(1).padStart(6)} MB` +
        `  typed arrays ${(s.arrayBuffers / MB).toFixed(1).padStart(6)} MB` +
        `  total ${(total(s) / MB).toFixed(1).padStart(6)} MB`,
    );
  row('start', first);
  row('end', samples[samples.length - 1]!);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(
    `heap growth (peak − start): ${growth.toFixed(1)} MB (goal ≤ ${GROWTH_GOAL_MB} MB: ${verdict(growth <= GROWTH_GOAL_MB)})`,
  );
  console.log(
    `second half: slope ${((perMs * 60000) / MB).toFixed(3)} MB/min, ${halfChange.toFixed(2)} MB over ` +
      `${((end - half[0]!.t) / 1000).toFixed(0)} s (goal: flat, |change| ≤ ${HALF_GOAL_MB} MB: ` +
      `${verdict(Math.abs(halfChange) <= HALF_GOAL_MB)})`,
  );
  const k = (x: number) => `${(x / 1e3).toFixed(0)} k`;
  const ratio = late.wall / early.wall;
  console.log(
    `B = 1 steps per wall second: first tenth ${k(early.wall)}, last tenth ${k(late.wall)}, ` +
      `ratio ${ratio.toFixed(2)} (goal ≥ ${SPEED_GOAL}: ${verdict(ratio >= SPEED_GOAL)})`,
  );
  if (early.cpu !== null && late.cpu !== null) {
    const r = late.cpu / early.cpu;
    console.log(
      `B = 1 steps per worker CPU second (4 runs share it): first tenth ${k(early.cpu)}, ` +
        `last tenth ${k(late.cpu)}, ratio ${r.toFixed(2)} (goal ≥ ${SPEED_GOAL}: ${verdict(r >= SPEED_GOAL)})`,
    );
  }
  halves(ids, timelines, cpu);
}

await main();
