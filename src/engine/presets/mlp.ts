import { buildMlpObjective } from '../nn/build';
import type { PresetDef } from './types';

export const mlp: PresetDef = {
  info: {
    id: 'mlp',
    title: 'Neural network',
    blurb:
      'A small MLP (optionally with Ghost BatchNorm) learning a 2-D classification task with noisy labels, seen through 2-D slices of its weights.',
    variableDim: false,
  },
  defaults: (run, land) => ({
    ...run,
    preset: 'mlp',
    // The honest default (README, "The network lab"): with these settings the full
    // batch is measurably worse on test than B = 16 across seeds.
    landscape: { ...land, n: 128, nTest: 2048, shift: [0] },
    network: {
      dataset: 'moons',
      noise: 0.2,
      labelNoise: 0.2,
      hidden: [32, 32],
      activation: 'relu',
      batchNorm: true,
      ghostBatch: 0,
      bnMomentum: 0.1,
      weightDecay: 0,
      init: 'he',
    },
    lr: 0.1,
    batch: 16,
    refBatch: 16,
    budget: { unit: 'epochs', amount: 1000 },
    metricsEvery: 200,
    hessianEvery: 0,
    recordEvery: 16,
  }),
  // nn/build.ts draws the data set from the same seed and stream itself.
  build: (config) => buildMlpObjective(config),
};
