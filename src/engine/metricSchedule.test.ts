import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from './run';
import { logEvenSchedule, logGridCount, MetricClock, metricSteps } from './metricSchedule';

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe('metric schedule', () => {
  it('with no log grid is exactly the even grid: start, multiples of every, end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 2000 }), (e, t) => {
        const expected = [0];
        for (let s = 1; s < t; s++) if (e > 0 && s % e === 0) expected.push(s);
        expected.push(t);
        expect(metricSteps(e, 0, t)).toEqual(expected);
      }),
    );
  });

  it('is strictly increasing, contains both grids, and starts the log grid at step 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 2, max: 30000 }),
        (every, k, t) => {
          const steps = metricSteps(every, k, t);
          expect(increasing(steps)).toBe(true);
          expect(steps[1]).toBe(1);
          const set = new Set(steps);
          for (let j = 0; 10 ** (j / k) < t - 0.5; j++)
            expect(set.has(Math.round(10 ** (j / k)))).toBe(true);
          if (every > 0) for (let s = every; s < t; s += every) expect(set.has(s)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('puts perDecade points in each decade once steps are far apart', () => {
    const k = 20;
    const steps = metricSteps(0, k, 100000);
    const inDecade = (lo: number) => steps.filter((s) => s >= lo && s < 10 * lo).length;
    for (const lo of [100, 1000, 10000]) expect(inDecade(lo)).toBe(k);
    // Below ~10 the grid's steps round onto the same integers: every step is measured once.
    expect(steps.slice(0, 11)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(logGridCount(k, 99999)).toBe(steps.length - 2);
  });

  it('keeps a log-plus-even schedule within its budget for any run length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), (t) => {
        const s = logEvenSchedule(t, 200, 20);
        expect(s.every).toBeGreaterThanOrEqual(1);
        // The log grid keeps 20 per decade while it fits in half the budget (any explorer
        // run, up to B = 1 for 200 epochs of 1024 samples), and is thinned beyond that.
        expect(s.perDecade).toBeLessThanOrEqual(20);
        if (t <= 204_800) expect(s.perDecade).toBe(20);
        expect(metricSteps(s.every, s.perDecade, t).length).toBeLessThanOrEqual(200);
      }),
      { numRuns: 40 },
    );
    // The explorer's two default runs: the small batch is resolved before step 100 too.
    const small = logEvenSchedule(25600, 200, 20);
    const large = logEvenSchedule(200, 200, 20);
    const smallSteps = metricSteps(small.every, small.perDecade, 25600);
    expect(smallSteps.filter((s) => s > 0 && s < 100).length).toBeGreaterThanOrEqual(20);
    expect(smallSteps.length).toBeGreaterThan(180);
    expect(metricSteps(large.every, large.perDecade, 200).length).toBeGreaterThan(100);
  });

  it('answers for steps asked in order, as a run asks', () => {
    const clock = new MetricClock(0, 10);
    const due = Array.from({ length: 40 }, (_, i) => i + 1).filter((s) => clock.due(s));
    expect(due).toEqual([1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 32, 40]);
  });

  it('is what a run measures, and measuring never changes the trajectory', () => {
    const base = {
      preset: 'sharp-flat',
      batch: 8,
      start: [-0.5, 0.5],
      budget: { unit: 'steps', amount: 3000 },
      metricsEvery: 250,
      recordEvery: 7,
    } as const;
    const logged = createRun({ ...base, metricsPerDecade: 20 }).runToEnd(333);
    const even = createRun(base).runToEnd(333);
    expect(logged.metrics.map((m) => m.step)).toEqual(metricSteps(250, 20, 3000));
    expect(even.metrics.map((m) => m.step)).toEqual(metricSteps(250, 0, 3000));
    const positions = (r: typeof even) => r.chunks.flatMap((c) => Array.from(c.positions));
    expect(positions(logged)).toEqual(positions(even));
    // A measurement at a step both grids share is the same record.
    const at = (r: typeof even, step: number) => r.metrics.find((m) => m.step === step);
    expect(at(logged, 2500)).toEqual(at(even, 2500));
  });
});
