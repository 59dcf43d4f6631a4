/**
 * fast-check generators of expression trees (not a test file itself). Numbers are the
 * parser's: finite and non-negative (a minus sign is a negate node).
 */
import fc from 'fast-check';
import { FUNCTIONS, type BinaryOp, type Expr, type FunctionName } from './ast';

const number = fc
  .oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true }))
  .map((value): Expr => ({ kind: 'number', value }));

/** Any tree the grammar can produce. */
export const anyExpr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    fc.constantFrom<Expr>(
      { kind: 'variable', name: 'x' },
      { kind: 'variable', name: 'y' },
      { kind: 'constant', name: 'pi' },
      { kind: 'constant', name: 'e' },
    ),
    tie('e').map((arg): Expr => ({ kind: 'negate', arg })),
    fc
      .record({
        op: fc.constantFrom<BinaryOp>('+', '-', '*', '/', '^'),
        left: tie('e'),
        right: tie('e'),
      })
      .map((b): Expr => ({ kind: 'binary', ...b })),
    fc
      .tuple(fc.constantFrom(...(Object.keys(FUNCTIONS) as FunctionName[])), tie('e'), tie('e'))
      .map(([fn, a, b]): Expr => ({ kind: 'call', fn, args: FUNCTIONS[fn] === 1 ? [a] : [a, b] })),
  ),
})).e;

const small = (lo: number, hi: number) =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((value): Expr => ({ kind: 'number', value }));
const x: Expr = { kind: 'variable', name: 'x' };
const y: Expr = { kind: 'variable', name: 'y' };

/**
 * Smooth trees whose values stay moderate on [−1, 1]²: functions whose domain is limited
 * get a positive argument (log(1 + u²), sqrt(2 + u²)), powers have small exponents, and
 * min/max/abs (kinks) are left out — finite differences are wrong across a kink.
 */
export const smoothExpr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => {
  const positive = (u: Expr, c: number): Expr => ({
    kind: 'binary',
    op: '+',
    left: { kind: 'number', value: c },
    right: { kind: 'binary', op: '*', left: u, right: u },
  });
  return {
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
      small(-2, 2),
      fc.constantFrom(x, y),
      tie('e').map((arg): Expr => ({ kind: 'negate', arg })),
      fc
        .record({ op: fc.constantFrom<BinaryOp>('+', '-', '*'), left: tie('e'), right: tie('e') })
        .map((b): Expr => ({ kind: 'binary', ...b })),
      fc
        .tuple(tie('e'), tie('e'))
        .map(([a, b]): Expr => ({ kind: 'binary', op: '/', left: a, right: positive(b, 1) })),
      fc.tuple(tie('e'), fc.integer({ min: 0, max: 4 })).map(([a, k]): Expr => ({
        kind: 'binary',
        op: '^',
        left: a,
        right: { kind: 'number', value: k },
      })),
      fc.tuple(tie('e'), tie('e')).map(([a, b]): Expr => ({
        kind: 'binary',
        op: '^',
        left: positive(a, 1.5),
        right: { kind: 'call', fn: 'tanh', args: [b] },
      })),
      fc
        .tuple(fc.constantFrom<FunctionName>('sin', 'cos', 'tanh'), tie('e'))
        .map(([fn, a]): Expr => ({ kind: 'call', fn, args: [a] })),
      tie('e').map((a): Expr => ({
        kind: 'call',
        fn: 'exp',
        args: [{ kind: 'call', fn: 'sin', args: [a] }],
      })),
      tie('e').map((a): Expr => ({ kind: 'call', fn: 'log', args: [positive(a, 1)] })),
      tie('e').map((a): Expr => ({ kind: 'call', fn: 'sqrt', args: [positive(a, 2)] })),
    ),
  };
}).e;
