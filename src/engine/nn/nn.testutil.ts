/**
 * Fixtures for the network tests: small networks on small seeded data sets, and states with
 * every kind of entry away from its initial value (γ ≠ 1, β ≠ 0, running statistics that
 * are not 0 and 1), so no gradient term can hide behind a zero. (Not a test file.)
 */
import { createRng } from '../rng';
import { makeDataset, type DatasetId } from './datasets';
import { MlpObjective, type NetworkOptions } from './objective';

export function tinyNet(
  options: Partial<NetworkOptions> & { dataset?: DatasetId; n?: number; nTest?: number } = {},
): MlpObjective {
  const { dataset = 'moons', n = 24, nTest = 12, ...net } = options;
  const data = makeDataset(
    { id: dataset, n, nTest, noise: 0.2, labelNoise: 0.1, shift: [0.1, -0.2] },
    createRng(5, 'data'),
  );
  return new MlpObjective(data, {
    hidden: [5, 4],
    activation: 'tanh',
    batchNorm: false,
    ghostBatch: 0,
    bnMomentum: 0.1,
    weightDecay: 0,
    init: 'glorot',
    ...net,
  });
}

/** A state with trained entries from the init plus noise, and random running statistics. */
export function randomState(obj: MlpObjective, seed = 1): Float64Array {
  const rng = createRng(seed, 'state');
  const w = new Float64Array(obj.dim);
  obj.initialize(rng, w);
  for (let j = 0; j < obj.trainDim; j++) w[j]! += 0.3 * rng.normal();
  for (const L of obj.layout.layers) {
    if (L.runMean < 0) continue;
    for (let f = 0; f < L.fanOut; f++) {
      w[L.runMean + f] = 0.5 * rng.normal();
      w[L.runVar + f] = 0.2 + rng.next();
    }
  }
  return w;
}

export function randomVector(n: number, seed: number): Float64Array {
  const rng = createRng(seed, 'vector');
  return Float64Array.from({ length: n }, () => rng.normal());
}

/** Central difference of f along coordinate j (or along direction dir). */
export function centralDiff(
  f: (w: Float64Array) => number,
  w: Float64Array,
  h: number,
  j: number,
): number {
  const p = Float64Array.from(w);
  p[j]! += h;
  const fp = f(p);
  p[j]! -= 2 * h;
  const fm = f(p);
  return (fp - fm) / (2 * h);
}

export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return den === 0 ? num : num / den;
}
