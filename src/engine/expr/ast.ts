/**
 * The syntax tree of a landscape expression f(x, y). Plain data without positions, so
 * a printed and re-parsed tree compares equal to the original (the round-trip tests).
 */

export const FUNCTIONS = {
  exp: 1,
  log: 1,
  sqrt: 1,
  abs: 1,
  sin: 1,
  cos: 1,
  tanh: 1,
  min: 2,
  max: 2,
} as const;
export type FunctionName = keyof typeof FUNCTIONS;
export type UnaryFunction = Exclude<FunctionName, 'min' | 'max'>;

export const CONSTANTS = { pi: Math.PI, e: Math.E } as const;
export type ConstantName = keyof typeof CONSTANTS;

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'constant'; name: ConstantName }
  | { kind: 'variable'; name: 'x' | 'y' }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; args: Expr[] };

/** The longest expression accepted (URLs and the CLI carry it; a page must stay responsive). */
export const MAX_EXPR_LENGTH = 300;

/** Binding strength: + − < * / < unary minus < ^ < atoms. */
export function precedence(e: Expr): number {
  if (e.kind === 'binary') return e.op === '^' ? 4 : e.op === '*' || e.op === '/' ? 2 : 1;
  return e.kind === 'negate' ? 3 : 5;
}
