import { describe, expect, it } from 'vitest';
import { alignSeries } from './alignSeries';

describe('alignSeries', () => {
  it('places each run on the union of steps with nulls elsewhere', () => {
    const small = { steps: [0, 50, 100, 150, 200], values: [1, 0.8, 0.6, 0.5, 0.4] };
    const large = { steps: [0, 100, 200], values: [1, 0.7, 0.3] };
    const [x, a, b] = alignSeries([small, large]);
    expect(x).toEqual([0, 50, 100, 150, 200]);
    expect(a).toEqual([1, 0.8, 0.6, 0.5, 0.4]);
    expect(b).toEqual([1, null, 0.7, null, 0.3]);
  });

  it('drops steps below minX (log x) and non-positive values when asked (log y)', () => {
    const s = { steps: [0, 1, 10, 100], values: [5, -1, 0, 2] };
    const [x, y] = alignSeries([s], { minX: 1, positiveOnly: true });
    expect(x).toEqual([1, 10, 100]);
    expect(y).toEqual([null, null, 2]);
  });

  it('turns null and non-finite values into gaps', () => {
    const s = { steps: [1, 2, 3, 4], values: [null, NaN, Infinity, 3] };
    expect(alignSeries([s])[1]).toEqual([null, null, null, 3]);
  });

  it('handles shared step arrays, interleaved grids and empty input', () => {
    const steps = [2, 4, 6];
    const other = { steps: [1, 3, 5, 7], values: [10, 30, 50, 70] };
    const [x, train, test, o] = alignSeries([
      { steps, values: [1, 2, 3] },
      { steps, values: [4, 5, 6] },
      other,
    ]);
    expect(x).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(train).toEqual([null, 1, null, 2, null, 3, null]);
    expect(test).toEqual([null, 4, null, 5, null, 6, null]);
    expect(o).toEqual([10, null, 30, null, 50, null, 70]);
    expect(alignSeries([])).toEqual([[]]);
    expect(alignSeries([{ steps: [], values: [] }])).toEqual([[], []]);
  });
});
