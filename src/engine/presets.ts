import type { LandscapeConfig, PresetId, RunConfig } from './config';
import { CONFIG_VERSION } from './config';
import type { Objective } from './objectives/types';
import { Wells2DObjective, type WellsBase } from './objectives/wells2d';
import { QuadraticNdObjective } from './objectives/quadraticNd';
import { RandomPotentialObjective } from './objectives/randomPotential';
import { createRng } from './rng';
import { buildMlpObjective } from './nn/build';

export interface PresetInfo {
  id: PresetId;
  title: string;
  /** One plain-language sentence: what this landscape shows. */
  blurb: string;
  /** Whether the dimension can be changed (N-D presets). */
  variableDim: boolean;
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
      'A deep narrow basin and a shallower wide one: the sharp one wins on train but climbs steeply on the shifted test surface.',
    variableDim: false,
  },
  saddle: {
    id: 'saddle',
    title: 'Saddle between basins',
    blurb:
      'Two basins with a saddle between them: large batches linger at the saddle, noise escapes it.',
    variableDim: false,
  },
  'random-potential': {
    id: 'random-potential',
    title: 'Random potential',
    blurb:
      'A rough landscape whose bumps grow with distance: SGD wanders ultra-slowly, its distance from the start growing like log t.',
    variableDim: true,
  },
  'quadratic-nd': {
    id: 'quadratic-nd',
    title: 'N-D quadratic',
    blurb:
      'Many directions with known curvatures: gradient descent is stable only while learning rate × λ_max < 2.',
    variableDim: true,
  },
  mlp: {
    id: 'mlp',
    title: 'Neural network',
    blurb:
      'A small MLP (optionally with Ghost BatchNorm) learning a 2-D classification task with noisy labels, seen through 2-D slices of its weights.',
    variableDim: false,
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
      return { ...run, preset, landscape: land, budget: { unit: 'epochs', amount: 200 } };
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
        lr: 0.02,
        batch: 8,
        refBatch: 8,
        budget: { unit: 'epochs', amount: 20 },
        metricsEvery: 10,
      };
    case 'random-potential':
      return {
        ...run,
        preset,
        landscape: { ...land, spread: 1, shift: [0.5] }, // one value: broadcast, so --dim N works as is
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
    init: [
      [-0.1, 0.8],
      [0.1, 1.2],
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
  }
}
