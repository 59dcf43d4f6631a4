/**
 * The whole experiment in the URL, with short readable keys. Only settings that differ
 * from the preset's defaults are written. Reading never fails: a bad or out-of-range
 * value falls back to its default (or is clamped) and a notice says what changed.
 */
import type { PresetId, RunConfig } from '../engine/config';
import { PRESET_IDS } from '../engine/config';
import { presetDefaults } from '../engine/presets';
import { resolveConfig } from '../engine/validate';
import {
  COMPARE_FIELDS,
  defaultComparison,
  explorerDefaults,
  type Comparison,
  type CompareField,
  type ConfigState,
} from './configStore';
import { initialViewState, type ViewState } from './viewStore';
import { decodeNetView, encodeNetView, fitRunsToComparison } from './urlNetwork';
import { clipNotice, clipValue } from './urlNotice';
import { SCIENCE_VIEWS } from './viewParams';
import { FIELDS } from './urlFields';

/**
 * Reading order: the landscape first, since other limits depend on it (the batch on n, the
 * start on dim); writing keeps FIELDS' order, so links made before stay the same text.
 */
const LANDSCAPE_KEYS = ['ds', 'n', 'sp', 'sh', 'd'];
const DECODE_ORDER = [
  ...LANDSCAPE_KEYS,
  ...Object.keys(FIELDS).filter((k) => !LANDSCAPE_KEYS.includes(k)),
];

/** Figures that can be opened alone with `?view=`. */
const FIGURES: readonly string[] = ['scene', 'charts', ...SCIENCE_VIEWS];

const VIEW_KEYS: Record<string, keyof ViewState> = {
  cam: 'camera',
  sf: 'surface',
  th: 'theme',
  lay: 'layout',
  quality: 'quality',
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
  const shown = (key: string, raw: string) => `${clipValue(key)}=${clipValue(raw)}`;
  const counts = new Map<string, number>();
  for (const key of p.keys()) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, n] of counts)
    if (n > 1)
      notices.push(
        `"${clipValue(key)}" appears ${n} times in the link; ${OWN_KEYS.has(key) ? 'using the first' : 'only one is used'}.`,
      );
  let preset: PresetId = 'sharp-flat';
  const rawPreset = p.get('p');
  if (rawPreset !== null) {
    if ((PRESET_IDS as readonly string[]).includes(rawPreset)) preset = rawPreset as PresetId;
    else notices.push(`Unknown landscape "${clipValue(rawPreset)}"; showing sharp-flat.`);
  } else if (p.has('expr')) preset = 'custom';
  const opening = explorerDefaults(preset);
  const input: Record<string, unknown> = { preset, start: opening.start, budget: opening.budget };
  if (p.get('ep') !== null && p.get('st') !== null)
    notices.push(
      `The link gives the budget twice (ep and st); using st=${clipValue(p.get('st')!)}.`,
    );
  for (const key of DECODE_ORDER) {
    const f = FIELDS[key]!;
    const full = p.get(key);
    if (full === null) continue;
    const raw = full; // shown() quotes at most a clipped part of it
    const trial = structuredClone(input);
    try {
      f.set(full, trial);
    } catch (e) {
      notices.push(`Ignored ${shown(key, raw)}: ${(e as Error).message}.`);
      continue;
    }
    const r = resolveConfig(trial);
    if (r.ok) Object.assign(input, trial);
    else {
      const clamped = clampInto(trial, r.errors[0]?.path ?? '', preset);
      if (clamped !== null && resolveConfig(clamped.input).ok) {
        Object.assign(input, clamped.input);
        notices.push(`${shown(key, raw)} is out of range; using ${clamped.value}.`);
      } else notices.push(`Ignored ${shown(key, raw)}: ${r.errors[0]?.message ?? 'invalid'}.`);
    }
  }
  const resolved = resolveConfig(input);
  if (!resolved.ok)
    notices.push(
      `The link's settings do not fit together (${resolved.errors[0]?.path}: ${resolved.errors[0]?.message}); showing the ${preset} defaults.`,
    );
  const base = resolved.ok ? resolved.config : explorerDefaults(preset);
  let compare: Comparison = defaultComparison(base);
  const rawCmp = p.get('cmp');
  if (rawCmp !== null) {
    let parsed = parseComparison(rawCmp, base);
    // A ghost batch that fits the base batch but not a compared one is the network's
    // problem, not the comparison's: keep the comparison and let fitRunsToComparison
    // (below) fall back to plain BN with its own notice.
    if (typeof parsed === 'string' && base.network?.ghostBatch) {
      const plain = parseComparison(rawCmp, {
        ...base,
        network: { ...base.network, ghostBatch: 0 },
      });
      if (typeof plain !== 'string') parsed = plain;
    }
    if (typeof parsed === 'string')
      notices.push(
        `Ignored ${shown('cmp', rawCmp)}: ${parsed}; comparing the default batch sizes.`,
      );
    else compare = parsed;
  }
  const view: Partial<ViewState> = {};
  const enums: Record<string, readonly string[]> = {
    cam: ['3d', 'top'],
    sf: ['train', 'test', 'both', 'gap'],
    th: ['light', 'dark'],
    lay: ['overlay', 'side'],
    quality: ['auto', 'high', 'low'],
  };
  for (const [key, field] of Object.entries(VIEW_KEYS)) {
    const raw = p.get(key);
    if (raw === null) continue;
    if (enums[key]!.includes(raw)) (view as Record<string, unknown>)[field] = raw;
    else notices.push(`Ignored ${shown(key, raw)}: expected ${enums[key]!.join(' or ')}.`);
  }
  decodeNetView(p, view, notices);
  const pm = p.get('pm');
  if (pm === '1') view.presenter = true;
  else if (pm !== null && pm !== '0') notices.push(`Ignored ${shown('pm', pm)}: expected 0 or 1.`);
  const ex = p.get('ex');
  if (ex !== null) {
    const v = Number(ex);
    if (ex.trim() === '' || !Number.isFinite(v))
      notices.push(`Ignored ${shown('ex', ex)}: not a number.`);
    else {
      view.exaggeration = Math.min(5, Math.max(0.1, v));
      if (view.exaggeration !== v)
        notices.push(`${shown('ex', ex)} is out of range; using ${view.exaggeration}.`);
    }
  }
  let figure = p.get('view');
  if (figure !== null && !FIGURES.includes(figure)) {
    notices.push(`Unknown figure ${shown('view', figure)}; showing the explorer.`);
    figure = null;
  }
  const config = fitRunsToComparison({ base, compare, notices }, notices);
  const clipped = notices.map(clipNotice);
  return { config: { ...config, notices: clipped }, view, notices: clipped, figure };
}

/** Keys this codec reads (a repeated one is read once: the first). */
const OWN_KEYS = new Set([
  'p',
  'cmp',
  'view',
  'pm',
  'ex',
  ...Object.keys(FIELDS),
  ...Object.keys(VIEW_KEYS),
]);

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

/**
 * `cmp=field:v1,v2,…`. Every value must give a config the engine accepts (an lr of 1e300
 * or a seed past 2³² would otherwise leave that run in "error" with nothing said); batch
 * sizes alone are clamped to 1 … n, as the batch slider would.
 */
function parseComparison(raw: string, base: RunConfig): Comparison | string {
  const colon = raw.indexOf(':');
  const field = colon < 0 ? raw : raw.slice(0, colon);
  if (!(COMPARE_FIELDS as readonly string[]).includes(field))
    return `unknown field "${clipValue(field)}"`;
  const f = field as CompareField;
  const parts = (colon < 0 ? '' : raw.slice(colon + 1)).split(',').filter((s) => s !== '');
  if (parts.length < 1 || parts.length > 4) return 'give 1 to 4 values';
  const values: (number | string | boolean)[] = [];
  for (const part of parts) {
    const shown = `"${clipValue(part)}"`;
    let value: number | string | boolean;
    if (f === 'optimizer') {
      if (!['sgd', 'momentum', 'nesterov', 'adam'].includes(part))
        return `unknown optimizer ${shown}`;
      value = part;
    } else if (f === 'regimeAdaptation') {
      if (!['0', '1', 'true', 'false'].includes(part)) return `${shown} is not 0 or 1`;
      value = part === '1' || part === 'true';
    } else {
      const v = Number(part);
      if (part.trim() === '' || !Number.isFinite(v) || v <= 0)
        return `${shown} is not a positive number`;
      if (f === 'seed' && !Number.isInteger(v)) return `seed ${shown} is not a whole number`;
      value = f === 'batch' ? Math.min(base.landscape.n, Math.max(1, Math.round(v))) : v;
    }
    const trial = structuredClone(base) as unknown as Record<string, unknown>;
    if (f === 'optimizer') trial.optimizer = { ...base.optimizer, kind: value };
    else trial[f] = value;
    const r = resolveConfig(trial);
    if (!r.ok) return `${f} ${shown}: ${r.errors[0]?.message ?? 'invalid'}`;
    values.push(value);
  }
  return { field: f, values };
}
