/**
 * The side-by-side grid: how many columns n equal panes get in a width × height box.
 * A 3-D surface reads about 1.45 times as wide as tall, so the grid is the one whose
 * panes hold the largest such picture (2 × 2 for four runs in the explorer's stage,
 * a row of three in a wide embed, two runs stacked in the explorer's near-square stage).
 * Ties go to fewer empty cells.
 */
export const SURFACE_ASPECT = 1.45;

export function sideColumns(
  n: number,
  width: number,
  height: number,
  aspect = SURFACE_ASPECT,
): number {
  if (n <= 1 || width <= 0 || height <= 0) return Math.max(1, n);
  let best = 1;
  let bestSize = -1;
  let bestEmpty = Infinity;
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const size = Math.min(width / cols / aspect, height / rows);
    const empty = cols * rows - n;
    if (size > bestSize * 1.02 || (size > bestSize * 0.98 && empty < bestEmpty)) {
      best = cols;
      bestSize = size;
      bestEmpty = empty;
    }
  }
  return best;
}
