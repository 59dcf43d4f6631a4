import { ExprObjective } from '../expr/objective';
import { DEFAULT_EXPR } from '../expr/examples';
import type { PresetDef } from './types';

export const custom: PresetDef = {
  info: {
    id: 'custom',
    title: 'Custom f(x, y)',
    blurb:
      'Type your own landscape f(x, y): each sample sees it moved by its offset, the test data by δ more, exactly as in the built-in landscapes.',
    variableDim: false,
    explorerStart: [-0.5, 0.5],
  },
  defaults: (run, land) => ({
    ...run,
    preset: 'custom',
    // The sharp-flat story's scale (spread, shift along x, η, 200 epochs) on half the data,
    // since a typed expression is interpreted per sample (README, "Landscapes").
    landscape: { ...land, n: 512, nTest: 512, shift: [0.2, 0], expr: DEFAULT_EXPR },
    budget: { unit: 'epochs', amount: 200 },
  }),
  build: (config, dataRng) => {
    const l = config.landscape;
    return new ExprObjective({
      expr: l.expr ?? DEFAULT_EXPR,
      n: l.n,
      nTest: l.nTest,
      spread: l.spread,
      shift: [l.shift[0] ?? 0, l.shift[1] ?? l.shift[0] ?? 0],
      dataRng,
    });
  },
};
