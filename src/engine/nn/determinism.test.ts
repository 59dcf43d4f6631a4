/**
 * The MLP through the one run API: bit-identical trajectories for the same config and seed
 * (the CLI test compares this hash with `batchscape run`, and the browser test will compare
 * it with the explorer), independence from chunking, and per-run BN state even when runs
 * share one objective (as ensembles do).
 */
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../config';
import { hashFloat32 } from '../hash';
import { buildObjective } from '../presets';
import { createRun, type Run } from '../run';
import { resolveOrThrow } from '../sweep';

const CONFIG: ConfigInput = {
  preset: 'mlp',
  seed: 3,
  landscape: { n: 64, nTest: 64 },
  network: { hidden: [8, 8], ghostBatch: 4 },
  budget: { unit: 'epochs', amount: 4 },
  recordEvery: 1,
};

function positions(run: Run, chunk: number): Float32Array {
  const parts: Float32Array[] = [];
  while (run.status === 'running') parts.push(run.advance(chunk).positions);
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}

describe('MLP runs', () => {
  it('same config and seed ⇒ the same trajectory, whatever the chunking; pinned', () => {
    const a = positions(createRun(CONFIG), 5);
    const b = positions(createRun(CONFIG), 1000);
    expect(hashFloat32(b)).toBe(hashFloat32(a));
    expect(hashFloat32(positions(createRun({ ...CONFIG, seed: 4 }), 1000))).not.toBe(
      hashFloat32(a),
    );
    // Pinned: a change here means the numerics changed (intended or not).
    expect(hashFloat32(a)).toBe('3c6c6458');
  });

  it('keeps BN running statistics per run when runs share an objective', () => {
    const config = resolveOrThrow(CONFIG);
    const shared = buildObjective(config);
    const alone = positions(createRun(config), 1000);
    const r1 = createRun(config, shared);
    const r2 = createRun({ ...config, seed: 9 }, shared);
    const p1: Float32Array[] = [];
    // Interleave the two runs step by step on the one objective.
    while (r1.status === 'running' || r2.status === 'running') {
      if (r1.status === 'running') p1.push(r1.advance(1).positions);
      if (r2.status === 'running') r2.advance(1);
    }
    const joined = new Float32Array(p1.reduce((s, p) => s + p.length, 0));
    let k = 0;
    for (const p of p1) {
      joined.set(p, k);
      k += p.length;
    }
    expect(hashFloat32(joined)).toBe(hashFloat32(alone));
    // The statistics really are state: they moved from their initial 0 and 1.
    expect(r1.w[r1.trainDim]).not.toBe(0);
    expect(r1.w.length - r1.trainDim).toBe(2 * (8 + 8));
  });

  it('the optimizer and Langevin noise never move the model state', () => {
    // The statistics after a step depend only on the start weights and the batch: Adam with
    // Langevin noise and plain SGD (same seed, so same start and batch) must agree exactly.
    const sgd = createRun(CONFIG);
    const adam = createRun({ ...CONFIG, optimizer: { kind: 'adam' }, temperature: 0.01 });
    sgd.advance(1);
    adam.advance(1);
    const stats = (r: Run) => Array.from(r.w.subarray(r.trainDim));
    expect(stats(adam)).toEqual(stats(sgd));
    expect(stats(sgd)).not.toEqual(Array.from(sgd.w0.subarray(sgd.trainDim)));
    expect(Array.from(adam.w.subarray(0, 4))).not.toEqual(Array.from(sgd.w.subarray(0, 4)));
    // ‖w_t − w_0‖ counts trained entries only.
    const m = adam.measure(false);
    let d = 0;
    for (let j = 0; j < adam.trainDim; j++) d += (adam.w[j]! - adam.w0[j]!) ** 2;
    expect(m.distance).toBeCloseTo(Math.sqrt(d), 12);
    expect(m.trainAccuracy).toBeGreaterThanOrEqual(0);
    expect(m.testAccuracy).toBeLessThanOrEqual(1);
  });
});
