/**
 * `npm run bench` (network part), side by side in one run:
 *
 * 1. Training-step throughput of the engine's MLP (the real Run: batch sampling, optimizer,
 *    divergence checks) against TensorFlow.js's cpu and wasm backends on the same network
 *    (2→32→32→2, ReLU, softmax cross-entropy, SGD), the same data, batch and start weights,
 *    without and with BatchNorm (training mode, running statistics updated on both sides).
 *    tfjs gets every advantage: production mode, batches pre-made as tensors, one
 *    `optimizer.minimize` per step. Each contestant runs in its own process
 *    (bench/nnSide.ts says why) and only one measures at a time; rounds are interleaved,
 *    medians are reported.
 *    Goals: ≥ 10× tfjs-cpu at every B; ≥ 3× tfjs-wasm at B ≤ 64 and ≥ 1.5× at B = 512.
 * 2. A 65 × 65 slice (filter-normalised directions) of a ~2k-parameter network
 *    (2→32→32→32→2, 2274 parameters) over 1000 train samples: the coarse first pass
 *    (9 × 9) and the whole grid, on one thread and shared out to 2 pool workers.
 *    Goals: whole grid < 5 s, first pass < 0.5 s.
 * `NN_PART=throughput` or `NN_PART=slice` runs one part; `BENCH_ROUNDS=n` (default 5).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { runJobs } from '../src/cli/pool';
import type { EnsembleJob, SliceResult } from '../src/engine/ensemble';
import { filterNormalizedDirections } from '../src/engine/nn/directions';
import type { MlpObjective } from '../src/engine/nn/objective';
import { buildObjective } from '../src/engine/presets';
import { createRun } from '../src/engine/run';
import { ProgressiveSurface } from '../src/engine/slice';
import { resolveOrThrow } from '../src/engine/sweep';
import type { Ask, Case, Side } from './nnSide';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = 0.4;
const BATCHES = [16, 64, 512];
const SIDES: Side[] = ['engine', 'cpu', 'wasm'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A contestant's process (bench/nnSide.ts); `measure` asks it for one case's rate. */
async function contestant(side: Side) {
  const child: ChildProcess = fork(new URL('./nnSide.ts', import.meta.url), [side], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const replies: ((v: unknown) => void)[] = [];
  child.on('message', (m) => replies.shift()?.(m));
  child.on('exit', (code) => {
    if (replies.length) throw new Error(`bench/nnSide.ts (${side}) exited with code ${code}`);
  });
  const next = () => new Promise<unknown>((resolve) => replies.push(resolve));
  await next(); // 'ready'
  return {
    measure: (c: Case): Promise<number> => {
      const reply = next() as Promise<number>;
      child.send({ ...c, seconds: SECONDS } satisfies Ask);
      return reply;
    },
    close: () => child.kill(),
  };
}

async function throughput(): Promise<void> {
  const cases: Case[] = [false, true].flatMap((bn) => BATCHES.map((batch) => ({ bn, batch })));
  const results = cases.map(() => ({
    engine: [] as number[],
    cpu: [] as number[],
    wasm: [] as number[],
  }));
  const sides = {
    engine: await contestant('engine'),
    cpu: await contestant('cpu'),
    wasm: await contestant('wasm'),
  };
  // One contestant measures at a time; rounds alternate the order.
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...SIDES].reverse() : SIDES;
    for (const side of order) {
      for (let i = 0; i < cases.length; i++)
        results[i]![side].push(await sides[side].measure(cases[i]!));
    }
    process.stderr.write(`throughput round ${round + 1}/${ROUNDS}\n`);
  }
  for (const s of Object.values(sides)) s.close();
  console.log(
    '\nMLP 2→32→32→2 training steps per second, each contestant in its own process (median of interleaved rounds):',
  );
  console.log(
    `${'case'.padEnd(14)}${'engine'.padStart(9)}${'tfjs-cpu'.padStart(10)}${'tfjs-wasm'.padStart(11)}${'×cpu'.padStart(8)}${'×wasm'.padStart(8)}  goals`,
  );
  let pass = true;
  cases.forEach((c, i) => {
    const e = median(results[i]!.engine);
    const cpu = median(results[i]!.cpu);
    const wasm = median(results[i]!.wasm);
    const wasmGoal = c.batch <= 64 ? 3 : 1.5;
    const ok = e / cpu >= 10 && e / wasm >= wasmGoal;
    pass &&= ok;
    console.log(
      `${`${c.bn ? 'BN' : 'no BN'} B=${c.batch}`.padEnd(14)}${e.toFixed(0).padStart(9)}${cpu.toFixed(0).padStart(10)}${wasm.toFixed(0).padStart(11)}${(e / cpu).toFixed(1).padStart(8)}${(e / wasm).toFixed(1).padStart(8)}  ≥10× cpu, ≥${wasmGoal}× wasm ${ok ? 'met' : 'MISSED'}`,
    );
  });
  console.log(`throughput goals: ${pass ? 'all met' : 'not all met'}`);
}

function sliceSetup() {
  const config = resolveOrThrow({
    preset: 'mlp',
    landscape: { n: 1000, nTest: 1000 },
    network: { hidden: [32, 32, 32] },
    budget: { unit: 'epochs', amount: 2 },
    metricsEvery: 0,
    hessianEvery: 0,
  });
  const objective = buildObjective(config) as MlpObjective;
  const run = createRun(config, objective);
  run.runToEnd();
  const slice = { center: run.w, ...filterNormalizedDirections(objective.layout, run.w, 7) };
  return { config, objective, slice, box: { lo: [-1, -1], hi: [1, 1] } as const };
}

async function slices(): Promise<void> {
  const { config, objective, slice, box } = sliceSetup();
  const res = 65;
  // One thread: the worker's own loop, in slices of 16 points.
  const single = new ProgressiveSurface(objective, slice, box, res, ['train']);
  const t0 = performance.now();
  let first = 0;
  while (!single.done) {
    single.advance(16);
    if (!first && single.completeStride() > 0) first = performance.now() - t0;
  }
  const total = performance.now() - t0;
  // Two pool workers: the same points as jobs (the first pass split in two), filled back.
  const shared = new ProgressiveSurface(objective, slice, box, res, ['train']);
  const jobs: EnsembleJob[] = [];
  const plain = {
    center: Array.from(slice.center),
    d1: Array.from(slice.d1),
    d2: Array.from(slice.d2),
  };
  const half = Math.ceil(shared.firstPass / 2);
  for (let size = half; !shared.done; size = 128) {
    const points = Array.from(shared.take(size));
    if (!points.length) break;
    jobs.push({ kind: 'slice', config, slice: plain, box, res, points, splits: ['train'] });
    shared.fill(points, [new Float64Array(points.length)]); // placeholder; real values below
  }
  const workers = Math.min(2, availableParallelism());
  const p0 = performance.now();
  let firstPool = 0;
  let doneFirst = 0;
  const out = (await runJobs(jobs, workers, {
    onProgress: (p) => {
      if (p.index < 2 && ++doneFirst === 2) firstPool = performance.now() - p0;
    },
  })) as SliceResult[];
  const totalPool = performance.now() - p0;
  const check = new ProgressiveSurface(objective, slice, box, res, ['train']);
  for (const r of out) check.fill(r.points, r.values);
  const same = check.values.train.every((v, i) => v === single.values.train[i]);
  console.log(
    `\nSlice 65×65 of a ${objective.trainDim}-parameter MLP over ${objective.nTrain} samples (train loss, inference mode):`,
  );
  console.log(
    `  1 thread : first pass (9×9) ${first.toFixed(0)} ms, whole grid ${(total / 1000).toFixed(2)} s`,
  );
  console.log(
    `  ${workers} workers: first pass ${firstPool.toFixed(0)} ms, whole grid ${(totalPool / 1000).toFixed(2)} s (worker start-up included; values ${same ? 'identical' : 'DIFFERENT'})`,
  );
  const best = Math.min(total, totalPool);
  const bestFirst = Math.min(first, firstPool);
  console.log(
    `slice goals: whole grid < 5 s ${best < 5000 ? 'met' : 'MISSED'} (${(best / 1000).toFixed(2)} s), first pass < 0.5 s ${bestFirst < 500 ? 'met' : 'MISSED'} (${bestFirst.toFixed(0)} ms)`,
  );
}

async function main(): Promise<void> {
  const part = process.env.NN_PART;
  if (part !== 'slice') await throughput();
  if (part !== 'throughput') await slices();
}

await main();
