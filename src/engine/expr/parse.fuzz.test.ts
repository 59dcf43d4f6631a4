/**
 * The expression parser (10 000 generated inputs) and its guard rails (2 000):
 * random characters, random token soups and one-character mutations of valid
 * expressions. Never an uncaught exception; a refusal is one short line that says where
 * ("at column N", N the reported column, inside the text or just past it); an accepted
 * expression prints back to the same tree, evaluates the same way every time (value,
 * gradient and Hessian orders agree on f), and the landscape check gives a verdict that
 * matches the parse — a syntax problem only for text that did not parse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, MAX_EXPR_LENGTH } from './ast';
import { anyExpr } from './arbitrary.testutil';
import { checkExpr } from './check';
import { compileExpr, evalTape } from './jet';
import { parseExpr } from './parse';
import { printExpr } from './print';

const RUNS = 10_000;
const MAX_LINE = 200;

const tokens = [
  ...Object.keys(FUNCTIONS),
  'x',
  'y',
  'pi',
  'e',
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  ',',
  ' ',
  '0',
  '1',
  '2.5',
  '.5',
  '1e3',
  '1e400',
  '3.',
  '.',
  'E',
  'z',
  'exp ',
  '**',
  '#',
  '\t',
  '\n',
  'é',
  '𝑥',
];
const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 24 }).map((t) => t.join(''));
const chars = fc.string({ maxLength: 40 });
const longText = fc
  .integer({ min: MAX_EXPR_LENGTH - 2, max: MAX_EXPR_LENGTH + 3 })
  .map((n) => 'x+'.repeat(n).slice(0, n));
/** A valid expression with one character deleted, replaced or inserted. */
const mutated = fc
  .tuple(anyExpr, fc.nat(), fc.constantFrom(...tokens), fc.constantFrom('del', 'set', 'ins'))
  .map(([e, at, tok, how]) => {
    const s = printExpr(e);
    const i = s.length ? at % s.length : 0;
    return how === 'del'
      ? s.slice(0, i) + s.slice(i + 1)
      : how === 'set'
        ? s.slice(0, i) + tok + s.slice(i + 1)
        : s.slice(0, i) + tok + s.slice(i);
  });
const input = fc.oneof(soup, chars, mutated, longText, anyExpr.map(printExpr));

/** A refusal: one short line ending at the column it reports, inside or just past the text. */
function checkRefusal(src: string, message: string, column: number): void {
  expect(message).not.toMatch(/[\n\r]/);
  expect(message.length).toBeLessThanOrEqual(MAX_LINE);
  expect(Number.isInteger(column)).toBe(true);
  expect(column).toBeGreaterThanOrEqual(1);
  expect(column).toBeLessThanOrEqual(Math.min(src.length, MAX_EXPR_LENGTH) + 1);
  expect(message).toMatch(new RegExp(`at column ${column}\\b`));
}

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe('expression parser, generated input', () => {
  it('never throws; refuses with a located line; accepts what prints back to itself', () => {
    fc.assert(
      fc.property(input, fc.double({ min: -2, max: 2, noNaN: true }), (src, x) => {
        const r = parseExpr(src);
        if (!r.ok) return checkRefusal(src, r.error.message, r.error.column);
        // Printing spaces the operators out: near the length limit the print may pass it.
        const printed = printExpr(r.expr);
        const again = parseExpr(printed);
        if (printed.length > MAX_EXPR_LENGTH) expect(again.ok).toBe(false);
        else expect(again.ok && again.expr).toEqual(r.expr);
        // One compiled tape, three orders: f is the same number whichever is asked for.
        const tape = compileExpr(r.expr);
        const f0 = evalTape(tape, x, 0.25, 0);
        expect(same(evalTape(tape, x, 0.25, 1), f0)).toBe(true);
        expect(same(evalTape(tape, x, 0.25, 2), f0)).toBe(true);
        expect(same(evalTape(compileExpr(r.expr), x, 0.25, 0), f0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 30_000);

  it('the landscape check never throws and agrees with the parser', () => {
    fc.assert(
      fc.property(input, (src) => {
        const parsed = parseExpr(src);
        const problem = checkExpr(src);
        if (!parsed.ok) {
          // A syntax error: the parser's own message and column.
          expect(problem).toEqual(parsed.error);
          return;
        }
        if (problem === null) return;
        // Parsed, but not a usable landscape: a value problem, in one line, with a place.
        expect(problem.column).toBeNull();
        expect(problem.message).not.toMatch(/[\n\r]/);
        expect(problem.message.length).toBeLessThanOrEqual(300);
        expect(problem.message).toMatch(/at \(-?[\d.]+, -?[\d.]+\)/);
      }),
      // The check evaluates f and its gradient on a 48 × 48 grid (~1 ms a landscape): the
      // parser's 10 000 cases are above; these are the guard rails on top of it.
      { numRuns: 2_000 },
    );
  }, 60_000);
});
