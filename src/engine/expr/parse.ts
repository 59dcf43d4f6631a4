/**
 * A hand-written recursive-descent parser for f(x, y): no eval, no Function, nothing a
 * typed string can use to run code. Grammar (the usual school conventions: −x^2 = −(x^2),
 * 2^3^2 = 2^(3^2), 2^−1 allowed):
 *
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := atom ('^' unary)?
 *   atom    := number | x | y | pi | e | name '(' sum (',' sum)* ')' | '(' sum ')'
 *
 * Errors carry the 1-based column of the offending character, for the caret in the UI
 * and the CLI's one-line message.
 */
import {
  CONSTANTS,
  FUNCTIONS,
  MAX_EXPR_LENGTH,
  type ConstantName,
  type Expr,
  type FunctionName,
} from './ast';

export interface ExprError {
  /** Plain-language message, ending with "at column N". */
  message: string;
  /** 1-based column the message points at (length + 1 for "at the end"). */
  column: number;
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExprError };

/** Nesting deeper than this is refused (no landscape needs it; recursion stays shallow). */
const MAX_DEPTH = 40;

type Token =
  | { t: 'num'; value: number; col: number; text: string }
  | { t: 'name'; name: string; col: number }
  | { t: 'op'; op: string; col: number }
  | { t: 'end'; col: number };

class ExprSyntaxError extends Error {
  constructor(
    detail: string,
    readonly column: number,
    hint?: string,
  ) {
    super(`${detail} at column ${column}${hint ? ` (${hint})` : ''}`);
  }
}

/** Throws "<detail> at column N (<hint>)": where first, then how to fix it. */
const fail = (detail: string, column: number, hint?: string): never => {
  throw new ExprSyntaxError(detail, column, hint);
};

const describeToken = (tok: Token): string =>
  tok.t === 'end'
    ? 'end of expression'
    : tok.t === 'num'
      ? `number '${tok.text}'`
      : tok.t === 'name'
        ? `'${tok.name}'`
        : `'${tok.op}'`;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const col = i + 1;
    if ((c >= '0' && c <= '9') || c === '.') {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) fail(`'.' is not a number`, col);
      const text = m![0];
      const value = Number(text);
      if (!Number.isFinite(value)) fail(`number '${text}' is too large`, col);
      out.push({ t: 'num', value, col, text });
      i += text.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const name = /^[A-Za-z_][A-Za-z_0-9]*/.exec(src.slice(i))![0];
      out.push({ t: 'name', name, col });
      i += name.length;
    } else if ('+-*/^(),'.includes(c)) {
      out.push({ t: 'op', op: c, col });
      i++;
    } else if (c === '×' || c === '·' || c === '−' || c === '²') {
      fail(`unexpected character '${c}'`, col, 'type * for times, - for minus, ^2 for a square');
    } else {
      fail(`unexpected character '${c}'`, col);
    }
  }
  out.push({ t: 'end', col: src.length + 1 });
  return out;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private isOp(op: string): boolean {
    const tok = this.peek();
    return tok.t === 'op' && tok.op === op;
  }

  parseAll(): Expr {
    if (this.peek().t === 'end') fail('empty expression', 1, 'type f(x, y), e.g. x^2 + y^2');
    const e = this.sum();
    const tok = this.peek();
    if (tok.t !== 'end') {
      // Two operands in a row ("2x", "x y", "x(…)"): name the missing operator.
      if (tok.t === 'num' || tok.t === 'name' || (tok.t === 'op' && tok.op === '('))
        fail(`missing operator before ${describeToken(tok)}`, tok.col, 'write 2*x, not 2x');
      fail(`unexpected ${describeToken(tok)}`, tok.col);
    }
    return e;
  }

  private sum(): Expr {
    if (++this.depth > MAX_DEPTH)
      fail(`too deeply nested (over ${MAX_DEPTH} levels)`, this.peek().col);
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.pos++] as { op: '+' | '-' }).op;
      left = { kind: 'binary', op, left, right: this.product() };
    }
    this.depth--;
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.tokens[this.pos++] as { op: '*' | '/' }).op;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      this.pos++;
      if (++this.depth > MAX_DEPTH) fail(`too many signs in a row`, this.peek().col);
      const arg = this.unary();
      this.depth--;
      return { kind: 'negate', arg };
    }
    if (this.isOp('+')) {
      this.pos++;
      return this.unary();
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.atom();
    if (!this.isOp('^')) return base;
    this.pos++;
    return { kind: 'binary', op: '^', left: base, right: this.unary() };
  }

  private atom(): Expr {
    const tok = this.tokens[this.pos++]!;
    if (tok.t === 'num') return { kind: 'number', value: tok.value };
    if (tok.t === 'op' && tok.op === '(') {
      const inner = this.sum();
      this.expectClose(tok.col);
      return inner;
    }
    if (tok.t === 'name') return this.named(tok);
    if (tok.t === 'end')
      return fail('expression ends too early', tok.col, 'expected a number, x, y or (');
    return fail(`unexpected ${describeToken(tok)}`, tok.col);
  }

  private named(tok: { name: string; col: number }): Expr {
    const name = tok.name;
    if (this.isOp('(')) {
      if (!Object.hasOwn(FUNCTIONS, name))
        fail(`unknown function '${name}'`, tok.col, `known: ${Object.keys(FUNCTIONS).join(', ')}`);
      const open = this.tokens[this.pos++]!;
      const args = [this.sum()];
      while (this.isOp(',')) {
        this.pos++;
        args.push(this.sum());
      }
      this.expectClose(open.col);
      const want = FUNCTIONS[name as FunctionName];
      if (args.length !== want)
        fail(
          `'${name}' takes ${want} argument${want === 1 ? '' : 's'}, got ${args.length}`,
          tok.col,
        );
      return { kind: 'call', fn: name as FunctionName, args };
    }
    if (name === 'x' || name === 'y') return { kind: 'variable', name };
    if (Object.hasOwn(CONSTANTS, name)) return { kind: 'constant', name: name as ConstantName };
    if (Object.hasOwn(FUNCTIONS, name))
      return fail(`'${name}' needs parentheses`, tok.col, `write ${name}(…)`);
    return fail(
      `unknown name '${name}'`,
      tok.col,
      'the variables are x and y, the constants pi and e',
    );
  }

  private expectClose(openCol: number): void {
    const tok = this.peek();
    if (tok.t === 'op' && tok.op === ')') {
      this.pos++;
      return;
    }
    if (tok.t === 'end') fail(`missing ')'`, tok.col, `to close the '(' at column ${openCol}`);
    fail(`expected ')' or an operator, got ${describeToken(tok)}`, tok.col);
  }
}

/** Parses f(x, y); never throws. */
export function parseExpr(src: string): ParseResult {
  if (src.length > MAX_EXPR_LENGTH)
    return {
      ok: false,
      error: {
        message: `expression is too long (${src.length} characters; the limit is ${MAX_EXPR_LENGTH}) at column ${MAX_EXPR_LENGTH + 1}`,
        column: MAX_EXPR_LENGTH + 1,
      },
    };
  try {
    return { ok: true, expr: new Parser(tokenize(src)).parseAll() };
  } catch (e) {
    if (e instanceof ExprSyntaxError)
      return { ok: false, error: { message: e.message, column: e.column } };
    throw e;
  }
}
