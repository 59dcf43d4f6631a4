import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createOptimizer, type Optimizer } from './optim';
import type { OptimizerConfig } from './config';

const KINDS: OptimizerConfig['kind'][] = ['sgd', 'momentum', 'nesterov', 'adam'];
const make = (kind: OptimizerConfig['kind'], dim = 1, momentum = 0.9) =>
  createOptimizer({ kind, momentum, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, dim);

/** f(w) = ½λ(w − w*)² in 1-D; returns the trajectory of `steps` updates. */
function descend(opt: Optimizer, w0: number, lr: number, steps: number, lambda = 2, target = 3) {
  const w = Float64Array.of(w0);
  const g = new Float64Array(1);
  const path: number[] = [];
  for (let t = 0; t < steps; t++) {
    g[0] = lambda * (w[0]! - target);
    opt.update(w, g, lr);
    path.push(w[0]!);
  }
  return path;
}

describe('optimizers on a 1-D quadratic', () => {
  it('SGD contracts the error by exactly (1 − ηλ) per step', () => {
    const path = descend(make('sgd'), 1, 0.1, 5);
    path.forEach((w, t) => expect(w - 3).toBeCloseTo(-2 * 0.8 ** (t + 1), 12));
  });

  it.each(['momentum', 'nesterov'] as const)('%s reaches the minimum', (kind) => {
    const path = descend(make(kind), -5, 0.05, 600);
    expect(Math.abs(path.at(-1)! - 3)).toBeLessThan(1e-8);
  });

  it('heavy ball follows v ← m·v + g, w ← w − η·v; Nesterov steps by g + m·v', () => {
    const heavy = descend(make('momentum', 1, 0.5), 0, 0.1, 2, 1, 1);
    // g₀ = −1: v = −1, w = 0.1. g₁ = −0.9: v = −1.4, w = 0.24.
    expect(heavy[0]).toBeCloseTo(0.1, 14);
    expect(heavy[1]).toBeCloseTo(0.24, 14);
    const nesterov = descend(make('nesterov', 1, 0.5), 0, 0.1, 1, 1, 1);
    // g₀ = −1: v = −1, step = g + m·v = −1.5 → w = 0.15.
    expect(nesterov[0]).toBeCloseTo(0.15, 14);
  });

  it("Adam's first step has size ≈ lr whatever the gradient scale (bias correction)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.boolean(),
        (scale, lr, negative) => {
          const w = Float64Array.of(0.5);
          const g = Float64Array.of(negative ? -scale : scale);
          make('adam').update(w, g, lr);
          const step = 0.5 - w[0]!;
          expect(Math.sign(step)).toBe(negative ? -1 : 1);
          // m̂ = g, v̂ = g²: the step is lr·|g|/(|g| + ε).
          const expected = (lr * scale) / (scale + 1e-8);
          expect(Math.abs(Math.abs(step) / expected - 1)).toBeLessThan(1e-9);
          expect(Math.abs(Math.abs(step) / lr - 1)).toBeLessThan(1e-8 / scale + 1e-9);
        },
      ),
    );
  });

  it('Adam settles near the minimum', () => {
    const path = descend(make('adam'), -5, 0.05, 3000);
    expect(Math.abs(path.at(-1)! - 3)).toBeLessThan(1e-3);
  });
});

describe.each(KINDS)('%s state machine', (kind) => {
  const gradients = [0.3, -1.2, 2.5, 0.7, -0.1].map((x) => Float64Array.of(x, -2 * x));

  const play = (opt: Optimizer, w: Float64Array) => {
    for (const g of gradients) opt.update(w, g, 0.05);
    return Array.from(w);
  };

  it('updates in place and deterministically', () => {
    const a = Float64Array.of(1, 2);
    const b = Float64Array.of(1, 2);
    const ref = a;
    expect(play(make(kind, 2), a)).toEqual(play(make(kind, 2), b));
    expect(a).toBe(ref);
    expect(a[0]).not.toBe(1);
    // The gradient is only read.
    expect(Array.from(gradients[0]!)).toEqual([0.3, -0.6]);
  });

  it('reset() clears all state: a reset optimizer replays like a fresh one', () => {
    const used = make(kind, 2);
    play(used, Float64Array.of(5, -5));
    used.reset();
    expect(play(used, Float64Array.of(1, 2))).toEqual(play(make(kind, 2), Float64Array.of(1, 2)));
  });

  it('reports the momentum that enters the noise scale', () => {
    const expected = kind === 'momentum' || kind === 'nesterov' ? 0.9 : 0;
    expect(make(kind).momentum).toBe(expected);
    expect(make(kind).kind).toBe(kind);
  });
});
