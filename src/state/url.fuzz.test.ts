/**
 * The URL codec against hostile links: a table of the links that once failed silently, and
 * 10 000 generated queries. Reading never throws; the config and every compared run are
 * configs the engine accepts; every notice is short; what a link asks for that cannot be
 * done gets a notice, never a run stuck in "error".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/validate';
import { runSpecs } from './configStore';
import { decodeUrl } from './url';

const RUNS = 10_000;
const LONG = 'z'.repeat(5000);

function checkDecoded(q: string) {
  const d = decodeUrl(q);
  expect(resolveConfig(d.config.base).ok).toBe(true);
  for (const run of runSpecs(d.config)) expect(resolveConfig(run.config).ok).toBe(true);
  for (const n of d.notices) expect(n.length).toBeLessThanOrEqual(201);
  expect(d.figure === null || typeof d.figure === 'string').toBe(true);
  return d;
}

/** [query, notice expected (regex) or null for none]; each asserted one by one. */
const LINKS: [string, RegExp][] = [
  ['cmp=lr:1e300,2', /^Ignored cmp=lr:1e300,2: lr "1e300": must be ≤ 10000/],
  ['cmp=seed:1e15,2', /^Ignored cmp=seed:1e15,2: seed "1e15": must be ≤ 4294967295/],
  ['cmp=seed:0.1,1e300', /^Ignored cmp=seed:0\.1,1e300: seed "0\.1" is not a whole number/],
  ['cmp=regimeAdaptation:junk,1', /"junk" is not 0 or 1/],
  ['cmp=optimizer:sgd,rmsprop', /unknown optimizer "rmsprop"/],
  ['cmp=nope:1,2', /unknown field "nope"/],
  ['cmp=batch:', /give 1 to 4 values/],
  ['ra=maybe', /^Ignored ra=maybe: expected 0 or 1\.$/],
  ['pm=yes', /^Ignored pm=yes: expected 0 or 1\.$/],
  ['view=nope', /^Unknown figure view=nope; showing the explorer\.$/],
  ['ep=5&st=100', /budget twice \(ep and st\); using st=100/],
  ['b=8&b=16', /^"b" appears 2 times in the link; using the first\.$/],
  ['lr=0.1&lr=0.2&lr=0.3', /"lr" appears 3 times/],
  ['ex=99', /ex=99 is out of range; using 5/],
  ['ex=', /Ignored ex=: not a number/],
  ['b=0x10', /^Ignored b=0x10: "0x10" is not a number\.$/],
  ['s=-1', /s=-1 is out of range; using 0/],
  ['p=' + LONG, /^Unknown landscape "z{40}…"; showing sharp-flat\.$/],
  ['b=' + LONG, /^Ignored b=z{40}…: "z{40}…" is not a number\.$/],
  ['cmp=batch:' + LONG, /^Ignored cmp=batch:z{34}…: "z{40}…" is not a positive number/],
  ['lrs=' + LONG, /unknown schedule "z{40}…"/],
  [LONG + '=1&' + LONG + '=2', /^"z{40}…" appears 2 times in the link; only one is used\.$/],
];

describe('URL codec against hostile links', { timeout: 60_000 }, () => {
  it(`${LINKS.length + 2} hostile links: a short notice each and a valid fallback`, () => {
    for (const [q, notice] of LINKS) {
      const d = checkDecoded(q);
      expect(
        d.notices.some((n) => notice.test(n)),
        `${q.slice(0, 60)}: ${d.notices.join(' | ')}`,
      ).toBe(true);
    }
    // Dependency order: n is read before the batch that it bounds.
    const big = checkDecoded('n=200000&b=200000');
    expect(big.notices).toEqual([]);
    expect([big.config.base.landscape.n, big.config.base.batch]).toEqual([200000, 200000]);
    const clamp = checkDecoded('b=5000&n=2000');
    expect(clamp.config.base.batch).toBe(2000);
    expect(clamp.notices).toEqual(['b=5000 is out of range; using 2000.']);
    // A comparison that was refused falls back to the default one (every run valid).
    expect(checkDecoded('cmp=lr:1e300,2').config.compare).toEqual({
      field: 'batch',
      values: [8, 1024],
    });
    expect(checkDecoded('view=scene').figure).toBe('scene');
    expect(checkDecoded('view=nope').figure).toBeNull();
  });

  it(`${RUNS} generated queries: never throws, always valid, notices short`, () => {
    const keys = [
      'p',
      's',
      'lr',
      'b',
      'opt',
      'm',
      'ep',
      'st',
      'sc',
      'rb',
      'ra',
      'T',
      'x0',
      'ds',
      'n',
      'sp',
      'sh',
      'd',
      'lrs',
      'bs',
      'cmp',
      'cam',
      'sf',
      'th',
      'lay',
      'pm',
      'ex',
      'view',
      'tab',
    ];
    const value = fc.oneof(
      fc.constantFrom(
        '',
        '0',
        '1',
        '-1',
        '8',
        '1024',
        '200000',
        '1e300',
        '1e-400',
        'NaN',
        '0x10',
        ' 8 ',
        'random',
        'warmup:0.1:2',
        'step:0.5:0.1',
        'grow:0.5:2:64',
        'batch:8,1024',
        'lr:1e300,2',
        'seed:0.1,1e300',
        'optimizer:adam,sgd',
        'regimeAdaptation:junk,1',
        'scene',
        'charts',
        'sweep',
        'mlp',
        'bowl',
        'quadratic-nd',
        '0.1,0.2',
        'x'.repeat(300),
      ),
      fc.string({ maxLength: 10 }),
      fc.double().map(String),
      fc.integer({ min: -10, max: 300000 }).map(String),
    );
    const pair = fc.tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, fc.string({ maxLength: 4 })),
      value,
    );
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }), (pairs) => {
        checkDecoded(new URLSearchParams(pairs).toString());
      }),
      { numRuns: RUNS },
    );
  });
});
