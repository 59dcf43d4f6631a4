/**
 * Values only, as a tree of closures: the surfaces and full-split losses evaluate f
 * millions of times and need no derivatives. Each closure performs exactly the operation
 * the jet tape performs on its value column (same order, same detmath calls, the same
 * folded constant exponents), so both give bit-identical values.
 */
import * as dm from '../detmath';
import type { Expr } from './ast';
import { CONSTANTS } from './ast';
import { constValue } from './jet';

export type ValueFn = (x: number, y: number) => number;

export function compileValue(e: Expr): ValueFn {
  switch (e.kind) {
    case 'number':
    case 'constant': {
      const c = e.kind === 'number' ? e.value : CONSTANTS[e.name];
      return () => c;
    }
    case 'variable':
      return e.name === 'x' ? (x) => x : (_x, y) => y;
    case 'negate': {
      const a = compileValue(e.arg);
      return (x, y) => -a(x, y);
    }
    case 'call': {
      const a = compileValue(e.args[0]!);
      if (e.fn === 'min' || e.fn === 'max') {
        const b = compileValue(e.args[1]!);
        // Ties take the first argument, as the tape does.
        return e.fn === 'min'
          ? (x, y) => {
              const u = a(x, y);
              const v = b(x, y);
              return u <= v ? u : v;
            }
          : (x, y) => {
              const u = a(x, y);
              const v = b(x, y);
              return u >= v ? u : v;
            };
      }
      const fn = {
        exp: dm.exp,
        log: dm.log,
        sqrt: Math.sqrt,
        abs: Math.abs,
        sin: dm.sin,
        cos: dm.cos,
        tanh: dm.tanh,
      }[e.fn];
      return (x, y) => fn(a(x, y));
    }
    case 'binary': {
      const a = compileValue(e.left);
      if (e.op === '^') {
        const k = constValue(e.right);
        if (k !== null) return (x, y) => dm.pow(a(x, y), k);
        const b = compileValue(e.right);
        return (x, y) => dm.exp(b(x, y) * dm.log(a(x, y)));
      }
      const b = compileValue(e.right);
      switch (e.op) {
        case '+':
          return (x, y) => a(x, y) + b(x, y);
        case '-':
          return (x, y) => a(x, y) - b(x, y);
        case '*':
          return (x, y) => a(x, y) * b(x, y);
        case '/':
          return (x, y) => a(x, y) / b(x, y);
      }
    }
  }
}
