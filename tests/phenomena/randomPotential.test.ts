/**
 * Hoffer et al. (2017): on a random potential whose fluctuations grow with distance,
 * SGD's distance from the start grows like log t ("ultra-slow diffusion"); on a flat
 * potential with the same minibatch noise it is an ordinary random walk, ∝ √t.
 *
 * The local exponent p(t) = d ln D / d ln t separates the two without comparing R² values
 * that differ in the third digit: a power law keeps it constant (½ for the free walk), log
 * growth makes it fall like 1/ln t. Both claims are checked over the same three decades,
 * t = 20 … 20k, the view's default fit range. Ensembles are sized to run in seconds; the
 * README's CLI commands run the full-size versions (256 landscapes, 10⁵ steps).
 */
import { describe, expect, it } from 'vitest';
import { defaultFitRange } from '../../src/engine/experiments';
import { diffusionEnsemble, diffusionFits } from '../../src/engine/sweep';
import { localExponent, localExponentEnds, logSpacedInts } from '../../src/engine/stats';

const STEPS = 20000;
const RANGE = defaultFitRange(STEPS);
const TS = logSpacedInts(1, STEPS, 8);
const seeds = (k: number) => Array.from({ length: k }, (_, i) => i + 1);

function ensemble(amplitude: number | undefined, k: number) {
  const landscape = amplitude === undefined ? {} : { landscape: { amplitude } };
  const d = diffusionEnsemble({ preset: 'random-potential', ...landscape }, seeds(k), STEPS, TS, {
    varyLandscape: true,
  });
  const p = localExponent(d.t, d.meanDistance);
  const inRange = p.filter((v, i): v is number => v !== null && d.t[i]! >= RANGE[0]);
  return { d, p, inRange, fits: diffusionFits(d.t, d.meanDistance, RANGE) };
}

describe('random-potential diffusion over t = 20 … 20k', () => {
  it('default fit range: from t = 20 to the last step', () => {
    expect(RANGE).toEqual([20, 20000]);
  });

  it('on the random potential p(t) falls ≥ 1.5×, where a power law keeps it constant', () => {
    // Single walks move in rare jumps between traps, so the mean needs dozens of landscapes.
    const { d, p, fits } = ensemble(undefined, 48);
    expect(d.diverged).toBe(0);
    const ends = localExponentEnds(d.t, p, RANGE)!;
    // A decade of window: p(t) exists from t = 24 to 20000/√10 ≈ 6325.
    expect(ends.first.t).toBeLessThan(30);
    expect(ends.last.t).toBeGreaterThan(5000);
    // Seeded (1 … 48) it measured 0.45 → 0.12 (3.7×); other sets of 48 fell 2.4–4.1×.
    expect(ends.first.p / ends.last.p).toBeGreaterThanOrEqual(1.5);
    // The R² comparison (here 0.994 log vs 0.923 power) is left to the full-size command:
    // with 48 landscapes one seed set in eight has the power law ahead by 0.01.
    expect(fits.logFit.a).toBeGreaterThan(0);
  }, 120_000);

  it('on the flat potential (amplitude 0) p(t) stays within 0.5 ± 0.05, like √t', () => {
    // The walk's distance spreads by ±52% between runs (a 2-D Rayleigh law), so p(t) of a
    // mean over K runs wobbles by about 0.5/√K: 256 runs keep it within ±0.03. Without the
    // potential's modes a step costs a fifth as much.
    const { d, inRange, fits } = ensemble(0, 256);
    expect(d.diverged).toBe(0);
    // Every sample from t = 24 to 5623 (8 per decade) has a p(t).
    expect(inRange.length).toBe(20);
    for (const v of inRange) {
      expect(v).toBeGreaterThan(0.45);
      expect(v).toBeLessThan(0.55);
    }
    expect(fits.powerFit.p).toBeGreaterThan(0.45);
    expect(fits.powerFit.p).toBeLessThan(0.55);
    expect(fits.powerFit.r2).toBeGreaterThan(fits.logFit.r2);
  }, 120_000);
});
