import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveConfig, type ConfigError } from './validate';
import { presetDefaults } from './presets';
import { CONFIG_VERSION, PRESET_IDS } from './config';

function errorsOf(input: unknown): ConfigError[] {
  const r = resolveConfig(input);
  if (r.ok) throw new Error(`expected errors for ${JSON.stringify(input)}`);
  return r.errors;
}

/** The single error reported for `input`, checked to sit at `path`. */
function onlyError(input: unknown, path: string, message: RegExp): void {
  const errors = errorsOf(input);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  expect(errors[0]!.path).toBe(path);
  expect(errors[0]!.message).toMatch(message);
}

describe('resolveConfig', () => {
  it('fills every default from the preset', () => {
    for (const preset of PRESET_IDS) {
      const r = resolveConfig({ preset });
      expect(r.ok && r.config).toEqual(presetDefaults(preset));
    }
    // Partial sections merge over the defaults.
    const r = resolveConfig({ preset: 'bowl', landscape: { n: 100 }, optimizer: { kind: 'adam' } });
    if (!r.ok) throw new Error('should resolve');
    expect(r.config.landscape).toEqual({ ...presetDefaults('bowl').landscape, n: 100 });
    expect(r.config.optimizer.kind).toBe('adam');
    expect(r.config.optimizer.beta2).toBe(presetDefaults('bowl').optimizer.beta2);
    expect(r.config.version).toBe(CONFIG_VERSION);
  });

  it('does not mutate the input or share state between calls', () => {
    const input = { preset: 'sharp-flat', landscape: { shift: [0.1, 0.2] } };
    const copy = structuredClone(input);
    const a = resolveConfig(input);
    if (!a.ok) throw new Error('should resolve');
    a.config.landscape.sharpCenter[0] = 99;
    expect(input).toEqual(copy);
    const b = resolveConfig(input);
    expect(b.ok && b.config.landscape.sharpCenter[0]).toBe(0);
  });

  it('flags unknown fields, top level and nested', () => {
    onlyError({ lrr: 0.1 }, 'lrr', /unknown field/);
    onlyError({ landscape: { foo: 1 } }, 'landscape.foo', /unknown field/);
    onlyError({ optimizer: { mom: 0.9 } }, 'optimizer.mom', /unknown field/);
    onlyError(
      { lrSchedule: { kind: 'step', milestone: [0.5] } },
      'lrSchedule.milestone',
      /unknown/,
    );
  });

  it('flags names inherited from Object.prototype as unknown, and never throws on them', () => {
    onlyError({ constructor: 5 }, 'constructor', /unknown field/);
    onlyError({ landscape: { toString: 1 } }, 'landscape.toString', /unknown field/);
    onlyError(
      JSON.parse('{"budget": {"__proto__": {"unit": "steps"}}}'),
      'budget.__proto__',
      /unknown/,
    );
    onlyError({ lrSchedule: { kind: 'constructor' } }, 'lrSchedule.kind', /must be one of/);
    onlyError(
      { batchSchedule: { kind: 'hasOwnProperty' } },
      'batchSchedule.kind',
      /must be one of/,
    );
  });

  it('reports wrong types with the path and what it got', () => {
    onlyError({ lr: '0.1' }, 'lr', /finite number.*"0\.1"/);
    onlyError({ landscape: { n: 10.5 } }, 'landscape.n', /whole number/);
    onlyError({ regimeAdaptation: 'yes' }, 'regimeAdaptation', /true or false/);
    onlyError({ landscape: { shift: [0.1, 'x'] } }, 'landscape.shift[1]', /finite number/);
    onlyError({ landscape: 3 }, 'landscape', /must be an object/);
    onlyError({ budget: { unit: 'hours' } }, 'budget.unit', /epochs, steps/);
    onlyError({ lr: Infinity }, 'lr', /finite/);
  });

  it('reports out-of-range values, including batch > n', () => {
    onlyError({ batch: 2000 }, 'batch', /≤ 1024/);
    onlyError({ landscape: { n: 100 }, batch: 101 }, 'batch', /≤ 100/);
    onlyError({ batch: 0 }, 'batch', /≥ 1/);
    onlyError({ lr: 0 }, 'lr', /> 0/);
    onlyError({ optimizer: { momentum: 1 } }, 'optimizer.momentum', /≤/);
    onlyError(
      { batchSchedule: { kind: 'grow', cap: 4096 } },
      'batchSchedule.cap',
      /≤ the train set/,
    );
  });

  it('reports a bad preset, schedule kind, milestones and version', () => {
    onlyError({ preset: 'mountain' }, 'preset', /must be one of bowl, sharp-flat/);
    onlyError(
      { lrSchedule: { kind: 'exponential' } },
      'lrSchedule.kind',
      /constant, warmup, step, cosine/,
    );
    onlyError({ lrSchedule: 'cosine' }, 'lrSchedule', /"kind"/);
    onlyError(
      { lrSchedule: { kind: 'step', milestones: [0.5, 0.5] } },
      'lrSchedule.milestones',
      /strictly increasing/,
    );
    onlyError(
      { batchSchedule: { kind: 'grow', milestones: [0.6, 0.3] } },
      'batchSchedule.milestones',
      /strictly increasing/,
    );
    onlyError({ version: CONFIG_VERSION + 1 }, 'version', /unsupported config version/);
  });

  it('checks cross-field constraints', () => {
    onlyError({ landscape: { shift: [0.1, 0.2, 0.3] } }, 'landscape.shift', /1 or 2 entries/);
    onlyError(
      { preset: 'quadratic-nd', landscape: { dim: 3, shift: [1, 2] } },
      'landscape.shift',
      /1 or 3/,
    );
    for (const preset of ['bowl', 'sharp-flat', 'saddle'] as const) {
      onlyError(
        { preset, landscape: { dim: 3, shift: [0] } },
        'landscape.dim',
        /2-D; dim must be 2/,
      );
    }
    onlyError({ start: [0.1] }, 'start', /2 entries/);
    onlyError({ landscape: { kMin: 2, kMax: 1 } }, 'landscape.kMin', /below kMax/);
  });

  it('rejects non-object input without throwing', () => {
    for (const input of ['sharp-flat', 42, true, [1, 2], [{}]]) {
      onlyError(input, '', /config must be an object/);
    }
    // null/undefined mean "no config": the default preset (documented behaviour).
    for (const input of [null, undefined]) {
      const r = resolveConfig(input);
      expect(r.ok && r.config).toEqual(presetDefaults('sharp-flat'));
    }
  });

  it('never throws, whatever JSON it is given', () => {
    const keys = fc.constantFrom(
      ...Object.keys(presetDefaults('sharp-flat')),
      'kind',
      'unit',
      'amount',
      'n',
      'dim',
      'milestones',
      'constructor',
      '__proto__',
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.dictionary(keys, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (input) => {
        const r = resolveConfig(input);
        if (!r.ok)
          for (const e of r.errors) expect(typeof e.path === 'string' && e.message).toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });
});
