/**
 * Where every number of an MLP lives in its flat state vector, and its seeded
 * initialisation. The vector is the trained parameters followed by the model state that
 * training updates but does not train (BatchNorm running means and variances):
 *
 *   [ layer 1: W (out × in, row-major), b | γ, β ] … [ output: W, b ] [ BN running stats ]
 *   └──────────────────── trainDim = nParams ─────────────────────┘ └─── nState ───┘
 *
 * A hidden layer followed by BatchNorm has no bias of its own: BN subtracts the batch mean,
 * so that bias would get an exactly-zero gradient in training mode yet still shift the
 * output in inference mode (β plays its role).
 */
import * as dm from '../detmath';
import type { Rng } from '../rng';

export type Activation = 'relu' | 'tanh';
export type InitScheme = 'he' | 'glorot';

export interface NetSpec {
  inputs: number;
  hidden: readonly number[];
  outputs: number;
  batchNorm: boolean;
}

export interface LayerLayout {
  fanIn: number;
  fanOut: number;
  /** Offset of W (fanOut rows of fanIn weights: one row per output neuron). */
  w: number;
  /** Offset of the bias, −1 when BatchNorm follows (β replaces it). */
  b: number;
  /** Offsets of BN's γ and β and of its running mean and variance; −1 without BN. */
  gamma: number;
  beta: number;
  runMean: number;
  runVar: number;
}

export interface NetLayout {
  spec: NetSpec;
  /** Hidden layers then the output layer. */
  layers: LayerLayout[];
  /** Trained parameters: entries [0, nParams) of the state vector. */
  nParams: number;
  /** Non-trained model state (running statistics): entries [nParams, dim). */
  nState: number;
  dim: number;
  /** Widest layer (inputs included): sizes the per-sample scratch. */
  maxWidth: number;
}

export function netLayout(spec: NetSpec): NetLayout {
  const sizes = [spec.inputs, ...spec.hidden, spec.outputs];
  const layers: LayerLayout[] = [];
  let off = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const bn = spec.batchNorm && l + 2 < sizes.length;
    const w = off;
    off += fanIn * fanOut;
    const b = bn ? -1 : off;
    if (!bn) off += fanOut;
    const gamma = bn ? off : -1;
    const beta = bn ? off + fanOut : -1;
    if (bn) off += 2 * fanOut;
    layers.push({ fanIn, fanOut, w, b, gamma, beta, runMean: -1, runVar: -1 });
  }
  const nParams = off;
  for (const layer of layers) {
    if (layer.gamma < 0) continue;
    layer.runMean = off;
    layer.runVar = off + layer.fanOut;
    off += 2 * layer.fanOut;
  }
  return {
    spec,
    layers,
    nParams,
    nState: off - nParams,
    dim: off,
    maxWidth: Math.max(...sizes),
  };
}

/**
 * Seeded initialisation: He normal (σ² = 2/fan_in, for ReLU) or Glorot uniform
 * (±√(6/(fan_in + fan_out)), for tanh); biases and β 0, γ 1; running mean 0 and variance 1
 * (what inference mode uses before any training step).
 */
export function initialize(layout: NetLayout, scheme: InitScheme, rng: Rng, out: Float64Array) {
  out.fill(0);
  for (const L of layout.layers) {
    const n = L.fanIn * L.fanOut;
    if (scheme === 'he') {
      const sd = Math.sqrt(2 / L.fanIn);
      for (let k = 0; k < n; k++) out[L.w + k] = sd * rng.normal();
    } else {
      const a = Math.sqrt(6 / (L.fanIn + L.fanOut));
      for (let k = 0; k < n; k++) out[L.w + k] = rng.uniform(-a, a);
    }
    if (L.gamma >= 0) for (let o = 0; o < L.fanOut; o++) out[L.gamma + o] = 1;
    if (L.runVar >= 0) for (let o = 0; o < L.fanOut; o++) out[L.runVar + o] = 1;
  }
}

/** tanh from the deterministic exp (a short series near 0 keeps its relative accuracy). */
export function tanh(x: number): number {
  const a = Math.abs(x);
  if (a < 1e-3) {
    const x2 = x * x;
    return x * (1 - x2 * (1 / 3 - x2 * (2 / 15)));
  }
  if (a > 20) return x > 0 ? 1 : -1;
  const e = dm.exp(2 * a);
  const t = (e - 1) / (e + 1);
  return x > 0 ? t : -t;
}
