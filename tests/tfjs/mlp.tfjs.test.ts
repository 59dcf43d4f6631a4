/**
 * The engine's hand-written forward and backward passes against TensorFlow.js autodiff
 * (cpu backend): on random inputs and weights, the loss and every parameter block's
 * gradient agree to 1e-5 relative (max |Δ| over the block / max |tfjs| of the block), with
 * and without BatchNorm, in training mode (plain and ghost BN) and inference mode. tfjs
 * computes in float32, so 1e-5 is a few float32 ulps of accumulated rounding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activation } from '../../src/engine/nn/layout';
import { randomState, tinyNet } from '../../src/engine/nn/nn.testutil';
import { createRng } from '../../src/engine/rng';
import { loadTfjs, useBackend, type Tf } from '../support/tfjs';
import {
  disposeParams,
  flatGradient,
  tfLoss,
  tfParams,
  trainedVariables,
} from '../support/tfjsMlp';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTfjs();
  await useBackend(tf, 'cpu');
}, 60_000);
afterAll(() => tf?.disposeVariables());

const B = 24;

interface Case {
  name: string;
  activation: Activation;
  batchNorm: boolean;
  ghostBatch: number;
  train: boolean;
}

const CASES: Case[] = [];
for (const activation of ['relu', 'tanh'] as const) {
  CASES.push({
    name: `${activation}, no BN`,
    activation,
    batchNorm: false,
    ghostBatch: 0,
    train: true,
  });
  CASES.push({
    name: `${activation}, BN, training`,
    activation,
    batchNorm: true,
    ghostBatch: 0,
    train: true,
  });
  CASES.push({
    name: `${activation}, ghost BN v = 8`,
    activation,
    batchNorm: true,
    ghostBatch: 8,
    train: true,
  });
  CASES.push({
    name: `${activation}, BN, inference`,
    activation,
    batchNorm: true,
    ghostBatch: 0,
    train: false,
  });
}

function blockError(a: Float64Array, b: Float64Array, from: number, to: number): number {
  let num = 0;
  let den = 0;
  for (let k = from; k < to; k++) {
    num = Math.max(num, Math.abs(a[k]! - b[k]!));
    den = Math.max(den, Math.abs(b[k]!));
  }
  return num / den;
}

describe('MLP vs TensorFlow.js autodiff', () => {
  it.each(CASES)('$name: loss and every gradient block within 1e-5', (c) => {
    const obj = tinyNet({
      dataset: 'blobs',
      n: B,
      activation: c.activation,
      batchNorm: c.batchNorm,
      ghostBatch: c.ghostBatch,
      weightDecay: 0.01,
      hidden: [16, 12],
    });
    const w = randomState(obj, 21);
    // Random inputs too, not just the data set's.
    const rng = createRng(22, 'inputs');
    const x = obj.data.train.x;
    for (let k = 0; k < x.length; k++) x[k] = 1.5 * rng.normal();
    const all = Uint32Array.from({ length: B }, (_, i) => i);
    const g = new Float64Array(obj.dim);
    const loss = c.train
      ? obj.batchLossGrad(w, 'train', all, 0, B, g)
      : obj.fullLossGrad(w, 'train', g);

    const p = tfParams(tf, obj.layout, w);
    const vars = trainedVariables(p);
    const xs = tf.tensor2d(Float32Array.from(x), [B, 2]);
    const ys = tf.oneHot(tf.tensor1d(Int32Array.from(obj.data.train.y), 'int32'), obj.data.classes);
    const { value, grads } = tf.variableGrads(
      () =>
        tfLoss(tf, p, xs, ys as never, {
          activation: c.activation,
          mode: c.train ? { train: true, ghost: c.ghostBatch || B } : { train: false },
          weightDecay: 0.01,
        }) as never,
      vars,
    );
    const ref = flatGradient(obj.layout, vars, grads);
    expect(Math.abs(loss - value.dataSync()[0]!) / Math.abs(loss)).toBeLessThan(1e-5);
    for (const L of obj.layout.layers) {
      expect(blockError(g, ref, L.w, L.w + L.fanIn * L.fanOut), 'W').toBeLessThan(1e-5);
      for (const off of [L.b, L.gamma, L.beta])
        if (off >= 0) expect(blockError(g, ref, off, off + L.fanOut)).toBeLessThan(1e-5);
    }
    disposeParams(p);
    for (const t of [xs, ys, value, ...Object.values(grads)]) t.dispose();
  });
});
