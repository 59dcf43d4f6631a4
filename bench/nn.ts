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
 *    (2→32→32→32→2 with BatchNorm, the preset's default: 2 370 trained parameters) over
 *    1000 train samples: on one thread coarse to fine, as the explorer's worker computes it
 *    (first pass 9 × 9, then the whole grid), and shared over 2 pool workers by the code
 *    `batchscape surface` runs for a network (src/cli/surfaceJobs.ts; a fresh pool, so
 *    worker start-up is included). Goals: whole grid < 5 s, first pass < 0.5 s.
 * `NN_PART=throughput` or `NN_PART=slice` runs one part; `BENCH_ROUNDS=n` (default 5).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { pooledSurface } from '../src/cli/surfaceJobs';
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
  // Two pool workers: the grid as `batchscape surface` computes a network's (bands of rows).
  const workers = Math.min(2, availableParallelism());
  const p0 = performance.now();
  const rows = await pooledSurface({
    config,
    slice,
    split: 'train',
    box: [box.lo[0], box.lo[1], box.hi[0], box.hi[1]],
    res,
    workers,
  });
  const totalPool = performance.now() - p0;
  const same = rows.every((row, i) => row.every((v, j) => v === single.values.train[i * res + j]));
  console.log(
    `\nSlice 65×65 of a ${objective.trainDim}-parameter MLP over ${objective.nTrain} samples (train loss, inference mode):`,
  );
  console.log(
    `  1 thread, coarse to fine (the explorer's worker): first pass (9×9) ${first.toFixed(0)} ms, whole grid ${(total / 1000).toFixed(2)} s`,
  );
  console.log(
    `  ${workers} workers (batchscape surface's pool, start-up included): whole grid ${(totalPool / 1000).toFixed(2)} s (values ${same ? 'identical' : 'DIFFERENT'})`,
  );
  const best = Math.min(total, totalPool);
  console.log(
    `slice goals: whole grid < 5 s ${best < 5000 ? 'met' : 'MISSED'} (${(best / 1000).toFixed(2)} s), first pass < 0.5 s ${first < 500 ? 'met' : 'MISSED'} (${first.toFixed(0)} ms)`,
  );
}

async function main(): Promise<void> {
  const part = process.env.NN_PART;
  if (part !== 'slice') await throughput();
  if (part !== 'throughput') await slices();
}

await main();
