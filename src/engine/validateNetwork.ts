/**
 * Validation of the network lab's config (preset `mlp`): the `network` section's fields,
 * size limits that keep memory and evaluation time bounded in a browser, and the Ghost
 * BatchNorm rule that v divides every batch size the run will reach.
 */
import type { RunConfig } from './config';
import { DATASET_IDS } from './nn/datasets';
import { batchAt } from './schedules';
import { bool, describe, num, oneOf, type Check, type ConfigError } from './validateChecks';

/** Largest train set: training buffers hold a whole batch (up to n rows × 64 features). */
export const MLP_MAX_N = 8192;
/** Largest test set: evaluated in blocks, so only time grows with it. */
export const MLP_MAX_N_TEST = 20000;
export const MLP_MAX_WIDTH = 64;
export const MLP_MAX_LAYERS = 4;

const hidden: Check = (v, path, errors) => {
  if (!Array.isArray(v))
    return void errors.push({
      path,
      message: `must be a list of layer widths, got ${describe(v)}`,
    });
  // A wrong length is one problem; otherwise the first bad width stands for the rest.
  if (v.length < 1 || v.length > MLP_MAX_LAYERS)
    return void errors.push({
      path,
      message: `must have 1–${MLP_MAX_LAYERS} hidden layers, got ${v.length}`,
    });
  const width = num(1, MLP_MAX_WIDTH, { integer: true });
  for (let i = 0, before = errors.length; i < v.length && errors.length === before; i++)
    width(v[i], `${path}[${i}]`, errors, undefined as never);
};

export const NETWORK: Record<string, Check> = {
  dataset: oneOf(DATASET_IDS),
  noise: num(0, 10),
  labelNoise: num(0, 0.5),
  hidden,
  activation: oneOf(['relu', 'tanh']),
  batchNorm: bool,
  ghostBatch: num(0, MLP_MAX_N, { integer: true }),
  bnMomentum: num(0, 1, { exclusiveMin: true }),
  weightDecay: num(0, 100),
  init: oneOf(['he', 'glorot']),
};

/** Every batch size the run reaches, with the budget fraction where it starts. */
export function batchesReached(c: RunConfig): { batch: number; at: number }[] {
  const n = c.landscape.n;
  const points = [0, ...(c.batchSchedule.kind === 'grow' ? c.batchSchedule.milestones : [])];
  const out: { batch: number; at: number }[] = [];
  for (const at of points) {
    const batch = batchAt(c.batchSchedule, c.batch, at, n);
    if (!out.some((o) => o.batch === batch)) out.push({ batch, at });
  }
  return out;
}

export function networkChecks(c: RunConfig, errors: ConfigError[]): void {
  const net = c.network!;
  const l = c.landscape;
  if (l.dim !== 2)
    errors.push({
      path: 'landscape.dim',
      message: `the mlp preset's inputs are 2-D; dim must be 2`,
    });
  if (l.shift.length > 2)
    errors.push({
      path: 'landscape.shift',
      message: `must have 1 or 2 entries (the test inputs' translation), got ${l.shift.length}`,
    });
  if (l.n > MLP_MAX_N)
    errors.push({
      path: 'landscape.n',
      message: `must be ≤ ${MLP_MAX_N} for the mlp preset, got ${l.n}`,
    });
  if (l.nTest > MLP_MAX_N_TEST)
    errors.push({
      path: 'landscape.nTest',
      message: `must be ≤ ${MLP_MAX_N_TEST} for the mlp preset, got ${l.nTest}`,
    });
  if (!net.batchNorm) {
    if (net.ghostBatch > 0)
      errors.push({
        path: 'network.ghostBatch',
        message: `Ghost BatchNorm needs network.batchNorm on (got ghost batch ${net.ghostBatch} without BN)`,
      });
    return;
  }
  for (const { batch, at } of batchesReached(c)) {
    const where =
      at === 0
        ? 'the batch size'
        : `the batch size ${batch} the batch schedule reaches at ${Math.round(at * 100)}% of the budget`;
    const v = net.ghostBatch > 0 ? net.ghostBatch : batch;
    if (v < 2) {
      errors.push({
        path: net.ghostBatch > 0 ? 'network.ghostBatch' : 'batch',
        message: `BatchNorm needs ≥ 2 samples per (ghost) batch, got ${v}${at === 0 ? '' : ` (${where})`}`,
      });
      return;
    }
    if (batch % v !== 0) {
      errors.push({
        path: 'network.ghostBatch',
        message: `v = ${v} must divide ${at === 0 ? `the batch size ${batch}` : where} (a batch is split into B/v ghost batches)`,
      });
      return;
    }
  }
}
