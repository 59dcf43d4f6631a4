import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../../engine/metrics';
import type { RunOutcome } from './outcome';
import { formatShare, saddleCellText, saddleLesson, saddleTime } from './saddleTime';

const saddle = { id: 'saddle', label: 'saddle point', center: [0, 0], radius: 0.25 };

function run(
  label: string,
  step: number,
  saddleSteps: number | null,
  end: [number, number] = [0.5, 0],
): RunOutcome {
  return {
    label,
    state: 'done',
    divergedAt: null,
    lr: 0.1,
    batch: 8,
    end,
    basinShare: {},
    instability: null,
    last: { step, saddleSteps, basin: 'right' } as MetricRecord,
  };
}

describe('time near the saddle', () => {
  it('is the count over all updates so far; null without a saddle', () => {
    expect(saddleTime(run('a', 40, 19).last)).toEqual({ steps: 19, total: 40, share: 19 / 40 });
    expect(saddleTime(run('a', 0, 0).last)).toEqual({ steps: 0, total: 0, share: 0 });
    expect(saddleTime(run('a', 40, null).last)).toBeNull();
    expect(saddleTime(null)).toBeNull();
  });

  it('reads as a percentage and a count', () => {
    expect(formatShare(19 / 40)).toBe('47.5%');
    expect(formatShare(14 / 2560)).toBe('0.55%');
    expect(saddleCellText({ steps: 19, total: 40, share: 19 / 40 })).toBe('47.5% (19)');
    expect(saddleCellText({ steps: 12345, total: 40000, share: 0.3086 })).toBe('30.9% (12.3k)');
  });

  it('draws the lesson from the counts: fewer updates, so a larger share', () => {
    const text = saddleLesson([saddle], [run('B = 8', 2560, 14), run('B = 512', 40, 19)]).join(' ');
    expect(text).toBe(
      'Time within 0.25 of the saddle point: B = 8 0.55% (14 of 2560 updates), B = 512 47.5% (19 of 40 updates). ' +
        'Leaving a saddle takes about as many updates at either batch size (19 and 14 here), ' +
        'but B = 512 makes 64× fewer in its run, so it spends 87× more of its training at the saddle.',
    );
  });

  it('says when a run never reached the saddle, or is still there, and claims no reason then', () => {
    const never = saddleLesson([saddle], [run('B = 8', 2560, 14), run('B = 512', 20, 0)]);
    expect(never.join(' ')).toMatch(/B = 512 never reached the saddle/);
    expect(never.join(' ')).not.toMatch(/fewer/);
    const stuck = saddleLesson(
      [saddle],
      [run('B = 8', 2560, 14), run('B = 512', 40, 30, [0.01, 0.02])],
    );
    expect(stuck.join(' ')).toMatch(/B = 512 is still at the saddle after all its updates\./);
  });

  it('gives no reason when the run with the larger share also made more updates', () => {
    const text = saddleLesson([saddle], [run('η = 0.1', 40, 19), run('η = 0.02', 40, 35)]).join(
      ' ',
    );
    expect(text).toBe(
      'Time within 0.25 of the saddle point: η = 0.1 47.5% (19 of 40 updates), η = 0.02 87.5% (35 of 40 updates).',
    );
  });

  it('without a saddle point says nothing', () => {
    expect(saddleLesson([], [run('B = 8', 10, null)])).toEqual([]);
  });
});
