/** `batchscape sweep`: batch size (× learning rate) × seeds → per-cell statistics. */
import type { ConfigInput } from '../../engine/config';
import type { EndpointResult, JobResult } from '../../engine/ensemble';
import {
  rowStatHeader,
  rowStatValues,
  sweepJobs,
  sweepRows,
  type SweepRow,
  type SweepSpec,
} from '../../engine/experiments';
import { buildObjective } from '../../engine/presets';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, type Command } from '../command';
import { ensembleCommand } from '../ensembleCommand';
import { parseListValue, parseNumberValue, usageError, type Flags } from '../flags';
import { checkJobCount, seedsFlags } from '../jobs';
import { LIMITS } from '../limits';
import { toCsv, toJson, withoutInapplicable } from '../output';
import { MEASUREMENT_FLAGS } from '../configFlags';

/** 1, 4, 16, … up to N, then N itself: a log-spaced default from tiny to full batch. */
export function defaultBatches(n: number): number[] {
  const out: number[] = [];
  for (let b = 1; b < n; b *= 4) out.push(b);
  out.push(n);
  return out;
}

/** Redefined here (batch, lr, seed) or forced by the lean ensemble runs (recording). */
const SWEEP_OMIT = ['batch', 'lr', 'seed', ...MEASUREMENT_FLAGS];

/**
 * A row in the documented field order (the fields of the first CLI version first, then
 * the ones added later), so existing readers see the same layout.
 */
export function publicRow(r: SweepRow) {
  return withoutInapplicable({
    batch: r.batch,
    lr: r.lr,
    runs: r.runs,
    flatFraction: r.flatFraction,
    finalTrainLoss: r.finalTrainLoss,
    finalTestLoss: r.finalTestLoss,
    gap: r.gap,
    lambdaMax: r.lambdaMax,
    distance: r.distance,
    diverged: r.diverged,
    flatCi: r.flatCi,
    sharpness: r.sharpness,
    byBasin: r.byBasin,
    saddleFraction: r.saddleFraction,
    trainAccuracy: r.trainAccuracy,
    testAccuracy: r.testAccuracy,
  });
}

export const sweepCommand: Command = ensembleCommand({
  name: 'sweep',
  summary: 'batch size × seeds (× learning rate): end-state statistics per cell',
  details: [
    'Each cell runs seeds S … S+K−1 to the end on one landscape. Statistics are the mean and',
    'the 95% CI half-width (Student t) over those runs. Rows follow --lr, then --batch, as listed.',
    "flatCi is the 95% Wilson interval of flatFraction; sharpness is Keskar's ε-sharpness φ (%)",
    'at the end points, measured only with --sharpness-eps. byBasin repeats the statistics per end',
    'basin (basin null = between basins); null on landscapes without named basins.',
    'JSON: {"config", "seeds", "rows": [{"batch", "lr", "runs", "flatFraction",',
    '  "finalTrainLoss": {"mean", "ci95"}, "finalTestLoss", "gap", "lambdaMax", "distance", "diverged",',
    '  "flatCi": [lo, hi] | null, "sharpness": {"mean", "ci95"} | null,',
    '  "byBasin": [{"basin", "runs", "finalTrainLoss", "finalTestLoss", "gap", "lambdaMax"}] | null,',
    '  "saddleFraction": {"mean", "ci95"} | null}]}. saddleFraction: share of updates near the saddle point.',
    'CSV: one row per cell (batch,lr,runs,flatFraction,finalTrainLoss_mean,finalTrainLoss_ci95,…,diverged,',
    '  flatCi_lo,flatCi_hi,sharpness_mean,sharpness_ci95,saddleFraction_mean,saddleFraction_ci95).',
  ],
  options: [
    {
      name: 'batch',
      arg: 'B,B,…',
      default: '1,4,16,… up to n, and n',
      help: 'batch sizes to sweep',
    },
    { name: 'lr', arg: 'F,F,…', default: "the preset's lr", help: 'base learning rates to sweep' },
    { name: 'seeds', arg: 'K', default: '8', help: 'runs per cell' },
    { name: 'seed-start', arg: 'S', default: '1', help: 'first seed (seeds S … S+K−1)' },
    {
      name: 'sharpness-eps',
      arg: 'E',
      default: 'off',
      help: 'also measure ε-sharpness φ at every end point, box size E',
    },
    FORMAT_OPTION,
  ],
  config: { defaultPreset: 'sharp-flat', omit: [...SWEEP_OMIT] },
  examples: [
    'batchscape sweep --batch 1,4,16,64,256,1024 --seeds 20 --workers 4',
    'batchscape sweep --batch 16,1024 --seeds 20 --sharpness-eps 0.05',
    'batchscape sweep --batch 16,1024 --lr 0.01,0.05 --seeds 10 --format csv',
    'batchscape sweep --batch 1024 --batch-schedule grow --batch-milestones 0.25,0.5,0.75 --batch-factor 4',
  ],
  plan(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const seeds = seedsFlags(flags, 8);
    const s0 = seeds[0]!;
    const rawEps = flags.raw('sharpness-eps');
    const sharpnessEps =
      rawEps === undefined ? undefined : parseNumberValue('sharpness-eps', rawEps);
    if (sharpnessEps !== undefined && !(sharpnessEps > 0))
      throw usageError(`--sharpness-eps must be > 0, got "${rawEps}"`);
    const input = buildConfigInput(flags, 'sharp-flat', SWEEP_OMIT);
    const base = resolveOrExplain({ ...input, seed: s0 });
    const rawBatch = flags.raw('batch');
    const rawLr = flags.raw('lr');
    const batches = rawBatch
      ? parseListValue('batch', rawBatch, { whole: true, min: 1, maxLength: LIMITS.axisValues })
      : defaultBatches(base.landscape.n);
    const lrs = rawLr ? parseListValue('lr', rawLr, { maxLength: LIMITS.axisValues }) : undefined;
    checkJobCount(batches.length * (lrs?.length ?? 1) * seeds.length);
    // Check every cell before running any, so a bad batch fails at once, not after an hour.
    for (const lr of lrs ?? [undefined]) {
      for (const batch of batches) {
        const cell: ConfigInput = {
          ...input,
          seed: s0,
          batch,
          ...(lr === undefined ? {} : { lr }),
        };
        resolveOrExplain(
          cell,
          ` (in the cell --batch ${batch}${lr === undefined ? '' : ` --lr ${lr}`})`,
        );
      }
    }
    const spec: SweepSpec = { base: input, batches, lrs, seeds, sharpnessEps };
    const hasFlat = buildObjective(base).basins.some((b) => b.id === 'flat');
    return { label: 'sweep', jobs: sweepJobs(spec), finish };

    function finish(results: JobResult[]): string {
      const rows = sweepRows(spec, results as EndpointResult[], hasFlat);
      if (format === 'csv') {
        const header = ['batch', 'lr', 'runs', 'flatFraction'];
        header.push(...rowStatHeader());
        header.push('diverged', 'flatCi_lo', 'flatCi_hi', 'sharpness_mean', 'sharpness_ci95');
        header.push('saddleFraction_mean', 'saddleFraction_ci95');
        const body = rows.map((r) => [
          r.batch,
          r.lr,
          r.runs,
          r.flatFraction,
          ...rowStatValues(r),
          r.diverged,
          r.flatCi?.[0],
          r.flatCi?.[1],
          r.sharpness?.mean,
          r.sharpness?.ci95,
          r.saddleFraction?.mean,
          r.saddleFraction?.ci95,
        ]);
        return toCsv(header, body);
      }
      return toJson({ config: base, seeds, rows: rows.map(publicRow) });
    }
  },
});
