/**
 * Property tests of the command line's parsing, in process (the parser and the config
 * builder are imported, nothing is spawned): for any argv built from real flag names and
 * hostile values, parsing either gives a config the engine accepts or throws a UsageError
 * whose lines are single, short and name the flag or field. Nothing else may escape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configFlagDecls, CONFIG_FLAGS } from '../../src/cli/configFlags';
import { buildConfigInput, resolveOrExplain } from '../../src/cli/configInput';
import { Flags, UsageError, parseArgs, readDecimal } from '../../src/cli/flags';
import { resolveConfig } from '../../src/engine/validate';

const RUNS = 10_000;
const NAMES = CONFIG_FLAGS.map((c) => c.name).filter((n) => n !== 'config');
const decls = configFlagDecls();

const hostile = fc.constantFrom(
  '',
  ' ',
  ' 8 ',
  '0x10',
  '0b11',
  '0o7',
  '5.',
  '.5',
  '1e-400',
  '1e400',
  '-Infinity',
  'NaN',
  '4294967296',
  '1e20',
  '-1',
  '0',
  '1',
  '8',
  '1024',
  '200001',
  '0.5',
  '1e-3',
  '-0',
  '+3',
  '1,2',
  '0.1,,0.2',
  'random',
  'x'.repeat(500),
  '\u0000\n\u001b[31m',
  '١٢',
  '1_000',
  'sgd',
  'warmup',
  'grow',
  'mlp',
  'true',
  'false',
  '--batch',
);
const value = fc.oneof(
  hostile,
  fc.string({ maxLength: 12 }),
  fc.double().map(String),
  fc.integer({ min: -5, max: 5000 }).map(String),
  fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { maxLength: 4 }).map((xs) => xs.join(',')),
);
const token = fc.oneof(
  fc.constantFrom(...NAMES).map((n) => `--${n}`),
  fc.tuple(fc.constantFrom(...NAMES), value).map(([n, v]) => `--${n}=${v}`),
  value,
  fc.constantFrom('-x', '--', '--nope', '-1', '--=3'),
);

/** A rejection is one short line per problem, each naming a flag or a config field. */
function checkRejection(e: unknown): void {
  expect(e).toBeInstanceOf(UsageError);
  const lines = (e as UsageError).lines;
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toMatch(/[\n\r]/);
    expect(line.length).toBeLessThanOrEqual(260);
    expect(line).toMatch(
      /--[a-z]|^[A-Za-z][\w.[\]]*: |^\(config\): |^unknown flag|^give the budget/,
    );
  }
}

// ~1 s each on an idle machine; the timeout is for a loaded one.
describe('CLI flag parsing (property, in process)', { timeout: 60_000 }, () => {
  it(`${RUNS} generated argv: a valid config or one clear line per problem`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (argv) => {
        try {
          const flags = new Flags(parseArgs(argv, decls));
          const config = resolveOrExplain(buildConfigInput(flags, 'sharp-flat'));
          expect(resolveConfig(config)).toMatchObject({ ok: true, config });
          accepted++;
        } catch (e) {
          checkRejection(e);
        }
      }),
      { numRuns: RUNS },
    );
    // The generator reaches both sides (not a test of rejections alone).
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it(`${RUNS} generated number spellings: only plain decimals, read exactly`, () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^\d{1,8}$/),
        fc.option(fc.stringMatching(/^\d{1,6}$/)),
        fc.option(fc.integer({ min: -400, max: 400 })),
      )
      .map(([s, i, f, e]) => `${s}${i}${f === null ? '' : `.${f}`}${e === null ? '' : `e${e}`}`);
    fc.assert(
      fc.property(fc.oneof(decimal, value, fc.string({ maxLength: 8 })), (raw) => {
        const r = readDecimal(raw);
        if ('value' in r) {
          expect(raw).toMatch(/^[-+]?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?$/);
          expect(r.value).toBe(Number(raw));
          expect(Number.isFinite(r.value)).toBe(true);
        } else {
          expect(r.why.length).toBeGreaterThan(5);
          // A plain decimal is refused only when it does not fit a double.
          if (/^[-+]?\d+(\.\d+)?(e-?\d+)?$/.test(raw)) expect(r.why).toMatch(/too large|too small/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
