import type { LandscapeConfig } from '../config';
import type { WellsBase } from '../objectives/wells2d';
import type { PresetDef } from './types';
import { wellsObjective, type WellsBoxes } from './wells';

const BOX: WellsBoxes = {
  init: [
    [-1, -1],
    [1, 1],
  ],
  view: [
    [-1.2, -1.2],
    [1.6, 1.2],
  ],
};

function wells(l: LandscapeConfig): WellsBase {
  const c = l.confinement;
  return {
    confinement: [c, c],
    wells: [
      {
        id: 'sharp',
        label: 'sharp minimum',
        depth: l.sharpDepth,
        radius: l.sharpRadius,
        center: [l.sharpCenter[0]!, l.sharpCenter[1]!],
      },
      {
        id: 'flat',
        label: 'flat minimum',
        depth: l.flatDepth,
        radius: l.flatRadius,
        center: [l.flatCenter[0]!, l.flatCenter[1]!],
      },
    ],
  };
}

export const sharpFlat: PresetDef = {
  info: {
    id: 'sharp-flat',
    title: 'Sharp vs flat minimum',
    blurb:
      'A deep narrow basin and a shallower wide one. The test surface is the train surface shifted by δ; when δ is wider than the sharp basin, the sharp minimum wins on train but loses on test.',
    variableDim: false,
    // Upper left of the box: gradient descent (B = N) slides into the sharp basin, while
    // at the default seed B = 8 visits it, is knocked out and settles in the flat one
    // (tests/phenomena/sharpFlat.test.ts pins this).
    explorerStart: [-0.5, 0.5],
  },
  defaults: (run, land) => ({
    ...run,
    preset: 'sharp-flat',
    // The shift (0.2 along x) exceeds the sharp basin's effective width
    // √(r² + s²) ≈ 0.11, so its test loss is high; the flat basin (width ≈ 0.36)
    // barely notices. Along x, the confinement's own shift costs the flat basin
    // little, which keeps its gap small (README, "Landscapes").
    landscape: { ...land, shift: [0.2, 0] },
    budget: { unit: 'epochs', amount: 200 },
  }),
  build: (config, dataRng) =>
    wellsObjective('sharp-flat', wells(config.landscape), BOX, config.landscape, dataRng),
};
