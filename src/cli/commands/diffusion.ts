/** `batchscape diffusion`: ensemble mean ‖w_t − w_0‖ at log-spaced t, with log and power fits. */
import type { DiffusionSample, JobResult } from '../../engine/ensemble';
import {
  defaultFitRange,
  diffusionCurves,
  diffusionJobs,
  diffusionTimes,
  type DiffusionSpec,
} from '../../engine/experiments';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, type Command } from '../command';
import { ensembleCommand } from '../ensembleCommand';
import { parseListValue, usageError, type Flags } from '../flags';
import { checkJobCount, seedsFlags } from '../jobs';
import { LIMITS } from '../limits';
import { toCsv, toJson } from '../output';
import { MEASUREMENT_FLAGS } from '../configFlags';

/** Seeds come from --seeds, the budget from --steps, and recording is forced off. */
const DIFFUSION_OMIT = ['seed', 'epochs', ...MEASUREMENT_FLAGS];

export const diffusionCommand: Command = ensembleCommand({
  name: 'diffusion',
  summary:
    'how far SGD travels: ensemble mean distance from the start vs steps, log and power fits',
  details: [
    'Runs seeds S … S+K−1 for --steps T updates and samples ‖w_t − w_0‖ at log-spaced t.',
    'By default each seed also draws its own landscape (landscape.dataSeed = seed), an average over',
    'random potentials; --same-landscape keeps one. Over --fit-range it fits d ≈ a·ln t + b and',
    'd ≈ c·t^p; both R² are computed on d itself, so they compare directly. The local exponent',
    'p(t) = d ln d / d ln t (log-log slope over one decade centred on t) is constant for a power',
    'law and falls like 1/ln t for log growth. The flat-potential baseline is --amplitude 0',
    '(expect p ≈ 0.5).',
    'JSON: {"config", "seeds", "sameLandscape", "t", "meanDistance", "sdDistance", "fitRange",',
    '  "logFit": {"a", "b", "r2"}, "powerFit": {"c", "p", "r2"}, "diverged", "localExponent"}.',
    'CSV: t,meanDistance,sdDistance,localExponent.',
  ],
  options: [
    { name: 'seeds', arg: 'K', default: '16', help: 'ensemble size' },
    { name: 'seed-start', arg: 'S', default: '1', help: 'first seed (seeds S … S+K−1)' },
    {
      name: 'fit-range',
      arg: 'LO,HI',
      default: '20,T (T/10,T when T < 200)',
      help: 'steps over which both laws are fitted',
    },
    {
      name: 'per-decade',
      arg: 'N',
      default: '8',
      help: `sample times per factor of ten in t (1 … ${LIMITS.perDecade})`,
    },
    { name: 'same-landscape', arg: '', default: 'off', help: 'one landscape for every seed' },
    FORMAT_OPTION,
  ],
  config: { defaultPreset: 'random-potential', omit: DIFFUSION_OMIT },
  examples: [
    'batchscape diffusion --seeds 64 --steps 20000',
    'batchscape diffusion --seeds 256 --steps 20000 --amplitude 0',
    'batchscape diffusion --batch 16 --fit-range 100,10000 --format csv',
  ],
  plan(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const seeds = seedsFlags(flags, 16);
    const s0 = seeds[0]!;
    checkJobCount(seeds.length);
    const perDecade = flags.whole('per-decade', 8, 1, LIMITS.perDecade);
    const same = flags.bool('same-landscape');
    const input = buildConfigInput(flags, 'random-potential', DIFFUSION_OMIT);
    const config = resolveOrExplain({ ...input, seed: s0 });
    if (config.budget.unit !== 'steps')
      throw usageError(
        `diffusion counts steps: give --steps T (the ${config.preset} budget is in ${config.budget.unit})`,
      );
    const steps = config.budget.amount;
    const rawRange = flags.raw('fit-range');
    const range = rawRange
      ? parseListValue('fit-range', rawRange, { length: 2 })
      : defaultFitRange(steps);
    const [lo, hi] = range as [number, number];
    if (!(lo > 0 && lo < hi && hi <= steps))
      throw usageError(
        `--fit-range must satisfy 0 < LO < HI ≤ --steps (${steps}), got "${lo},${hi}"`,
      );
    const t = diffusionTimes(steps, perDecade);
    const inRange = t.filter((x) => x >= lo && x <= hi).length;
    if (inRange < 3)
      throw usageError(
        `--fit-range ${lo},${hi} holds only ${inRange} sample time(s); widen it or raise --per-decade`,
      );
    const spec: DiffusionSpec = {
      base: input,
      curves: [{ label: 'ensemble', patch: {} }],
      seeds,
      steps,
      perDecade,
      varyLandscape: !same,
      fitRange: [lo, hi],
    };
    return { label: 'diffusion', jobs: diffusionJobs(spec), finish };

    function finish(results: JobResult[]): string {
      const [curve] = diffusionCurves(spec, results as DiffusionSample[]);
      const ens = { t: curve!.t, meanDistance: curve!.mean, sdDistance: curve!.sd };
      const p = curve!.localExponent;
      if (format === 'csv') {
        return toCsv(
          ['t', 'meanDistance', 'sdDistance', 'localExponent'],
          ens.t.map((x, i) => [x, ens.meanDistance[i], ens.sdDistance[i], p[i]]),
        );
      }
      return toJson({
        config,
        seeds,
        sameLandscape: same,
        t: ens.t,
        meanDistance: ens.meanDistance,
        sdDistance: ens.sdDistance,
        fitRange: [lo, hi],
        logFit: curve!.logFit,
        powerFit: curve!.powerFit,
        diverged: curve!.diverged,
        localExponent: p,
      });
    }
  },
});
