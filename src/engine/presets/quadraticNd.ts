import { QuadraticNdObjective } from '../objectives/quadraticNd';
import type { PresetDef } from './types';

export const quadraticNd: PresetDef = {
  info: {
    id: 'quadratic-nd',
    title: 'N-D quadratic',
    blurb:
      'Many directions with known curvatures: gradient descent is stable only while learning rate × λ_max < 2.',
    variableDim: true,
    fitViewToRuns: true,
  },
  defaults: (run, land) => ({
    ...run,
    preset: 'quadratic-nd',
    landscape: { ...land, dim: 100, spread: 1, shift: [0.1] },
    lr: 0.05,
    batch: 32,
    refBatch: 32,
    budget: { unit: 'epochs', amount: 10 },
    metricsEvery: 20,
  }),
  build: (config, dataRng) => new QuadraticNdObjective({ ...config.landscape, dataRng }),
};
