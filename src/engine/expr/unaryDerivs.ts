/**
 * The unary functions of the expression language with their first and second derivatives,
 * for the jet evaluator (jet.ts): every value from detmath or IEEE-exact operations, so
 * Node and every browser agree bit for bit.
 */
import * as dm from '../detmath';
import type { UnaryFunction } from './ast';

/** The tape's index of each unary function. */
export const UNARY: readonly UnaryFunction[] = ['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tanh'];

/** φ(u), φ′(u), φ″(u) of a unary function, into d[0..3). */
export function unaryDerivs(fn: number, u: number, d: Float64Array): void {
  switch (UNARY[fn]) {
    case 'exp': {
      const v = dm.exp(u);
      d[0] = v;
      d[1] = v;
      d[2] = v;
      return;
    }
    case 'log':
      d[0] = dm.log(u);
      d[1] = 1 / u;
      d[2] = -1 / (u * u);
      return;
    case 'sqrt': {
      const s = Math.sqrt(u);
      d[0] = s;
      d[1] = 0.5 / s;
      d[2] = -0.25 / (s * u);
      return;
    }
    case 'abs':
      // |u| has no derivative at 0; the subgradient 0 keeps a run that lands there finite.
      d[0] = Math.abs(u);
      d[1] = u > 0 ? 1 : u < 0 ? -1 : 0;
      d[2] = 0;
      return;
    case 'sin': {
      const s = dm.sin(u);
      const c = dm.cos(u);
      d[0] = s;
      d[1] = c;
      d[2] = -s;
      return;
    }
    case 'cos': {
      const s = dm.sin(u);
      const c = dm.cos(u);
      d[0] = c;
      d[1] = -s;
      d[2] = -c;
      return;
    }
    default: {
      const t = dm.tanh(u);
      const s = 1 - t * t;
      d[0] = t;
      d[1] = s;
      d[2] = -2 * t * s;
    }
  }
}
