import type { Budget, LandscapeConfig, PresetId, RunConfig } from './config';
import { CONFIG_VERSION } from './config';
import type { Objective } from './objectives/types';
import { Wells2DObjective, type WellsBase } from './objectives/wells2d';
import { QuadraticNdObjective } from './objectives/quadraticNd';
import { RandomPotentialObjective } from './objectives/randomPotential';
import { createRng } from './rng';
import { buildMlpObjective } from './nn/build';
import { ExprObjective } from './expr/objective';
import { DEFAULT_EXPR } from './expr/examples';

export interface PresetInfo {
  id: PresetId;
  title: string;
  /** One plain-language sentence: what this landscape shows. */
  blurb: string;
  /** Whether the dimension can be changed (N-D presets). */
  variableDim: boolean;
  /**
   * The start the explorer opens with (2-D presets), so its first screen tells the
   * preset's story at the default seed. Ensembles ignore it: their seeds draw starts.
   */
  explorerStart?: [number, number];
  /**
   * The budget the explorer opens with, when the preset's own (the CLI's and the
   * ensembles') is too long to watch at 1× in a browser.
   */
  explorerBudget?: Budget;
  /**
   * Full-split measurements per explorer run, when measuring is costly (each one takes a
   * per-sample gradient over the whole train set); the explorer's default otherwise.
   */
  explorerMetricPoints?: number;
  /**
   * The explorer frames its view around the runs' paths, found by running them ahead
   * (they travel unpredictably far); otherwise it shows the preset's view box.
   */
  fitViewToRuns?: boolean;
}

export const PRESETS: Record<PresetId, PresetInfo> = {
  bowl: {
    id: 'bowl',
    title: 'Convex bowl',
    blurb: 'One convex basin: a bigger batch reaches the same minimum, just with less noise.',
    variableDim: false,
  },
  'sharp-flat': {
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
  saddle: {
    id: 'saddle',
    title: 'Saddle between basins',
    blurb:
      'Two basins with a saddle between them. Leaving a saddle takes a number of updates; at equal epochs a large batch makes far fewer, so it spends much more of its training there.',
    variableDim: false,
  },
  'random-potential': {
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
  'quadratic-nd': {
    id: 'quadratic-nd',
    title: 'N-D quadratic',
    blurb:
      'Many directions with known curvatures: gradient descent is stable only while learning rate × λ_max < 2.',
    variableDim: true,
    fitViewToRuns: true,
  },
  mlp: {
    id: 'mlp',
    title: 'Neural network',
    blurb:
      'A small MLP (optionally with Ghost BatchNorm) learning a 2-D classification task with noisy labels, seen through 2-D slices of its weights.',
    variableDim: false,
  },
  custom: {
    id: 'custom',
    title: 'Custom f(x, y)',
    blurb:
      'Type your own landscape f(x, y): each sample sees it moved by its offset, the test data by δ more, exactly as in the built-in landscapes.',
    variableDim: false,
    explorerStart: [-0.5, 0.5],
  },
};

const BASE_LANDSCAPE: LandscapeConfig = {
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

const BASE_RUN: Omit<RunConfig, 'preset' | 'landscape'> = {
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

/** Full default config of each preset (the values documented in the README). */
export function presetDefaults(preset: PresetId): RunConfig {
  const run = structuredClone(BASE_RUN);
  const land = structuredClone(BASE_LANDSCAPE);
  switch (preset) {
    case 'sharp-flat':
      return {
        ...run,
        preset,
        // The shift (0.2 along x) exceeds the sharp basin's effective width
        // √(r² + s²) ≈ 0.11, so its test loss is high; the flat basin (width ≈ 0.36)
        // barely notices. Along x, the confinement's own shift costs the flat basin
        // little, which keeps its gap small (README, "Landscapes").
        landscape: { ...land, shift: [0.2, 0] },
        budget: { unit: 'epochs', amount: 200 },
      };
    case 'bowl':
      return {
        ...run,
        preset,
        landscape: { ...land, n: 256, nTest: 256, spread: 0.3, shift: [0.1, 0.1] },
        lr: 0.05,
        batch: 8,
        refBatch: 8,
        budget: { unit: 'epochs', amount: 30 },
        metricsEvery: 10,
      };
    case 'saddle':
      return {
        ...run,
        preset,
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
      };
    case 'random-potential':
      return {
        ...run,
        preset,
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
      };
    case 'quadratic-nd':
      return {
        ...run,
        preset,
        landscape: { ...land, dim: 100, spread: 1, shift: [0.1] },
        lr: 0.05,
        batch: 32,
        refBatch: 32,
        budget: { unit: 'epochs', amount: 10 },
        metricsEvery: 20,
      };
    case 'mlp':
      return {
        ...run,
        preset,
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
      };
    case 'custom':
      return {
        ...run,
        preset,
        // The sharp-flat story's scale (spread, shift along x, η, 200 epochs) on half the data,
        // since a typed expression is interpreted per sample (README, "Landscapes").
        landscape: { ...land, n: 512, nTest: 512, shift: [0.2, 0], expr: DEFAULT_EXPR },
        budget: { unit: 'epochs', amount: 200 },
      };
  }
}

function wellsBase(preset: 'bowl' | 'sharp-flat' | 'saddle', l: LandscapeConfig): WellsBase {
  const c = l.confinement;
  if (preset === 'bowl') return { confinement: [c, 4 * c], wells: [] };
  if (preset === 'saddle') {
    // Two equal wide wells; between them the surface bends down along x, up along y.
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

const BOXES: Record<
  'bowl' | 'sharp-flat' | 'saddle',
  { init: [number[], number[]]; view: [number[], number[]] }
> = {
  bowl: {
    init: [
      [-1.5, -1.5],
      [1.5, 1.5],
    ],
    view: [
      [-2, -2],
      [2, 2],
    ],
  },
  'sharp-flat': {
    init: [
      [-1, -1],
      [1, 1],
    ],
    view: [
      [-1.2, -1.2],
      [1.6, 1.2],
    ],
  },
  saddle: {
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
  },
};

/** Builds the objective a (validated) config describes. Deterministic in dataSeed. */
export function buildObjective(config: RunConfig): Objective {
  const l = config.landscape;
  const dataRng = createRng(l.dataSeed, 'data');
  switch (config.preset) {
    case 'bowl':
    case 'sharp-flat':
    case 'saddle': {
      const box = BOXES[config.preset];
      return new Wells2DObjective({
        id: config.preset,
        base: wellsBase(config.preset, l),
        n: l.n,
        nTest: l.nTest,
        spread: l.spread,
        shift: [l.shift[0] ?? 0, l.shift[1] ?? l.shift[0] ?? 0],
        initBox: { lo: box.init[0], hi: box.init[1] },
        viewBox: { lo: box.view[0], hi: box.view[1] },
        dataRng,
      });
    }
    case 'random-potential':
      return new RandomPotentialObjective({ ...l, dataRng });
    case 'quadratic-nd':
      return new QuadraticNdObjective({ ...l, dataRng });
    case 'mlp':
      return buildMlpObjective(config);
    case 'custom':
      return new ExprObjective({
        expr: l.expr ?? DEFAULT_EXPR,
        n: l.n,
        nTest: l.nTest,
        spread: l.spread,
        shift: [l.shift[0] ?? 0, l.shift[1] ?? l.shift[0] ?? 0],
        dataRng,
      });
  }
}
