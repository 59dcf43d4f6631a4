import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseExpr } from './parse';
import { printExpr } from './print';
import { compileExpr, evalTape } from './jet';
import { MAX_EXPR_LENGTH, type Expr } from './ast';
import { anyExpr } from './arbitrary.testutil';

function parse(src: string): Expr {
  const r = parseExpr(src);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}
const value = (src: string, x = 0.3, y = -0.7) => evalTape(compileExpr(parse(src)), x, y, 0);

describe('expression parser', () => {
  it('print → parse gives back the same tree, and the same value', () => {
    fc.assert(
      fc.property(anyExpr, fc.double({ min: -3, max: 3, noNaN: true }), (e, x) => {
        const again = parseExpr(printExpr(e));
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        expect(again.expr).toEqual(e);
        const a = evalTape(compileExpr(e), x, 0.5, 0);
        const b = evalTape(compileExpr(again.expr), x, 0.5, 0);
        expect(Object.is(a, b)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('follows the usual precedence and associativity', () => {
    expect(value('-2^2')).toBe(-4);
    expect(value('2^3^2')).toBe(512);
    expect(value('2^-1')).toBe(0.5);
    expect(value('1 - 2 - 3')).toBe(-4);
    expect(value('8/4/2')).toBe(1);
    expect(value('2 + 3*4^2')).toBe(50);
    expect(value('(2 + 3)*4')).toBe(20);
    expect(value('--x + +y', 0.25, 0.5)).toBe(0.75);
    expect(value('max(x, y) - min(x, y)', 1, 3)).toBe(2);
    expect(value('1.5e2 + .5 + 2E-1')).toBe(150.7);
    expect(value('pi')).toBe(Math.PI);
    expect(value('e')).toBe(Math.E);
    expect(printExpr(parse('(x - (y - 1))/(2*(x*y))'))).toBe('(x - (y - 1))/(2*(x*y))');
    expect(printExpr(parse('((-x))^(2)'))).toBe('(-x)^2');
  });

  // Each bad input, the column the message must point at, and words it must contain.
  const BAD: [string, number, RegExp][] = [
    ['', 1, /empty expression/],
    ['   ', 1, /empty expression/],
    ['x + y)', 6, /unexpected '\)' at column 6/],
    ['(x + y', 7, /missing '\)' at column 7 \(to close the '\(' at column 1\)/],
    ['sin(x', 6, /missing '\)'/],
    ['x +', 4, /ends too early at column 4/],
    ['x + * y', 5, /unexpected '\*' at column 5/],
    ['foo(x)', 1, /unknown function 'foo' at column 1/],
    ['x + bar(y)', 5, /unknown function 'bar' at column 5/],
    ['x + z', 5, /unknown name 'z' at column 5.*x and y/],
    ['2x', 2, /missing operator before 'x' at column 2.*2\*x/],
    ['x y', 3, /missing operator/],
    ['(x)(y)', 4, /missing operator before '\(' at column 4/],
    ['sin(x, y)', 1, /'sin' takes 1 argument, got 2 at column 1/],
    ['max(x)', 1, /'max' takes 2 arguments, got 1/],
    ['sin + 1', 1, /'sin' needs parentheses at column 1/],
    ['x $ y', 3, /unexpected character '\$' at column 3/],
    ['x × y', 3, /unexpected character '×' at column 3.*\*/],
    ['x − y', 3, /unexpected character '−'/],
    ['1e999', 1, /too large at column 1/],
    ['x..2', 2, /unexpected|not a number|missing operator/],
    ['constructor(x)', 1, /unknown function 'constructor'/],
    ['toString', 1, /unknown name 'toString'/],
    ['x,y', 2, /unexpected ','/],
    [
      '(((((((((((((((((((((((((((((((((((((((((((x)))))))))))))))))))))))))))))))))))))))))))',
      41,
      /too deeply nested/,
    ],
    ['x' + ' + x'.repeat(80), MAX_EXPR_LENGTH + 1, /too long \(321 characters; the limit is 300\)/],
  ];
  it.each(BAD)('rejects %j at column %i with a readable message', (src, column, words) => {
    const r = parseExpr(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.column).toBe(column);
    expect(r.error.message).toMatch(words);
    expect(r.error.message).toMatch(/at column \d+/);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseExpr(s);
        if (!r.ok) expect(r.error.column).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});
