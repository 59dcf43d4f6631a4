import { describe, expect, it } from 'vitest';
import { presetDefaults } from '../../engine/presets';
import type { RunConfig } from '../../engine/config';
import { growNotes, warmupNote } from './scheduleNotes';

const grow = { kind: 'grow' as const, milestones: [0.1, 0.2, 0.3], factor: 4, cap: 1024 };
function run(batch: number, schedule: RunConfig['batchSchedule'] = grow) {
  const config = { ...presetDefaults('sharp-flat'), batch, batchSchedule: schedule };
  return { label: `B = ${batch}`, config };
}

describe('schedule notes', () => {
  it('a run already at the cap is told the schedule changes nothing for it', () => {
    expect(growNotes([run(8), run(1024)])).toEqual([
      'B = 8 grows from B = 8 to 512.',
      'B = 1024 is already at the cap (1024): the schedule changes nothing for this run.',
    ]);
  });

  it('a run above the cap is told it trains at the cap', () => {
    const capped = { ...grow, cap: 256 };
    expect(growNotes([run(1024, capped)])).toEqual([
      'B = 1024 is above the cap: it trains at B = 256 throughout.',
    ]);
    expect(growNotes([run(16, capped)])).toEqual(['B = 16 grows from B = 16 to 256.']);
  });

  it('says nothing for a constant batch', () => {
    expect(growNotes([run(8, { kind: 'constant' })])).toEqual([]);
  });

  it('states the warm-up in numbers, and names the remedy when the peak is above η', () => {
    expect(warmupNote([0.01, 0.01], 0.1, 5)).toBe(
      'η ramps from ≈0 up to 0.05 (5 × η = 0.01) over the first 10% of training, then stays there. ' +
        'A peak above the base η is the remedy for large batches: a high learning rate early, reached gently.',
    );
    expect(warmupNote([0.01], 0.2, 1)).toBe(
      'η ramps from ≈0 up to 0.01 (1 × η = 0.01) over the first 20% of training, then stays there.',
    );
    expect(warmupNote([0.01, 0.05], 0.1, 2)).toMatch(/up to 2 × each run's η/);
  });
});
