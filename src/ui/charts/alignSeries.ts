/**
 * Puts series recorded on different step grids onto one x array for uPlot.
 *
 * Why a union of steps: runs with different batch sizes take different numbers of
 * steps, so their metric records sit at different steps; aligning by record index
 * would plot a large-batch run's step 200 over a small batch's step 25 000. uPlot's
 * facet mode (mode 2) could draw each run on its own x, but its line paths, hover
 * and legend support are thinner. A sorted union with nulls where a run has no
 * record (drawn with spanGaps) keeps ordinary line charts and the live legend, and
 * costs O(total points) per refresh.
 */

export interface SeriesSource {
  /** Ascending steps of this series' records. */
  steps: ArrayLike<number>;
  values: ArrayLike<number | null>;
}

export interface AlignOptions {
  /** Drop records before this step (log x cannot show step 0). */
  minX?: number;
  /** Treat values ≤ 0 as missing (log y). */
  positiveOnly?: boolean;
}

/** Returns [x, y1, y2, …] with one y per source; missing or non-finite values are null. */
export function alignSeries(
  sources: readonly SeriesSource[],
  opts: AlignOptions = {},
): [number[], ...(number | null)[][]] {
  const minX = opts.minX ?? -Infinity;
  const x = unionSteps(sources, minX);
  const ys = sources.map((src) => {
    const y = new Array<number | null>(x.length).fill(null);
    let j = 0;
    const n = Math.min(src.steps.length, src.values.length);
    for (let i = 0; i < n; i++) {
      const s = src.steps[i]!;
      if (s < minX) continue;
      while (j < x.length && x[j]! < s) j++;
      if (j >= x.length) break;
      const v = src.values[i];
      y[j] =
        v === null || v === undefined || !Number.isFinite(v) || (opts.positiveOnly && v <= 0)
          ? null
          : v;
    }
    return y;
  });
  return [x, ...ys];
}

/** Sorted, de-duplicated union of every source's steps (each source already ascending). */
function unionSteps(sources: readonly SeriesSource[], minX: number): number[] {
  const all: number[] = [];
  const seen = new Set<ArrayLike<number>>();
  for (const src of sources) {
    // Train and test series of one run share a steps array: merge it once.
    if (seen.has(src.steps)) continue;
    seen.add(src.steps);
    for (let i = 0; i < src.steps.length; i++) {
      const s = src.steps[i]!;
      if (s >= minX && Number.isFinite(s)) all.push(s);
    }
  }
  all.sort((a, b) => a - b);
  let w = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[w - 1]) all[w++] = all[i]!;
  all.length = w;
  return all;
}
