import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileExpr, evalTape, resultOffset, type Tape } from './jet';
import { parseExpr } from './parse';
import { anyExpr, smoothExpr } from './arbitrary.testutil';
import { compileValue } from './value';

const coord = fc.double({ min: -1, max: 1, noNaN: true });

function jet(t: Tape, x: number, y: number): number[] {
  evalTape(t, x, y, 2);
  const o = resultOffset(t);
  return Array.from(t.jets.subarray(o, o + 6));
}

describe('automatic differentiation of expressions', () => {
  it('the gradient matches central differences of the value', () => {
    fc.assert(
      fc.property(smoothExpr, coord, coord, (e, x, y) => {
        const t = compileExpr(e);
        const [f, fx, fy] = jet(t, x, y);
        fc.pre(Number.isFinite(f!) && Math.abs(f!) < 1e6);
        const h = 1e-6;
        const dx = (evalTape(t, x + h, y, 0) - evalTape(t, x - h, y, 0)) / (2 * h);
        const dy = (evalTape(t, x, y + h, 0) - evalTape(t, x, y - h, 0)) / (2 * h);
        const scale = Math.max(1, Math.abs(f!));
        expect(Math.abs(fx! - dx)).toBeLessThan(1e-4 * Math.max(scale, Math.abs(fx!)));
        expect(Math.abs(fy! - dy)).toBeLessThan(1e-4 * Math.max(scale, Math.abs(fy!)));
      }),
      { numRuns: 300 },
    );
  });

  it('the Hessian matches central differences of the exact gradient', () => {
    fc.assert(
      fc.property(smoothExpr, coord, coord, (e, x, y) => {
        const t = compileExpr(e);
        const [f, fx, fy, fxx, fxy, fyy] = jet(t, x, y);
        fc.pre(Number.isFinite(f!) && Math.abs(f!) < 1e6 && Math.abs(fx!) + Math.abs(fy!) < 1e6);
        const h = 1e-6;
        const px = jet(t, x + h, y);
        const mx = jet(t, x - h, y);
        const py = jet(t, x, y + h);
        const my = jet(t, x, y - h);
        const dxx = (px[1]! - mx[1]!) / (2 * h);
        const dxy = (px[2]! - mx[2]!) / (2 * h);
        const dyx = (py[1]! - my[1]!) / (2 * h);
        const dyy = (py[2]! - my[2]!) / (2 * h);
        const scale = Math.max(1, Math.abs(fx!), Math.abs(fy!), Math.abs(f!));
        for (const [a, b] of [
          [fxx, dxx],
          [fxy, dxy],
          [fxy, dyx],
          [fyy, dyy],
        ] as const)
          expect(Math.abs(a! - b)).toBeLessThan(1e-4 * Math.max(scale, Math.abs(a!)));
      }),
      { numRuns: 300 },
    );
  });

  it('the value does not depend on the order computed, and order 1 has order 2’s gradient', () => {
    fc.assert(
      fc.property(smoothExpr, coord, coord, (e, x, y) => {
        const t = compileExpr(e);
        const o = resultOffset(t);
        const v0 = evalTape(t, x, y, 0);
        const v1 = evalTape(t, x, y, 1);
        const g1 = [t.jets[o + 1], t.jets[o + 2]];
        const v2 = evalTape(t, x, y, 2);
        expect(Object.is(v0, v1) && Object.is(v1, v2)).toBe(true);
        expect([t.jets[o + 1], t.jets[o + 2]]).toEqual(g1);
      }),
      { numRuns: 200 },
    );
  });

  it('the value closures give the tape’s values bit for bit (NaN and ±∞ included)', () => {
    fc.assert(
      fc.property(anyExpr, coord, coord, (e, x, y) => {
        expect(Object.is(compileValue(e)(x, y), evalTape(compileExpr(e), x, y, 0))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is exact on polynomials and known functions', () => {
    const at = (src: string, x: number, y: number) => {
      const r = parseExpr(src);
      if (!r.ok) throw new Error(r.error.message);
      return jet(compileExpr(r.expr), x, y);
    };
    // f = x²y³: f_x = 2xy³, f_y = 3x²y², f_xx = 2y³, f_xy = 6xy², f_yy = 6x²y.
    expect(at('x^2*y^3', 2, 3)).toEqual([108, 108, 108, 54, 108, 72]);
    expect(at('(x - 1)^2/(1 + y^2)', 3, 1)).toEqual([2, 2, -2, 1, -2, 2]);
    const [v, gx, , hxx] = at('exp(x)', 1, 0);
    expect(v).toBeCloseTo(Math.E, 14);
    expect(gx).toBe(v);
    expect(hxx).toBe(v);
    const [t, tx, , txx] = at('tanh(x)', 0.5, 0);
    expect(t).toBeCloseTo(Math.tanh(0.5), 15);
    expect(tx).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 15);
    expect(txx).toBeCloseTo(-2 * Math.tanh(0.5) * (1 - Math.tanh(0.5) ** 2), 15);
    // Kinks: abs and min/max take the subgradient of the chosen side (0 for abs at 0).
    expect(at('abs(x) + max(x, y)', 0, -1)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(at('x^y', 2, 3)[0]).toBeCloseTo(8, 13);
    expect(at('x^y', 2, 3)[2]).toBeCloseTo(8 * Math.LN2, 13);
  });
});
