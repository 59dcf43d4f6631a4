/**
 * The science views' parameters in the URL, with short keys (sweep: `sb=1,4,16&sk=20`).
 * Each key reads a raw string into a parameter object and writes it back; only values
 * that differ from the defaults are written. Reading never throws: a bad value keeps
 * its default and a plain-language notice says so. The views' parameter bars reuse the
 * same parsers for what the user types, so the URL and the form accept the same things.
 */

import { defaultFitRange } from '../engine/experiments';
import { VIEW_FIELDS, type ParamField } from './viewFields';
import { clipNotice, clipValue } from './urlNotice';

export const SCIENCE_VIEWS = [
  'sweep',
  'remedies',
  'network',
  'diffusion',
  'keskar',
  'stability',
] as const;
export type ScienceView = (typeof SCIENCE_VIEWS)[number];
export type TabId = 'explorer' | ScienceView;
export const TABS: readonly TabId[] = ['explorer', ...SCIENCE_VIEWS];

export const isScienceView = (v: string | null | undefined): v is ScienceView =>
  (SCIENCE_VIEWS as readonly string[]).includes(v ?? '');

export interface SweepParams {
  /** null: 1, 4, 16, … below N, then N (the CLI's default too). */
  batches: number[] | null;
  seeds: number;
  seedStart: number;
  /** Optional learning-rate axis; null: the explorer's learning rate only. */
  lrs: number[] | null;
}
export interface RemediesParams {
  small: number;
  /** null: the whole train set, N. */
  large: number | null;
  seeds: number;
}
export interface NetworkParams {
  small: number;
  /** null: the whole train set, N. */
  large: number | null;
  /** Ghost batch size of the Ghost BN rows; null: the small batch. */
  ghost: number | null;
  seeds: number;
}
export interface DiffusionParams {
  batches: number[];
  lrs: number[];
  seeds: number;
  steps: number;
  /** Adds the flat-potential baseline (amplitude 0) of every curve. */
  flat: boolean;
  /** null: the engine's default, 20 … steps (as the CLI). */
  fitRange: [number, number] | null;
}
export interface KeskarParams {
  seed: number;
  small: number;
  large: number | null;
  eps: number;
  /** Ensemble size for the φ table (seeds seed … seed + seeds − 1). */
  seeds: number;
}
export interface StabilityParams {
  lrRange: [number, number];
  count: number;
  steps: number;
  lambdaMax: number;
}

export interface AllViewParams {
  sweep: SweepParams;
  remedies: RemediesParams;
  network: NetworkParams;
  diffusion: DiffusionParams;
  keskar: KeskarParams;
  stability: StabilityParams;
}

/** Modest defaults: every view's first run finishes in seconds on two cores. */
export function defaultViewParams(): AllViewParams {
  return {
    sweep: { batches: null, seeds: 20, seedStart: 1, lrs: null },
    remedies: { small: 16, large: null, seeds: 12 },
    // Six recipes of a 1000-epoch network (regime adaptation and Hoffer's recipe make 8× the
    // updates of the others): ~17 s of CPU per seed. 8 seeds (~2½ min on one pool worker) are
    // the fewest whose 95% intervals still separate B = 16 from B = 128 on test accuracy at the
    // default; the CLI runs the full-size ensembles.
    network: { small: 16, large: null, ghost: null, seeds: 8 },
    // Three decades of log growth (t = 20 … 20k) at B = 1 against its flat baseline (p(t) = ½).
    // 64 landscapes, because single walks move in rare jumps: fewer leave the mean too bumpy
    // for a clear R² (the baseline averages 4 × 64 runs). About 30 s of CPU, i.e. one pool
    // worker on a 2-core machine; other batch sizes are one field away.
    diffusion: {
      batches: [1],
      lrs: [2],
      seeds: 64,
      steps: 20000,
      flat: true,
      fitRange: null,
    },
    keskar: { seed: 1, small: 16, large: null, eps: 0.05, seeds: 8 },
    stability: { lrRange: [0.02, 0.4], count: 13, steps: 200, lambdaMax: 10 },
  };
}

/** Checks that need more than one field; returns a notice and restores defaults if broken. */
function crossCheck<V extends ScienceView>(view: V, p: AllViewParams[V]): string | null {
  if (view === 'diffusion') {
    const d = p as DiffusionParams;
    if (d.fitRange && d.fitRange[1] > d.steps) {
      d.fitRange = null;
      const [lo, hi] = defaultFitRange(d.steps);
      return `The diffusion fit range must end by step ${d.steps}; using ${lo}…${hi}.`;
    }
  }
  return null;
}

/** Reads one view's raw values (URL or form) over `current`; bad values keep the current ones. */
export function parseViewFields<V extends ScienceView>(
  view: V,
  raw: Readonly<Record<string, string | null | undefined>>,
  current: AllViewParams[V],
): { params: AllViewParams[V]; notices: string[] } {
  const params = structuredClone(current);
  const notices: string[] = [];
  for (const f of VIEW_FIELDS[view] as ParamField<AllViewParams[V]>[]) {
    const r = raw[f.key];
    if (r === null || r === undefined) continue;
    const trial = structuredClone(params);
    try {
      f.write(r.trim(), trial);
      Object.assign(params, trial);
    } catch (e) {
      notices.push(`Ignored ${f.key}=${clipValue(r)}: ${(e as Error).message}.`);
    }
  }
  const cross = crossCheck(view, params);
  if (cross) notices.push(cross);
  return { params, notices: notices.map(clipNotice) };
}

export interface DecodedViewParams {
  tab: TabId;
  params: AllViewParams;
  notices: string[];
}

export function decodeViewParams(search: string): DecodedViewParams {
  const q = new URLSearchParams(search);
  const notices: string[] = [];
  const defaults = defaultViewParams();
  // A repeated key is read once, the first, as the explorer's codec reads its own keys
  // (which also says that the key was repeated).
  // No prototype: a key named __proto__ or constructor is just a key.
  const raw = Object.create(null) as Record<string, string>;
  for (const [k, v] of q.entries()) if (!Object.hasOwn(raw, k)) raw[k] = v;
  const params = {} as Record<ScienceView, unknown>;
  for (const view of SCIENCE_VIEWS) {
    const r = parseViewFields(view, raw, defaults[view] as never);
    params[view] = r.params;
    notices.push(...r.notices);
  }
  let tab: TabId = 'explorer';
  const rawTab = q.get('tab');
  if (rawTab !== null) {
    if ((TABS as readonly string[]).includes(rawTab)) tab = rawTab as TabId;
    else notices.push(`Unknown tab "${clipValue(rawTab)}"; showing the explorer.`);
  }
  const figure = q.get('view');
  if (isScienceView(figure)) tab = figure;
  return { tab, params: params as unknown as AllViewParams, notices: notices.map(clipNotice) };
}

/** URL entries for the tab (omitted for the explorer) and every non-default parameter. */
export function encodeViewParams(tab: TabId | null, params: AllViewParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (tab && tab !== 'explorer') out.tab = tab;
  const defaults = defaultViewParams();
  for (const view of SCIENCE_VIEWS) {
    for (const f of VIEW_FIELDS[view] as ParamField<unknown>[]) {
      const v = f.read(params[view]);
      if (v !== f.read(defaults[view])) out[f.key] = v;
    }
  }
  return out;
}

/** The raw strings a parameter bar starts from (what the URL would say, defaults included). */
export function fieldValues<V extends ScienceView>(
  view: V,
  p: AllViewParams[V],
): Record<string, string> {
  return Object.fromEntries(
    (VIEW_FIELDS[view] as ParamField<AllViewParams[V]>[]).map((f) => [f.key, f.read(p)]),
  );
}
