/**
 * Hoffer's diffusion experiment as a job list and its aggregator (see experiments.ts): the
 * distance travelled from the start, ‖w_t − w_0‖, at log-spaced steps over an ensemble, with
 * a 95% band of the mean, both laws (log and power) fitted over the fit range, and the local
 * exponent p(t) that tells them apart.
 */
import type { ConfigInput } from './config';
import type { DiffusionSample, EnsembleJob } from './ensemble';
import { localExponent, logFit, logSpacedInts, mean, powerFit, sampleSd } from './stats';

export interface DiffusionCurveSpec {
  label: string;
  patch: ConfigInput;
  /** This curve's own seeds (e.g. more runs for a cheap flat baseline); default spec.seeds. */
  seeds?: number[];
}

export interface DiffusionSpec {
  base: ConfigInput;
  curves: DiffusionCurveSpec[];
  seeds: number[];
  steps: number;
  perDecade: number;
  /** Each seed on its own random potential (dataSeed = seed): the average Hoffer's law is about. */
  varyLandscape: boolean;
  fitRange: [number, number];
}

/**
 * Where both laws are fitted unless told otherwise: from t = 20, where on the default
 * random potential (B = 1, η = 2) the first descent has ended and the local exponent has
 * fallen to ½, to the last step; a tenth of the run for runs shorter than 200 steps.
 */
export function defaultFitRange(steps: number): [number, number] {
  return [Math.max(1, Math.min(20, Math.floor(steps / 10))), steps];
}

export function diffusionTimes(steps: number, perDecade: number): number[] {
  return logSpacedInts(1, steps, perDecade);
}

export function diffusionJobs(spec: DiffusionSpec): EnsembleJob[] {
  const ts = diffusionTimes(spec.steps, spec.perDecade);
  return spec.curves.flatMap((c) =>
    (c.seeds ?? spec.seeds).map((seed) => {
      const land = {
        ...((spec.base.landscape as object) ?? {}),
        ...((c.patch.landscape as object) ?? {}),
      };
      const config: ConfigInput = {
        ...spec.base,
        ...c.patch,
        seed,
        landscape: spec.varyLandscape ? { ...land, dataSeed: seed } : land,
      } as ConfigInput;
      return { kind: 'diffusion' as const, config, ts };
    }),
  );
}

export interface DiffusionCurve {
  label: string;
  t: number[];
  mean: number[];
  sd: number[];
  /** 95% band of the ensemble mean. */
  lo: number[];
  hi: number[];
  logFit: { a: number; b: number; r2: number };
  powerFit: { c: number; p: number; r2: number };
  /**
   * Local exponent p(t) = d ln D / d ln t of the mean at every t (stats.localExponent: the
   * log-log slope over one decade centred on t), null where that window does not fit.
   * Constant for a power law (½ for a free random walk), falling like 1/ln t for log growth.
   */
  localExponent: (number | null)[];
  diverged: number;
}

export function diffusionCurves(spec: DiffusionSpec, results: DiffusionSample[]): DiffusionCurve[] {
  let next = 0;
  return spec.curves.map((c) => {
    const k = (c.seeds ?? spec.seeds).length;
    const rs = results.slice(next, (next += k));
    const t = rs[0]?.t ?? [];
    const meanD = t.map((_, j) => mean(rs.map((r) => r.distance[j]!)));
    const sd = t.map((_, j) => sampleSd(rs.map((r) => r.distance[j]!)));
    const half = sd.map((s) => (1.96 * s) / Math.sqrt(Math.max(1, k)));
    const keep = t
      .map((_, j) => j)
      .filter((j) => t[j]! >= spec.fitRange[0] && t[j]! <= spec.fitRange[1] && t[j]! > 0);
    const ft = keep.map((j) => t[j]!);
    const fd = keep.map((j) => meanD[j]!);
    return {
      label: c.label,
      t,
      mean: meanD,
      sd,
      lo: meanD.map((m, j) => m - half[j]!),
      hi: meanD.map((m, j) => m + half[j]!),
      logFit: logFit(ft, fd),
      powerFit: powerFit(ft, fd),
      localExponent: localExponent(t, meanD),
      diverged: rs.filter((r) => r.diverged).length,
    };
  });
}
