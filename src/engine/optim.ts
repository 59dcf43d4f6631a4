import type { OptimizerConfig } from './config';
import * as dm from './detmath';

/**
 * Optimizers as state machines over flat Float64Arrays: `update` moves w in place
 * from the gradient g at learning rate lr and keeps its own buffers, allocating nothing.
 */
export interface Optimizer {
  readonly kind: OptimizerConfig['kind'];
  /** Effective momentum for the noise-scale formula ε/(1−m) (0 for SGD and Adam). */
  readonly momentum: number;
  update(w: Float64Array, g: Float64Array, lr: number): void;
  reset(): void;
}

class Sgd implements Optimizer {
  readonly kind = 'sgd' as const;
  readonly momentum = 0;
  update(w: Float64Array, g: Float64Array, lr: number): void {
    for (let j = 0; j < w.length; j++) w[j]! -= lr * g[j]!;
  }
  reset(): void {}
}

/**
 * Momentum with velocity v ← m·v + g (PyTorch convention). Heavy ball steps
 * w ← w − lr·v; Nesterov, in its look-ahead-free form, steps w ← w − lr·(g + m·v).
 */
class Momentum implements Optimizer {
  private readonly v: Float64Array;
  constructor(
    readonly kind: 'momentum' | 'nesterov',
    dim: number,
    readonly momentum: number,
  ) {
    this.v = new Float64Array(dim);
  }
  update(w: Float64Array, g: Float64Array, lr: number): void {
    const m = this.momentum;
    const nesterov = this.kind === 'nesterov';
    for (let j = 0; j < w.length; j++) {
      const v = m * this.v[j]! + g[j]!;
      this.v[j] = v;
      w[j]! -= lr * (nesterov ? g[j]! + m * v : v);
    }
  }
  reset(): void {
    this.v.fill(0);
  }
}

/** Adam (Kingma & Ba, 2015) with bias correction. */
class Adam implements Optimizer {
  readonly kind = 'adam' as const;
  readonly momentum = 0;
  private readonly m: Float64Array;
  private readonly s: Float64Array;
  private t = 0;
  constructor(
    dim: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
  ) {
    this.m = new Float64Array(dim);
    this.s = new Float64Array(dim);
  }
  update(w: Float64Array, g: Float64Array, lr: number): void {
    this.t++;
    const b1 = this.beta1;
    const b2 = this.beta2;
    const c1 = 1 - dm.pow(b1, this.t);
    const c2 = 1 - dm.pow(b2, this.t);
    for (let j = 0; j < w.length; j++) {
      const gj = g[j]!;
      const m = b1 * this.m[j]! + (1 - b1) * gj;
      const s = b2 * this.s[j]! + (1 - b2) * gj * gj;
      this.m[j] = m;
      this.s[j] = s;
      w[j]! -= (lr * (m / c1)) / (Math.sqrt(s / c2) + this.eps);
    }
  }
  reset(): void {
    this.m.fill(0);
    this.s.fill(0);
    this.t = 0;
  }
}

export function createOptimizer(config: OptimizerConfig, dim: number): Optimizer {
  switch (config.kind) {
    case 'sgd':
      return new Sgd();
    case 'momentum':
    case 'nesterov':
      return new Momentum(config.kind, dim, config.momentum);
    case 'adam':
      return new Adam(dim, config.beta1, config.beta2, config.eps);
  }
}
