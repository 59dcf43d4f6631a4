import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  endpointRow,
  keskarJobs,
  remedies,
  remedyJobs,
  remedyRows,
  seedList,
  stabilityJobs,
  sweepJobs,
  sweepRows,
  wilson,
  type SweepSpec,
} from './experiments';
import { runJob, type EndpointResult } from './ensemble';
import { sweepCell } from './sweep';
import { resolveConfig } from './validate';
import { presetDefaults } from './presets';
import type { ConfigInput } from './config';

const endpoints = (jobs: ReturnType<typeof sweepJobs>) => jobs.map(runJob) as EndpointResult[];

describe('sweepJobs and sweepRows', () => {
  const spec: SweepSpec = {
    base: { preset: 'sharp-flat', budget: { unit: 'epochs', amount: 3 } },
    batches: [8, 64, 1024],
    lrs: [0.01, 0.03],
    seeds: seedList(3, 5),
  };
  const jobs = sweepJobs(spec);
  const rows = sweepRows(spec, endpoints(jobs), true);

  it('makes lr-major, then batch, then seed jobs', () => {
    expect(jobs).toHaveLength(2 * 3 * 3);
    const cfg = jobs.map((j) => j.config as { lr: number; batch: number; seed: number });
    expect(cfg.slice(0, 3).map((c) => [c.lr, c.batch, c.seed])).toEqual([
      [0.01, 8, 5],
      [0.01, 8, 6],
      [0.01, 8, 7],
    ]);
    expect(cfg[9]).toMatchObject({ lr: 0.03, batch: 8, seed: 5 });
    expect(jobs.every((j) => j.kind === 'endpoint' && j.sharpnessEps === undefined)).toBe(true);
  });

  it('has one row per (lr, batch) cell, in job order', () => {
    expect(rows.map((r) => [r.lr, r.batch, r.runs])).toEqual([
      [0.01, 8, 3],
      [0.01, 64, 3],
      [0.01, 1024, 3],
      [0.03, 8, 3],
      [0.03, 64, 3],
      [0.03, 1024, 3],
    ]);
    for (const r of rows) {
      expect(r.sharpness).toBeNull();
      expect(r.flatCi![0]).toBeLessThanOrEqual(r.flatFraction!);
      expect(r.flatCi![1]).toBeGreaterThanOrEqual(r.flatFraction!);
    }
  });

  it("equals sweepCell's numbers for the same base, cell and seeds (CLI and browser agree)", () => {
    rows.forEach((row) => {
      const cell = sweepCell(spec.base, row.batch, row.lr, spec.seeds);
      const { flatCi: _ci, sharpness: _s, byBasin, saddleFraction, ...common } = row;
      expect(common).toEqual(cell);
      // sharp-flat names no saddle point.
      expect(saddleFraction).toBeNull();
      // The per-basin split partitions the same runs.
      expect(byBasin!.reduce((n, g) => n + g.runs, 0)).toBe(row.runs);
      const flat = byBasin!.find((g) => g.basin === 'flat');
      expect(flat?.runs ?? 0).toBe(Math.round(row.flatFraction! * row.runs));
    });
  });

  it('splits the statistics by end basin: ids in order, between basins last', () => {
    const e = (basin: string | null, testLoss: number): EndpointResult =>
      ({ basin, testLoss, trainLoss: 0, gap: testLoss, lambdaMax: 1 }) as EndpointResult;
    const row = endpointRow([e('sharp', 2), e(null, 5), e('flat', 1), e('sharp', 4)], true);
    expect(row.byBasin!.map((g) => [g.basin, g.runs, g.finalTestLoss.mean])).toEqual([
      ['flat', 1, 1],
      ['sharp', 2, 3],
      [null, 1, 5],
    ]);
    expect(endpointRow([e(null, 1)], false).byBasin).toBeNull();
  });

  it('with no lrs axis, uses the base LR; without a flat basin, no flat fraction', () => {
    const s: SweepSpec = {
      base: { preset: 'bowl', budget: { unit: 'epochs', amount: 1 } },
      batches: [4],
      seeds: [1, 2],
    };
    const [row] = sweepRows(s, endpoints(sweepJobs(s)), false);
    expect(row).toMatchObject({ batch: 4, lr: presetDefaults('bowl').lr, runs: 2 });
    expect(row!.flatFraction).toBeNull();
    expect(row!.flatCi).toBeNull();
    expect(row).toEqual({
      ...sweepCell(s.base, 4, undefined, s.seeds),
      flatCi: null,
      sharpness: null,
      byBasin: null,
      saddleFraction: null,
    });
  });

  it('summarises ε-sharpness when asked for it', () => {
    const s: SweepSpec = {
      ...spec,
      lrs: undefined,
      batches: [1024],
      seeds: [1, 2],
      sharpnessEps: 0.05,
    };
    const js = sweepJobs(s);
    expect(js.every((j) => j.kind === 'endpoint' && j.sharpnessEps === 0.05)).toBe(true);
    const [row] = sweepRows(s, endpoints(js), true);
    expect(row!.sharpness!.mean).toBeGreaterThan(0);
  });
});

describe('wilson', () => {
  it('is a sane 95% interval: inside [0, 1], around p, narrowing with n (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, q) => {
          const k = Math.round(q * n);
          const [lo, hi] = wilson(k, n);
          const p = k / n;
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(p + 1e-12);
          expect(hi).toBeGreaterThanOrEqual(p - 1e-12);
          const [lo4, hi4] = wilson(4 * k, 4 * n);
          expect(hi4 - lo4).toBeLessThan(hi - lo);
        },
      ),
    );
  });

  it('matches a textbook value and is not degenerate at 0 and n', () => {
    // 8/10: Wilson 95% interval (0.490, 0.943).
    const [lo, hi] = wilson(8, 10);
    expect(lo).toBeCloseTo(0.4902, 3);
    expect(hi).toBeCloseTo(0.9433, 3);
    expect(wilson(0, 20)[0]).toBe(0);
    expect(wilson(0, 20)[1]).toBeGreaterThan(0.1);
    expect(wilson(20, 20)[1]).toBe(1);
    expect(wilson(20, 20)[0]).toBeLessThan(0.9);
  });
});

describe('remedies', () => {
  const n = presetDefaults('sharp-flat').landscape.n;
  const list = remedies(16, n, 0.01);

  it('have unique ids and a label and blurb each', () => {
    expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
    expect(list.map((r) => r.id)).toEqual([
      'small',
      'large',
      'sqrt',
      'linear',
      'regime',
      'highlr',
      'warmup',
      'grow',
    ]);
    for (const r of list) {
      expect(r.label.length).toBeGreaterThan(3);
      expect(r.blurb.length).toBeGreaterThan(10);
    }
  });

  it('every patch resolves over each preset it is meant for', () => {
    for (const preset of ['sharp-flat', 'bowl', 'saddle'] as const) {
      const big = preset === 'sharp-flat' ? n : presetDefaults(preset).landscape.n;
      for (const r of remedies(8, big, 0.02)) {
        const res = resolveConfig({ preset, ...r.patch });
        expect(res.ok, `${preset} ${r.id}: ${JSON.stringify(!res.ok && res.errors)}`).toBe(true);
      }
    }
  });

  it('remedyJobs are remedy-major with matched seeds; rows follow the list', () => {
    const base: ConfigInput = { preset: 'sharp-flat', budget: { unit: 'epochs', amount: 1 } };
    const seeds = [3, 4];
    const jobs = remedyJobs(base, list, seeds);
    expect(jobs).toHaveLength(list.length * 2);
    expect(jobs.map((j) => (j.config as { seed: number }).seed)).toEqual(list.flatMap(() => seeds));
    expect(jobs[2]!.config).toMatchObject({ batch: n, refBatch: 16, budget: base.budget });
    // Cheap stand-ins are enough to check the slicing: each row gets its own two results.
    const fake = jobs.map((j, i) => ({
      ...(runJob({ kind: 'endpoint', config: { ...base, seed: 1 } }) as EndpointResult),
      batch: i,
    }));
    const rows = remedyRows(list, seeds, fake, true);
    expect(rows.map((r) => r.remedy.id)).toEqual(list.map((r) => r.id));
    rows.forEach((r, i) => expect(r.row).toEqual(endpointRow(fake.slice(2 * i, 2 * i + 2), true)));
  });
});

describe('keskarJobs and stabilityJobs', () => {
  it('keskar: one matched pair per seed', () => {
    const jobs = keskarJobs({ preset: 'sharp-flat' }, [1, 2], 16, 1024, 0.05, [0, 1]);
    expect(jobs).toEqual(
      [1, 2].map((seed) => ({
        kind: 'keskar',
        config: { preset: 'sharp-flat', seed },
        small: 16,
        large: 1024,
        alphas: [0, 1],
        sharpnessEps: 0.05,
      })),
    );
  });

  it('stability: full-batch runs at each learning rate, for the given steps', () => {
    const base: ConfigInput = { preset: 'quadratic-nd', landscape: { dim: 5, n: 64 } };
    const jobs = stabilityJobs(base, [0.1, 0.3], 50, 64);
    expect(jobs.map((j) => j.config)).toEqual(
      [0.1, 0.3].map((lr) => ({
        ...base,
        lr,
        batch: 64,
        budget: { unit: 'steps', amount: 50 },
        seed: 1,
      })),
    );
    // λ_max = 10: η = 0.1 is stable (ηλ = 1), η = 0.3 is not (ηλ = 3).
    const [ok, bad] = jobs.map(runJob) as EndpointResult[];
    expect(ok!.status).toBe('done');
    expect(bad!.status).toBe('diverged');
    expect(ok!.lambdaMax).toBeCloseTo(10, 6);
  });
});
