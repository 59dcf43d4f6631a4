import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { classCount, DATASET_IDS, makeDataset, type DatasetSpec } from './datasets';

const spec = (patch: Partial<DatasetSpec> = {}): DatasetSpec => ({
  id: 'moons',
  n: 2000,
  nTest: 2000,
  noise: 0.1,
  labelNoise: 0,
  shift: [0, 0],
  ...patch,
});

const meanOf = (x: Float64Array, axis: number) => {
  let s = 0;
  for (let i = axis; i < x.length; i += 2) s += x[i]!;
  return s / (x.length / 2);
};

describe.each(DATASET_IDS)('%s', (id) => {
  it('is seeded, balanced, finite and of the requested sizes', () => {
    const a = makeDataset(spec({ id }), createRng(3, 'data'));
    const b = makeDataset(spec({ id }), createRng(3, 'data'));
    const c = makeDataset(spec({ id }), createRng(4, 'data'));
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(a.test.y)).toEqual(Array.from(b.test.y));
    expect(Array.from(c.train.x)).not.toEqual(Array.from(a.train.x));
    expect(a.train.n).toBe(2000);
    expect(a.test.x).toHaveLength(4000);
    expect(a.classes).toBe(classCount(id));
    for (let k = 0; k < a.classes; k++) {
      const count = a.train.y.filter((y) => y === k).length;
      expect(Math.abs(count - 2000 / a.classes)).toBeLessThanOrEqual(1);
    }
    expect(a.train.x.every(Number.isFinite)).toBe(true);
    expect(a.flipped).toHaveLength(0);
  });

  it('flips about the label-noise fraction of train labels (only train) and moves no input', () => {
    const clean = makeDataset(spec({ id }), createRng(3, 'data'));
    const noisy = makeDataset(spec({ id, labelNoise: 0.2 }), createRng(3, 'data'));
    expect(Array.from(noisy.train.x)).toEqual(Array.from(clean.train.x));
    expect(Array.from(noisy.test.y)).toEqual(Array.from(clean.test.y));
    let changed = 0;
    for (let i = 0; i < 2000; i++) if (noisy.train.y[i] !== clean.train.y[i]) changed++;
    expect(changed).toBe(noisy.flipped.length);
    // Binomial(2000, 0.2): sd ≈ 18.
    expect(Math.abs(changed - 400)).toBeLessThan(80);
    for (const i of noisy.flipped) expect(noisy.train.y[i]).not.toBe(clean.train.y[i]);
  });

  it('a test shift translates the test inputs by δ', () => {
    const same = makeDataset(spec({ id }), createRng(3, 'data'));
    const shifted = makeDataset(spec({ id, shift: [0.5, -0.25] }), createRng(3, 'data'));
    expect(meanOf(shifted.test.x, 0) - meanOf(same.test.x, 0)).toBeCloseTo(0.5, 12);
    expect(meanOf(shifted.test.x, 1) - meanOf(same.test.x, 1)).toBeCloseTo(-0.25, 12);
    expect(Array.from(shifted.train.x)).toEqual(Array.from(same.train.x));
  });
});
