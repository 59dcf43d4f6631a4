/**
 * The config validator against generated configs (≥ 10 000): it never throws; what it
 * accepts is a complete config it accepts again unchanged, with finite numbers only; what it
 * rejects comes with errors that each name the field (a dotted path) in one short line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from './config';
import { resolveConfig } from './validate';

const RUNS = 10_000;

const scalar = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 300_000 }),
  fc.constantFrom(0, 1, 2, 8, 16, 1024, 1e300, -0, 2 ** 32, 0.5, 1e-9),
  fc.string({ maxLength: 6 }),
  fc.constant('x'.repeat(300)),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  fc.array(scalar, { maxLength: 4 }),
  fc.constant(Array(2_000).fill(0.5)),
  fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 2 }),
);
const section = (keys: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 5 })), value, {
    maxKeys: 4,
  });
const config = fc.record(
  {
    preset: fc.oneof(fc.constantFrom(...PRESET_IDS), scalar),
    seed: value,
    lr: value,
    batch: value,
    refBatch: value,
    start: fc.oneof(value, fc.constant(null)),
    regimeAdaptation: value,
    budget: fc.oneof(
      value,
      fc.record({ unit: fc.constantFrom('epochs', 'steps', 'x'), amount: value }),
    ),
    lrSchedule: fc.oneof(
      value,
      fc.record({ kind: fc.constantFrom('constant', 'warmup', 'step', 'cosine', 'x') }),
    ),
    landscape: section(['n', 'nTest', 'dim', 'spread', 'shift', 'dataSeed', 'modes', 'kMin']),
    optimizer: section(['kind', 'momentum', 'beta1', 'eps']),
    network: section(['hidden', 'dataset', 'ghostBatch', 'batchNorm']),
    metricsEvery: value,
    __proto__: value,
    constructor: value,
  },
  { requiredKeys: [] },
);

function finiteNumbersOnly(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(finiteNumbersOnly);
  if (v && typeof v === 'object') return Object.values(v).every(finiteNumbersOnly);
  return true;
}

describe('resolveConfig (property)', { timeout: 60_000 }, () => {
  it(`${RUNS} generated configs: valid and stable, or errors naming the field`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 9, arbitrary: config }, { weight: 1, arbitrary: value }),
        (input) => {
          const r = resolveConfig(input);
          if (r.ok) {
            accepted++;
            expect(finiteNumbersOnly(r.config)).toBe(true);
            expect(resolveConfig(r.config)).toEqual({ ok: true, config: r.config });
            return;
          }
          expect(r.errors.length).toBeGreaterThan(0);
          // One error per list, not per entry: a 2 000-entry list is one line.
          expect(r.errors.length).toBeLessThanOrEqual(40);
          for (const e of r.errors) {
            // Dotted names, list indices, odd keys quoted: `landscape.shift[3]`, `optimizer["a b"]`.
            expect(e.path).toMatch(/^([A-Za-z_$][\w$]*)?(\.[\w$]+|\[\d+\]|\["[^\n\r]{0,130}"\])*$/);
            expect(e.path.length).toBeLessThanOrEqual(140);
            if (e.path === '') expect(e.message).toMatch(/^config must be an object/);
            expect(e.message).not.toMatch(/[\n\r]/);
            expect(e.message.length).toBeLessThanOrEqual(200);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
