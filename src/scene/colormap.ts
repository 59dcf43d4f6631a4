/**
 * Colormaps for the loss surfaces (DESIGN §8: perceptually uniform, colour-blind safe).
 * Each map is a short table of sRGB control points, linearly interpolated; 16 points
 * of viridis are visually indistinguishable from the full 256-entry table.
 */

export type ColorTable = readonly (readonly [number, number, number])[];

const hex = (h: string): [number, number, number] => [
  parseInt(h.slice(1, 3), 16) / 255,
  parseInt(h.slice(3, 5), 16) / 255,
  parseInt(h.slice(5, 7), 16) / 255,
];

/** Viridis (van der Walt & Smith) at 16 evenly spaced points, dark purple → yellow. */
export const VIRIDIS: ColorTable = [
  '#440154',
  '#481a6c',
  '#472f7d',
  '#414487',
  '#39568c',
  '#31688e',
  '#2a788e',
  '#23888e',
  '#1f988b',
  '#22a884',
  '#35b779',
  '#54c568',
  '#7ad151',
  '#a5db36',
  '#d2e21b',
  '#fde725',
].map(hex);

/**
 * Diverging blue → near-white → orange for the generalization gap (test − train),
 * centred at 0. Blue/orange stays distinct under the common colour-vision deficiencies
 * (unlike red/green), and lightness rises symmetrically to the centre.
 */
export const BLUE_ORANGE: ColorTable = [
  '#2166ac',
  '#4393c3',
  '#92c5de',
  '#d1e5f0',
  '#f7f7f7',
  '#fee0b6',
  '#fdb863',
  '#e08214',
  '#b35806',
].map(hex);

/** sRGB colour at t ∈ [0, 1] (clamped) written into `out`; allocation-free for hot loops. */
export function sampleColor(
  table: ColorTable,
  t: number,
  out: number[] | Float32Array,
  offset = 0,
): void {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (table.length - 1);
  const i = Math.min(table.length - 2, Math.floor(u));
  const f = u - i;
  const a = table[i]!;
  const b = table[i + 1]!;
  out[offset] = a[0] + (b[0] - a[0]) * f;
  out[offset + 1] = a[1] + (b[1] - a[1]) * f;
  out[offset + 2] = a[2] + (b[2] - a[2]) * f;
}

/**
 * three.js treats vertex colours as linear-light; the tables are sRGB, so convert,
 * or the surface would look washed out next to the legend (which CSS draws in sRGB).
 */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** A CSS gradient of the table, `direction` as in linear-gradient (e.g. 'to top'). */
export function cssGradient(table: ColorTable, direction: string): string {
  const stops = table.map(([r, g, b], i) => {
    const pct = ((i / (table.length - 1)) * 100).toFixed(1);
    return `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)}) ${pct}%`;
  });
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}
