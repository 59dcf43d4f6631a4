/**
 * Every RunConfig field as a command-line flag, in ONE table: parsing, the `--help` text
 * and the hints on validation errors all read it, so they cannot drift apart. Values are
 * only parsed as numbers here; ranges are checked by the engine's resolveConfig.
 */
import { PRESET_IDS, type PresetId, type RunConfig } from '../engine/config';
import { presetDefaults } from '../engine/presets';
import { resolveConfig } from '../engine/validate';
import { DATASET_IDS } from '../engine/nn/datasets';
import type { FlagDecl } from './flags';

export type ValueKind =
  | { type: 'number' }
  | { type: 'whole'; min: number }
  | { type: 'list' }
  | { type: 'choice'; choices: readonly string[] }
  | { type: 'switch' }
  /** Taken as typed (--expr: the engine parses and checks it). */
  | { type: 'text' }
  /** Parsed by hand in configInput.ts (--config, --epochs, --steps, --start). */
  | { type: 'special' };

export interface ConfigFlag {
  name: string;
  /** Placeholder shown in help ('' for switches). */
  arg: string;
  group: string;
  /** Dotted RunConfig path the flag sets. */
  path: string;
  kind: ValueKind;
  help: string;
  /** Parameters of one schedule kind (e.g. --milestones belongs to --lr-schedule step). */
  schedule?: { key: 'lrSchedule' | 'batchSchedule'; kind: string };
}

const num = { type: 'number' } as const;
const whole = (min: number) => ({ type: 'whole', min }) as const;
const list = { type: 'list' } as const;
const choice = (...choices: readonly string[]) => ({ type: 'choice', choices }) as const;
const special = { type: 'special' } as const;
const on = { type: 'switch' } as const;
const text = { type: 'text' } as const;
const lrKind = (kind: string) => ({ key: 'lrSchedule' as const, kind });
const grow = { key: 'batchSchedule' as const, kind: 'grow' };

/** `spec` is "name ARG" (no ARG for switches). */
function f(
  spec: string,
  group: string,
  path: string,
  kind: ValueKind,
  help: string,
  schedule?: ConfigFlag['schedule'],
): ConfigFlag {
  const [name, arg = ''] = spec.split(' ');
  return { name: name!, arg, group, path, kind, help, ...(schedule ? { schedule } : {}) };
}

const R = 'run';
const M = 'measurement';
const O = 'optimizer';
const LR = 'learning rate';
const B = 'batch size';
const L = 'landscape';
const N = 'network (preset mlp)';

// One row per flag; kept one line each (prettier would explode it to ~400 lines).
// prettier-ignore
export const CONFIG_FLAGS: readonly ConfigFlag[] = [
  f('preset ID', R, 'preset', choice(...PRESET_IDS), 'landscape preset (see `batchscape presets`)'),
  f('config FILE', R, '', special, 'JSON file with a partial RunConfig; flags override it'),
  f('seed N', R, 'seed', whole(0), 'run seed: start point and batch order'),
  f('epochs F', R, 'budget', special, 'budget in epochs (passes over the train set)'),
  f('steps N', R, 'budget', special, 'budget in steps (updates); excludes --epochs'),
  f('start X,Y,…', R, 'start', special, 'fixed start point, or "random" (drawn with --seed)'),
  f('temperature T', R, 'temperature', num, 'extra Langevin noise √(2ηT)·ξ per step (0 = off)'),
  f('diverge-bound F', R, 'divergeBound', num, '|loss| or ‖w‖ above this ends the run as diverged'),
  f('metrics-every N', M, 'metricsEvery', whole(0), 'full-split metrics every N steps (0 = start, end)'),
  f('metrics-per-decade N', M, 'metricsPerDecade', whole(0), 'also measure at log-spaced steps, N per decade (0 = off)'),
  f('hessian-every N', M, 'hessianEvery', whole(0), 'Hessian eigenvalues every N metric records (0 = end)'),
  f('record-every N', M, 'recordEvery', whole(1), 'keep every N-th position in the trajectory'),
  f('optimizer KIND', O, 'optimizer.kind', choice('sgd', 'momentum', 'nesterov', 'adam'), 'update rule'),
  f('momentum M', O, 'optimizer.momentum', num, 'momentum coefficient (momentum, nesterov)'),
  f('beta1 B', O, 'optimizer.beta1', num, 'Adam first-moment decay'),
  f('beta2 B', O, 'optimizer.beta2', num, 'Adam second-moment decay'),
  f('eps E', O, 'optimizer.eps', num, 'Adam denominator floor'),
  f('lr F', LR, 'lr', num, 'base learning rate η'),
  f('lr-schedule KIND', LR, 'lrSchedule.kind', choice('constant', 'warmup', 'step', 'cosine'), 'LR schedule over the budget'),
  f('warmup F', LR, 'lrSchedule.fraction', num, 'warmup: fraction of the budget spent ramping up', lrKind('warmup')),
  f('warmup-peak F', LR, 'lrSchedule.peak', num, 'warmup: the LR ramps up to F × --lr, then stays there', lrKind('warmup')),
  f('milestones F,F,…', LR, 'lrSchedule.milestones', list, 'step: budget fractions where the LR is multiplied', lrKind('step')),
  f('lr-factor F', LR, 'lrSchedule.factor', num, 'step: multiplier applied at each milestone', lrKind('step')),
  f('final-factor F', LR, 'lrSchedule.finalFactor', num, 'cosine: final LR as a fraction of the base', lrKind('cosine')),
  f('lr-scaling RULE', LR, 'lrScaling', choice('none', 'linear', 'sqrt'), 'scale the LR with batch/ref-batch'),
  f('batch N', B, 'batch', whole(1), 'minibatch size B (1 … n)'),
  f('ref-batch N', B, 'refBatch', whole(1), 'reference batch for LR scaling and regime adaptation'),
  f('batch-schedule KIND', B, 'batchSchedule.kind', choice('constant', 'grow'), 'batch-size schedule'),
  f('batch-milestones F,F,…', B, 'batchSchedule.milestones', list, 'grow: budget fractions where the batch grows', grow),
  f('batch-factor F', B, 'batchSchedule.factor', num, 'grow: batch multiplier at each milestone', grow),
  f('batch-cap N', B, 'batchSchedule.cap', whole(1), 'grow: largest batch size', grow),
  f('regime-adaptation', B, 'regimeAdaptation', on, 'multiply an epoch budget by B/ref-batch (same updates)'),
  f('n N', L, 'landscape.n', whole(1), 'train set size N'),
  f('n-test N', L, 'landscape.nTest', whole(1), 'test set size'),
  f('data-seed N', L, 'landscape.dataSeed', whole(0), 'seed of the datasets (and of the random potential)'),
  f('spread S', L, 'landscape.spread', num, 'per-sample offset spread s'),
  f('shift A,B,…', L, 'landscape.shift', list, 'train/test shift δ (one value is broadcast; mlp: moves the test inputs)'),
  f('dim N', L, 'landscape.dim', whole(1), 'dimension (random-potential, quadratic-nd)'),
  f('sharp-depth F', L, 'landscape.sharpDepth', num, 'sharp-flat: depth of the sharp well'),
  f('sharp-radius F', L, 'landscape.sharpRadius', num, 'sharp-flat: radius of the sharp well'),
  f('sharp-center X,Y', L, 'landscape.sharpCenter', list, 'sharp-flat: centre of the sharp well'),
  f('flat-depth F', L, 'landscape.flatDepth', num, 'sharp-flat: depth of the flat well'),
  f('flat-radius F', L, 'landscape.flatRadius', num, 'sharp-flat: radius of the flat well'),
  f('flat-center X,Y', L, 'landscape.flatCenter', list, 'sharp-flat: centre of the flat well'),
  f('confinement F', L, 'landscape.confinement', num, 'bowl/sharp-flat/saddle: quadratic confinement'),
  f('amplitude F', L, 'landscape.amplitude', num, 'random-potential: shared field scale (0 = flat baseline)'),
  f('roughness F', L, 'landscape.roughness', num, 'random-potential: per-sample roughness (SGD noise)'),
  f('hurst H', L, 'landscape.hurst', num, 'random-potential: Hurst exponent of the field'),
  f('k-min K', L, 'landscape.kMin', num, 'random-potential: smallest wavenumber'),
  f('k-max K', L, 'landscape.kMax', num, 'random-potential: largest wavenumber of the shared field'),
  f('k-noise K', L, 'landscape.kNoise', num, 'random-potential: largest roughness wavenumber'),
  f('modes N', L, 'landscape.modes', whole(1), 'random-potential: number of Fourier modes'),
  f('lambda-max F', L, 'landscape.lambdaMax', num, 'quadratic-nd: largest Hessian eigenvalue'),
  f('lambda-min F', L, 'landscape.lambdaMin', num, 'quadratic-nd: smallest Hessian eigenvalue'),
  f('expr "F(x,y)"', L, 'landscape.expr', text, 'custom: the landscape f(x, y), e.g. "(x^2-1)^2 + y^2" (implies --preset custom; --expr="-…" for a leading minus)'),
  f('dataset ID', N, 'network.dataset', choice(...DATASET_IDS), 'mlp: 2-D classification data set'),
  f('noise S', N, 'network.noise', num, 'mlp: standard deviation of the input noise'),
  f('label-noise P', N, 'network.labelNoise', num, 'mlp: fraction of train labels flipped (0 … 0.5)'),
  f('hidden W,W,…', N, 'network.hidden', list, 'mlp: hidden layer widths (1–4 layers of 1–64)'),
  f('activation KIND', N, 'network.activation', choice('relu', 'tanh'), 'mlp: hidden activation'),
  f('bn', N, 'network.batchNorm', on, 'mlp: BatchNorm after every hidden linear layer'),
  f('ghost-batch V', N, 'network.ghostBatch', whole(0), 'mlp: Ghost BN virtual batch v, dividing every batch (0 = plain BN)'),
  f('bn-momentum M', N, 'network.bnMomentum', num, 'mlp: running-statistics momentum'),
  f('weight-decay L', N, 'network.weightDecay', num, 'mlp: L2 penalty ½λ‖W‖² on the weights'),
  f('init KIND', N, 'network.init', choice('he', 'glorot'), 'mlp: He normal or Glorot uniform weights'),
];

/**
 * The flags that only shape what a run records. The ensemble commands run lean (end states
 * only) and leave them all out.
 */
export const MEASUREMENT_FLAGS: readonly string[] = CONFIG_FLAGS.filter((c) => c.group === M).map(
  (c) => c.name,
);

export function configFlagList(omit: readonly string[] = []): ConfigFlag[] {
  return CONFIG_FLAGS.filter((c) => !omit.includes(c.name));
}

export function configFlagDecls(omit: readonly string[] = []): FlagDecl[] {
  return configFlagList(omit).map((c) => ({ name: c.name, boolean: c.kind.type === 'switch' }));
}

/** The flag that sets a config path, for hints on validation errors. */
export function flagForPath(path: string): string | null {
  const p = path.replace(/\[\d+\]$/, '');
  if (p === 'budget' || p.startsWith('budget.')) return '--epochs/--steps';
  if (p === 'network') return '--preset mlp';
  const c = CONFIG_FLAGS.find((x) => x.path === p);
  return c ? `--${c.name}` : null;
}

/** The default a flag takes under a preset, as help text shows it. */
export function defaultText(c: ConfigFlag, preset: PresetId): string {
  let config: RunConfig = presetDefaults(preset);
  if (c.schedule) {
    const r = resolveConfig({ preset, [c.schedule.key]: { kind: c.schedule.kind } });
    if (r.ok) config = r.config;
  }
  switch (c.name) {
    case 'preset':
      return preset;
    case 'config':
      return 'none';
    case 'epochs':
    case 'steps':
      return config.budget.unit === c.name
        ? String(config.budget.amount)
        : `none (the budget is in ${config.budget.unit})`;
    case 'start':
      return config.start ? config.start.join(',') : 'random';
    case 'metrics-per-decade':
      // Optional field, absent from the defaults: absent means off.
      return String(config.metricsPerDecade ?? 0);
  }
  // The network flags have no value under the landscapes: show the mlp preset's.
  if (c.path.startsWith('network.') && !config.network) return defaultText(c, 'mlp');
  if (c.path === 'landscape.expr' && config.landscape.expr === undefined)
    return JSON.stringify(presetDefaults('custom').landscape.expr);
  let v: unknown = config;
  for (const k of c.path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (Array.isArray(v)) return v.join(',');
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  return String(v);
}
