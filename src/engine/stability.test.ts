import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildObjective } from './presets';
import { resolved } from './objectives/cases.testutil';
import type { QuadraticNdObjective } from './objectives/quadraticNd';
import { createRun, type RunChunk } from './run';
import type { MetricRecord } from './metrics';

/**
 * DESIGN §5: on a quadratic, gradient descent at rate η is stable along curvature λ iff
 * |1 − ηλ| < 1, so full-batch GD on quadratic-nd diverges iff η·λ_max > 2.
 */
const DIM = 16;
const N = 64;
const STEPS = 3000;

function fullBatchRun(lambdaMax: number, etaLambda: number) {
  const config = resolved({
    preset: 'quadratic-nd',
    landscape: { dim: DIM, n: N, nTest: N, lambdaMax, lambdaMin: 0.01 },
    batch: N,
    lr: etaLambda / lambdaMax,
    budget: { unit: 'steps', amount: STEPS },
    metricsEvery: 500,
    hessianEvery: 0,
  });
  const objective = buildObjective(config) as QuadraticNdObjective;
  const run = createRun(config, objective);
  const { chunks, metrics } = run.runToEnd(1000);
  return { run, objective, chunks, metrics };
}

/** Gradient component along the top eigenvector Q e₁: λ_max times the distance to w* there. */
function topComponent(obj: QuadraticNdObjective, w: Float64Array): number {
  const g = new Float64Array(DIM);
  obj.fullLossGrad(w, 'train', g);
  const u = new Float64Array(DIM);
  u[0] = 1;
  obj.reflect(u);
  return g.reduce((s, x, j) => s + x * u[j]!, 0);
}

function expectNothingNonFinite(chunks: RunChunk[], metrics: MetricRecord[], w: Float64Array) {
  expect(w.every(Number.isFinite)).toBe(true);
  for (const c of chunks) expect(c.positions.every(Number.isFinite)).toBe(true);
  for (const m of metrics) {
    for (const [key, value] of Object.entries(m)) {
      if (typeof value === 'number') expect(Number.isFinite(value), key).toBe(true);
    }
  }
}

describe('quadratic-nd stability bound', () => {
  it('η·λ_max = 1.9 converges, 2.1 diverges (λ_max = 10)', () => {
    const stable = fullBatchRun(10, 1.9);
    expect(stable.run.status).toBe('done');
    expect(stable.run.divergedAt).toBeNull();
    expect(stable.run.steps).toBe(STEPS);
    // |1 − 1.9|^3000 ≈ 0: the stiffest direction has fully converged.
    expect(Math.abs(topComponent(stable.objective, stable.run.w))).toBeLessThan(
      1e-9 * Math.abs(topComponent(stable.objective, stable.run.w0)),
    );
    expectNothingNonFinite(stable.chunks, stable.metrics, stable.run.w);

    const unstable = fullBatchRun(10, 2.1);
    expect(unstable.run.status).toBe('diverged');
    // `steps` counts accepted steps; divergedAt names the rejected one.
    expect(unstable.run.divergedAt).toBe(unstable.run.steps + 1);
    expect(unstable.run.steps).toBeLessThan(STEPS);
    expectNothingNonFinite(unstable.chunks, unstable.metrics, unstable.run.w);
    // The last recorded position is the last finite point, not the blown-up one.
    const last = unstable.chunks.at(-1)!;
    expect(Array.from(last.positions.slice(-DIM))).toEqual(Array.from(unstable.run.w, Math.fround));
    expect(unstable.metrics.at(-1)!.lambdaMax).toBeCloseTo(10, 6);
  });

  it('diverges iff η·λ_max > 2, for any λ_max', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.oneof(
          fc.double({ min: 1.5, max: 1.95, noNaN: true }),
          fc.double({ min: 2.05, max: 3, noNaN: true }),
        ),
        (lambdaMax, etaLambda) => {
          const { run, chunks, metrics } = fullBatchRun(lambdaMax, etaLambda);
          expect(run.status).toBe(etaLambda > 2 ? 'diverged' : 'done');
          expect(run.divergedAt !== null).toBe(etaLambda > 2);
          expectNothingNonFinite(chunks, metrics, run.w);
        },
      ),
      { numRuns: 16 },
    );
  });
});
