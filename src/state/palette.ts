/**
 * One legend for run colours, used by lines, chart series and readouts. Okabe–Ito
 * hues (colour-blind safe) ordered so neighbours differ strongly in lightness too,
 * and each run has its own dash pattern for greyscale print.
 */
export const RUN_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;
export const RUN_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
export const MAX_RUNS = RUN_COLORS.length;

export function runColor(i: number): string {
  return RUN_COLORS[i % RUN_COLORS.length]!;
}

/** The run colours in words (Okabe–Ito's names), for text descriptions of the scene. */
export const RUN_COLOR_NAMES: Readonly<Record<string, string>> = {
  '#0072B2': 'blue',
  '#E69F00': 'orange',
  '#009E73': 'green',
  '#CC79A7': 'pink',
};
