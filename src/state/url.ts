/**
 * The whole experiment in the URL, with short readable keys. Only settings that differ
 * from the preset's defaults are written. Reading never fails: a bad or out-of-range
 * value falls back to its default (or is clamped) and a notice says what changed.
 */
import type { PresetId, RunConfig } from '../engine/config';
import { PRESET_IDS } from '../engine/config';
import { presetDefaults } from '../engine/presets';
import { resolveConfig } from '../engine/validate';
import { MAX_EXPR_LENGTH } from '../engine/expr/ast';
import {
  COMPARE_FIELDS,
  defaultComparison,
  explorerDefaults,
  type Comparison,
  type CompareField,
  type ConfigState,
} from './configStore';
import { initialViewState, type ViewState } from './viewStore';
import { NETWORK_FIELDS, decodeNetView, encodeNetView, fitRunsToComparison } from './urlNetwork';

type Getter = (c: RunConfig) => unknown;
type Setter = (raw: string, c: Record<string, unknown>) => void;

const num = (raw: string): number => {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v)) throw new Error(`"${raw}" is not a number`);
  return v;
};
const list = (raw: string): number[] => raw.split(',').map(num);
const section = (c: Record<string, unknown>, k: string) => (c[k] ??= {}) as Record<string, unknown>;

/** key → how to read it from a config and write it into a config input. */
const FIELDS: Record<string, { get: Getter; set: Setter }> = {
  s: { get: (c) => c.seed, set: (r, c) => void (c.seed = num(r)) },
  lr: { get: (c) => c.lr, set: (r, c) => void (c.lr = num(r)) },
  b: { get: (c) => c.batch, set: (r, c) => void (c.batch = num(r)) },
  opt: { get: (c) => c.optimizer.kind, set: (r, c) => void (section(c, 'optimizer').kind = r) },
  m: {
    get: (c) => c.optimizer.momentum,
    set: (r, c) => void (section(c, 'optimizer').momentum = num(r)),
  },
  ep: {
    get: (c) => (c.budget.unit === 'epochs' ? c.budget.amount : undefined),
    set: (r, c) => void (c.budget = { unit: 'epochs', amount: num(r) }),
  },
  st: {
    get: (c) => (c.budget.unit === 'steps' ? c.budget.amount : undefined),
    set: (r, c) => void (c.budget = { unit: 'steps', amount: num(r) }),
  },
  sc: { get: (c) => c.lrScaling, set: (r, c) => void (c.lrScaling = r) },
  rb: { get: (c) => c.refBatch, set: (r, c) => void (c.refBatch = num(r)) },
  ra: {
    get: (c) => (c.regimeAdaptation ? 1 : 0),
    set: (r, c) => void (c.regimeAdaptation = r === '1' || r === 'true'),
  },
  T: { get: (c) => c.temperature, set: (r, c) => void (c.temperature = num(r)) },
  // `random`: a start drawn from the init box with the seed (the engine's default).
  x0: {
    get: (c) => (c.start ? c.start.join(',') : 'random'),
    set: (r, c) => void (c.start = r === 'random' ? null : list(r)),
  },
  ds: {
    get: (c) => c.landscape.dataSeed,
    set: (r, c) => void (section(c, 'landscape').dataSeed = num(r)),
  },
  n: { get: (c) => c.landscape.n, set: (r, c) => void (section(c, 'landscape').n = num(r)) },
  sp: {
    get: (c) => c.landscape.spread,
    set: (r, c) => void (section(c, 'landscape').spread = num(r)),
  },
  sh: {
    get: (c) => c.landscape.shift.join(','),
    set: (r, c) => void (section(c, 'landscape').shift = list(r)),
  },
  d: { get: (c) => c.landscape.dim, set: (r, c) => void (section(c, 'landscape').dim = num(r)) },
  lrs: {
    get: (c) => encodeLrSchedule(c.lrSchedule),
    set: (r, c) => void (c.lrSchedule = decodeLrSchedule(r)),
  },
  // The custom landscape's f(x, y); URLSearchParams percent-encodes it.
  expr: {
    get: (c) => c.landscape.expr,
    set: (r, c) => {
      if (r.length > MAX_EXPR_LENGTH)
        throw new Error(`the expression is longer than ${MAX_EXPR_LENGTH} characters`);
      section(c, 'landscape').expr = r;
    },
  },
  bs: {
    get: (c) => encodeBatchSchedule(c.batchSchedule),
    set: (r, c) => void (c.batchSchedule = decodeBatchSchedule(r)),
  },
  ...NETWORK_FIELDS,
};

function encodeLrSchedule(s: RunConfig['lrSchedule']): string {
  // The peak is written only when it is not 1 (links from before it existed stay valid).
  if (s.kind === 'warmup')
    return s.peak === 1 ? `warmup:${s.fraction}` : `warmup:${s.fraction}:${s.peak}`;
  if (s.kind === 'step') return `step:${s.milestones.join(',')}:${s.factor}`;
  if (s.kind === 'cosine') return `cosine:${s.finalFactor}`;
  return 'constant';
}

function decodeLrSchedule(r: string): unknown {
  const [kind, a, b] = r.split(':');
  if (kind === 'warmup')
    return b === undefined
      ? { kind, fraction: num(a ?? '') }
      : { kind, fraction: num(a ?? ''), peak: num(b) };
  if (kind === 'step') return { kind, milestones: list(a ?? ''), factor: num(b ?? '') };
  if (kind === 'cosine') return { kind, finalFactor: num(a ?? '') };
  if (kind === 'constant') return { kind };
  throw new Error(`unknown schedule "${kind}"`);
}

function encodeBatchSchedule(s: RunConfig['batchSchedule']): string {
  return s.kind === 'grow' ? `grow:${s.milestones.join(',')}:${s.factor}:${s.cap}` : 'constant';
}

function decodeBatchSchedule(r: string): unknown {
  const [kind, a, b, cap] = r.split(':');
  if (kind === 'grow')
    return { kind, milestones: list(a ?? ''), factor: num(b ?? ''), cap: num(cap ?? '') };
  if (kind === 'constant') return { kind };
  throw new Error(`unknown batch schedule "${kind}"`);
}

const VIEW_KEYS: Record<string, keyof ViewState> = {
  cam: 'camera',
  sf: 'surface',
  th: 'theme',
  lay: 'layout',
};

export function encodeUrl(
  state: ConfigState,
  view: ViewState,
  extra: Record<string, string> = {},
): string {
  const p = new URLSearchParams();
  const base = state.base;
  const defaults = explorerDefaults(base.preset);
  if (base.preset !== 'sharp-flat') p.set('p', base.preset);
  for (const [key, f] of Object.entries(FIELDS)) {
    const v = f.get(base);
    if (v !== undefined && String(v) !== String(f.get(defaults))) p.set(key, String(v));
  }
  const dc = defaultComparison(base);
  if (state.compare.field !== dc.field || state.compare.values.join(',') !== dc.values.join(',')) {
    p.set('cmp', `${state.compare.field}:${state.compare.values.join(',')}`);
  }
  for (const [key, field] of Object.entries(VIEW_KEYS)) {
    if (view[field] !== initialViewState[field]) p.set(key, String(view[field]));
  }
  encodeNetView(view, p);
  if (view.presenter) p.set('pm', '1');
  if (view.exaggeration !== initialViewState.exaggeration) p.set('ex', String(view.exaggeration));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

/** Every key `decodeUrl` reads (the embed's set-config refuses others by name). */
export const URL_KEYS: readonly string[] = [
  'p',
  'cmp',
  'pm',
  'ex',
  ...Object.keys(FIELDS),
  ...Object.keys(VIEW_KEYS),
];

export interface DecodedUrl {
  config: ConfigState;
  view: Partial<ViewState>;
  /** Plain-language notes on anything that was not accepted as given. */
  notices: string[];
  /** `?view=` (a figure opened alone), when present. */
  figure: string | null;
}

export function decodeUrl(search: string): DecodedUrl {
  const p = new URLSearchParams(search);
  const notices: string[] = [];
  let preset: PresetId = 'sharp-flat';
  const rawPreset = p.get('p');
  if (rawPreset !== null) {
    if ((PRESET_IDS as readonly string[]).includes(rawPreset)) preset = rawPreset as PresetId;
    else notices.push(`Unknown landscape "${rawPreset}"; showing sharp-flat.`);
  } else if (p.has('expr')) preset = 'custom';
  const opening = explorerDefaults(preset);
  const input: Record<string, unknown> = { preset, start: opening.start, budget: opening.budget };
  for (const [key, f] of Object.entries(FIELDS)) {
    const full = p.get(key);
    if (full === null) continue;
    // Notices quote at most 60 characters of a value (an expression may be 300).
    const raw = full.length > 60 ? `${full.slice(0, 60)}…` : full;
    const trial = structuredClone(input);
    try {
      f.set(full, trial);
    } catch (e) {
      notices.push(`Ignored ${key}=${raw}: ${(e as Error).message}.`);
      continue;
    }
    const r = resolveConfig(trial);
    if (r.ok) Object.assign(input, trial);
    else {
      const clamped = clampInto(trial, r.errors[0]?.path ?? '', preset);
      if (clamped !== null && resolveConfig(clamped.input).ok) {
        Object.assign(input, clamped.input);
        notices.push(`${key}=${raw} is out of range; using ${clamped.value}.`);
      } else notices.push(`Ignored ${key}=${raw}: ${r.errors[0]?.message ?? 'invalid'}.`);
    }
  }
  const resolved = resolveConfig(input);
  const base = resolved.ok ? resolved.config : explorerDefaults(preset);
  let compare: Comparison = defaultComparison(base);
  const rawCmp = p.get('cmp');
  if (rawCmp !== null) {
    const parsed = parseComparison(rawCmp, base);
    if (typeof parsed === 'string') notices.push(`Ignored cmp=${rawCmp}: ${parsed}.`);
    else compare = parsed;
  }
  const view: Partial<ViewState> = {};
  const enums: Record<string, readonly string[]> = {
    cam: ['3d', 'top'],
    sf: ['train', 'test', 'both', 'gap'],
    th: ['light', 'dark'],
    lay: ['overlay', 'side'],
  };
  for (const [key, field] of Object.entries(VIEW_KEYS)) {
    const raw = p.get(key);
    if (raw === null) continue;
    if (enums[key]!.includes(raw)) (view as Record<string, unknown>)[field] = raw;
    else notices.push(`Ignored ${key}=${raw}: expected ${enums[key]!.join(' or ')}.`);
  }
  decodeNetView(p, view, notices);
  if (p.get('pm') === '1') view.presenter = true;
  const ex = p.get('ex');
  if (ex !== null) {
    const v = Number(ex);
    if (Number.isFinite(v)) view.exaggeration = Math.min(5, Math.max(0.1, v));
    else notices.push(`Ignored ex=${ex}: not a number.`);
  }
  const config = fitRunsToComparison({ base, compare, notices }, notices);
  return { config: { ...config, notices }, view, notices, figure: p.get('view') };
}

/** For a numeric field out of range, the nearest legal value (limits from the error text). */
function clampInto(
  trial: Record<string, unknown>,
  path: string,
  preset: PresetId,
): { input: Record<string, unknown>; value: number } | null {
  const keys = path.split('.');
  let obj: Record<string, unknown> = trial;
  for (const k of keys.slice(0, -1)) obj = (obj[k] ?? {}) as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  const v = obj[last];
  if (typeof v !== 'number') return null;
  const defaults = presetDefaults(preset);
  const n = (trial.landscape as { n?: number } | undefined)?.n ?? defaults.landscape.n;
  const limits: Record<string, [number, number]> = {
    batch: [1, n],
    lr: [1e-6, 1e4],
    seed: [0, 2 ** 32 - 1],
    refBatch: [1, n],
  };
  const lim = limits[path];
  if (!lim) return null;
  const value = Math.min(lim[1], Math.max(lim[0], path === 'lr' ? v : Math.round(v)));
  obj[last] = value;
  return { input: trial, value };
}

function parseComparison(raw: string, base: RunConfig): Comparison | string {
  const [field, rest] = raw.split(':');
  if (!(COMPARE_FIELDS as readonly string[]).includes(field ?? ''))
    return `unknown field "${field}"`;
  const f = field as CompareField;
  const parts = (rest ?? '').split(',').filter((s) => s !== '');
  if (parts.length < 1 || parts.length > 4) return 'give 1 to 4 values';
  const values: (number | string | boolean)[] = [];
  for (const part of parts) {
    if (f === 'optimizer') {
      if (!['sgd', 'momentum', 'nesterov', 'adam'].includes(part))
        return `unknown optimizer "${part}"`;
      values.push(part);
    } else if (f === 'regimeAdaptation') values.push(part === '1' || part === 'true');
    else {
      const v = Number(part);
      if (!Number.isFinite(v) || v <= 0) return `"${part}" is not a positive number`;
      values.push(
        f === 'batch'
          ? Math.min(base.landscape.n, Math.max(1, Math.round(v)))
          : f === 'seed'
            ? Math.round(v)
            : v,
      );
    }
  }
  return { field: f, values };
}
