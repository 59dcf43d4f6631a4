/**
 * Prints a syntax tree back to text with the fewest parentheses that parse to the same
 * tree (left-associative + − * /, right-associative ^, unary minus below ^). Numbers use
 * JavaScript's shortest round-tripping form, so print → parse gives the tree back exactly.
 */
import { precedence, type Expr } from './ast';

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'constant':
    case 'variable':
      return e.name;
    case 'negate':
      return `-${wrap(e.arg, precedence(e.arg) < 3)}`;
    case 'call':
      return `${e.fn}(${e.args.map(printExpr).join(', ')})`;
    case 'binary': {
      const p = precedence(e);
      if (e.op === '^') {
        // The base is an atom; the exponent a unary (so 2^-x needs no parentheses).
        return `${wrap(e.left, precedence(e.left) <= 4)}^${wrap(e.right, precedence(e.right) < 3)}`;
      }
      // Left-associative: a right operand of the same strength keeps its parentheses.
      const left = wrap(e.left, precedence(e.left) < p);
      const right = wrap(e.right, precedence(e.right) <= p);
      return p === 1 ? `${left} ${e.op} ${right}` : `${left}${e.op}${right}`;
    }
  }
}

const wrap = (e: Expr, paren: boolean): string => (paren ? `(${printExpr(e)})` : printExpr(e));
