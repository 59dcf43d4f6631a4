/**
 * Slider scales. Batch size moves over powers of two (plus N itself, so "the whole
 * train set" is always reachable); learning rate over a log scale, because its useful
 * values span orders of magnitude.
 */
import type { PresetId } from '../../engine/config';

/** Powers of two from 1 up to n, then n itself if n is not a power of two. */
export function batchSteps(n: number): number[] {
  const steps: number[] = [];
  for (let b = 1; b <= n; b *= 2) steps.push(b);
  if (steps[steps.length - 1] !== n) steps.push(n);
  return steps;
}

/** Index of the step nearest to `b` in log terms (slider position of a batch size). */
export function batchIndex(b: number, n: number): number {
  const steps = batchSteps(n);
  let best = 0;
  for (let i = 1; i < steps.length; i++) {
    if (
      Math.abs(Math.log(steps[i]!) - Math.log(b)) < Math.abs(Math.log(steps[best]!) - Math.log(b))
    )
      best = i;
  }
  return best;
}

/** The next batch step above (dir = +1) or below (dir = −1) `b`, clamped to 1…n. */
export function stepBatch(b: number, n: number, dir: 1 | -1): number {
  const steps = batchSteps(n);
  if (dir > 0) return steps.find((s) => s > b) ?? n;
  return [...steps].reverse().find((s) => s < b) ?? 1;
}

/** Learning-rate slider bounds; the random potential needs large steps to wander at all. */
export function lrBounds(preset: PresetId, current: number): [number, number] {
  const [lo, hi] = preset === 'random-potential' ? [1e-3, 10] : [1e-4, 1];
  return [Math.min(lo, current), Math.max(hi, current)];
}

/** Validation accepts (0, 1e4]; shortcuts stay well inside it. */
export const LR_LIMITS: [number, number] = [1e-6, 1e4];

/** Rounds to `digits` significant figures so slider values read cleanly (0.0316, not 0.031622…). */
export function roundSig(x: number, digits = 3): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** Short display of a number: 3 significant figures, exponent form when tiny or huge. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return x.toExponential(1).replace('e+', 'e');
  return String(roundSig(x));
}
