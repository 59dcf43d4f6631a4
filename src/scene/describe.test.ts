// The scene in words: what a screen reader hears names the landscape, the box, the minima,
// the start and each run's state and position, with the numbers the readouts show.
import { describe, expect, it } from 'vitest';
import type { MetricRecord } from '../engine/metrics';
import { describeScene, type SceneFacts } from './describe';

const metric = (basin: string | null): MetricRecord =>
  ({
    step: 10,
    epoch: 1,
    trainLoss: -1.56,
    testLoss: -0.237,
    gap: 1.32,
    distance: 0.7,
    gradNorm: 0.01,
    lambdaMax: 80,
    lambdaMin: 20,
    noiseScale: 0,
    bSimple: null,
    basin,
  }) as MetricRecord;

const facts: SceneFacts = {
  title: 'Sharp vs flat minimum',
  surface: 'both',
  camera: '3d',
  layout: 'overlay',
  box: { lo: [-1.2, -1.2], hi: [1.6, 1.2] },
  basins: [
    { id: 'sharp', label: 'sharp minimum', center: [0, 0], radius: 0.1 },
    { id: 'flat', label: 'flat minimum', center: [0.8, 0], radius: 0.3 },
  ],
  slice: false,
  start: [-0.5, 0.5],
  runs: [
    {
      label: 'B = 8',
      colorName: 'blue',
      state: 'running',
      divergedAt: null,
      error: null,
      head: [0.31, 0.02],
      last: metric('flat'),
    },
    {
      label: 'B = 1024',
      colorName: 'orange',
      state: 'done',
      divergedAt: null,
      error: null,
      head: [0.01, 0],
      last: metric('sharp'),
    },
  ],
};

describe('describeScene', () => {
  it('names the landscape, box, minima, start and every run with its numbers', () => {
    const text = describeScene(facts);
    expect(text).toMatch(
      /^3-D view of Sharp vs flat minimum: the train loss surface, with the test surface/,
    );
    expect(text).toContain('x from -1.2 to 1.6 and y from -1.2 to 1.2');
    expect(text).toContain('sharp minimum at (0, 0); flat minimum at (0.8, 0)');
    expect(text).toContain('The runs start at (-0.5, 0.5).');
    expect(text).toContain('B = 8 (blue) is running, now at (0.31, 0.02), in the flat minimum.');
    expect(text).toContain(
      'B = 1024 (orange) ended at (0.01, 0), in the sharp minimum: train loss -1.56, test loss -0.237, gap 1.32.',
    );
  });

  it('says when the surface is not there yet, a run diverged, and side-by-side panels', () => {
    const text = describeScene({
      ...facts,
      box: null,
      layout: 'side',
      camera: 'top',
      runs: [{ ...facts.runs[0]!, state: 'diverged', divergedAt: 120 }, facts.runs[1]!],
    });
    expect(text).toMatch(
      /^Top-down map of Sharp vs flat minimum: the surface is still being computed\./,
    );
    expect(text).toContain('2 runs, each in its own panel:');
    expect(text).toContain(
      'B = 8 (blue) diverged at step 120; its last finite point is at (0.31, 0.02).',
    );
  });
});
