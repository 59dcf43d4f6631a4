/**
 * Shared fixtures for the objective tests: every preset the engine builds, including the
 * N-D presets at a second dimension, each with a box that random test points are drawn from.
 * (Not a test file itself: vitest collects only *.test.ts.)
 */
import type { ConfigInput, RunConfig } from '../config';
import { buildObjective } from '../presets';
import { resolveConfig } from '../validate';
import type { Objective } from './types';

export interface ObjectiveCase {
  name: string;
  config: RunConfig;
  objective: Objective;
  /** Test points are drawn uniformly from [−scale, scale]^dim (around the action). */
  scale: number;
}

export function resolved(input: ConfigInput): RunConfig {
  const r = resolveConfig(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

const CASES: [string, ConfigInput, number][] = [
  ['bowl', { preset: 'bowl' }, 2],
  ['sharp-flat', { preset: 'sharp-flat' }, 1.2],
  ['saddle', { preset: 'saddle' }, 1.5],
  ['random-potential 2-D', { preset: 'random-potential' }, 20],
  ['random-potential 5-D', { preset: 'random-potential', landscape: { dim: 5, shift: [0.5] } }, 20],
  ['quadratic-nd 7-D', { preset: 'quadratic-nd', landscape: { dim: 7 } }, 1.5],
  ['custom (sharp + flat pair)', { preset: 'custom' }, 1.2],
  [
    'custom (every function)',
    {
      preset: 'custom',
      landscape: {
        expr: 'x^2 + y^2 + 0.3*sin(3*x)*cos(2*y) + tanh(x - y)/4 + 0.1*log(1 + x^2) + 0.2*sqrt(1 + y^2) + abs(x - 5)/10 + exp(-(x^2)) + max(x, -3)/9 + min(y, 4)/9 + (2 + x^2)^(y/5) + pi*e/100',
      },
    },
    1.5,
  ],
];

let cache: ObjectiveCase[] | null = null;

/** Built once per test file (objectives are deterministic in their data seed). */
export function objectiveCases(): ObjectiveCase[] {
  cache ??= CASES.map(([name, input, scale]) => {
    const config = resolved(input);
    return { name, config, objective: buildObjective(config), scale };
  });
  return cache;
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** max_j |a_j − b_j| / max(max_j |b_j|, floor): a norm-wise relative error. */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-8): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m / Math.max(maxAbs(b), floor);
}
