/**
 * Ticks for a logarithmic chart axis: round numbers a reader expects — 1-2-5 (1, 2, 5, 10,
 * 20, …) when there is room for them, else powers of ten (every second or third one on a
 * long range). uPlot's own log splits start from the data's first value when the range is
 * not snapped to whole decades, which gave labels such as "104, 1040, 10.4k".
 */

const MANTISSAS_125 = [1, 2, 5];
const MANTISSAS_1_9 = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** m·10^e for each mantissa m and every e, within [min, max]. */
function mantissaTicks(min: number, max: number, mantissas: readonly number[]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++)
    for (const m of mantissas) {
      const v = Number((m * 10 ** e).toPrecision(1));
      if (v >= min && v <= max) out.push(v);
    }
  return out;
}

/** Powers of ten in [min, max] whose exponent is a multiple of `stride`. */
function powerTicks(min: number, max: number, stride: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    const v = Number((10 ** e).toPrecision(1));
    if (e % stride === 0 && v >= min && v <= max) out.push(v);
  }
  return out;
}

/**
 * Ticks in [min, max] for an axis `lengthPx` long, where the label of value v takes
 * `labelPx(v)` along the axis and neighbouring labels need `padPx` between them: the first
 * of 1-2-5, 1…9 (a range inside a decade or two), powers of ten, every 2nd/3rd/… power
 * that has two ticks or more and room for its labels. A range too narrow for any of them
 * gets its two ends.
 */
export function logAxisTicks(
  min: number,
  max: number,
  lengthPx: number,
  labelPx: (v: number) => number,
  padPx: number,
): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return [];
  const span = Math.log10(max / min);
  const pxPerDecade = lengthPx / Math.max(span, 1e-9);
  const fits = (ticks: number[]) =>
    ticks.length >= 2 &&
    ticks.every((t, i) => {
      if (i === 0) return true;
      const prev = ticks[i - 1]!;
      const room = (labelPx(prev) + labelPx(t)) / 2 + padPx;
      return Math.log10(t / prev) * pxPerDecade >= room;
    });
  const candidates = [mantissaTicks(min, max, MANTISSAS_125)];
  if (span < 2) candidates.push(mantissaTicks(min, max, MANTISSAS_1_9));
  for (let stride = 1; stride <= Math.max(1, Math.ceil(span)); stride++)
    candidates.push(powerTicks(min, max, stride));
  for (const ticks of candidates) if (fits(ticks)) return ticks;
  // The axis formatter rounds the labels.
  return min === max ? [min] : [min, max];
}
