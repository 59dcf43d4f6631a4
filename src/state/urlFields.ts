/**
 * The URL's config keys: for each short key, how to read it from a config and write it into
 * a config input (numbers decimal only, flags 0/1, schedules as `kind:args`). url.ts owns the
 * order, the defaults and the notices; this table is the vocabulary.
 */
import type { RunConfig } from '../engine/config';
import { MAX_EXPR_LENGTH } from '../engine/expr/ast';
import { NETWORK_FIELDS } from './urlNetwork';
import { clipValue } from './urlNotice';

type Getter = (c: RunConfig) => unknown;
type Setter = (raw: string, c: Record<string, unknown>) => void;

/** Plain decimals only: Number() would also take '0x10', ' 8 ' and '' (as 0). */
const DECIMAL = /^[-+]?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/;
const num = (raw: string): number => {
  const v = Number(raw);
  if (!DECIMAL.test(raw) || !Number.isFinite(v))
    throw new Error(`"${clipValue(raw)}" is not a number`);
  return v;
};
/** 1/true or 0/false; anything else is a mistake to report, not a silent "off". */
const flag = (raw: string): boolean => {
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error('expected 0 or 1');
};
const list = (raw: string): number[] => raw.split(',').map(num);
const section = (c: Record<string, unknown>, k: string) => (c[k] ??= {}) as Record<string, unknown>;

/** key → how to read it from a config and write it into a config input. */
export const FIELDS: Record<string, { get: Getter; set: Setter }> = {
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
    set: (r, c) => void (c.regimeAdaptation = flag(r)),
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
  throw new Error(`unknown schedule "${clipValue(kind ?? '')}"`);
}

function encodeBatchSchedule(s: RunConfig['batchSchedule']): string {
  return s.kind === 'grow' ? `grow:${s.milestones.join(',')}:${s.factor}:${s.cap}` : 'constant';
}

function decodeBatchSchedule(r: string): unknown {
  const [kind, a, b, cap] = r.split(':');
  if (kind === 'grow')
    return { kind, milestones: list(a ?? ''), factor: num(b ?? ''), cap: num(cap ?? '') };
  if (kind === 'constant') return { kind };
  throw new Error(`unknown batch schedule "${clipValue(kind ?? '')}"`);
}
