/**
 * The experiment being shown: one base config plus the comparison — which setting
 * differs between the runs, and its value for each run. Every change is validated by
 * the engine's resolveConfig; a rejected change leaves the config as it was and says why.
 */
import { createStore } from 'zustand/vanilla';
import type { PresetId, RunConfig } from '../engine/config';
import { presetDefaults, PRESETS } from '../engine/presets';
import { resolveConfig } from '../engine/validate';
import { MAX_RUNS, runColor } from './palette';

/** Settings a comparison can vary between runs. */
export type CompareField = 'batch' | 'lr' | 'optimizer' | 'regimeAdaptation' | 'seed';
export const COMPARE_FIELDS: readonly CompareField[] = [
  'batch',
  'lr',
  'optimizer',
  'regimeAdaptation',
  'seed',
];

export interface Comparison {
  field: CompareField;
  values: (number | string | boolean)[];
}

export interface RunSpec {
  id: string;
  label: string;
  color: string;
  config: RunConfig;
}

export interface ConfigState {
  base: RunConfig;
  compare: Comparison;
  /** Messages about rejected or adjusted settings, newest last. */
  notices: string[];
}

/** Small batch vs the whole train set: the first thing batchscape shows. */
export function defaultComparison(base: RunConfig): Comparison {
  if (base.preset === 'random-potential') return { field: 'batch', values: [1, 16] };
  // The network lab's measured contrast (README): its default batch against the full batch.
  if (base.preset === 'mlp') return { field: 'batch', values: [base.batch, base.landscape.n] };
  return { field: 'batch', values: [8, base.landscape.n] };
}

/**
 * The config the explorer opens a preset with: the engine's defaults plus the preset's
 * explorer start (a fixed start tells the story at the default seed; the engine's own
 * default draws a start per seed, which ensembles need) and explorer budget (where the
 * engine's is too long to watch). The URL codec omits these values.
 */
export function explorerDefaults(preset: PresetId): RunConfig {
  const c = presetDefaults(preset);
  const { explorerStart, explorerBudget } = PRESETS[preset];
  if (explorerStart) c.start = [...explorerStart];
  if (explorerBudget) c.budget = { ...explorerBudget };
  return c;
}

export function initialConfigState(preset: PresetId = 'sharp-flat'): ConfigState {
  const base = explorerDefaults(preset);
  return { base, compare: defaultComparison(base), notices: [] };
}

export const configStore = createStore<ConfigState>(() => initialConfigState());

/** Short run labels for optimizers (they head narrow readout columns). */
const OPTIMIZER_LABELS: Record<string, string> = {
  sgd: 'SGD',
  momentum: 'momentum',
  nesterov: 'Nesterov',
  adam: 'Adam',
};

export function compareLabel(field: CompareField, value: unknown): string {
  switch (field) {
    case 'batch':
      return `B = ${value}`;
    case 'lr':
      return `η = ${value}`;
    case 'optimizer':
      return OPTIMIZER_LABELS[String(value)] ?? String(value);
    case 'regimeAdaptation':
      return value ? 'regime adapted' : 'same epochs';
    case 'seed':
      return `seed ${value}`;
  }
}

/** The runs the current state describes: the base config with each run's value applied. */
export function runSpecs(state: ConfigState): RunSpec[] {
  return state.compare.values.slice(0, MAX_RUNS).map((value, i) => {
    const config = structuredClone(state.base);
    applyCompare(config, state.compare.field, value);
    return {
      id: `run${i}`,
      label: compareLabel(state.compare.field, value),
      color: runColor(i),
      config,
    };
  });
}

function applyCompare(c: RunConfig, field: CompareField, value: unknown): void {
  if (field === 'optimizer')
    c.optimizer = { ...c.optimizer, kind: value as RunConfig['optimizer']['kind'] };
  else (c as unknown as Record<string, unknown>)[field] = value;
}

/** Applies a patch to the base config if the engine accepts it; otherwise records why not. */
export function patchBase(patch: Record<string, unknown>): boolean {
  const { base } = configStore.getState();
  const { preset, ...rest } = structuredClone(base) as unknown as Record<string, unknown>;
  const merged = mergeDeep(rest, patch);
  const r = resolveConfig({ preset, ...merged });
  if (!r.ok) {
    pushNotice(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return false;
  }
  const compare = fitComparison(configStore.getState().compare, r.config);
  const problem = runError({ base: r.config, compare, notices: [] });
  if (problem) {
    pushNotice(problem);
    return false;
  }
  configStore.setState({ base: r.config, compare });
  return true;
}

/**
 * The first reason one of the compared runs' configs is invalid though the base is fine
 * (e.g. a ghost batch that divides the base batch but not another run's), or null.
 */
export function runError(state: ConfigState): string | null {
  for (const spec of runSpecs(state)) {
    const r = resolveConfig(spec.config);
    if (!r.ok) return `${spec.label}: ${r.errors[0]!.message}`;
  }
  return null;
}

export function setPreset(preset: PresetId): void {
  configStore.setState({ ...initialConfigState(preset), notices: configStore.getState().notices });
}

export function setComparison(compare: Comparison): void {
  const base = configStore.getState().base;
  const fitted = fitComparison(compare, base);
  const problem = runError({ base, compare: fitted, notices: [] });
  if (problem) return pushNotice(problem);
  configStore.setState({ compare: fitted });
}

export function setCompareValue(index: number, value: number | string | boolean): void {
  const { compare } = configStore.getState();
  const values = compare.values.slice();
  values[index] = value;
  setComparison({ ...compare, values });
}

export function pushNotice(message: string): void {
  const notices = [...configStore.getState().notices, message].slice(-5);
  configStore.setState({ notices });
}

export function dismissNotices(): void {
  configStore.setState({ notices: [] });
}

/** Keeps comparison values legal after the base changes (e.g. batch ≤ N). */
function fitComparison(c: Comparison, base: RunConfig): Comparison {
  if (c.field !== 'batch') return c;
  const n = base.landscape.n;
  return {
    ...c,
    values: c.values.map((v) => Math.max(1, Math.min(n, Math.round(Number(v) || 1)))),
  };
}

export function mergeDeep(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] =
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      cur &&
      typeof cur === 'object' &&
      !Array.isArray(cur) &&
      k !== 'lrSchedule' &&
      k !== 'batchSchedule'
        ? mergeDeep(cur as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}
