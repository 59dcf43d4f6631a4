/**
 * The network lab's URL keys (preset `mlp`): the network and its data set, and how its slice
 * is viewed. Same rules as url.ts: only values that differ from the preset's defaults are
 * written; a bad value is ignored with a one-line notice and the default stays.
 */
import type { RunConfig } from '../engine/config';
import type { ViewState } from './viewStore';
import { runError, type ConfigState } from './configStore';
import { flag } from './paramParsers';

type Input = Record<string, unknown>;
const net = (c: Input) => (c.network ??= {}) as Input;
const land = (c: Input) => (c.landscape ??= {}) as Input;
const num = (raw: string): number => {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v)) throw new Error(`"${raw}" is not a number`);
  return v;
};

/** key → how to read it from a config and write it into a config input (url.ts's FIELDS). */
export const NETWORK_FIELDS: Record<
  string,
  { get: (c: RunConfig) => unknown; set: (raw: string, c: Input) => void }
> = {
  dat: { get: (c) => c.network?.dataset, set: (r, c) => void (net(c).dataset = r) },
  nz: { get: (c) => c.network?.noise, set: (r, c) => void (net(c).noise = num(r)) },
  ln: { get: (c) => c.network?.labelNoise, set: (r, c) => void (net(c).labelNoise = num(r)) },
  nt: {
    get: (c) => (c.network ? c.landscape.nTest : undefined),
    set: (r, c) => void (land(c).nTest = num(r)),
  },
  hid: {
    get: (c) => c.network?.hidden.join(','),
    set: (r, c) => void (net(c).hidden = r.split(',').map(num)),
  },
  act: { get: (c) => c.network?.activation, set: (r, c) => void (net(c).activation = r) },
  bn: {
    get: (c) => (c.network ? (c.network.batchNorm ? 1 : 0) : undefined),
    set: (r, c) => void (net(c).batchNorm = flag(r)),
  },
  gb: { get: (c) => c.network?.ghostBatch, set: (r, c) => void (net(c).ghostBatch = num(r)) },
  wd: { get: (c) => c.network?.weightDecay, set: (r, c) => void (net(c).weightDecay = num(r)) },
};

/**
 * A ghost batch that suits the base batch may not divide another compared run's batch
 * (cmp=batch:8,128 with gb=16): then plain BN, and a notice saying why.
 */
export function fitRunsToComparison(state: ConfigState, notices: string[]): ConfigState {
  const problem = runError(state);
  if (!problem) return state;
  const network = state.base.network;
  if (network && network.ghostBatch > 0) {
    const base = { ...state.base, network: { ...network, ghostBatch: 0 } };
    if (!runError({ ...state, base })) {
      notices.push(`Ignored gb=${network.ghostBatch}: ${problem}; using plain BatchNorm.`);
      return { ...state, base };
    }
  }
  notices.push(`Ignored the comparison: ${problem}.`);
  return { ...state, compare: { field: 'batch', values: [state.base.batch] } };
}

/** The slice view's keys: `sd` directions (filter | pca), `sr` the centring run (0-based). */
export function encodeNetView(view: ViewState, p: URLSearchParams): void {
  if (view.netDirections !== 'filter') p.set('sd', view.netDirections);
  if (view.netFocus !== 0) p.set('sr', String(view.netFocus));
}

export function decodeNetView(p: URLSearchParams, view: Partial<ViewState>, notices: string[]) {
  const sd = p.get('sd');
  if (sd === 'filter' || sd === 'pca') view.netDirections = sd;
  else if (sd !== null) notices.push(`Ignored sd=${sd}: expected filter or pca.`);
  const sr = p.get('sr');
  if (sr === null) return;
  const v = Number(sr);
  if (Number.isInteger(v) && v >= 0 && v <= 3) view.netFocus = v;
  else notices.push(`Ignored sr=${sr}: expected a run number 0–3.`);
}
