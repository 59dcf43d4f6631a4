/**
 * The MLP's per-element passes (activations, their derivatives, inference-mode BN) as small
 * top-level loops: each stays monomorphic and optimised on its own, and the branch-free
 * forms avoid mispredicting on every other unit (ReLU is active about half the time).
 */
import { tanh, type Activation } from './layout';

/**
 * ReLU without a branch: V8 compiles `v > 0 ? v : 0` to a jump that mispredicts on about
 * every other unit (~4× the cost of the whole loop here); a comparison used as a number is a
 * flag set, not a jump. v·1 = v exactly, and the + 0 turns v·0 = −0 into +0, so this equals
 * `v > 0 ? v : 0` for every v but −∞ and NaN, which now give NaN (the run's divergence check
 * then reports it) instead of a silent 0.
 */
export function relu(v: number): number {
  return v * Number(v > 0) + 0;
}

/** d masked by a > 0, without a branch: `a > 0 ? d : 0` for every finite d (as relu). */
export function reluMask(d: number, a: number): number {
  return d * Number(a > 0) + 0;
}

/** a ← φ(a) over n entries. */
export function activate(a: Float64Array, n: number, activation: Activation): void {
  if (activation === 'relu') {
    for (let k = 0; k < n; k++) a[k] = relu(a[k]!);
  } else {
    for (let k = 0; k < n; k++) a[k] = tanh(a[k]!);
  }
}

/** d ← d·φ'(y) over n entries, from the activations a = φ(y) (ReLU: a > 0; tanh: 1 − a²). */
export function activationGrad(
  d: Float64Array,
  a: Float64Array,
  n: number,
  activation: Activation,
) {
  if (activation === 'relu') {
    for (let k = 0; k < n; k++) d[k] = reluMask(d[k]!, a[k]!);
  } else {
    for (let k = 0; k < n; k++) d[k] = d[k]! * (1 - a[k]! * a[k]!);
  }
}

/**
 * Inference-mode BN in place over B rows of F features: a ← scale·a + shift, and (when xh is
 * given, for gradients and the Hessian) x̂ = (a − μ_run)·invStd from the pre-BN values.
 */
export function bnInference(
  a: Float64Array,
  xh: Float64Array | null,
  B: number,
  F: number,
  w: Float64Array,
  runMeanOff: number,
  invStd: Float64Array,
  scale: Float64Array,
  shift: Float64Array,
): void {
  const n = B * F;
  if (xh) {
    for (let r = 0; r < n; r += F) {
      for (let f = 0; f < F; f++) {
        const z = a[r + f]!;
        xh[r + f] = (z - w[runMeanOff + f]!) * invStd[f]!;
        a[r + f] = scale[f]! * z + shift[f]!;
      }
    }
  } else {
    for (let r = 0; r < n; r += F) {
      for (let f = 0; f < F; f++) a[r + f] = scale[f]! * a[r + f]! + shift[f]!;
    }
  }
}
