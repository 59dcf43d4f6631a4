/**
 * One contestant of `bench/nn.ts`'s throughput race, in a process of its own: the engine,
 * tfjs-cpu or tfjs-wasm (argv[2]). The parent measures the three in turn, never two at
 * once; a separate process per contestant keeps each one's heap, JIT state and garbage out of
 * the others' way (in one shared process the engine, which in the app has a Web Worker to
 * itself, measured 15–45% slower once tfjs's bundle and tensors were loaded next to it).
 * Rates are wall-clock steps per second (not CPU time: tfjs-wasm's process used ~1.3 s of
 * CPU per wall second on matMul alone here, background threads a CPU-time rate would charge
 * it for although they cost it no time).
 */
import type { MlpObjective } from '../src/engine/nn/objective';
import { buildObjective } from '../src/engine/presets';
import { createRun } from '../src/engine/run';
import { resolveOrThrow } from '../src/engine/sweep';
import { loadTfjs, useBackend, type Tf } from '../tests/support/tfjs';
import { disposeParams, tfLoss, tfParams, trainedVariables } from '../tests/support/tfjsMlp';

export type Side = 'engine' | 'cpu' | 'wasm';
export interface Case {
  batch: number;
  bn: boolean;
}
/** Parent → side: measure one case for `seconds`. */
export interface Ask extends Case {
  seconds: number;
}

const N = 1024;
const LR = 0.1;

export function engineConfig(batch: number, bn: boolean) {
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
function rate(step: (k: number) => void, k: number, seconds: number): number {
  let steps = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < seconds * 1000) {
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

/**
 * This process's contestant. The engine keeps one run per case across rounds (built and
 * warmed up on first use); tfjs builds its trainer per ask and disposes it after (its
 * variables have global names), warmed up by 5 steps, as bench/nn.ts always did.
 */
async function serve(side: Side): Promise<void> {
  const tf = side === 'engine' ? null : await loadTfjs();
  if (tf) await useBackend(tf, side as 'cpu' | 'wasm');
  const runs = new Map<string, ReturnType<typeof createRun>>();
  const measure = (ask: Ask): number => {
    if (tf) {
      const t = tfTrainer(tf, ask.batch, ask.bn);
      t.step(5);
      const r = rate(t.step, 1, ask.seconds);
      t.dispose();
      return r;
    }
    const key = `${ask.batch}/${ask.bn}`;
    let run = runs.get(key);
    if (!run) {
      run = createRun(engineConfig(ask.batch, ask.bn));
      run.advance(50); // warm-up (and the start record)
      runs.set(key, run);
    }
    const r = run;
    return rate((k) => r.advance(k), Math.max(1, Math.round(2048 / ask.batch)), ask.seconds);
  };
  process.on('message', (ask: Ask) => process.send!(measure(ask)));
  process.send!('ready');
}

if (process.argv[1]?.endsWith('nnSide.ts') && process.send) await serve(process.argv[2] as Side);
