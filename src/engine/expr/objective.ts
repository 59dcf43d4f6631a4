/**
 * The `custom` landscape: a typed f(x, y) used exactly like the built-in 2-D presets'
 * base surface — per-sample loss ℓ_i(w) = f(w − d_i) with train offsets d_i ~ N(0, s²I)
 * and test offsets d_i ~ N(δ, s²I) (DESIGN §3) — so the loss is a dataset mean and
 * minibatch noise is real sampling noise. Derivatives come from the jet tape (exact).
 */
import type { Basin, Objective, Split } from '../objectives/types';
import { gaussianOffsets } from '../data';
import type { Rng } from '../rng';
import { IndexedSplits } from '../objectives/indexedSplits';
import { compileExpr, evalTape, resultOffset, type Tape } from './jet';
import { parseExpr } from './parse';
import { compileValue, type ValueFn } from './value';

/** The custom landscape's view and start boxes: the same scale as the wells presets. */
export const EXPR_VIEW_BOX = { lo: [-2, -2], hi: [2, 2] };
export const EXPR_INIT_BOX = { lo: [-1.5, -1.5], hi: [1.5, 1.5] };

export interface ExprObjectiveOptions {
  expr: string;
  n: number;
  nTest: number;
  spread: number;
  shift: [number, number];
  dataRng: Rng;
}

export class ExprObjective extends IndexedSplits implements Objective {
  readonly id = 'custom';
  readonly dim = 2;
  readonly nTrain: number;
  readonly nTest: number;
  readonly basins: Basin[] = [];
  readonly initBox = EXPR_INIT_BOX;
  readonly viewBox = EXPR_VIEW_BOX;
  private readonly tape: Tape;
  private readonly value: ValueFn;
  private readonly out: number;
  private readonly train: Float64Array;
  private readonly test: Float64Array;

  constructor(o: ExprObjectiveOptions) {
    super(o.n, o.nTest);
    const parsed = parseExpr(o.expr);
    // Configs are validated before they get here; a bad one is a programming error.
    if (!parsed.ok) throw new RangeError(`landscape.expr: ${parsed.error.message}`);
    this.tape = compileExpr(parsed.expr);
    this.value = compileValue(parsed.expr);
    this.out = resultOffset(this.tape);
    this.nTrain = o.n;
    this.nTest = o.nTest;
    // The same draws, in the same order, as the wells presets: equal data for equal seeds.
    this.train = gaussianOffsets(o.dataRng, o.n, 2, o.spread, null);
    this.test = gaussianOffsets(o.dataRng, o.nTest, 2, o.spread, o.shift);
  }

  batchLossGrad(
    w: Float64Array,
    split: Split,
    idx: Uint32Array,
    from: number,
    to: number,
    grad: Float64Array | null,
  ): number {
    const d = split === 'train' ? this.train : this.test;
    if (!grad) {
      // Losses alone (surfaces, metrics): the closures, bit-identical to the tape's values.
      const f = this.value;
      let sum = 0;
      for (let t = from; t < to; t++) {
        const i = idx[t]! * 2;
        sum += f(w[0]! - d[i]!, w[1]! - d[i + 1]!);
      }
      return sum * (1 / (to - from));
    }
    const J = this.tape.jets;
    const o = this.out;
    let loss = 0;
    let gx = 0;
    let gy = 0;
    for (let t = from; t < to; t++) {
      const i = idx[t]! * 2;
      loss += evalTape(this.tape, w[0]! - d[i]!, w[1]! - d[i + 1]!, 1);
      gx += J[o + 1]!;
      gy += J[o + 2]!;
    }
    const inv = 1 / (to - from);
    grad[0] = gx * inv;
    grad[1] = gy * inv;
    return loss * inv;
  }

  hessian2(w: Float64Array, split: Split, out: Float64Array): void {
    const d = split === 'train' ? this.train : this.test;
    const n = split === 'train' ? this.nTrain : this.nTest;
    const J = this.tape.jets;
    const o = this.out;
    let hxx = 0;
    let hxy = 0;
    let hyy = 0;
    for (let i = 0; i < n; i++) {
      evalTape(this.tape, w[0]! - d[2 * i]!, w[1]! - d[2 * i + 1]!, 2);
      hxx += J[o + 3]!;
      hxy += J[o + 4]!;
      hyy += J[o + 5]!;
    }
    out[0] = hxx / n;
    out[1] = hxy / n;
    out[2] = hyy / n;
  }

  hvp(w: Float64Array, split: Split, v: Float64Array, out: Float64Array): void {
    const h = new Float64Array(3);
    this.hessian2(w, split, h);
    out[0] = h[0]! * v[0]! + h[1]! * v[1]!;
    out[1] = h[1]! * v[0]! + h[2]! * v[1]!;
  }
}
