/**
 * Run colours must tell runs apart for everyone: under simulated deuteranopia, protanopia
 * and tritanopia (Machado et al. 2009), and printed or projected in greyscale (lightness
 * only) — with the dash patterns as a second channel, not the only one. Each colour must
 * also stay visible on every theme's panel (light, dark, presenter's black).
 */
import { describe, expect, it } from 'vitest';
import { RUN_COLORS, RUN_COLOR_NAMES, RUN_DASHES } from '../src/state/palette';
import { contrast, deltaE, greyDifference, linearRgb, simulate, type Vision } from './colorVision';

/**
 * ΔE*ab (CIE76) every pair must keep per vision. ~2.3 is a just-noticeable difference;
 * lines a few pixels wide need far more, and ≥ 25 reads as different colours at a glance.
 * Tritanopia (~0.01% of people) squeezes the blue–green axis that the other two keep.
 */
const MIN_DELTA_E: Record<Vision, number> = {
  normal: 40,
  deuteranopia: 25,
  protanopia: 25,
  tritanopia: 15,
};
/** L* steps between any two run colours in greyscale. */
const MIN_GREY_STEP = 9;
/**
 * Contrast against each theme's panel. WCAG's 3:1 for graphics cannot hold for four
 * colours 9 L* apart on both a white and a near-black panel (the span it leaves is
 * L* 45–62). The former Okabe–Ito set's weakest were 2.3:1 (orange on white) and 3.1:1
 * (blue on the dark panel); these floors cost a little of that (orange 2.2:1 on white,
 * purple 2.8:1 on the dark panel) for the greyscale steps, and the lines carry dashes too.
 */
const PANELS = {
  light: ['#ffffff', 2.2],
  dark: ['#1d2026', 2.7],
  presenter: ['#000000', 3],
} as const;

const pairs = RUN_COLORS.flatMap((a, i) => RUN_COLORS.slice(i + 1).map((b) => [a, b] as const));

describe('run palette', () => {
  for (const vision of Object.keys(MIN_DELTA_E) as Vision[]) {
    it(`keeps every pair of runs apart under ${vision}`, () => {
      for (const [a, b] of pairs) {
        const d = deltaE(simulate(linearRgb(a), vision), simulate(linearRgb(b), vision));
        expect(d, `${a} vs ${b}`).toBeGreaterThanOrEqual(MIN_DELTA_E[vision]);
      }
    });
  }

  it('keeps every pair of runs apart in greyscale (lightness alone)', () => {
    for (const [a, b] of pairs)
      expect(greyDifference(linearRgb(a), linearRgb(b)), `${a} vs ${b}`).toBeGreaterThanOrEqual(
        MIN_GREY_STEP,
      );
  });

  it('shows every run colour on every theme panel', () => {
    for (const [theme, [panel, min]] of Object.entries(PANELS))
      for (const c of RUN_COLORS)
        expect(contrast(linearRgb(c), linearRgb(panel)), `${c} on ${theme}`).toBeGreaterThanOrEqual(
          min,
        );
  });

  it('gives each run its own dash pattern and a name in words', () => {
    const dashes = new Set(RUN_DASHES.slice(0, RUN_COLORS.length).map((d) => d.join(',')));
    expect(dashes.size).toBe(RUN_COLORS.length);
    const names = RUN_COLORS.map((c) => RUN_COLOR_NAMES[c]);
    expect(new Set(names).size).toBe(RUN_COLORS.length);
    for (const n of names) expect(n).toMatch(/^[a-z]+$/);
  });
});

describe('colour vision model', () => {
  it('leaves greys grey and maps white to white under every simulation', () => {
    for (const v of ['deuteranopia', 'protanopia', 'tritanopia'] as const) {
      const w = simulate([1, 1, 1], v);
      for (const c of w) expect(c).toBeCloseTo(1, 2);
    }
  });

  it('merges red and green for a deuteranope but not for normal vision', () => {
    const red = linearRgb('#d62728');
    const green = linearRgb('#2ca02c');
    expect(deltaE(red, green)).toBeGreaterThan(60);
    expect(deltaE(simulate(red, 'deuteranopia'), simulate(green, 'deuteranopia'))).toBeLessThan(
      deltaE(red, green) / 2,
    );
  });

  it('gives WCAG contrast 21:1 for black on white', () => {
    expect(contrast(linearRgb('#000000'), linearRgb('#ffffff'))).toBeCloseTo(21, 5);
  });
});
