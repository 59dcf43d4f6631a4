/**
 * Hoffer et al. (2017): on a random potential whose fluctuations grow with distance,
 * SGD's distance from the start grows like log t ("ultra-slow diffusion"); on a flat
 * potential with the same minibatch noise it is an ordinary random walk, ∝ √t.
 * Ensembles are sized to show the effect in a few seconds; the README's CLI commands
 * run the full-size versions.
 */
import { describe, expect, it } from 'vitest';
import { diffusionEnsemble, diffusionFits } from '../../src/engine/sweep';
import { logSpacedInts } from '../../src/engine/stats';

const STEPS = 10000;
const SEEDS = Array.from({ length: 48 }, (_, i) => i + 1);
const TS = logSpacedInts(1, STEPS, 8);

describe('random-potential diffusion', () => {
  it('grows logarithmically over t ∈ [1e2, 1e4] and the log law beats a power law', () => {
    const d = diffusionEnsemble({ preset: 'random-potential' }, SEEDS, STEPS, TS, {
      varyLandscape: true,
    });
    const { logFit, powerFit } = diffusionFits(d.t, d.meanDistance, [100, STEPS]);
    expect(d.diverged).toBe(0);
    expect(logFit.a).toBeGreaterThan(0);
    expect(logFit.r2).toBeGreaterThanOrEqual(0.95);
    expect(logFit.r2).toBeGreaterThan(powerFit.r2);
  }, 60_000);

  it('on a flat potential (amplitude 0) the walk is diffusive: exponent 0.5 ± 0.05', () => {
    const d = diffusionEnsemble(
      { preset: 'random-potential', landscape: { amplitude: 0 } },
      SEEDS,
      STEPS,
      TS,
      {
        varyLandscape: true,
      },
    );
    const { powerFit } = diffusionFits(d.t, d.meanDistance, [100, STEPS]);
    expect(powerFit.p).toBeGreaterThan(0.45);
    expect(powerFit.p).toBeLessThan(0.55);
  }, 60_000);
});
