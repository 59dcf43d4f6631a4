import { describe, expect, it } from 'vitest';
import {
  diffusionCurves,
  diffusionJobs,
  diffusionTimes,
  type DiffusionSpec,
} from './diffusionExperiment';
import { seedList } from './experiments';
import { runJob, type DiffusionSample } from './ensemble';
import { diffusionEnsemble, diffusionFits } from './sweep';
import { localExponent } from './stats';
import type { ConfigInput } from './config';

describe('diffusion', () => {
  const spec: DiffusionSpec = {
    base: { preset: 'random-potential', batch: 2, landscape: { amplitude: 0.3 } },
    curves: [
      { label: 'B = 2', patch: {} },
      { label: 'B = 8, flat', patch: { batch: 8, landscape: { amplitude: 0 } } },
    ],
    seeds: seedList(3, 2),
    steps: 200,
    perDecade: 5,
    varyLandscape: true,
    fitRange: [10, 200],
  };

  it('with varyLandscape, each seed gets its own potential (dataSeed = seed), patches merged', () => {
    const jobs = diffusionJobs(spec);
    expect(jobs).toHaveLength(6);
    jobs.forEach((j, i) => {
      const c = j.config as {
        seed: number;
        batch: number;
        landscape: { dataSeed: number; amplitude: number };
      };
      expect(c.seed).toBe(spec.seeds[i % 3]);
      expect(c.landscape.dataSeed).toBe(c.seed);
      expect(c.landscape.amplitude).toBe(i < 3 ? 0.3 : 0);
      expect(c.batch).toBe(i < 3 ? 2 : 8);
      expect(j.kind === 'diffusion' && j.ts).toEqual(diffusionTimes(200, 5));
    });
    const same = diffusionJobs({ ...spec, varyLandscape: false });
    expect(
      same.every((j) => (j.config.landscape as { dataSeed?: number }).dataSeed === undefined),
    ).toBe(true);
  });

  it('curves equal diffusionEnsemble and diffusionFits (the CLI path) exactly', () => {
    for (const varyLandscape of [true, false]) {
      const s = { ...spec, varyLandscape };
      const results = diffusionJobs(s).map(runJob) as DiffusionSample[];
      const curves = diffusionCurves(s, results);
      s.curves.forEach((c, i) => {
        const base = {
          ...s.base,
          ...c.patch,
          landscape: { ...s.base.landscape, ...c.patch.landscape },
        } as ConfigInput;
        const ens = diffusionEnsemble(
          base,
          s.seeds,
          s.steps,
          diffusionTimes(s.steps, s.perDecade),
          { varyLandscape },
        );
        const fits = diffusionFits(ens.t, ens.meanDistance, s.fitRange);
        const curve = curves[i]!;
        expect(curve.label).toBe(c.label);
        expect(curve.t).toEqual(ens.t);
        expect(curve.mean).toEqual(ens.meanDistance);
        expect(curve.sd).toEqual(ens.sdDistance);
        expect(curve.logFit).toEqual(fits.logFit);
        expect(curve.powerFit).toEqual(fits.powerFit);
        expect(curve.localExponent).toEqual(localExponent(ens.t, ens.meanDistance));
        expect(curve.diverged).toBe(ens.diverged);
        curve.mean.forEach((m, j) => {
          expect(curve.lo[j]).toBeLessThanOrEqual(m);
          expect(curve.hi[j]).toBeGreaterThanOrEqual(m);
        });
      });
    }
  });

  it('a curve may bring its own seeds (a cheap baseline averaged over more runs)', () => {
    const own: DiffusionSpec = {
      ...spec,
      curves: [spec.curves[0]!, { ...spec.curves[1]!, seeds: seedList(5, 2) }],
    };
    const jobs = diffusionJobs(own);
    expect(jobs.map((j) => j.config.seed)).toEqual([2, 3, 4, 2, 3, 4, 5, 6]);
    const results = jobs.map(runJob) as DiffusionSample[];
    const [a, b] = diffusionCurves(own, results);
    const [a0] = diffusionCurves(spec, diffusionJobs(spec).map(runJob) as DiffusionSample[]);
    expect(a).toEqual(a0);
    const flat = { ...spec.base, ...spec.curves[1]!.patch, landscape: { amplitude: 0 } };
    const ens = diffusionEnsemble(flat, seedList(5, 2), 200, diffusionTimes(200, 5), {
      varyLandscape: true,
    });
    expect(b!.mean).toEqual(ens.meanDistance);
  });
});
