/**
 * The remedies view's experiment (issue #4), run inline on the default sharp-flat preset:
 * the same jobs and aggregation the browser pool and `batchscape remedies` use. It prints
 * the whole table and asserts only the facts that hold robustly on this landscape; the
 * other rows are shown as the engine finds them (no scripted outcomes).
 */
import { describe, expect, it } from 'vitest';
import { presetDefaults } from '../../src/engine/presets';
import { runJob, type EndpointResult } from '../../src/engine/ensemble';
import {
  remedies,
  remedyJobs,
  remedyRows,
  seedList,
  type SweepRow,
} from '../../src/engine/experiments';

const defaults = presetDefaults('sharp-flat');
const base = { preset: 'sharp-flat' as const };
const SEEDS = seedList(30);
// Regime adaptation at B = N makes 64× the updates of the other rows (~0.6 s per seed):
// its row uses the first few seeds only, so this file stays within ~10 s.
const REGIME_SEEDS = seedList(6);
const list = remedies(16, defaults.landscape.n, defaults.lr);

function measure(): Map<string, SweepRow> {
  const rows = new Map<string, SweepRow>();
  for (const remedy of list) {
    const seeds = remedy.id === 'regime' ? REGIME_SEEDS : SEEDS;
    const results = remedyJobs(base, [remedy], seeds).map((j) => runJob(j) as EndpointResult);
    rows.set(remedy.id, remedyRows([remedy], seeds, results, true)[0]!.row);
  }
  return rows;
}

const fmt = (x: number | null | undefined, digits = 3) => (x == null ? '—' : x.toFixed(digits));

function table(rows: Map<string, SweepRow>): string {
  const head = [
    'remedy',
    'B',
    'lr',
    'runs',
    'flat',
    '95% CI',
    'train',
    'test',
    'gap',
    'λ_max',
    'div',
  ];
  const lines = [head.join('\t')];
  for (const r of list) {
    const row = rows.get(r.id)!;
    lines.push(
      [
        r.id,
        row.batch,
        row.lr,
        row.runs,
        fmt(row.flatFraction, 2),
        row.flatCi ? `${fmt(row.flatCi[0], 2)}–${fmt(row.flatCi[1], 2)}` : '—',
        fmt(row.finalTrainLoss.mean),
        fmt(row.finalTestLoss.mean),
        fmt(row.gap.mean, 4),
        fmt(row.lambdaMax.mean, 1),
        row.diverged,
      ].join('\t'),
    );
  }
  return lines.join('\n');
}

describe('remedies on sharp-flat (30 seeds)', { timeout: 60_000 }, () => {
  let cache: Map<string, SweepRow> | undefined;
  const rows = () => {
    if (!cache) {
      cache = measure();
      console.log(`remedies, sharp-flat defaults, small = 16, large = N:\n${table(cache)}`);
    }
    return cache;
  };
  const flat = (id: string) => rows().get(id)!.flatFraction!;

  it('the small batch ends in the flat basin (≥ 90%)', () => {
    expect(flat('small')).toBeGreaterThanOrEqual(0.9);
  });

  it('the large batch does so at most half the time', () => {
    expect(flat('large')).toBeLessThanOrEqual(0.5);
  });

  it('the large batch tests worse than the small one (95% intervals apart)', () => {
    const s = rows().get('small')!.finalTestLoss;
    const l = rows().get('large')!.finalTestLoss;
    expect(l.mean - l.ci95!).toBeGreaterThan(s.mean + s.ci95!);
  });

  it('a high initial LR, a warm-up and a growing batch rescue the large batch (≥ 90%)', () => {
    expect(flat('highlr')).toBeGreaterThanOrEqual(0.9);
    expect(flat('warmup')).toBeGreaterThanOrEqual(0.9);
    expect(flat('grow')).toBeGreaterThanOrEqual(0.9);
  });

  it('warm-up and the growing batch test no worse than the small batch (95%)', () => {
    const s = rows().get('small')!.finalTestLoss;
    for (const id of ['warmup', 'grow']) {
      const r = rows().get(id)!.finalTestLoss;
      expect(r.mean - (r.ci95 ?? 0)).toBeLessThanOrEqual(s.mean + (s.ci95 ?? 0));
    }
  });

  it('every row ran every seed to the end', () => {
    for (const r of list) {
      const row = rows().get(r.id)!;
      expect(row.runs).toBe(r.id === 'regime' ? REGIME_SEEDS.length : SEEDS.length);
      expect(Number.isFinite(row.gap.mean)).toBe(true);
    }
  });
});
