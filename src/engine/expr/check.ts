/**
 * Guard rails for a typed landscape, checked when the config is validated (so the URL,
 * the CLI and the text field all refuse the same things, with the same words): it must
 * parse, be finite with a finite gradient everywhere on a grid over the view box, stay
 * below an overflow bound, and have its lowest point inside the view (else SGD slides out
 * of the picture: x + y has no minimum at all). Runs that still blow up between grid
 * points end as "diverged" at run time, with the step, like any other run.
 */
import { compileExpr, evalTape, resultOffset } from './jet';
import { parseExpr } from './parse';
import { EXPR_VIEW_BOX } from './objective';

export interface ExprProblem {
  message: string;
  /** 1-based column for syntax errors; null when the problem is the function's values. */
  column: number | null;
}

/** |f| above this on the view box is called an overflow: squared, summed and scaled it would not stay finite. */
export const EXPR_VALUE_LIMIT = 1e12;
/** Probe grid: even, so a symmetric function's singular point (0, 0) is not a grid node by accident. */
const GRID = 48;

const fmt = (v: number): string => String(Math.round(v * 100) / 100);

/** null when the expression is a usable landscape; otherwise what is wrong, in one line. */
export function checkExpr(src: string): ExprProblem | null {
  const parsed = parseExpr(src);
  if (!parsed.ok) return parsed.error;
  const tape = compileExpr(parsed.expr);
  const o = resultOffset(tape);
  const { lo, hi } = EXPR_VIEW_BOX;
  let best = Infinity;
  let bestI = 0;
  let bestJ = 0;
  for (let j = 0; j < GRID; j++) {
    const y = lo[1]! + ((hi[1]! - lo[1]!) * j) / (GRID - 1);
    for (let i = 0; i < GRID; i++) {
      const x = lo[0]! + ((hi[0]! - lo[0]!) * i) / (GRID - 1);
      const f = evalTape(tape, x, y, 1);
      const at = `at (${fmt(x)}, ${fmt(y)})`;
      if (Number.isNaN(f))
        return {
          message: `f is not a number ${at} (log or sqrt of a negative number, or 0/0?)`,
          column: null,
        };
      if (!Number.isFinite(f) || Math.abs(f) > EXPR_VALUE_LIMIT)
        return { message: `f overflows ${at} (|f| > 1e12); scale it down`, column: null };
      if (!Number.isFinite(tape.jets[o + 1]!) || !Number.isFinite(tape.jets[o + 2]!))
        return {
          message: `the gradient of f is not finite ${at} (a kink like sqrt(0) or 1/0?)`,
          column: null,
        };
      if (f < best) {
        best = f;
        bestI = i;
        bestJ = j;
      }
    }
  }
  const edge = bestI === 0 || bestJ === 0 || bestI === GRID - 1 || bestJ === GRID - 1;
  if (edge) {
    const x = lo[0]! + ((hi[0]! - lo[0]!) * bestI) / (GRID - 1);
    const y = lo[1]! + ((hi[1]! - lo[1]!) * bestJ) / (GRID - 1);
    return {
      message: `no minimum in view: f is lowest on the edge of the view box [−2, 2]², at (${fmt(x)}, ${fmt(y)}), so SGD would leave the picture; add a bowl such as + 0.1*(x^2 + y^2)`,
      column: null,
    };
  }
  return null;
}
