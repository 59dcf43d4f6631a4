import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logAxisTicks as ticksFor } from './logTicks';

/** Labels of a fixed size: gap = size + pad between neighbours. */
const logAxisTicks = (min: number, max: number, length: number, gap: number) =>
  ticksFor(min, max, length, () => gap / 2, gap / 2);

/** A number whose decimal digits are one leading digit and zeros: 1, 2, 5, 30, 0.04, … */
const isRound = (v: number) => /^[1-9](0*|\.?)$|^0\.0*[1-9]$/.test(String(v));

describe('logAxisTicks', () => {
  it('reads 1-2-5 when there is room, powers of ten when there is not', () => {
    expect(logAxisTicks(1, 200, 300, 30)).toEqual([1, 2, 5, 10, 20, 50, 100, 200]);
    expect(logAxisTicks(1, 25600, 250, 40)).toEqual([1, 10, 100, 1000, 10000]);
    // The old labels came from the data's first step (104): now round numbers.
    expect(logAxisTicks(104, 25600, 250, 40)).toEqual([1000, 10000]);
    expect(logAxisTicks(1, 1e8, 120, 40)).toEqual([1, 1000, 1e6]);
  });

  it('makes room for long labels', () => {
    // "1000" and "2000" need more room than "1" and "2": 1-2-5 fits early, not late.
    const width = (v: number) => 6 * String(v).length;
    expect(ticksFor(1, 20000, 300, width, 6)).toEqual([1, 10, 100, 1000, 10000]);
    expect(ticksFor(1, 20, 300, width, 6)).toEqual([1, 2, 5, 10, 20]);
  });

  it('fills a range inside a decade with 1…9 or, if it must, its ends', () => {
    expect(logAxisTicks(56, 86, 140, 20)).toEqual([60, 70, 80]);
    expect(logAxisTicks(7.61, 7.79, 140, 20)).toEqual([7.61, 7.79]);
    expect(logAxisTicks(5, 5, 100, 20)).toEqual([5]);
    expect(logAxisTicks(0, 10, 100, 20)).toEqual([]);
  });

  it('gives round, increasing ticks inside the range, with room for their labels', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 1.5, max: 1e6, noNaN: true }),
        fc.integer({ min: 80, max: 1200 }),
        fc.integer({ min: 10, max: 60 }),
        (min, ratio, length, gap) => {
          const max = min * ratio;
          const ticks = logAxisTicks(min, max, length, gap);
          expect(ticks.length).toBeGreaterThanOrEqual(1);
          const pxPerDecade = length / Math.log10(max / min);
          ticks.forEach((t, i) => {
            expect(t).toBeGreaterThanOrEqual(min);
            expect(t).toBeLessThanOrEqual(max);
            if (i > 0) expect(t).toBeGreaterThan(ticks[i - 1]!);
          });
          const roundTicks = ticks.every(isRound);
          if (roundTicks && ticks.length >= 2)
            for (let i = 1; i < ticks.length; i++)
              expect(Math.log10(ticks[i]! / ticks[i - 1]!) * pxPerDecade).toBeGreaterThanOrEqual(
                gap - 1e-6,
              );
          // Round numbers whenever two powers of ten fit, with room between them.
          const firstPower = Math.ceil(Math.log10(min) + 1e-6);
          if (Math.log10(max) - firstPower >= 1 + 1e-6 && pxPerDecade >= gap * 1.01)
            expect(roundTicks).toBe(true);
        },
      ),
    );
  });
});
