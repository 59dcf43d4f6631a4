import type { PresetDef } from './types';
import { wellsObjective, type WellsBoxes } from './wells';

const BOX: WellsBoxes = {
  init: [
    [-1.5, -1.5],
    [1.5, 1.5],
  ],
  view: [
    [-2, -2],
    [2, 2],
  ],
};

export const bowl: PresetDef = {
  info: {
    id: 'bowl',
    title: 'Convex bowl',
    blurb: 'One convex basin: a bigger batch reaches the same minimum, just with less noise.',
    variableDim: false,
  },
  defaults: (run, land) => ({
    ...run,
    preset: 'bowl',
    landscape: { ...land, n: 256, nTest: 256, spread: 0.3, shift: [0.1, 0.1] },
    lr: 0.05,
    batch: 8,
    refBatch: 8,
    budget: { unit: 'epochs', amount: 30 },
    metricsEvery: 10,
  }),
  build: (config, dataRng) => {
    const c = config.landscape.confinement;
    return wellsObjective(
      'bowl',
      { confinement: [c, 4 * c], wells: [] },
      BOX,
      config.landscape,
      dataRng,
    );
  },
};
