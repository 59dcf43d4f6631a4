import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as dm from './detmath';

/** Distance in units in the last place between two doubles. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const v = new DataView(new ArrayBuffer(16));
  v.setFloat64(0, a);
  v.setFloat64(8, b);
  return Math.abs(Number(v.getBigInt64(0) - v.getBigInt64(8)));
}

const close = (
  name: string,
  f: (x: number) => number,
  g: (x: number) => number,
  lo: number,
  hi: number,
) =>
  it(`${name} is within 2 ulp of Math.${name} on [${lo}, ${hi}]`, () => {
    fc.assert(
      fc.property(fc.double({ min: lo, max: hi, noNaN: true }), (x) => ulps(f(x), g(x)) <= 2),
      { numRuns: 3000 },
    );
  });

describe('detmath', () => {
  close('exp', dm.exp, Math.exp, -700, 700);
  close('log', dm.log, Math.log, 1e-300, 1e300);
  close('sin', dm.sin, Math.sin, -2000, 2000);
  close('cos', dm.cos, Math.cos, -2000, 2000);

  it('sincos gives exactly sin and cos, in every quadrant and for special values', () => {
    const out = new Float64Array(2);
    const same = (x: number) => {
      dm.sincos(x, out);
      return Object.is(out[0], dm.sin(x)) && Object.is(out[1], dm.cos(x));
    };
    fc.assert(fc.property(fc.double({ noNaN: false }), same), { numRuns: 3000 });
    fc.assert(fc.property(fc.double({ min: -2000, max: 2000, noNaN: true }), same), {
      numRuns: 3000,
    });
    for (const x of [0, -0, Math.PI / 4, -Math.PI / 4, Math.PI, -3 * Math.PI, 1e9, -1e9])
      expect(same(x)).toBe(true);
    dm.sincos(Infinity, out);
    expect([out[0], out[1]]).toEqual([NaN, NaN]);
  });

  it('pow: exact for small integer exponents, close otherwise', () => {
    expect(dm.pow(2, 10)).toBe(1024);
    expect(dm.pow(0.9, 3)).toBe(0.9 * 0.9 * 0.9);
    expect(dm.pow(4, -1)).toBe(0.25);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (a, b) => {
          const want = Math.pow(a, b);
          return Math.abs(dm.pow(a, b) - want) <= 1e-13 * Math.abs(want);
        },
      ),
    );
  });

  it('hypot matches √(x² + y²) and handles extremes', () => {
    expect(dm.hypot(3, 4)).toBe(5);
    expect(dm.hypot(0, 0)).toBe(0);
    expect(dm.hypot(1e200, 1e200)).toBeCloseTo(Math.SQRT2 * 1e200, -190);
    expect(dm.hypot(-Infinity, 1)).toBe(Infinity);
  });

  it('special values', () => {
    expect(dm.exp(0)).toBe(1);
    expect(dm.exp(-1000)).toBe(0);
    expect(dm.exp(1000)).toBe(Infinity);
    expect(Number.isNaN(dm.exp(NaN))).toBe(true);
    expect(dm.log(1)).toBe(0);
    expect(dm.log(0)).toBe(-Infinity);
    expect(Number.isNaN(dm.log(-1))).toBe(true);
    expect(dm.log(5e-324)).toBeCloseTo(Math.log(5e-324), 10);
    expect(dm.sin(0)).toBe(0);
    expect(dm.cos(0)).toBe(1);
    expect(dm.log10(1e4)).toBeCloseTo(4, 14);
  });

  it('pins a few exact bit patterns, so a change to these functions is never silent', () => {
    // These values are what every JS engine computes with this code (only + − × ÷ are used).
    const bits = (x: number) => {
      const v = new DataView(new ArrayBuffer(8));
      v.setFloat64(0, x);
      return v.getBigUint64(0).toString(16);
    };
    const probe = [
      dm.exp(1.234567),
      dm.log(3.5),
      dm.sin(100.25),
      dm.cos(-7.5),
      dm.pow(0.5, -0.75),
    ].map(bits);
    expect(probe).toMatchInlineSnapshot(`
      [
        "400b7ec0328d9ebd",
        "3ff40b512eb53d60",
        "bfd1bf00980dc35d",
        "3fd62f45e66f5c2f",
        "3ffae89f995ad3ad",
      ]
    `);
  });
});
