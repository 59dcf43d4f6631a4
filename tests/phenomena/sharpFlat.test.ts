/**
 * Keskar et al. (2017) on the default sharp-flat preset (issue #2 §4): small batches end in
 * the flat basin, full batch often in the sharp one — with a larger generalization gap and
 * sharper end point — and a high early LR or a growing batch repairs it. The seed ensemble
 * is kept small for CI; `npm run cli -- sweep` runs the full-size version.
 */
import { describe, expect, it } from 'vitest';
import { buildObjective, presetDefaults } from '../../src/engine/presets';
import { createRun } from '../../src/engine/run';
import type { ConfigInput } from '../../src/engine/config';

const base = presetDefaults('sharp-flat');
const objective = buildObjective(base);
const N = base.landscape.n;
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

interface Ensemble {
  flatFraction: number;
  meanGap: number;
  meanLambdaMax: number;
}

function ensemble(patch: ConfigInput): Ensemble {
  let flat = 0;
  let gap = 0;
  let lambdaMax = 0;
  for (const seed of SEEDS) {
    const run = createRun(
      { ...base, ...patch, seed, metricsEvery: 0, hessianEvery: 0, recordEvery: 1e9 },
      objective,
    );
    run.runToEnd(1e6);
    const m = run.lastMetrics!;
    expect(run.status).toBe('done');
    if (m.basin === 'flat') flat++;
    gap += m.gap;
    lambdaMax += m.lambdaMax!;
  }
  const k = SEEDS.length;
  return { flatFraction: flat / k, meanGap: gap / k, meanLambdaMax: lambdaMax / k };
}

// ~1 s per claim on an idle core; the timeout leaves room for a loaded CI machine.
describe('sharp-flat: large batches find sharp minima', { timeout: 60_000 }, () => {
  // Shared by several claims; computed on first use (inside a test, not at collection).
  let smallCache: Ensemble | undefined;
  let fullCache: Ensemble | undefined;
  const small = () => (smallCache ??= ensemble({ batch: 16 }));
  const full = () => (fullCache ??= ensemble({ batch: N }));

  it('small batches (B = 4, 16) end in the flat basin (≥ 90%)', () => {
    expect(ensemble({ batch: 4 }).flatFraction).toBeGreaterThanOrEqual(0.9);
    expect(small().flatFraction).toBeGreaterThanOrEqual(0.9);
  });

  it('full batch (B = N) ends in the flat basin at most half the time', () => {
    expect(full().flatFraction).toBeLessThanOrEqual(0.5);
  });

  it('full batch has ≥ 5× the generalization gap and λ_max of B = 16', () => {
    expect(full().meanGap).toBeGreaterThanOrEqual(5 * small().meanGap);
    expect(full().meanLambdaMax).toBeGreaterThanOrEqual(5 * small().meanLambdaMax);
    expect(small().meanGap).toBeGreaterThan(0);
  });

  it('a high initial LR (0.05, then 0.01 from half-way) rescues B = N', () => {
    const r = ensemble({
      batch: N,
      lr: 0.05,
      lrSchedule: { kind: 'step', milestones: [0.5], factor: 0.2 },
    });
    expect(r.flatFraction).toBeGreaterThanOrEqual(0.9);
  });

  it('growing the batch from 16 to N (×4 at 10%, 20%, 30%) rescues it too', () => {
    const r = ensemble({
      batch: 16,
      batchSchedule: { kind: 'grow', milestones: [0.1, 0.2, 0.3], factor: 4, cap: N },
    });
    expect(r.flatFraction).toBeGreaterThanOrEqual(0.9);
  });
});
