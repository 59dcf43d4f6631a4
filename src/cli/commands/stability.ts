/** `batchscape stability`: full-batch GD across learning rates against the bound η·λ_max = 2. */
import type { EndpointResult, JobResult } from '../../engine/ensemble';
import { stabilityJobs } from '../../engine/experiments';
import { createRun } from '../../engine/run';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, type Command } from '../command';
import { ensembleCommand } from '../ensembleCommand';
import { parseListValue, quote, usageError, type Flags } from '../flags';
import { LIMITS } from '../limits';
import { toCsv, toJson } from '../output';
import { MEASUREMENT_FLAGS } from '../configFlags';

/** Full batch, one seed and the step budget are fixed here; the LR axis is --lrs. */
const STABILITY_OMIT = ['batch', 'lr', 'seed', 'epochs', 'steps', ...MEASUREMENT_FLAGS];

const DEFAULT_STEPS = 200;
const DEFAULT_POINTS = 20;

/** N log-spaced values from LO to HI (both included). */
function logSpaced(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 ? hi : lo * Math.pow(hi / lo, n === 1 ? 0 : i / (n - 1)),
  );
}

function parseLrs(raw: string): number[] {
  const [lo, hi, n] = parseListValue('lrs', raw, { length: 3 }) as [number, number, number];
  if (!(lo > 0 && lo < hi) || !Number.isInteger(n) || n < 2 || n > LIMITS.lrPoints)
    throw usageError(
      `--lrs must be LO,HI,N with 0 < LO < HI and a whole N from 2 to ${LIMITS.lrPoints}, got ${quote(raw)}`,
    );
  return logSpaced(lo, hi, n);
}

export const stabilityCommand: Command = ensembleCommand({
  name: 'stability',
  summary: 'full-batch gradient descent across learning rates: where η·λ_max = 2 is crossed',
  details: [
    'On a quadratic, gradient descent diverges iff |1 − η·λ_max| > 1, i.e. η > 2/λ_max. λ_max is',
    'measured at the start point (Lanczos on exact Hessian-vector products in N-D, the exact 2×2',
    'Hessian in 2-D); the bound is exact for quadratic-nd and bowl (constant Hessian) and local',
    'elsewhere. Each learning rate runs full batch (B = n) for --steps updates from seed 1.',
    'JSON: {"config", "lambdaMax", "criticalLr": 2/lambdaMax, "rows": [{"lr", "etaLambda", "status",',
    '  "steps", "finalTrainLoss"}]}; status is "done" or "diverged" (steps = updates accepted).',
    'CSV: lr,etaLambda,status,steps,finalTrainLoss.',
  ],
  options: [
    {
      name: 'lrs',
      arg: 'LO,HI,N',
      default: `${DEFAULT_POINTS} points from 0.1 to 10 × 2/λ_max`,
      help: 'N log-spaced learning rates from LO to HI',
    },
    {
      name: 'steps',
      arg: 'N',
      default: String(DEFAULT_STEPS),
      help: `updates per run (≤ ${LIMITS.stabilitySteps})`,
    },
    FORMAT_OPTION,
  ],
  config: { defaultPreset: 'quadratic-nd', omit: STABILITY_OMIT },
  examples: [
    'batchscape stability',
    'batchscape stability --dim 50 --lambda-max 40 --lrs 0.005,0.2,30 --format csv',
  ],
  plan(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const steps = flags.whole('steps', DEFAULT_STEPS, 1, LIMITS.stabilitySteps);
    const input = buildConfigInput(flags, 'quadratic-nd', STABILITY_OMIT);
    const probe = resolveOrExplain(input);
    const n = probe.landscape.n;
    const jobsFor = (lrs: number[]) => stabilityJobs(input, lrs, steps, n);
    // The same config the runs start from (seed 1, full batch), measured before any step.
    const config = resolveOrExplain(jobsFor([probe.lr])[0]!.config);
    const lambdaMax = createRun(config).measure(true).lambdaMax!;
    if (!(lambdaMax > 0))
      throw usageError(`λ_max at the start point is ${lambdaMax}: no stability bound to show`);
    const criticalLr = 2 / lambdaMax;
    const rawLrs = flags.raw('lrs');
    const lrs = rawLrs
      ? parseLrs(rawLrs)
      : logSpaced(0.1 * criticalLr, 10 * criticalLr, DEFAULT_POINTS);
    return { label: 'stability', jobs: jobsFor(lrs), finish };

    function finish(all: JobResult[]): string {
      const rows = (all as EndpointResult[]).map((r) => ({
        lr: r.lr,
        etaLambda: r.lr * lambdaMax,
        status: r.status,
        steps: r.steps,
        finalTrainLoss: r.trainLoss,
      }));
      if (format === 'csv') {
        const header = ['lr', 'etaLambda', 'status', 'steps', 'finalTrainLoss'];
        return toCsv(
          header,
          rows.map((r) => [r.lr, r.etaLambda, r.status, r.steps, r.finalTrainLoss]),
        );
      }
      return toJson({ config, lambdaMax, criticalLr, rows });
    }
  },
});
