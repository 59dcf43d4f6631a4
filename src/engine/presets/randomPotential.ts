import { RandomPotentialObjective } from '../objectives/randomPotential';
import type { PresetDef } from './types';

export const randomPotential: PresetDef = {
  info: {
    id: 'random-potential',
    title: 'Random potential',
    blurb:
      'A rough landscape whose bumps grow with distance over a range of scales: with small batches SGD wanders ultra-slowly, its distance from the start growing like log t.',
    variableDim: true,
    // 10⁴ steps at B = 16, with a B_simple measurement over all N samples at each metric
    // point, took minutes in a browser; 2 000 steps still span three decades of log t
    // (the Diffusion tab and the CLI run the full length).
    explorerBudget: { unit: 'steps', amount: 2000 },
    explorerMetricPoints: 30,
    fitViewToRuns: true,
  },
  defaults: (run, land) => ({
    ...run,
    preset: 'random-potential',
    // Tuned so that at B = 1, η = 2 the mean ‖w_t − w₀‖ grows like log t from t ≈ 20 (the end
    // of the first descent) past t = 10⁵: the landscape's modes span k = 10⁻³ … 2, so its
    // bumps keep growing with distance over every scale the walk reaches (up to ~100),
    // while coarser modes, which would only tilt the plane and let walks drift away, are
    // left out; the spread s = 0.5 smooths the finest mode (k = 2) by e^{−k²s²/2} ≈ 0.6 only.
    // Roughness (the SGD noise) is k = 2 … 20. README, "phenomena, full size", has the numbers.
    landscape: {
      ...land,
      spread: 0.5,
      shift: [0.5], // one value: broadcast, so --dim N works as is
      kMin: 1e-3,
      kMax: 2,
      kNoise: 20,
    },
    lr: 2,
    batch: 1,
    refBatch: 1,
    budget: { unit: 'steps', amount: 10000 },
    metricsEvery: 100,
    hessianEvery: 0,
  }),
  build: (config, dataRng) => new RandomPotentialObjective({ ...config.landscape, dataRng }),
};
