/**
 * The saddle preset (issue #8): at equal epochs the full batch reaches the saddle point and
 * spends a large share of its training near it, while small batches pass it and settle in
 * a basin. The reason is measured too: leaving takes about as many updates at any batch
 * size, and the full batch makes N/B times fewer — with regime adaptation (as many updates
 * as B = 8) its share falls to the small batch's. The same jobs and row statistics as
 * `batchscape sweep --preset saddle`; the README's CLI command runs 200 seeds.
 */
import { describe, expect, it } from 'vitest';
import { buildObjective, presetDefaults } from '../../src/engine/presets';
import type { ConfigInput } from '../../src/engine/config';
import { runJob, type EndpointResult } from '../../src/engine/ensemble';
import { endpointRow, seedList } from '../../src/engine/experiments';

const base = presetDefaults('saddle');
const N = base.landscape.n;
const SEEDS = seedList(16);
const saddle = buildObjective(base).saddles![0]!;

function ensemble(patch: ConfigInput, seeds = SEEDS): EndpointResult[] {
  return seeds.map(
    (seed) =>
      runJob({ kind: 'endpoint', config: { preset: 'saddle', ...patch, seed } }) as EndpointResult,
  );
}
const share = (r: EndpointResult) => r.saddleSteps! / r.steps;

describe(
  'saddle: at equal epochs the full batch lingers at the saddle point',
  { timeout: 60_000 },
  () => {
    let smallCache: EndpointResult[] | undefined;
    let fullCache: EndpointResult[] | undefined;
    const small = () => (smallCache ??= ensemble({ batch: 8 }));
    const full = () => (fullCache ??= ensemble({ batch: N }));

    it('names a saddle point between the basins: λ_min < 0 < λ_max there, radius half-way to a basin', () => {
      const obj = buildObjective(base);
      const h = new Float64Array(3);
      obj.hessian2!(new Float64Array(saddle.center), 'train', h);
      const det = h[0]! * h[2]! - h[1]! * h[1]!;
      expect(det).toBeLessThan(0); // one positive and one negative eigenvalue
      const g = new Float64Array(2);
      obj.fullLossGrad(new Float64Array(saddle.center), 'train', g);
      expect(Math.hypot(g[0]!, g[1]!)).toBeLessThan(1e-9);
      const nearest = Math.min(
        ...obj.basins.map((b) =>
          Math.hypot(b.center[0]! - saddle.center[0]!, b.center[1]! - saddle.center[1]!),
        ),
      );
      expect(saddle.radius).toBeCloseTo(nearest / 2, 12);
    });

    it('every full-batch run reaches the saddle and spends at least a fifth of its updates there', () => {
      for (const r of full()) {
        expect(r.saddleSteps).toBeGreaterThan(0);
        expect(share(r)).toBeGreaterThanOrEqual(0.2);
      }
      const row = endpointRow(full(), false);
      expect(row.saddleFraction!.mean).toBeGreaterThan(0.35);
    });

    it('every B = 8 run passes the saddle (under 5% of its updates there) and settles in a basin', () => {
      for (const r of small()) {
        expect(r.saddleSteps).toBeGreaterThan(0); // it passes through…
        expect(share(r)).toBeLessThan(0.05); // …and leaves
        expect(r.basin).not.toBeNull();
      }
      const f = endpointRow(full(), false).saddleFraction!;
      const s = endpointRow(small(), false).saddleFraction!;
      expect(f.mean - (f.ci95 ?? 0)).toBeGreaterThan(10 * (s.mean + (s.ci95 ?? 0)));
    });

    it('it is the number of updates: similar counts near the saddle, and regime adaptation removes the gap', () => {
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const fullSteps = mean(full().map((r) => r.saddleSteps!));
      const smallSteps = mean(small().map((r) => r.saddleSteps!));
      expect(fullSteps / smallSteps).toBeGreaterThan(0.5);
      expect(fullSteps / smallSteps).toBeLessThan(2);
      // 64× the full-batch updates: a few seeds keep this fast.
      const adapted = ensemble(
        { batch: N, regimeAdaptation: true, refBatch: 8 },
        SEEDS.slice(0, 4),
      );
      for (const r of adapted) expect(share(r)).toBeLessThan(0.05);
    });
  },
);
