import { CONFIG_VERSION, PRESET_IDS, type PresetId, type RunConfig } from './config';
import { presetDefaults } from './presets';
import { networkChecks, NETWORK } from './validateNetwork';
import { checkExpr } from './expr/check';
import {
  bool,
  describe,
  fieldPath,
  isObj,
  num,
  numArray,
  oneOf,
  optional,
  type Check,
  type ConfigError,
} from './validateChecks';

export type { ConfigError } from './validateChecks';

export type ResolveResult = { ok: true; config: RunConfig } | { ok: false; errors: ConfigError[] };

const LANDSCAPE: Record<string, Check> = {
  dataSeed: num(0, 2 ** 32 - 1, { integer: true }),
  n: num(1, 200000, { integer: true }),
  nTest: num(1, 200000, { integer: true }),
  spread: num(0, 100),
  shift: numArray(1, 10000, -100, 100),
  dim: num(1, 10000, { integer: true }),
  sharpDepth: num(0, 1000),
  sharpRadius: num(0, 100, { exclusiveMin: true }),
  sharpCenter: numArray(2, 2, -100, 100),
  flatDepth: num(0, 1000),
  flatRadius: num(0, 100, { exclusiveMin: true }),
  flatCenter: numArray(2, 2, -100, 100),
  confinement: num(0, 1000),
  amplitude: num(0, 1e6),
  roughness: num(0, 1e6),
  kNoise: num(0, 1e6, { exclusiveMin: true }),
  hurst: num(0, 1, { exclusiveMin: true }),
  kMin: num(0, 1e6, { exclusiveMin: true }),
  kMax: num(0, 1e6, { exclusiveMin: true }),
  modes: num(1, 4096, { integer: true }),
  lambdaMax: num(0, 1e6, { exclusiveMin: true }),
  lambdaMin: num(0, 1e6, { exclusiveMin: true }),
  expr: (v, path, errors) => {
    if (typeof v !== 'string')
      return void errors.push({
        path,
        message: `must be an expression f(x, y), got ${describe(v)}`,
      });
    const problem = checkExpr(v);
    if (problem) errors.push({ path, message: problem.message });
  },
};

const OPTIMIZER: Record<string, Check> = {
  kind: oneOf(['sgd', 'momentum', 'nesterov', 'adam']),
  momentum: num(0, 0.9999),
  beta1: num(0, 0.9999),
  beta2: num(0, 0.999999),
  eps: num(0, 1, { exclusiveMin: true }),
};

const fraction = num(0, 1);
const milestones: Check = (v, path, errors) => {
  numArray(0, 64, 0, 1)(v, path, errors, undefined as never);
  if (Array.isArray(v) && v.some((x, i) => i > 0 && (x as number) <= (v[i - 1] as number))) {
    errors.push({ path, message: 'must be strictly increasing fractions of the budget' });
  }
};

const LR_SCHEDULE: Record<string, Record<string, Check>> = {
  constant: {},
  warmup: { fraction, peak: num(0, 1e4, { exclusiveMin: true }) },
  step: { milestones, factor: num(0, 1000, { exclusiveMin: true }) },
  cosine: { finalFactor: num(0, 1) },
};
const LR_SCHEDULE_DEFAULTS = {
  constant: {},
  warmup: { fraction: 0.1, peak: 1 },
  step: { milestones: [0.5], factor: 0.1 },
  cosine: { finalFactor: 0 },
};

const TOP: Record<string, Check> = {
  version: (v, path, errors) => {
    if (v !== CONFIG_VERSION)
      errors.push({
        path,
        message: `unsupported config version ${describe(v)}; this build reads version ${CONFIG_VERSION}`,
      });
  },
  seed: num(0, 2 ** 32 - 1, { integer: true }),
  start: (v, path, errors, whole) => {
    if (v === null) return;
    if (whole.network)
      return void errors.push({
        path,
        message: 'must be null for the mlp preset (its weights are drawn by network.init)',
      });
    numArray(whole.landscape.dim, whole.landscape.dim, -1e4, 1e4)(v, path, errors, whole);
  },
  lr: num(0, 1e4, { exclusiveMin: true }),
  lrScaling: oneOf(['none', 'linear', 'sqrt']),
  batch: (v, path, errors, whole) =>
    num(1, whole.landscape.n, { integer: true })(v, path, errors, whole),
  refBatch: num(1, 1e7, { integer: true }),
  regimeAdaptation: bool,
  temperature: num(0, 1e4),
  metricsEvery: num(0, 1e9, { integer: true }),
  // Optional (absent = 0), so configs without it resolve to the same JSON as before.
  metricsPerDecade: optional(num(0, 1000, { integer: true })),
  hessianEvery: num(0, 1e9, { integer: true }),
  recordEvery: num(1, 1e9, { integer: true }),
  divergeBound: num(0, 1e300, { exclusiveMin: true }),
};

/**
 * Fills defaults from the chosen preset and checks every field. Unknown fields are
 * errors (a typo must not silently fall back to a default).
 */
export function resolveConfig(input: unknown): ResolveResult {
  const errors: ConfigError[] = [];
  if (input === undefined || input === null) input = {};
  if (!isObj(input))
    return {
      ok: false,
      errors: [{ path: '', message: `config must be an object, got ${describe(input)}` }],
    };
  const preset = (input.preset ?? 'sharp-flat') as PresetId;
  if (!PRESET_IDS.includes(preset)) {
    return {
      ok: false,
      errors: [
        {
          path: 'preset',
          message: `must be one of ${PRESET_IDS.join(', ')}; got ${describe(input.preset)}`,
        },
      ],
    };
  }
  const config = presetDefaults(preset);
  const target = config as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (key === 'preset') continue;
    if (key === 'network' && !config.network) {
      errors.push({
        path: key,
        message: `only the mlp preset has a network (the preset here is ${preset})`,
      });
    } else if (key === 'landscape' || key === 'optimizer' || key === 'network') {
      const spec = key === 'landscape' ? LANDSCAPE : key === 'optimizer' ? OPTIMIZER : NETWORK;
      if (!isObj(value)) {
        errors.push({ path: key, message: `must be an object, got ${describe(value)}` });
        continue;
      }
      mergeSection(target[key] as Record<string, unknown>, value, spec, key, errors);
    } else if (key === 'lrSchedule') {
      mergeTagged(config, 'lrSchedule', value, LR_SCHEDULE, LR_SCHEDULE_DEFAULTS, errors);
    } else if (key === 'batchSchedule') {
      const n = config.landscape.n;
      const spec = {
        constant: {},
        grow: {
          milestones,
          factor: num(1, 1e6, { exclusiveMin: true }),
          cap: num(1, 1e7, { integer: true }),
        },
      };
      mergeTagged(
        config,
        'batchSchedule',
        value,
        spec,
        { constant: {}, grow: { milestones: [0.25, 0.5, 0.75], factor: 4, cap: n } },
        errors,
      );
    } else if (key === 'budget') {
      if (!isObj(value)) {
        errors.push({
          path: key,
          message: `must be an object like {"unit":"epochs","amount":100}`,
        });
        continue;
      }
      mergeSection(
        target.budget as Record<string, unknown>,
        value,
        { unit: oneOf(['epochs', 'steps']), amount: num(0, 1e9, { exclusiveMin: true }) },
        key,
        errors,
      );
    } else if (Object.hasOwn(TOP, key)) {
      target[key] = value;
    } else {
      errors.push({ path: fieldPath('', key), message: 'unknown field' });
    }
  }
  for (const [key, check] of Object.entries(TOP)) check(target[key], key, errors, config);
  // Cross checks read fields as their types: only once every field passed on its own (a
  // batch of {} must be reported, not crash the batch-schedule arithmetic).
  if (errors.length === 0) crossChecks(config, errors);
  if (errors.length === 0 && config.network) networkChecks(config, errors);
  return errors.length ? { ok: false, errors } : { ok: true, config };
}

function mergeSection(
  into: Record<string, unknown>,
  from: Record<string, unknown>,
  spec: Record<string, Check>,
  path: string,
  errors: ConfigError[],
): void {
  for (const [k, v] of Object.entries(from)) {
    // Own keys only: `constructor`, `toString`, `__proto__` are not fields.
    const check = Object.hasOwn(spec, k) ? spec[k] : undefined;
    if (!check) {
      errors.push({ path: fieldPath(path, k), message: 'unknown field' });
      continue;
    }
    const before = errors.length;
    check(v, `${path}.${k}`, errors, undefined as never);
    if (errors.length === before) into[k] = v;
  }
}

function mergeTagged(
  config: RunConfig,
  key: 'lrSchedule' | 'batchSchedule',
  value: unknown,
  specs: Record<string, Record<string, Check>>,
  defaults: Record<string, Record<string, unknown>>,
  errors: ConfigError[],
): void {
  if (!isObj(value))
    return void errors.push({
      path: key,
      message: `must be an object with a "kind" (${Object.keys(specs).join(', ')})`,
    });
  const kind = value.kind ?? config[key].kind;
  const spec = typeof kind === 'string' && Object.hasOwn(specs, kind) ? specs[kind] : undefined;
  if (!spec)
    return void errors.push({
      path: `${key}.kind`,
      message: `must be one of ${Object.keys(specs).join(', ')}; got ${describe(kind)}`,
    });
  const merged: Record<string, unknown> = { kind, ...structuredClone(defaults[kind as string]) };
  const { kind: _k, ...rest } = value;
  mergeSection(merged, rest, spec, key, errors);
  (config as unknown as Record<string, unknown>)[key] = merged;
}

function crossChecks(c: RunConfig, errors: ConfigError[]): void {
  const l = c.landscape;
  const twoD =
    c.preset === 'bowl' ||
    c.preset === 'sharp-flat' ||
    c.preset === 'saddle' ||
    c.preset === 'custom';
  if (l.expr !== undefined && c.preset !== 'custom')
    errors.push({
      path: 'landscape.expr',
      message: `only the custom preset reads an expression (the preset here is ${c.preset})`,
    });
  if (twoD && l.dim !== 2)
    errors.push({ path: 'landscape.dim', message: `the ${c.preset} preset is 2-D; dim must be 2` });
  if (l.shift.length !== 1 && l.shift.length !== l.dim && !c.network) {
    errors.push({
      path: 'landscape.shift',
      message: `must have ${l.dim === 1 ? '1 entry' : `1 or ${l.dim} entries`} (one for every axis, or one per axis), got ${l.shift.length}`,
    });
  }
  if (l.kMin >= l.kMax)
    errors.push({
      path: 'landscape.kMin',
      message: `must be below kMax (${l.kMax}), got ${l.kMin}`,
    });
  if (l.lambdaMin > l.lambdaMax)
    errors.push({
      path: 'landscape.lambdaMin',
      message: `must not exceed lambdaMax (${l.lambdaMax})`,
    });
  if (l.dim * l.n > 5e7)
    errors.push({
      path: 'landscape.n',
      message: `dim × n = ${l.dim * l.n} is too large (limit 5e7 values)`,
    });
  if (c.batchSchedule.kind === 'grow' && c.batchSchedule.cap > l.n) {
    errors.push({
      path: 'batchSchedule.cap',
      message: `must be ≤ the train set size n = ${l.n}, got ${c.batchSchedule.cap}`,
    });
  }
}
