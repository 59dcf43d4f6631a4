import { describe, expect, it } from 'vitest';
import { createRun } from '../run';
import { hashFloat32 } from '../hash';
import { resolveConfig } from '../validate';
import type { ConfigInput } from '../config';
import { checkExpr } from './check';
import { EXPR_EXAMPLES } from './examples';

function trajectoryHash(input: ConfigInput): { hash: string; status: string; steps: number } {
  const run = createRun(input);
  const { chunks } = run.runToEnd(1e6);
  const parts = chunks.map((c) => c.positions);
  const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    all.set(p, k);
    k += p.length;
  }
  return { hash: hashFloat32(all), status: run.status, steps: run.steps };
}

describe('custom landscapes: guard rails', () => {
  it('accepts the examples offered in the UI', () => {
    for (const e of EXPR_EXAMPLES) expect(checkExpr(e.expr), e.id).toBeNull();
  });

  const REFUSED: [string, RegExp][] = [
    ['x + y', /no minimum in view.*edge/],
    ['-(x^2 + y^2)', /no minimum in view/],
    ['1', /no minimum in view/],
    ['exp(10*x^2) + y^2', /overflows/],
    ['exp(exp(x*5))', /overflows/],
    ['log(x) + y^2', /not a number/],
    ['sqrt(x - 1) + y^2', /not a number/],
    ['(x^2 + y^2)^0.5 + 1/(x - 2)', /overflows|not finite|not a number/],
  ];
  it.each(REFUSED)('refuses %j: %s', (expr, words) => {
    const problem = checkExpr(expr);
    expect(problem?.message).toMatch(words);
    const r = resolveConfig({ preset: 'custom', landscape: { expr } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ path: 'landscape.expr', message: problem!.message });
  });

  it('names the column of a syntax error in the config error', () => {
    const r = resolveConfig({ preset: 'custom', landscape: { expr: 'x^2 + (y' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/missing '\)' at column 9/);
  });

  it('only the custom preset reads an expression; the others keep their configs as they were', () => {
    const r = resolveConfig({ preset: 'bowl', landscape: { expr: 'x^2 + y^2' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/only the custom preset/);
    const bowl = resolveConfig({ preset: 'bowl' });
    expect(bowl.ok && 'expr' in bowl.config.landscape).toBe(false);
  });

  it('a run that leaves the finite region ends as diverged, never with NaN in its path', () => {
    // Finite on the whole view box, NaN beyond |x| = 3; η = 1.5 overshoots by 1.5× per step.
    const expr = 'x^2 + y^2 + sqrt(9 - x^2)';
    expect(checkExpr(expr)).toBeNull();
    const run = createRun({ preset: 'custom', landscape: { expr }, start: [1, 1], lr: 1.5 });
    const { chunks } = run.runToEnd(1e6);
    expect(run.status).toBe('diverged');
    expect(run.divergedAt).toBeLessThan(100);
    for (const c of chunks) for (const v of c.positions) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('custom landscapes: determinism', () => {
  it('the bowl written as an expression gives the bowl preset’s trajectory bit for bit', () => {
    // The bowl preset is ½(x² + 4y²) on the same data draws; the tape performs the same
    // floating-point operations, so the trajectories must agree exactly.
    const common: ConfigInput = { seed: 3, batch: 8, budget: { unit: 'epochs', amount: 3 } };
    const bowl = resolveConfig({ preset: 'bowl', ...common });
    if (!bowl.ok) throw new Error('bowl');
    const l = bowl.config.landscape;
    const custom: ConfigInput = {
      ...common,
      preset: 'custom',
      lr: bowl.config.lr,
      landscape: {
        n: l.n,
        nTest: l.nTest,
        spread: l.spread,
        shift: l.shift,
        expr: '0.5*(x*x + 4*y*y)',
      },
    };
    const a = trajectoryHash({ preset: 'bowl', ...common });
    const b = trajectoryHash(custom);
    expect(a.steps).toBe(96);
    expect(b).toEqual(a);
    // …and a different expression gives a different path (the hash can fail).
    const c = trajectoryHash({
      ...custom,
      landscape: { ...custom.landscape, expr: '0.5*(x*x + 4.01*y*y)' },
    } as ConfigInput);
    expect(c.hash).not.toBe(a.hash);
  });

  it('the default custom landscape keeps its pinned trajectory', () => {
    const r = trajectoryHash({
      preset: 'custom',
      seed: 1,
      start: [-0.5, 0.5],
      batch: 8,
      budget: { unit: 'steps', amount: 300 },
    });
    expect(r.status).toBe('done');
    expect(r.hash).toBe('5398b04c');
  });
});
