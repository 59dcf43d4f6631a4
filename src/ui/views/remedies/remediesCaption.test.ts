import { describe, expect, it } from 'vitest';
import { remedies, endpointRow } from '../../../engine/experiments';
import type { EndpointResult } from '../../../engine/ensemble';
import { remediesCaption } from './remediesCaption';

const end = (trainLoss: number, gap: number, basin: string | null): EndpointResult => ({
  kind: 'endpoint',
  seed: 1,
  batch: 16,
  lr: 0.01,
  status: 'done',
  steps: 10,
  trainLoss,
  testLoss: trainLoss + gap,
  gap,
  lambdaMax: 1,
  distance: 1,
  basin,
  end: [0, 0],
  start: [0, 0],
  sharpness: null,
  trainAccuracy: null,
  testAccuracy: null,
});
const row = (train: number[], gap: number[], basin: string | null) =>
  endpointRow(
    train.map((t, i) => end(t, gap[i]!, basin)),
    true,
  );

describe('remediesCaption', () => {
  const [small, large, sqrt, linear] = remedies(16, 1024, 0.01);
  it('credits remedies with the share of the gap they close, and names untrained ones apart', () => {
    const text = remediesCaption([
      { remedy: small!, row: row([-0.63, -0.64], [0.018, 0.017], 'flat') },
      { remedy: large!, row: row([-1.2, -1.19], [0.11, 0.112], 'sharp') },
      { remedy: sqrt!, row: row([-0.63, -0.63], [0.018, 0.0175], 'flat') },
      { remedy: linear!, row: row([0.8, 1.1], [0.001, 0.0], null) },
    ]);
    expect(text).toMatch(/√ LR scaling 10\d%/);
    expect(text).not.toMatch(/linear LR scaling \d+%/);
    expect(text).toMatch(/Trained poorly .*linear LR scaling/);
  });
});
