/**
 * The landscape presets: one file each under presets/ (what the UI says about it, its
 * default config, its objective); this module is the single door the rest of the code
 * uses. The preset order here is the UI's.
 */
import type { PresetId, RunConfig } from './config';
import type { Objective } from './objectives/types';
import { createRng } from './rng';
import type { PresetDef, PresetInfo } from './presets/types';
import { BASE_LANDSCAPE, BASE_RUN } from './presets/base';
import { bowl } from './presets/bowl';
import { sharpFlat } from './presets/sharpFlat';
import { saddle } from './presets/saddle';
import { randomPotential } from './presets/randomPotential';
import { quadraticNd } from './presets/quadraticNd';
import { mlp } from './presets/mlp';
import { custom } from './presets/custom';

export type { PresetInfo } from './presets/types';

const DEFS: Record<PresetId, PresetDef> = {
  bowl,
  'sharp-flat': sharpFlat,
  saddle,
  'random-potential': randomPotential,
  'quadratic-nd': quadraticNd,
  mlp,
  custom,
};

export const PRESETS = Object.fromEntries(
  Object.entries(DEFS).map(([id, d]) => [id, d.info]),
) as Record<PresetId, PresetInfo>;

/** Full default config of each preset (the values documented in the README). */
export function presetDefaults(preset: PresetId): RunConfig {
  return DEFS[preset].defaults(structuredClone(BASE_RUN), structuredClone(BASE_LANDSCAPE));
}

/** Builds the objective a (validated) config describes. Deterministic in dataSeed. */
export function buildObjective(config: RunConfig): Objective {
  return DEFS[config.preset].build(config, createRng(config.landscape.dataSeed, 'data'));
}
