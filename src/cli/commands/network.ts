/** `batchscape network`: small vs large batch on the MLP, and Hoffer et al.'s remedies. */
import type { EndpointResult, JobResult } from '../../engine/ensemble';
import { networkJobs, networkRecipes, networkRows, networkTable } from '../../engine/nn/comparison';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, MATCHED_OPTIONS, type Command } from '../command';
import { ensembleCommand } from '../ensembleCommand';
import type { Flags } from '../flags';
import { checkJobCount, seedsFlags, smallLargeFlags } from '../jobs';
import { toCsv, toJson } from '../output';

/** Each recipe sets these itself, so the flags are not offered (as for `remedies`). */
const NETWORK_OMIT = [
  'preset',
  'batch',
  'ref-batch',
  'seed',
  'lr-scaling',
  'batch-schedule',
  'batch-milestones',
  'batch-factor',
  'batch-cap',
  'regime-adaptation',
  'ghost-batch',
  'metrics-every',
  'hessian-every',
  'record-every',
];

export const networkCommand: Command = ensembleCommand({
  name: 'network',
  summary: "small vs large batch on the MLP, with Hoffer et al.'s remedies: one row per recipe",
  details: [
    'Matched ensembles on the mlp preset (same data, seeds S … S+K−1 and epochs): small batch,',
    'large batch, + Ghost BN (BN over ghost batches of --ghost), + regime adaptation (as many updates',
    'as the small batch), + √ LR scaling, and all three (Hoffer et al., 2017); when the network has no',
    'BN (--bn=false), also large + plain BN, the control for Ghost BN. Accuracies, losses and λ_max are',
    'measured at the end, in inference mode (BN uses its running statistics).',
    'JSON: {"config", "seeds", "small", "large", "ghost", "rows": [{"id", "label", "blurb", "batch", "lr",',
    '  "runs", "trainAccuracy": {"mean", "ci95"}, "testAccuracy", "finalTrainLoss", "finalTestLoss", "gap",',
    '  "lambdaMax", "distance", "diverged", "vsSmall", "vsLarge"}]}; vsSmall/vsLarge compare test accuracy:',
    '  "better" or "worse" when the 95% intervals are disjoint, "overlap" when they are not.',
    'CSV: id,label,batch,lr,runs,trainAccuracy_mean,trainAccuracy_ci95,testAccuracy_mean,',
    '  testAccuracy_ci95,<stat>_mean,<stat>_ci95,…,diverged,vsSmall,vsLarge.',
  ],
  options: [
    ...MATCHED_OPTIONS,
    {
      name: 'ghost',
      arg: 'V',
      default: 'the small batch',
      help: 'ghost batch size of the GBN rows',
    },
    FORMAT_OPTION,
  ],
  config: { defaultPreset: 'mlp', omit: NETWORK_OMIT },
  examples: [
    'batchscape network --seeds 40 --workers 2',
    'batchscape network --dataset circles --label-noise 0.2 --bn --small 16 --large 256 --ghost 16',
  ],
  plan(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const seeds = seedsFlags(flags, 16, 2);
    const input = buildConfigInput(flags, 'mlp', NETWORK_OMIT);
    const config = resolveOrExplain({ ...input, seed: seeds[0]! });
    const { small, large } = smallLargeFlags(flags, config.landscape.n);
    const ghost = flags.whole('ghost', small, 2, small);
    const list = networkRecipes(input, small, large, ghost, config.network!.batchNorm);
    for (const r of list) resolveOrExplain({ ...input, ...r.patch }, ` (in the recipe "${r.id}")`);
    checkJobCount(list.length * seeds.length);
    return { label: 'network', jobs: networkJobs(input, list, seeds), finish };

    function finish(results: JobResult[]): string {
      const table = networkRows(list, seeds, results as EndpointResult[]);
      if (format === 'csv') {
        const { header, body } = networkTable(table);
        return toCsv(header, body);
      }
      const rows = table.map(({ remedy, row, vsSmall, vsLarge }) => ({
        id: remedy.id,
        label: remedy.label,
        blurb: remedy.blurb,
        batch: row.batch,
        lr: row.lr,
        runs: row.runs,
        trainAccuracy: row.trainAccuracy,
        testAccuracy: row.testAccuracy,
        finalTrainLoss: row.finalTrainLoss,
        finalTestLoss: row.finalTestLoss,
        gap: row.gap,
        lambdaMax: row.lambdaMax,
        distance: row.distance,
        diverged: row.diverged,
        vsSmall,
        vsLarge,
      }));
      return toJson({ config, seeds, small, large, ghost, rows });
    }
  },
});
