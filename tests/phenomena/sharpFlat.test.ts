/**
 * Keskar et al. (2017) on the default sharp-flat preset (issues #2 and #7): small batches end
 * in the flat basin, the full batch often in the sharp one, which is deeper on train and
 * worse on test — a larger gap, a sharper end point and a higher test loss — and a warm-up
 * or a growing batch repairs it. The same jobs and row statistics as `batchscape sweep`;
 * ensembles sized for CI (the README's CLI commands run 200 seeds).
 */
import { describe, expect, it } from 'vitest';
import { presetDefaults, PRESETS } from '../../src/engine/presets';
import { createRun } from '../../src/engine/run';
import type { ConfigInput } from '../../src/engine/config';
import { runJob, type EndpointResult } from '../../src/engine/ensemble';
import { endpointRow, seedList, type SweepRow } from '../../src/engine/experiments';
import type { Summary } from '../../src/engine/stats';

const base = presetDefaults('sharp-flat');
const N = base.landscape.n;
const SEEDS = seedList(40);

function ensemble(patch: ConfigInput): SweepRow {
  const results = SEEDS.map(
    (seed) =>
      runJob({
        kind: 'endpoint',
        config: { preset: 'sharp-flat', ...patch, seed },
      }) as EndpointResult,
  );
  for (const r of results) expect(r.status).toBe('done');
  return endpointRow(results, true);
}

const hi = (s: Summary) => s.mean + (s.ci95 ?? 0);
const lo = (s: Summary) => s.mean - (s.ci95 ?? 0);

// ~1 s per ensemble on an idle core; the timeout leaves room for a loaded CI machine.
describe('sharp-flat: large batches find sharp minima that test worse', { timeout: 60_000 }, () => {
  // Shared by several claims; computed on first use (inside a test, not at collection).
  let smallCache: SweepRow | undefined;
  let fullCache: SweepRow | undefined;
  const small = () => (smallCache ??= ensemble({ batch: 16 }));
  const full = () => (fullCache ??= ensemble({ batch: N }));

  it('small batches (B = 4, 16) end in the flat basin (≥ 90%)', () => {
    expect(ensemble({ batch: 4 }).flatFraction).toBeGreaterThanOrEqual(0.9);
    expect(small().flatFraction).toBeGreaterThanOrEqual(0.9);
  });

  it('full batch (B = N) ends in the flat basin at most half the time', () => {
    expect(full().flatFraction).toBeLessThanOrEqual(0.5);
  });

  it('B = N looks better on train and is worse on test, 95% intervals apart', () => {
    expect(full().finalTrainLoss.mean).toBeLessThan(small().finalTrainLoss.mean);
    expect(lo(full().finalTestLoss)).toBeGreaterThan(hi(small().finalTestLoss));
  });

  it('conditional on the basin, sharp end points test clearly worse than flat ones', () => {
    const groups = full().byBasin!;
    const sharp = groups.find((g) => g.basin === 'sharp')!;
    const flat = groups.find((g) => g.basin === 'flat')!;
    expect(sharp.runs).toBeGreaterThan(5);
    expect(flat.runs).toBeGreaterThan(5);
    expect(sharp.finalTrainLoss.mean).toBeLessThan(flat.finalTrainLoss.mean);
    expect(lo(sharp.finalTestLoss)).toBeGreaterThan(hi(flat.finalTestLoss));
  });

  it('full batch has ≥ 5× the generalization gap and λ_max of B = 16', () => {
    expect(full().gap.mean).toBeGreaterThanOrEqual(5 * small().gap.mean);
    expect(full().lambdaMax.mean).toBeGreaterThanOrEqual(5 * small().lambdaMax.mean);
    expect(small().gap.mean).toBeGreaterThan(0);
  });

  it('warm-up to 5η rescues B = N: ≥ 90% flat, test loss no worse than B = 16 (95%)', () => {
    const r = ensemble({
      batch: N,
      lr: 5 * base.lr,
      lrSchedule: { kind: 'warmup', fraction: 0.1 },
    });
    expect(r.flatFraction).toBeGreaterThanOrEqual(0.9);
    expect(lo(r.finalTestLoss)).toBeLessThanOrEqual(hi(small().finalTestLoss));
  });

  it('a high initial LR (5η, then η from half-way) brings B = N back to ≥ 90% flat', () => {
    const r = ensemble({
      batch: N,
      lr: 5 * base.lr,
      lrSchedule: { kind: 'step', milestones: [0.5], factor: 0.2 },
    });
    expect(r.flatFraction).toBeGreaterThanOrEqual(0.9);
    expect(lo(r.finalTestLoss)).toBeLessThan(lo(full().finalTestLoss));
  });

  it('growing the batch from 16 to N (×4 at 10%, 20%, 30%): ≥ 90% flat, test as B = 16', () => {
    const r = ensemble({
      batch: 16,
      batchSchedule: { kind: 'grow', milestones: [0.1, 0.2, 0.3], factor: 4, cap: N },
    });
    expect(r.flatFraction).toBeGreaterThanOrEqual(0.9);
    expect(lo(r.finalTestLoss)).toBeLessThanOrEqual(hi(small().finalTestLoss));
  });
});

describe('sharp-flat: the conditions the story names', { timeout: 60_000 }, () => {
  it("the explorer's default start: at seed 1, B = 8 ends flat and B = N sharp", () => {
    const start = PRESETS['sharp-flat'].explorerStart!;
    const end = (batch: number) => {
      const run = createRun({ ...base, batch, start, seed: 1, metricsEvery: 0 });
      run.runToEnd(1e6);
      return run.lastMetrics!;
    };
    const s = end(8);
    const l = end(N);
    expect(s.basin).toBe('flat');
    expect(l.basin).toBe('sharp');
    expect(l.trainLoss).toBeLessThan(s.trainLoss);
    expect(l.testLoss).toBeGreaterThan(s.testLoss);
  });

  it('with a shift narrower than the sharp basin, the sharp minimum is better on test too', () => {
    // |δ| = 0.05 < √(r² + s²) ≈ 0.11: the test surface still has a deep well there.
    const landscape = { shift: [0.05, 0] };
    const row = ensemble({ batch: N, landscape });
    const groups = row.byBasin!;
    const sharp = groups.find((g) => g.basin === 'sharp')!;
    const flat = groups.find((g) => g.basin === 'flat')!;
    expect(hi(sharp.finalTestLoss)).toBeLessThan(lo(flat.finalTestLoss));
  });
});
