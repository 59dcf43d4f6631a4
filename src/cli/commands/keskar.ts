/** `batchscape keskar`: Keskar et al.'s 1-D interpolation and ε-sharpness for one seed. */
import type { JobResult, KeskarResult } from '../../engine/ensemble';
import { keskarJobs } from '../../engine/experiments';
import { linspace } from '../../engine/interpolate';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, type Command } from '../command';
import { ensembleCommand } from '../ensembleCommand';
import { parseListValue, parseNumberValue, quote, usageError, type Flags } from '../flags';
import { smallLargeFlags } from '../jobs';
import { LIMITS } from '../limits';
import { toCsv, toJson, withoutInapplicable } from '../output';
import { MEASUREMENT_FLAGS } from '../configFlags';

/**
 * The two batch sizes come from --small/--large and the runs are lean (end points only).
 * --eps is the sharpness box here, so Adam's ε is left to --config.
 */
const KESKAR_OMIT = ['batch', 'eps', ...MEASUREMENT_FLAGS];

/** "LO,HI,N" → N points from LO to HI. */
function parseAlphas(raw: string): number[] {
  const [lo, hi, n] = parseListValue('alphas', raw, { length: 3 }) as [number, number, number];
  if (!(lo < hi) || !Number.isInteger(n) || n < 2 || n > LIMITS.alphaPoints)
    throw usageError(
      `--alphas must be LO,HI,N with LO < HI and a whole N from 2 to ${LIMITS.alphaPoints}, got ${quote(raw)}`,
    );
  return linspace(lo, hi, n);
}

export const keskarCommand: Command = ensembleCommand({
  name: 'keskar',
  summary: "Keskar's 1-D plot: loss along the line from a small- to a large-batch solution",
  details: [
    'Runs --small and --large from the same start (same --seed), then evaluates the full train',
    'and test loss at α·x_LB + (1 − α)·x_SB for each α (α = 0 is x_SB, α = 1 is x_LB). Also the',
    'ε-sharpness φ = 100·(max_{y∈C_ε} f(x+y) − f(x))/(1 + max(f(x), 0)) of both end points, with the box',
    'C_ε = {|y_i| ≤ ε(|x_i| + 1)}, maximised by projected gradient ascent.',
    'JSON: {"config", "seed", "small": <end point>, "large": <end point>, "alpha": [], "train": [],',
    '  "test": [], "path": [[x, y], …], "sharpness": {"small", "large", "eps"}}; an end point is',
    '  {"seed", "batch", "lr", "status", "steps", "trainLoss", "testLoss", "gap", "lambdaMax",',
    '  "distance", "basin", "end", "start", "sharpness"}. CSV: alpha,train,test.',
  ],
  options: [
    { name: 'small', arg: 'B', default: '16', help: 'small batch size (x_SB)' },
    { name: 'large', arg: 'B', default: 'n, the full batch', help: 'large batch size (x_LB)' },
    { name: 'eps', arg: 'E', default: '0.05', help: 'ε of the sharpness box' },
    {
      name: 'alphas',
      arg: 'LO,HI,N',
      default: '-1,2,61',
      help: `N points α from LO to HI (N ≤ ${LIMITS.alphaPoints})`,
    },
    FORMAT_OPTION,
  ],
  config: { defaultPreset: 'sharp-flat', omit: KESKAR_OMIT },
  examples: [
    'batchscape keskar --seed 3',
    'batchscape keskar --small 8 --large 1024 --eps 0.01 --alphas -0.5,1.5,81 --format csv',
  ],
  plan(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const input = buildConfigInput(flags, 'sharp-flat', KESKAR_OMIT);
    const config = resolveOrExplain(input);
    // x_SB and x_LB: a "large" batch at or below the small one would swap the picture's ends.
    const { small, large } = smallLargeFlags(flags, config.landscape.n);
    const rawEps = flags.raw('eps');
    const eps = rawEps === undefined ? 0.05 : parseNumberValue('eps', rawEps);
    if (!(eps > 0)) throw usageError(`--eps must be > 0, got "${rawEps}"`);
    const rawAlphas = flags.raw('alphas');
    const alphas = rawAlphas === undefined ? linspace(-1, 2, 61) : parseAlphas(rawAlphas);
    for (const b of [small, large]) resolveOrExplain({ ...input, batch: b }, ` (with batch ${b})`);
    const jobs = keskarJobs(input, [config.seed], small, large, eps, alphas);
    return { label: 'keskar', jobs, finish };

    function finish(results: JobResult[]): string {
      const [r] = results as KeskarResult[];
      const { kind: _k, ...sb } = withoutInapplicable(r!.small);
      const { kind: _l, ...lb } = withoutInapplicable(r!.large);
      // Classifiers (mlp) add the accuracy along the line; the landscapes' output is unchanged.
      const acc = r!.trainAccuracy && r!.testAccuracy;
      if (format === 'csv') {
        return toCsv(
          acc
            ? ['alpha', 'train', 'test', 'trainAccuracy', 'testAccuracy']
            : ['alpha', 'train', 'test'],
          r!.alpha.map((a, i) =>
            acc
              ? [a, r!.train[i], r!.test[i], r!.trainAccuracy![i], r!.testAccuracy![i]]
              : [a, r!.train[i], r!.test[i]],
          ),
        );
      }
      return toJson({
        config,
        seed: config.seed,
        small: sb,
        large: lb,
        alpha: r!.alpha,
        train: r!.train,
        test: r!.test,
        path: r!.path,
        sharpness: { small: sb.sharpness, large: lb.sharpness, eps },
        ...(acc ? { trainAccuracy: r!.trainAccuracy, testAccuracy: r!.testAccuracy } : {}),
      });
    }
  },
});
