/**
 * Exact value, gradient and Hessian of f(x, y) by second-order forward-mode automatic
 * differentiation. The tree is flattened once into a tape of instructions; evaluating it
 * carries, for every node, the six numbers (f, f_x, f_y, f_xx, f_xy, f_yy) — a truncated
 * Taylor "jet" — through the chain rule, so derivatives are exact up to rounding, with no
 * finite differences and no symbolic blow-up. Every operation is + − × ÷, sqrt or
 * detmath, so Node and every browser give bit-identical numbers.
 *
 * `order` 0 computes values only, 1 adds the gradient, 2 the Hessian; the value column is
 * the same at every order (derivatives never feed back into values).
 */
import * as dm from '../detmath';
import { CONSTANTS, type BinaryOp, type Expr } from './ast';
import { UNARY, unaryDerivs } from './unaryDerivs';

const enum Op {
  Const,
  X,
  Y,
  Neg,
  Add,
  Sub,
  Mul,
  Div,
  /** u^c with a constant exponent (the common case: x^2, (…)^4, …^0.5). */
  PowConst,
  /** u^v = exp(v·log u), u > 0. */
  Pow,
  Unary,
  Min,
  Max,
}

/** A compiled expression: instruction i writes jet slot i; the last slot is f. */
export interface Tape {
  readonly op: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Constants, constant exponents, and the unary function's index into UNARY. */
  readonly c: Float64Array;
  /** Scratch: 6 numbers per slot. Reused by every evaluation (allocation-free). */
  readonly jets: Float64Array;
}

const hasVariable = (e: Expr): boolean =>
  e.kind === 'variable' ||
  (e.kind === 'negate' && hasVariable(e.arg)) ||
  (e.kind === 'binary' && (hasVariable(e.left) || hasVariable(e.right))) ||
  (e.kind === 'call' && e.args.some(hasVariable));

/**
 * The value of a subtree without x or y, else null. Exponents are folded with it, so
 * 2^(3^2) and (x − 1)^(2*2) take the exact integer-power path, not exp(v·log u).
 */
export function constValue(e: Expr): number | null {
  if (e.kind === 'number') return e.value;
  if (e.kind === 'constant') return CONSTANTS[e.name];
  return hasVariable(e) ? null : evalTape(compileExpr(e), 0, 0, 0);
}

export function compileExpr(expr: Expr): Tape {
  const ops: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  const cs: number[] = [];
  const emit = (op: Op, a = -1, b = -1, c = 0): number => {
    ops.push(op);
    as.push(a);
    bs.push(b);
    cs.push(c);
    return ops.length - 1;
  };
  const BIN: Record<Exclude<BinaryOp, '^'>, Op> = {
    '+': Op.Add,
    '-': Op.Sub,
    '*': Op.Mul,
    '/': Op.Div,
  };
  const walk = (e: Expr): number => {
    switch (e.kind) {
      case 'number':
      case 'constant':
        return emit(Op.Const, -1, -1, constValue(e)!);
      case 'variable':
        return emit(e.name === 'x' ? Op.X : Op.Y);
      case 'negate':
        return emit(Op.Neg, walk(e.arg));
      case 'call': {
        if (e.fn === 'min' || e.fn === 'max')
          return emit(e.fn === 'min' ? Op.Min : Op.Max, walk(e.args[0]!), walk(e.args[1]!));
        return emit(Op.Unary, walk(e.args[0]!), -1, UNARY.indexOf(e.fn));
      }
      case 'binary': {
        if (e.op === '^') {
          const k = constValue(e.right);
          if (k !== null) return emit(Op.PowConst, walk(e.left), -1, k);
          return emit(Op.Pow, walk(e.left), walk(e.right));
        }
        return emit(BIN[e.op], walk(e.left), walk(e.right));
      }
    }
  };
  walk(expr);
  return {
    op: Uint8Array.from(ops),
    a: Int32Array.from(as),
    b: Int32Array.from(bs),
    c: Float64Array.from(cs),
    jets: new Float64Array(6 * ops.length),
  };
}

const derivs = new Float64Array(3);

/**
 * Evaluates the tape at (x, y); returns f and leaves the jet of f in
 * tape.jets[6·(last)…] (read it with `resultOffset`).
 */
export function evalTape(t: Tape, x: number, y: number, order: 0 | 1 | 2): number {
  const J = t.jets;
  const n = t.op.length;
  for (let i = 0; i < n; i++) {
    const o = 6 * i;
    const A = 6 * t.a[i]!;
    const B = 6 * t.b[i]!;
    switch (t.op[i] as Op) {
      case Op.Const:
        J[o] = t.c[i]!;
        J.fill(0, o + 1, o + 6);
        break;
      case Op.X:
      case Op.Y: {
        const isX = t.op[i] === Op.X;
        J[o] = isX ? x : y;
        J[o + 1] = isX ? 1 : 0;
        J[o + 2] = isX ? 0 : 1;
        J[o + 3] = 0;
        J[o + 4] = 0;
        J[o + 5] = 0;
        break;
      }
      case Op.Neg:
        for (let k = 0; k < 6; k++) J[o + k] = -J[A + k]!;
        break;
      case Op.Add:
        for (let k = 0; k < 6; k++) J[o + k] = J[A + k]! + J[B + k]!;
        break;
      case Op.Sub:
        for (let k = 0; k < 6; k++) J[o + k] = J[A + k]! - J[B + k]!;
        break;
      case Op.Mul:
        mul(J, o, A, B, order);
        break;
      case Op.Div:
        div(J, o, A, B, order);
        break;
      case Op.Min:
      case Op.Max: {
        // The jet of the chosen argument (ties: the first); a kink, like abs.
        const takeA = t.op[i] === Op.Min ? J[A]! <= J[B]! : J[A]! >= J[B]!;
        const S = takeA ? A : B;
        for (let k = 0; k < 6; k++) J[o + k] = J[S + k]!;
        break;
      }
      case Op.PowConst: {
        const u = J[A]!;
        const c = t.c[i]!;
        // u^0 and u^1 have exactly zero higher derivatives (no 0·∞ at u = 0).
        derivs[0] = dm.pow(u, c);
        derivs[1] = c === 0 ? 0 : c * dm.pow(u, c - 1);
        derivs[2] = c === 0 || c === 1 ? 0 : c * (c - 1) * dm.pow(u, c - 2);
        chain(J, o, A, order);
        break;
      }
      case Op.Pow: {
        // w = v·log u, then exp(w): the product and chain rules give the exact jet.
        unaryDerivs(UNARY.indexOf('log'), J[A]!, derivs);
        chain(J, o, A, order);
        mul(J, o, B, o, order);
        unaryDerivs(UNARY.indexOf('exp'), J[o]!, derivs);
        chain(J, o, o, order);
        break;
      }
      case Op.Unary:
        unaryDerivs(t.c[i]!, J[A]!, derivs);
        chain(J, o, A, order);
        break;
    }
  }
  return J[6 * (n - 1)]!;
}

/** Offset of f's jet in tape.jets after evalTape. */
export const resultOffset = (t: Tape): number => 6 * (t.op.length - 1);

/** Jet of φ(u) from φ, φ′, φ″ in `derivs`: g = φ′·∇u, H = φ″·∇u∇uᵀ + φ′·∇²u. */
function chain(J: Float64Array, o: number, A: number, order: number): void {
  const f1 = derivs[1]!;
  const f2 = derivs[2]!;
  const ux = J[A + 1]!;
  const uy = J[A + 2]!;
  if (order >= 2) {
    J[o + 3] = f2 * ux * ux + f1 * J[A + 3]!;
    J[o + 4] = f2 * ux * uy + f1 * J[A + 4]!;
    J[o + 5] = f2 * uy * uy + f1 * J[A + 5]!;
  }
  J[o + 1] = order >= 1 ? f1 * ux : 0;
  J[o + 2] = order >= 1 ? f1 * uy : 0;
  J[o] = derivs[0]!;
}

/** Product rule to second order; safe when o aliases A or B (inputs read first). */
function mul(J: Float64Array, o: number, A: number, B: number, order: number): void {
  const a = J[A]!,
    ax = J[A + 1]!,
    ay = J[A + 2]!;
  const b = J[B]!,
    bx = J[B + 1]!,
    by = J[B + 2]!;
  if (order >= 2) {
    const axx = J[A + 3]!,
      axy = J[A + 4]!,
      ayy = J[A + 5]!;
    J[o + 3] = axx * b + 2 * ax * bx + a * J[B + 3]!;
    J[o + 4] = axy * b + ax * by + ay * bx + a * J[B + 4]!;
    J[o + 5] = ayy * b + 2 * ay * by + a * J[B + 5]!;
  }
  J[o + 1] = ax * b + a * bx;
  J[o + 2] = ay * b + a * by;
  J[o] = a * b;
}

/** Quotient q = a/b from q·b = a: q′ = (a′ − q·b′)/b, q″ = (a″ − 2q′b′ − q·b″)/b. */
function div(J: Float64Array, o: number, A: number, B: number, order: number): void {
  const b = J[B]!,
    bx = J[B + 1]!,
    by = J[B + 2]!;
  const q = J[A]! / b;
  const qx = (J[A + 1]! - q * bx) / b;
  const qy = (J[A + 2]! - q * by) / b;
  if (order >= 2) {
    J[o + 3] = (J[A + 3]! - 2 * qx * bx - q * J[B + 3]!) / b;
    J[o + 4] = (J[A + 4]! - qx * by - qy * bx - q * J[B + 4]!) / b;
    J[o + 5] = (J[A + 5]! - 2 * qy * by - q * J[B + 5]!) / b;
  }
  J[o + 1] = qx;
  J[o + 2] = qy;
  J[o] = q;
}
