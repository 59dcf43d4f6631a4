/** `batchscape remedies`: matched ensembles of the large-batch remedies, side by side. */
import type { EndpointResult, JobResult } from '../../engine/ensemble';
import {
  remedies,
  remedyJobs,
  remedyRows,
  rowStatHeader,
  rowStatValues,
} from '../../engine/experiments';
import { buildObjective } from '../../engine/presets';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, MATCHED_OPTIONS, type Command } from '../command';
import { ensembleCommand } from '../ensembleCommand';
import type { Flags } from '../flags';
import { checkJobCount, seedsFlags, smallLargeFlags } from '../jobs';
import { toCsv, toJson, withoutInapplicable } from '../output';
import { MEASUREMENT_FLAGS } from '../configFlags';

/**
 * Each remedy sets its own recipe (batch, reference batch, LR schedule and scaling, batch
 * schedule, regime adaptation), so those flags would be overwritten: they are not offered.
 */
const REMEDIES_OMIT = [
  'batch',
  'ref-batch',
  'seed',
  'lr-schedule',
  'warmup',
  'milestones',
  'lr-factor',
  'final-factor',
  'lr-scaling',
  'batch-schedule',
  'batch-milestones',
  'batch-factor',
  'batch-cap',
  'regime-adaptation',
  ...MEASUREMENT_FLAGS,
];

export const remediesCommand: Command = ensembleCommand({
  name: 'remedies',
  summary: 'large-batch remedies side by side: matched ensembles, one row per recipe',
  details: [
    'Every recipe runs the same seeds S … S+K−1 on the same landscape and budget: small batch',
    '(the baseline), large batch, + √ or linear LR scaling, + regime adaptation (as many updates',
    'as the small batch), + high initial LR (5×, then ×0.2 at half-way), + warm-up to 5× LR,',
    '+ growing batch (small → large). Whatever the engine finds is what is printed.',
    'JSON: {"config", "seeds", "small", "large", "rows": [{"id", "label", "blurb", "batch", "lr",',
    '  "runs", "flatFraction", "flatCi", "finalTrainLoss": {"mean", "ci95"}, "finalTestLoss", "gap",',
    '  "lambdaMax", "distance", "diverged", "byBasin"}]}; "batch" and "lr" are the run\'s starting values;',
    '  byBasin splits the statistics by end basin, as in sweep.',
    'CSV: id,label,batch,lr,runs,flatFraction,flatCi_lo,flatCi_hi,<stat>_mean,<stat>_ci95,…,diverged.',
  ],
  options: [...MATCHED_OPTIONS, FORMAT_OPTION],
  config: { defaultPreset: 'sharp-flat', omit: REMEDIES_OMIT },
  examples: [
    'batchscape remedies --seeds 50',
    'batchscape remedies --small 8 --large 512 --lr 0.02 --format csv',
  ],
  plan(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const seeds = seedsFlags(flags, 16);
    const input = buildConfigInput(flags, 'sharp-flat', REMEDIES_OMIT);
    const config = resolveOrExplain({ ...input, seed: seeds[0]! });
    const { small, large } = smallLargeFlags(flags, config.landscape.n);
    const list = remedies(small, large, config.lr);
    for (const r of list) resolveOrExplain({ ...input, ...r.patch }, ` (in the remedy "${r.id}")`);
    checkJobCount(list.length * seeds.length);
    const hasFlat = buildObjective(config).basins.some((b) => b.id === 'flat');
    return { label: 'remedies', jobs: remedyJobs(input, list, seeds), finish };

    function finish(results: JobResult[]): string {
      const rows = remedyRows(list, seeds, results as EndpointResult[], hasFlat).map(
        ({ remedy, row }) =>
          withoutInapplicable({
            id: remedy.id,
            label: remedy.label,
            blurb: remedy.blurb,
            batch: row.batch,
            lr: row.lr,
            runs: row.runs,
            flatFraction: row.flatFraction,
            flatCi: row.flatCi,
            finalTrainLoss: row.finalTrainLoss,
            finalTestLoss: row.finalTestLoss,
            gap: row.gap,
            lambdaMax: row.lambdaMax,
            distance: row.distance,
            diverged: row.diverged,
            byBasin: row.byBasin,
            trainAccuracy: row.trainAccuracy,
            testAccuracy: row.testAccuracy,
          }),
      );
      if (format === 'csv') {
        const header = [
          'id',
          'label',
          'batch',
          'lr',
          'runs',
          'flatFraction',
          'flatCi_lo',
          'flatCi_hi',
        ];
        header.push(...rowStatHeader(), 'diverged');
        const body = rows.map((r) => [
          r.id,
          r.label,
          r.batch,
          r.lr,
          r.runs,
          r.flatFraction,
          r.flatCi?.[0],
          r.flatCi?.[1],
          ...rowStatValues(r),
          r.diverged,
        ]);
        return toCsv(header, body);
      }
      return toJson({ config, seeds, small, large, rows });
    }
  },
});
