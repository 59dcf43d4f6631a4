/**
 * One legend for run colours, used by lines, chart series and readouts. Blue, orange,
 * green, purple — the Okabe–Ito hues, with lightness re-spaced so that every pair differs
 * by ≥ 9 L* (greyscale print, a washed-out projector) and by ΔE ≥ 25 under simulated
 * deuteranopia and protanopia; Okabe–Ito's own green and pink differ by 3 L* and merge in
 * greyscale. tests/palette.test.ts holds these and each colour's contrast on every theme.
 * Each run also has its own dash pattern, a second channel beside colour.
 */
export const RUN_COLORS = ['#1080D9', '#EF9B3B', '#3EA872', '#865679'] as const;
export const RUN_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
export const MAX_RUNS = RUN_COLORS.length;

export function runColor(i: number): string {
  return RUN_COLORS[i % RUN_COLORS.length]!;
}

/** The run colours in words, for text descriptions of the scene. */
export const RUN_COLOR_NAMES: Readonly<Record<string, string>> = {
  '#1080D9': 'blue',
  '#EF9B3B': 'orange',
  '#3EA872': 'green',
  '#865679': 'purple',
};
