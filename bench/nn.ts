/**
 * `npm run bench` (network part), side by side in one process:
 *
 * 1. Training-step throughput of the engine's MLP (the real Run: batch sampling, optimizer,
 *    divergence checks) against TensorFlow.js's cpu and wasm backends on the same network
 *    (2→32→32→2, ReLU, softmax cross-entropy, SGD), the same data, batch and start weights,
 *    without and with BatchNorm (training mode, running statistics updated on both sides).
 *    tfjs gets every advantage: production mode, batches pre-made as tensors, one
 *    `optimizer.minimize` per step. Rounds are interleaved; medians are reported.
 *    Goals: ≥ 10× tfjs-cpu at every B; ≥ 3× tfjs-wasm at B ≤ 64 and ≥ 1.5× at B = 512.
 * 2. A 65 × 65 slice (filter-normalised directions) of a ~2k-parameter network
 *    (2→32→32→32→2, 2274 parameters) over 1000 train samples: the coarse first pass
 *    (9 × 9) and the whole grid, on one thread and shared out to 2 pool workers.
 *    Goals: whole grid < 5 s, first pass < 0.5 s.
 */
import { availableParallelism } from 'node:os';
import { runJobs } from '../src/cli/pool';
import type { EnsembleJob, SliceResult } from '../src/engine/ensemble';
import { filterNormalizedDirections } from '../src/engine/nn/directions';
import type { MlpObjective } from '../src/engine/nn/objective';
import { buildObjective } from '../src/engine/presets';
import { createRun } from '../src/engine/run';
import { ProgressiveSurface } from '../src/engine/slice';
import { resolveOrThrow } from '../src/engine/sweep';
import { loadTfjs, useBackend, type Tf } from '../tests/support/tfjs';
import { disposeParams, tfLoss, tfParams, trainedVariables } from '../tests/support/tfjsMlp';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = 0.4;
const BATCHES = [16, 64, 512];
const N = 1024;
const LR = 0.1;

type Side = 'engine' | 'cpu' | 'wasm';
const SIDES: Side[] = ['engine', 'cpu', 'wasm'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function engineConfig(batch: number, bn: boolean) {
  return resolveOrThrow({
    preset: 'mlp',
    landscape: { n: N, nTest: 256 },
    network: { hidden: [32, 32], batchNorm: bn },
    lr: LR,
    batch,
    budget: { unit: 'steps', amount: 1e9 },
    metricsEvery: 0,
    hessianEvery: 0,
    recordEvery: 1e9,
  });
}

/** Steps per second of `step(k)` (k steps per call) over `seconds`. */
function rate(step: (k: number) => void, k: number): number {
  let steps = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < SECONDS * 1000) {
    step(k);
    steps += k;
    t = performance.now();
  }
  return steps / ((t - t0) / 1000);
}

/** A tfjs training step on the same network, data and start weights as the engine run. */
function tfTrainer(tf: Tf, batch: number, bn: boolean) {
  const config = engineConfig(batch, bn);
  const objective = buildObjective(config) as MlpObjective;
  const run = createRun(config, objective);
  const p = tfParams(tf, objective.layout, run.w0);
  const vars = trainedVariables(p);
  const runMean = p.runMean.map((t) => (t ? tf.variable(t, false) : null));
  const runVar = p.runVar.map((t) => (t ? tf.variable(t, false) : null));
  const data = objective.data.train;
  const batches = Array.from({ length: Math.floor(N / batch) }, (_, k) => {
    const rows = Array.from({ length: batch }, (_, r) => (k * batch + r) % N);
    const x = tf.tensor2d(
      Float32Array.from(rows.flatMap((i) => [data.x[2 * i]!, data.x[2 * i + 1]!])),
      [batch, 2],
    );
    const y = tf.oneHot(tf.tensor1d(Int32Array.from(rows.map((i) => data.y[i]!)), 'int32'), 2);
    return { x, y: y as typeof x };
  });
  const opt = tf.train.sgd(LR);
  const m = objective.options.bnMomentum;
  let k = 0;
  const step = () => {
    const b = batches[k++ % batches.length]!;
    const updates: (() => void)[] = [];
    opt.minimize(
      () =>
        tfLoss(
          tf,
          p,
          b.x,
          b.y,
          { activation: 'relu', mode: { train: true, ghost: batch }, weightDecay: 0 },
          (l, mean, variance) => {
            // Running statistics, as the engine keeps them (unbiased variance, momentum m).
            const mu = tf.keep(tf.squeeze(mean, [0]));
            const vu = tf.keep(tf.mul(tf.squeeze(variance, [0]), batch / (batch - 1)));
            updates.push(() => {
              runMean[l]!.assign(tf.add(tf.mul(runMean[l]!, 1 - m), tf.mul(mu, m)));
              runVar[l]!.assign(tf.add(tf.mul(runVar[l]!, 1 - m), tf.mul(vu, m)));
              mu.dispose();
              vu.dispose();
            });
          },
        ) as never,
      false,
      vars,
    );
    tf.tidy(() => updates.forEach((u) => u()));
  };
  const dispose = () => {
    disposeParams(p);
    for (const t of [...runMean, ...runVar]) t?.dispose();
    for (const b of batches) {
      b.x.dispose();
      b.y.dispose();
    }
    opt.dispose();
  };
  return {
    step: (n: number) => {
      for (let i = 0; i < n; i++) step();
    },
    dispose,
  };
}

async function throughput(tf: Tf): Promise<void> {
  const cases = [false, true].flatMap((bn) => BATCHES.map((batch) => ({ bn, batch })));
  const results = cases.map(() => ({
    engine: [] as number[],
    cpu: [] as number[],
    wasm: [] as number[],
  }));
  const runs = cases.map((c) => {
    const r = createRun(engineConfig(c.batch, c.bn));
    r.advance(50); // warm-up (and the start record)
    return r;
  });
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...SIDES].reverse() : SIDES;
    for (const side of order) {
      if (side !== 'engine') await useBackend(tf, side);
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i]!;
        if (side === 'engine') {
          const chunk = Math.max(1, Math.round(2048 / c.batch));
          results[i]!.engine.push(rate((k) => runs[i]!.advance(k), chunk));
        } else {
          const t = tfTrainer(tf, c.batch, c.bn);
          t.step(5); // warm-up
          results[i]![side].push(rate(t.step, 1));
          t.dispose();
        }
      }
    }
    process.stderr.write(`throughput round ${round + 1}/${ROUNDS}\n`);
  }
  console.log('\nMLP 2→32→32→2 training steps per second (median of interleaved rounds):');
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
  const tf = await loadTfjs();
  await throughput(tf);
  await slices();
}

await main();
