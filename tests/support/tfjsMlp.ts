/**
 * The engine's MLP rebuilt from TensorFlow.js ops, from the engine's own flat parameter
 * vector and layout, so that tfjs's autodiff can check the engine's hand-written backprop
 * and the benchmarks compare the same network. Training-mode BatchNorm uses tf.moments over
 * each ghost batch (contiguous chunks of v rows, biased variance), as the engine does.
 */
import type { NetLayout, Activation } from '../../src/engine/nn/layout';
import { BN_EPS } from '../../src/engine/nn/batchnorm';
import type { Tf } from './tfjs';

type Tensor = import('@tensorflow/tfjs-core').Tensor;
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;
type Variable = import('@tensorflow/tfjs-core').Variable;

/** One tfjs tensor per parameter block: W (in × out, tfjs's matMul layout), b | γ, β. */
export interface TfParams {
  w: Variable[];
  b: (Variable | null)[];
  gamma: (Variable | null)[];
  beta: (Variable | null)[];
  /** Running statistics (not trained; inference mode reads them). */
  runMean: (Tensor | null)[];
  runVar: (Tensor | null)[];
}

export function tfParams(tf: Tf, layout: NetLayout, p: Float64Array): TfParams {
  const slice = (off: number, n: number) => Float32Array.from(p.subarray(off, off + n));
  const out: TfParams = { w: [], b: [], gamma: [], beta: [], runMean: [], runVar: [] };
  layout.layers.forEach((L, l) => {
    // Engine rows are output neurons; tfjs multiplies x (B × in) by W (in × out).
    const w = tf.tensor2d(slice(L.w, L.fanIn * L.fanOut), [L.fanOut, L.fanIn]);
    out.w.push(tf.variable(tf.transpose(w), true, `w${l}`));
    w.dispose();
    out.b.push(L.b >= 0 ? tf.variable(tf.tensor1d(slice(L.b, L.fanOut)), true, `b${l}`) : null);
    out.gamma.push(L.gamma >= 0 ? tf.variable(tf.tensor1d(slice(L.gamma, L.fanOut)), true) : null);
    out.beta.push(L.beta >= 0 ? tf.variable(tf.tensor1d(slice(L.beta, L.fanOut)), true) : null);
    out.runMean.push(L.runMean >= 0 ? tf.tensor1d(slice(L.runMean, L.fanOut)) : null);
    out.runVar.push(L.runVar >= 0 ? tf.tensor1d(slice(L.runVar, L.fanOut)) : null);
  });
  return out;
}

export function disposeParams(p: TfParams): void {
  for (const list of [p.w, p.b, p.gamma, p.beta, p.runMean, p.runVar])
    for (const t of list) t?.dispose();
}

/** Every trained variable in the engine's layout order (W, b | γ, β per layer). */
export function trainedVariables(p: TfParams): Variable[] {
  const out: Variable[] = [];
  p.w.forEach((w, l) => {
    out.push(w);
    for (const v of [p.b[l], p.gamma[l], p.beta[l]]) if (v) out.push(v);
  });
  return out;
}

export interface ForwardOptions {
  activation: Activation;
  /** Training mode with ghost batches of v rows (v = B: plain BN), or inference mode. */
  mode: { train: true; ghost: number } | { train: false };
  weightDecay: number;
}

/**
 * Mean softmax cross-entropy (+ ½λ‖W‖²) of the network on x (B × inputs) with one-hot labels.
 * When `onBatchStats` is given (training mode), it receives each BN layer's ghost-batch
 * means and biased variances ([B/v, F]) so a benchmark step can update running statistics.
 */
export function tfLoss(
  tf: Tf,
  p: TfParams,
  x: Tensor2D,
  oneHot: Tensor2D,
  o: ForwardOptions,
  onBatchStats?: (layer: number, mean: Tensor, variance: Tensor) => void,
): Tensor {
  let h: Tensor2D = x;
  const last = p.w.length - 1;
  for (let l = 0; l <= last; l++) {
    let z: Tensor2D = tf.matMul(h, p.w[l]!);
    if (p.b[l]) z = tf.add(z, p.b[l]!) as Tensor2D;
    if (l === last) {
      h = z;
      break;
    }
    if (p.gamma[l]) {
      const gamma = p.gamma[l]!;
      const beta = p.beta[l]!;
      const [B, F] = z.shape as [number, number];
      if (o.mode.train) {
        const v = o.mode.ghost;
        const chunks = tf.reshape(z, [B / v, v, F]);
        const { mean, variance } = tf.moments(chunks, 1, true);
        onBatchStats?.(l, tf.reshape(mean, [B / v, F]), tf.reshape(variance, [B / v, F]));
        const xhat = tf.div(tf.sub(chunks, mean), tf.sqrt(tf.add(variance, BN_EPS)));
        z = tf.add(tf.mul(tf.reshape(xhat, [B, F]), gamma), beta) as Tensor2D;
      } else {
        const xhat = tf.div(tf.sub(z, p.runMean[l]!), tf.sqrt(tf.add(p.runVar[l]!, BN_EPS)));
        z = tf.add(tf.mul(xhat, gamma), beta) as Tensor2D;
      }
    }
    h = o.activation === 'relu' ? tf.relu(z) : tf.tanh(z);
  }
  let loss = tf.losses.softmaxCrossEntropy(oneHot, h);
  if (o.weightDecay > 0) {
    const sq = p.w.map((w) => tf.sum(tf.square(w)));
    loss = tf.add(loss, tf.mul(0.5 * o.weightDecay, tf.addN(sq)));
  }
  return loss;
}

/** A tfjs gradient (per variable) laid out as the engine's flat gradient vector. */
export function flatGradient(
  layout: NetLayout,
  vars: Variable[],
  grads: Record<string, Tensor>,
): Float64Array {
  const out = new Float64Array(layout.dim);
  let k = 0;
  layout.layers.forEach((L) => {
    const gw = grads[vars[k++]!.name]!.dataSync(); // in × out
    for (let o = 0; o < L.fanOut; o++)
      for (let i = 0; i < L.fanIn; i++) out[L.w + o * L.fanIn + i] = gw[i * L.fanOut + o]!;
    for (const off of [L.b, L.gamma, L.beta]) {
      if (off < 0) continue;
      const g = grads[vars[k++]!.name]!.dataSync();
      for (let o = 0; o < L.fanOut; o++) out[off + o] = g[o]!;
    }
  });
  return out;
}
