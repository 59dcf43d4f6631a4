/**
 * The science views' URL keys, one list per view: each key's reader (params → the string the
 * URL and the parameter bar show; empty = default/auto) and writer (a raw string → params,
 * throwing a plain-language reason that viewParams.ts turns into a notice).
 */
import type { AllViewParams, ScienceView } from './viewParams';
import { batchList, flag, join, lrList, number, pair, whole } from './paramParsers';

/** One URL key: how to show it (empty = default/auto) and how to read it into params. */
export interface ParamField<P> {
  key: string;
  read(p: P): string;
  write(raw: string, p: P): void;
}

export type Fields = { [V in ScienceView]: ParamField<AllViewParams[V]>[] };

export const VIEW_FIELDS: Fields = {
  sweep: [
    {
      key: 'sb',
      read: (p) => join(p.batches),
      write: (r, p) => void (p.batches = r ? batchList(r) : null),
    },
    { key: 'sk', read: (p) => String(p.seeds), write: (r, p) => void (p.seeds = whole(r, 1, 500)) },
    {
      key: 'ss',
      read: (p) => String(p.seedStart),
      write: (r, p) => void (p.seedStart = whole(r, 0, 2 ** 31)),
    },
    { key: 'slr', read: (p) => join(p.lrs), write: (r, p) => void (p.lrs = r ? lrList(r) : null) },
  ],
  remedies: [
    {
      key: 'rs',
      read: (p) => String(p.small),
      write: (r, p) => void (p.small = whole(r, 1, 1 << 20)),
    },
    {
      key: 'rl',
      read: (p) => (p.large === null ? '' : String(p.large)),
      write: (r, p) => void (p.large = r ? whole(r, 1, 1 << 20) : null),
    },
    { key: 'rk', read: (p) => String(p.seeds), write: (r, p) => void (p.seeds = whole(r, 1, 200)) },
  ],
  // `nw…`: the network comparison's keys, apart from the explorer's network settings.
  network: [
    {
      key: 'nws',
      read: (p) => String(p.small),
      write: (r, p) => void (p.small = whole(r, 1, 1 << 20)),
    },
    {
      key: 'nwl',
      read: (p) => (p.large === null ? '' : String(p.large)),
      write: (r, p) => void (p.large = r ? whole(r, 1, 1 << 20) : null),
    },
    {
      key: 'nwg',
      read: (p) => (p.ghost === null ? '' : String(p.ghost)),
      write: (r, p) => void (p.ghost = r ? whole(r, 1, 1 << 20) : null),
    },
    // At least 2: an interval needs two runs.
    {
      key: 'nwk',
      read: (p) => String(p.seeds),
      write: (r, p) => void (p.seeds = whole(r, 2, 100)),
    },
  ],
  diffusion: [
    {
      key: 'db',
      read: (p) => join(p.batches),
      write: (r, p) => void (p.batches = batchList(r, 6)),
    },
    { key: 'dlr', read: (p) => join(p.lrs), write: (r, p) => void (p.lrs = lrList(r, 4)) },
    { key: 'dk', read: (p) => String(p.seeds), write: (r, p) => void (p.seeds = whole(r, 1, 200)) },
    {
      key: 'dst',
      read: (p) => String(p.steps),
      write: (r, p) => void (p.steps = whole(r, 10, 1e6)),
    },
    {
      key: 'dfr',
      read: (p) => join(p.fitRange),
      write: (r, p) => void (p.fitRange = r ? pair(r, 1, 1e6) : null),
    },
    { key: 'dfl', read: (p) => (p.flat ? '1' : '0'), write: (r, p) => void (p.flat = flag(r)) },
  ],
  keskar: [
    {
      key: 'ks',
      read: (p) => String(p.seed),
      write: (r, p) => void (p.seed = whole(r, 0, 2 ** 31)),
    },
    {
      key: 'kb',
      read: (p) => String(p.small),
      write: (r, p) => void (p.small = whole(r, 1, 1 << 20)),
    },
    {
      key: 'kl',
      read: (p) => (p.large === null ? '' : String(p.large)),
      write: (r, p) => void (p.large = r ? whole(r, 1, 1 << 20) : null),
    },
    { key: 'ke', read: (p) => String(p.eps), write: (r, p) => void (p.eps = number(r, 1e-6, 1)) },
    { key: 'kk', read: (p) => String(p.seeds), write: (r, p) => void (p.seeds = whole(r, 1, 64)) },
  ],
  stability: [
    {
      key: 'tlr',
      read: (p) => join(p.lrRange),
      write: (r, p) => void (p.lrRange = pair(r, 1e-6, 1e4)),
    },
    { key: 'tn', read: (p) => String(p.count), write: (r, p) => void (p.count = whole(r, 2, 40)) },
    {
      key: 'tst',
      read: (p) => String(p.steps),
      write: (r, p) => void (p.steps = whole(r, 1, 1e5)),
    },
    {
      key: 'tlm',
      read: (p) => String(p.lambdaMax),
      write: (r, p) => void (p.lambdaMax = number(r, 0.01, 1e4)),
    },
  ],
};
