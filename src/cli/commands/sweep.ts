/** `batchscape sweep`: batch size (× learning rate) × seeds → per-cell statistics. */
import type { ConfigInput, RunConfig } from '../../engine/config';
import { effectiveBudget } from '../../engine/schedules';
import { sweepCell, type SweepCellResult } from '../../engine/sweep';
import { buildConfigInput, resolveOrExplain } from '../configInput';
import { FORMAT_OPTION, type Command } from '../command';
import { parseListValue, type Flags } from '../flags';
import { emit, toCsv, toJson } from '../output';
import { createProgress } from '../progress';

/** 1, 4, 16, … up to N, then N itself: a log-spaced default from tiny to full batch. */
export function defaultBatches(n: number): number[] {
  const out: number[] = [];
  for (let b = 1; b < n; b *= 4) out.push(b);
  out.push(n);
  return out;
}

/** Work of one cell ≈ samples touched (steps × batch) plus per-run measurements. */
function cellCost(c: RunConfig, runs: number): number {
  const n = c.landscape.n;
  const budget = effectiveBudget(c.budget, c.regimeAdaptation, c.batch, c.refBatch);
  const steps = budget.unit === 'steps' ? budget.amount : budget.amount * Math.floor(n / c.batch);
  return runs * (steps * c.batch + 4 * n);
}

/** Redefined here (batch, lr, seed) or forced by the lean ensemble runs (recording). */
const SWEEP_OMIT = ['batch', 'lr', 'seed', 'metrics-every', 'hessian-every', 'record-every'];

const STATS = ['finalTrainLoss', 'finalTestLoss', 'gap', 'lambdaMax', 'distance'] as const;

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'batch size × seeds (× learning rate): end-state statistics per cell',
  details: [
    'Each cell runs seeds S … S+K−1 to the end on one landscape. Statistics are the mean and',
    'the 95% CI half-width (Student t) over those runs. Rows follow --lr, then --batch, as listed.',
    'JSON: {"config", "seeds", "rows": [{"batch", "lr", "runs", "flatFraction",',
    '  "finalTrainLoss": {"mean", "ci95"}, "finalTestLoss", "gap", "lambdaMax", "distance", "diverged"}]}.',
    'CSV: one row per cell (batch,lr,runs,flatFraction,finalTrainLoss_mean,finalTrainLoss_ci95,…,diverged).',
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
    FORMAT_OPTION,
  ],
  config: { defaultPreset: 'sharp-flat', omit: [...SWEEP_OMIT] },
  examples: [
    'batchscape sweep --batch 1,4,16,64,256,1024 --seeds 20',
    'batchscape sweep --batch 16,1024 --lr 0.01,0.05 --seeds 10 --format csv',
    'batchscape sweep --batch 1024 --batch-schedule grow --batch-milestones 0.25,0.5,0.75 --batch-factor 4',
  ],
  run(flags: Flags) {
    const format = flags.choice('format', 'json', ['json', 'csv'] as const);
    const k = flags.whole('seeds', 8, 1);
    const s0 = flags.whole('seed-start', 1, 0);
    const seeds = Array.from({ length: k }, (_, i) => s0 + i);
    const input = buildConfigInput(flags, 'sharp-flat', SWEEP_OMIT);
    const base = resolveOrExplain({ ...input, seed: s0 });
    const rawBatch = flags.raw('batch');
    const rawLr = flags.raw('lr');
    const batches = rawBatch
      ? parseListValue('batch', rawBatch, { whole: true, min: 1 })
      : defaultBatches(base.landscape.n);
    const lrs: (number | undefined)[] = rawLr ? parseListValue('lr', rawLr) : [undefined];
    const cells = lrs.flatMap((lr) => batches.map((batch) => ({ lr, batch })));
    // Check every cell before running any, so a bad batch fails at once, not after an hour.
    const costs = cells.map(({ lr, batch }) => {
      const cell: ConfigInput = { ...input, seed: s0, batch, ...(lr === undefined ? {} : { lr }) };
      const where = ` (in the cell --batch ${batch}${lr === undefined ? '' : ` --lr ${lr}`})`;
      return cellCost(resolveOrExplain(cell, where), k);
    });
    const total = costs.reduce((a, b) => a + b, 0);
    const progress = createProgress('sweep');
    let doneCost = 0;
    const rows: SweepCellResult[] = cells.map(({ lr, batch }, i) => {
      const row = sweepCell(input, batch, lr, seeds, {
        onProgress: (p) => progress.update((doneCost + p * costs[i]!) / total),
      });
      doneCost += costs[i]!;
      return row;
    });
    progress.done();
    if (format === 'csv') {
      const header = ['batch', 'lr', 'runs', 'flatFraction'];
      for (const s of STATS) header.push(`${s}_mean`, `${s}_ci95`);
      header.push('diverged');
      const body = rows.map((r) => [
        r.batch,
        r.lr,
        r.runs,
        r.flatFraction,
        ...STATS.flatMap((s) => [r[s].mean, r[s].ci95]),
        r.diverged,
      ]);
      emit(toCsv(header, body));
      return;
    }
    emit(toJson({ config: base, seeds, rows }));
  },
};
