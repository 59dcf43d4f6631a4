/** What every preset's defaults start from; each preset overrides what its story needs. */
import type { LandscapeConfig } from '../config';
import { CONFIG_VERSION } from '../config';
import type { BaseRun } from './types';

export const BASE_LANDSCAPE: LandscapeConfig = {
  dataSeed: 1,
  n: 1024,
  nTest: 1024,
  spread: 0.1,
  shift: [0.05, 0.05],
  dim: 2,
  sharpDepth: 12,
  sharpRadius: 0.04,
  sharpCenter: [0, 0],
  flatDepth: 1,
  flatRadius: 0.35,
  flatCenter: [0.8, 0],
  confinement: 1,
  amplitude: 0.2,
  roughness: 0.2,
  hurst: 0.75,
  kMin: 1e-4,
  kMax: 1,
  kNoise: 10,
  modes: 128,
  lambdaMax: 10,
  lambdaMin: 0.01,
};

export const BASE_RUN: BaseRun = {
  version: CONFIG_VERSION,
  seed: 1,
  start: null,
  optimizer: { kind: 'sgd', momentum: 0.9, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
  lr: 0.01,
  lrSchedule: { kind: 'constant' },
  lrScaling: 'none',
  batch: 16,
  batchSchedule: { kind: 'constant' },
  refBatch: 16,
  budget: { unit: 'epochs', amount: 100 },
  regimeAdaptation: false,
  temperature: 0,
  metricsEvery: 50,
  hessianEvery: 1,
  recordEvery: 1,
  divergeBound: 1e8,
};
