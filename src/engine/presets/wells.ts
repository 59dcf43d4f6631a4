/** The 2-D well landscapes (bowl, sharp-flat, saddle): one objective, per-preset wells and boxes. */
import type { LandscapeConfig } from '../config';
import type { Rng } from '../rng';
import { Wells2DObjective, type WellsBase } from '../objectives/wells2d';

/** Where seeds draw starts (init) and what the explorer shows (view), as [lo, hi]. */
export interface WellsBoxes {
  init: [number[], number[]];
  view: [number[], number[]];
}

export function wellsObjective(
  id: 'bowl' | 'sharp-flat' | 'saddle',
  base: WellsBase,
  box: WellsBoxes,
  l: LandscapeConfig,
  dataRng: Rng,
): Wells2DObjective {
  return new Wells2DObjective({
    id,
    base,
    n: l.n,
    nTest: l.nTest,
    spread: l.spread,
    shift: [l.shift[0] ?? 0, l.shift[1] ?? l.shift[0] ?? 0],
    initBox: { lo: box.init[0], hi: box.init[1] },
    viewBox: { lo: box.view[0], hi: box.view[1] },
    dataRng,
  });
}
