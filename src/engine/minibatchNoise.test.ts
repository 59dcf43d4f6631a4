import { describe, expect, it } from 'vitest';
import { buildObjective } from './presets';
import { resolved } from './objectives/cases.testutil';
import { identityIndex } from './data';
import { createRng, shuffleInPlace } from './rng';
import { createRun } from './run';

/**
 * DESIGN §3/§5: minibatches drawn without replacement have gradient covariance
 * (Σ/B)·(N−B)/(N−1), with Σ the per-sample covariance over the N samples (population,
 * 1/N normalisation — with the unbiased 1/(N−1) one the factor would be (N−B)/N).
 */
const N = 256;
const config = resolved({ preset: 'sharp-flat', landscape: { n: N, nTest: N } });
const obj = buildObjective(config);

function sqDist(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j]! - b[j]!) ** 2;
  return s;
}

/** tr Σ over the whole train split at w, exactly. */
function traceCovariance(w: Float64Array, full: Float64Array): number {
  const g = new Float64Array(2);
  let s = 0;
  for (let i = 0; i < N; i++) {
    obj.sampleGrad(w, 'train', i, g);
    s += sqDist(g, full);
  }
  return s / N;
}

/**
 * E|g_B − G|² estimated exactly as run.ts draws batches: a fresh permutation per epoch,
 * cut into contiguous slices of B. Batches within one permutation are dependent, so the
 * standard error is taken over per-permutation means (independent).
 */
function minibatchVariance(w: Float64Array, full: Float64Array, batch: number, perms: number) {
  const perm = identityIndex(N);
  const rng = createRng(batch, 'variance-test');
  const g = new Float64Array(2);
  const slices = Math.floor(N / batch);
  let sum = 0;
  let sumSq = 0;
  for (let p = 0; p < perms; p++) {
    shuffleInPlace(perm, rng);
    let m = 0;
    for (let s = 0; s < slices; s++) {
      obj.batchLossGrad(w, 'train', perm, s * batch, (s + 1) * batch, g);
      m += sqDist(g, full) / slices;
    }
    sum += m;
    sumSq += m * m;
  }
  const mean = sum / perms;
  const se = Math.sqrt(Math.max(0, sumSq / perms - mean * mean) / (perms - 1));
  return { mean, se };
}

// |g_B − G|² is about a χ² with 1–2 degrees of freedom, so its relative spread is ≤ √2
// (more for small B, where single sharp-well samples dominate). M = 16 000 batches give
// a relative standard error ≈ √2/√M ≈ 1.1%, putting the 10% band beyond 5σ. B = 1 is exact:
// one permutation visits every sample once. Cost per permutation is N sample gradients.
const BATCHES = 16000;

describe('minibatch gradient variance (without replacement)', { timeout: 30_000 }, () => {
  it.each([
    [0.12, 0.05],
    [0.45, -0.2],
  ])('matches tr(Σ)/B·(N−B)/(N−1) within 10%% at w = (%f, %f)', (x, y) => {
    const w = Float64Array.of(x, y);
    const full = new Float64Array(2);
    obj.fullLossGrad(w, 'train', full);
    const trSigma = traceCovariance(w, full);
    expect(trSigma).toBeGreaterThan(0);
    for (const batch of [1, 4, 16, 64, N / 2]) {
      const perms = Math.max(2, Math.ceil((BATCHES * batch) / N));
      const { mean, se } = minibatchVariance(w, full, batch, perms);
      const expected = (trSigma / batch) * ((N - batch) / (N - 1));
      // The estimate must be precise enough for the 10% claim to mean something.
      expect(se / expected, `B=${batch} standard error`).toBeLessThan(0.03);
      expect(Math.abs(mean / expected - 1), `B=${batch}: ${mean} vs ${expected}`).toBeLessThan(0.1);
    }
  });

  it('is exactly zero at B = N: a full-batch run is gradient descent bit for bit', () => {
    const lr = 0.01;
    const steps = 25;
    const start = [0.3, -0.4];
    const run = createRun(
      {
        ...config,
        batch: N,
        lr,
        start,
        budget: { unit: 'steps', amount: steps },
        metricsEvery: 0,
        hessianEvery: 0,
      },
      obj,
    );
    const chunk = run.advance(steps);
    expect(run.status).toBe('done');
    // The same loop by hand, on the full-split gradient.
    const w = Float64Array.from(start);
    const g = new Float64Array(2);
    const losses: number[] = [];
    for (let t = 0; t < steps; t++) {
      losses.push(obj.fullLossGrad(w, 'train', g));
      for (let j = 0; j < 2; j++) w[j]! -= lr * g[j]!;
    }
    expect(Array.from(run.w)).toEqual(Array.from(w));
    // Recorded minibatch losses are the full train losses (as Float32), step after step.
    expect(Array.from(chunk.batchLoss.slice(1))).toEqual(losses.map(Math.fround));
  });
});
