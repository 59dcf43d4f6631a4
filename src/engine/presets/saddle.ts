import type { WellsBase } from '../objectives/wells2d';
import type { PresetDef } from './types';
import { wellsObjective, type WellsBoxes } from './wells';

const BOX: WellsBoxes = {
  // Above the saddle, close to the ridge x ≈ 0 that leads down to it: full-batch descent
  // then arrives at the saddle before the downhill direction takes over.
  init: [
    [-0.02, 0.8],
    [0.02, 1.2],
  ],
  view: [
    [-1.5, -1.5],
    [1.5, 1.5],
  ],
};

/** Two equal wide wells; between them the surface bends down along x, up along y. */
function wells(c: number): WellsBase {
  const well = (id: string, label: string, x: number) => ({
    id,
    label,
    depth: 1,
    radius: 0.45,
    center: [x, 0] as [number, number],
  });
  return {
    confinement: [c, c],
    wells: [well('left', 'left basin', -0.7), well('right', 'right basin', 0.7)],
    saddles: [{ id: 'saddle', label: 'saddle point', guess: [0, 0] }],
  };
}

export const saddle: PresetDef = {
  info: {
    id: 'saddle',
    title: 'Saddle between basins',
    blurb:
      'Two basins with a saddle between them. Leaving a saddle takes a number of updates; at equal epochs a large batch makes far fewer, so it spends much more of its training there.',
    variableDim: false,
  },
  defaults: (run, land) => ({
    ...run,
    preset: 'saddle',
    landscape: { ...land, n: 512, nTest: 512, spread: 0.15 },
    // η·|λ_min| ≈ 0.2 at the saddle: each update grows the downhill offset by ~1.2×,
    // so leaving takes ~20 updates from a start near the ridge. 40 epochs give the full
    // batch 40 updates — enough to reach the saddle (η·λ_y ≈ 0.37 per update) and
    // measurably linger there — while B = 8 makes 2 560 (README, "Landscapes").
    lr: 0.1,
    batch: 8,
    refBatch: 8,
    budget: { unit: 'epochs', amount: 40 },
    metricsEvery: 10,
  }),
  build: (config, dataRng) =>
    wellsObjective('saddle', wells(config.landscape.confinement), BOX, config.landscape, dataRng),
};
