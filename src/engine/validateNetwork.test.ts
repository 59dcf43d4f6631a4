/** The network lab's config checks: one path-level error per problem. */
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from './config';
import { resolveConfig } from './validate';

const errorsOf = (input: ConfigInput) => {
  const r = resolveConfig({ preset: 'mlp', ...input });
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const net = (network: object) => ({ network }) as ConfigInput;

describe('mlp config validation', () => {
  it('accepts the defaults and every data set', () => {
    for (const dataset of ['moons', 'circles', 'spiral', 'xor', 'blobs'])
      expect(errorsOf(net({ dataset }))).toEqual([]);
  });

  it.each([
    [
      net({ batchNorm: true, ghostBatch: 5 }),
      /^network\.ghostBatch: v = 5 must divide the batch size 16/,
    ],
    [
      net({ batchNorm: false, ghostBatch: 4 }),
      /^network\.ghostBatch: Ghost BatchNorm needs network\.batchNorm on/,
    ],
    [
      {
        ...net({ batchNorm: true, ghostBatch: 4 }),
        landscape: { n: 1024 },
        batchSchedule: { kind: 'grow', factor: 2.5 },
      },
      /^network\.ghostBatch: v = 4 must divide the batch size 250 the batch schedule reaches at 75% of the budget/,
    ],
    [
      { ...net({ batchNorm: true }), batch: 1 },
      /^batch: BatchNorm needs ≥ 2 samples per \(ghost\) batch, got 1/,
    ],
    [net({ batchNorm: true, ghostBatch: 1 }), /^network\.ghostBatch: BatchNorm needs ≥ 2 samples/],
    [net({ hidden: [8, 100] }), /^network\.hidden\[1\]: must be ≤ 64, got 100/],
    [net({ hidden: [8, 8, 8, 8, 8] }), /^network\.hidden: must have 1–4 hidden layers, got 5/],
    [net({ hidden: [] }), /^network\.hidden: must have 1–4 hidden layers, got 0/],
    [net({ hidden: [8.5] }), /^network\.hidden\[0\]: must be a whole number/],
    [net({ labelNoise: 0.7 }), /^network\.labelNoise: must be ≤ 0\.5/],
    [net({ activation: 'sigmoid' }), /^network\.activation: must be one of relu, tanh/],
    [net({ init: 'xavier' }), /^network\.init: must be one of he, glorot/],
    [net({ bnMomentum: 0 }), /^network\.bnMomentum: must be > 0/],
    [net({ width: 3 }), /^network\.width: unknown field/],
    [{ start: [0, 0] }, /^start: must be null for the mlp preset/],
    [{ landscape: { n: 9000 } }, /^landscape\.n: must be ≤ 8192 for the mlp preset/],
    [{ landscape: { nTest: 30000 } }, /^landscape\.nTest: must be ≤ 20000/],
    [{ landscape: { shift: [0.1, 0.2, 0.3] } }, /^landscape\.shift: must have 1 or 2 entries/],
    [{ landscape: { dim: 3 } }, /^landscape\.dim: the mlp preset's inputs are 2-D/],
  ] as [ConfigInput, RegExp][])('%j', (input, pattern) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(pattern);
  });

  it('a network section on a landscape preset is an error, not ignored', () => {
    const r = resolveConfig({ preset: 'sharp-flat', network: { batchNorm: true } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/only the mlp preset has a network/);
  });

  it('ghost batches that divide every batch the schedule reaches are fine', () => {
    expect(
      errorsOf({
        ...net({ batchNorm: true, ghostBatch: 8 }),
        batchSchedule: { kind: 'grow', milestones: [0.3, 0.6], factor: 2, cap: 64 },
      }),
    ).toEqual([]);
  });
});
