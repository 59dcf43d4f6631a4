/**
 * Iso-lines of a grid by marching squares, for the top-down contour view (and faint
 * contours on the 3-D surface). Runs once per surface version, not per frame.
 */
import type { SurfaceData } from '../state/surfaceStore';

export interface ContourSet {
  /** Segment endpoints in landscape coordinates: x0, y0, x1, y1 per segment. */
  points: Float32Array;
  /** The level of each segment. */
  levels: Float32Array;
}

/** `count` levels evenly spaced strictly inside (lo, hi). */
export function evenLevels(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => lo + ((k + 1) / (count + 1)) * (hi - lo));
}

// Edges of a cell: 0 bottom (v00–v10), 1 right (v10–v11), 2 top (v01–v11), 3 left (v00–v01).
// Case bits: 1 = v00, 2 = v10, 4 = v11, 8 = v01 above the level. Saddles (5, 10) are
// resolved below by the cell-centre average, the usual disambiguation.
const SEGMENTS: readonly (readonly number[])[] = [
  [],
  [3, 0],
  [0, 1],
  [3, 1],
  [1, 2],
  [],
  [0, 2],
  [3, 2],
  [2, 3],
  [0, 2],
  [],
  [1, 2],
  [3, 1],
  [0, 1],
  [3, 0],
  [],
];

export function marchingSquares(
  data: SurfaceData,
  grid: Float32Array,
  levels: readonly number[],
): ContourSet {
  const { nx, ny, box } = data;
  const dx = (box.hi[0]! - box.lo[0]!) / (nx - 1);
  const dy = (box.hi[1]! - box.lo[1]!) / (ny - 1);
  const pts: number[] = [];
  const lv: number[] = [];
  // Endpoint of edge e of cell (i, j) at level L, pushed as landscape (x, y).
  const edgePoint = (
    e: number,
    i: number,
    j: number,
    L: number,
    v00: number,
    v10: number,
    v11: number,
    v01: number,
  ) => {
    let gx: number;
    let gy: number;
    if (e === 0) [gx, gy] = [i + frac(L, v00, v10), j];
    else if (e === 1) [gx, gy] = [i + 1, j + frac(L, v10, v11)];
    else if (e === 2) [gx, gy] = [i + frac(L, v01, v11), j + 1];
    else [gx, gy] = [i, j + frac(L, v00, v01)];
    pts.push(box.lo[0]! + gx * dx, box.lo[1]! + gy * dy);
  };
  const segment = (
    a: number,
    b: number,
    i: number,
    j: number,
    L: number,
    v: readonly [number, number, number, number],
  ) => {
    edgePoint(a, i, j, L, v[0], v[1], v[2], v[3]);
    edgePoint(b, i, j, L, v[0], v[1], v[2], v[3]);
    lv.push(L);
  };
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const v00 = grid[j * nx + i]!;
      const v10 = grid[j * nx + i + 1]!;
      const v01 = grid[(j + 1) * nx + i]!;
      const v11 = grid[(j + 1) * nx + i + 1]!;
      if (!(
        Number.isFinite(v00) &&
        Number.isFinite(v10) &&
        Number.isFinite(v01) &&
        Number.isFinite(v11)
      ))
        continue;
      const v = [v00, v10, v11, v01] as const;
      for (const L of levels) {
        const c = (v00 > L ? 1 : 0) | (v10 > L ? 2 : 0) | (v11 > L ? 4 : 0) | (v01 > L ? 8 : 0);
        if (c === 5 || c === 10) {
          // Centre above: the above corners join through the middle, so cut off the two below.
          const centreAbove = 0.25 * (v00 + v10 + v11 + v01) > L;
          const cutBelow =
            c === 5
              ? [
                  [0, 1],
                  [2, 3],
                ]
              : [
                  [3, 0],
                  [1, 2],
                ];
          const cutAbove =
            c === 5
              ? [
                  [3, 0],
                  [1, 2],
                ]
              : [
                  [0, 1],
                  [2, 3],
                ];
          for (const [a, b] of centreAbove ? cutBelow : cutAbove) segment(a!, b!, i, j, L, v);
          continue;
        }
        const s = SEGMENTS[c]!;
        if (s.length === 2) segment(s[0]!, s[1]!, i, j, L, v);
      }
    }
  }
  return { points: Float32Array.from(pts), levels: Float32Array.from(lv) };
}

function frac(L: number, a: number, b: number): number {
  return b === a ? 0.5 : (L - a) / (b - a);
}
