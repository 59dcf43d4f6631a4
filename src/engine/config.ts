/**
 * The run configuration: plain, versioned JSON shared by the URL codec, the worker,
 * the CLI and config files. `resolveConfig` (validate.ts) fills defaults and checks it.
 */

import type { DatasetId } from './nn/datasets';
import type { Activation, InitScheme } from './nn/layout';

export const CONFIG_VERSION = 1;

export type PresetId =
  'bowl' | 'sharp-flat' | 'saddle' | 'random-potential' | 'quadratic-nd' | 'mlp' | 'custom';
export const PRESET_IDS: readonly PresetId[] = [
  'bowl',
  'sharp-flat',
  'saddle',
  'random-potential',
  'quadratic-nd',
  'mlp',
  'custom',
];

/** Landscape parameters; each preset reads the fields that apply to it. */
export interface LandscapeConfig {
  /** Seed of the dataset (kept apart from the run seed so seeds vary starts, not data). */
  dataSeed: number;
  /** Train set size N. */
  n: number;
  /** Test set size. */
  nTest: number;
  /** Per-sample offset spread s. */
  spread: number;
  /** Train/test shift δ (length dim, or one value broadcast to every axis). */
  shift: number[];
  /** Dimension (random-potential, quadratic-nd; 2 for the 2-D presets). */
  dim: number;
  // sharp-flat
  sharpDepth: number;
  sharpRadius: number;
  sharpCenter: number[];
  flatDepth: number;
  flatRadius: number;
  flatCenter: number[];
  confinement: number;
  // random-potential
  amplitude: number;
  roughness: number;
  hurst: number;
  kMin: number;
  kMax: number;
  kNoise: number;
  modes: number;
  // quadratic-nd
  lambdaMax: number;
  lambdaMin: number;
  /**
   * custom: the typed base surface f(x, y) (src/engine/expr). Present only in the custom
   * preset's config, so every other preset's config reads exactly as before.
   */
  expr?: string;
}

/**
 * The network lab (preset `mlp` only; absent from every other preset's config, so their
 * configs read exactly as before). The data set's sizes, seed and test shift are the
 * landscape's n, nTest, dataSeed and shift (δ translates the test inputs; 0 = same
 * distribution).
 */
export interface NetworkConfig {
  dataset: DatasetId;
  /** Standard deviation of the Gaussian noise on every input. */
  noise: number;
  /** Fraction of train labels flipped to another class (test labels stay clean). */
  labelNoise: number;
  /** Hidden layer widths: 1–4 layers of 1–64 units. */
  hidden: number[];
  activation: Activation;
  /** BatchNorm after every hidden linear layer. */
  batchNorm: boolean;
  /** Ghost batch size v (must divide every batch size the run reaches); 0 = plain BN (v = B). */
  ghostBatch: number;
  /** Running-statistics momentum m: stat ← (1 − m)·stat + m·ghost-batch stat. */
  bnMomentum: number;
  /** L2 penalty ½λ‖W‖² on the weight matrices (not biases, γ or β). */
  weightDecay: number;
  /** He normal (ReLU) or Glorot uniform (tanh). */
  init: InitScheme;
}

export type OptimizerKind = 'sgd' | 'momentum' | 'nesterov' | 'adam';
export interface OptimizerConfig {
  kind: OptimizerKind;
  momentum: number;
  beta1: number;
  beta2: number;
  eps: number;
}

/** LR schedules; `at`/milestones are fractions of the whole budget in [0, 1]. */
export type LrSchedule =
  | { kind: 'constant' }
  /** Linear ramp from ~0 up to `peak` × the base LR over `fraction`, then held at the peak. */
  | { kind: 'warmup'; fraction: number; peak: number }
  | { kind: 'step'; milestones: number[]; factor: number }
  | { kind: 'cosine'; finalFactor: number };

export type LrScalingRule = 'none' | 'linear' | 'sqrt';

export type BatchSchedule =
  { kind: 'constant' } | { kind: 'grow'; milestones: number[]; factor: number; cap: number };

export interface Budget {
  unit: 'epochs' | 'steps';
  amount: number;
}

export interface RunConfig {
  version: number;
  preset: PresetId;
  landscape: LandscapeConfig;
  /** The network and its data set (preset `mlp` only). */
  network?: NetworkConfig;
  /** Run seed: starts and batch order (and Langevin noise, when on). */
  seed: number;
  /** Fixed start point, or null to draw it from the preset's init box with `seed`. */
  start: number[] | null;
  optimizer: OptimizerConfig;
  lr: number;
  lrSchedule: LrSchedule;
  lrScaling: LrScalingRule;
  batch: number;
  batchSchedule: BatchSchedule;
  /** Reference batch for LR scaling and regime adaptation. */
  refBatch: number;
  budget: Budget;
  /** Regime adaptation: multiply the update budget by B/B_ref (same number of updates). */
  regimeAdaptation: boolean;
  /** Extra Langevin noise temperature T (√(2ηT)·ξ per step); 0 = off, the default. */
  temperature: number;
  /** Full-split metrics every this many steps (0 = only at the end). */
  metricsEvery: number;
  /**
   * Also measure at log-spaced steps, this many per decade (metricSchedule.ts), so a
   * log-step axis is resolved from step 1. Optional: absent means 0 (even grid only), and
   * configs that do not set it resolve, run and print exactly as before the field existed.
   */
  metricsPerDecade?: number;
  /** Hessian extreme eigenvalues every this many metric records (0 = only at the end). */
  hessianEvery: number;
  /** Keep every k-th position in the trajectory record. */
  recordEvery: number;
  /** |loss| or ‖w‖ beyond this bound ends the run as diverged. */
  divergeBound: number;
}

/** A deep-partial config: what users, URLs and files provide. */
export type ConfigInput = {
  [K in keyof RunConfig]?: NonNullable<RunConfig[K]> extends object
    ? NonNullable<RunConfig[K]> extends unknown[]
      ? RunConfig[K]
      : Partial<NonNullable<RunConfig[K]>> | RunConfig[K]
    : RunConfig[K];
};
