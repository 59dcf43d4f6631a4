import { describe, expect, it } from 'vitest';
import { CELL_PX, CoverageGrid, cullSegments, lodCell } from './coverage';

/** A deterministic pseudo-random walk: a straight approach, then noise settled in a basin. */
function walk(n: number, seed = 1, step = 0.02): Float32Array {
  let s = seed >>> 0;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  const p = new Float32Array(3 * n);
  let x = -2;
  let z = 1;
  for (let k = 0; k < n; k++) {
    // Pulled toward the origin (an SGD-like basin), kicked by noise.
    x += -0.05 * x + step * rand() * 4;
    z += -0.05 * z + step * rand() * 4;
    p[3 * k] = x;
    p[3 * k + 1] = 0.3 * (x * x + z * z); // on a bowl
    p[3 * k + 2] = z;
  }
  return p;
}

/** Distance from q to the segment between points k and k+1. */
function segDistance(p: Float32Array, k: number, qx: number, qy: number, qz: number): number {
  const a = 3 * k;
  const [ax, ay, az] = [p[a]!, p[a + 1]!, p[a + 2]!];
  const [ux, uy, uz] = [p[a + 3]! - ax, p[a + 4]! - ay, p[a + 5]! - az];
  const len2 = ux * ux + uy * uy + uz * uz;
  const dot = (qx - ax) * ux + (qy - ay) * uy + (qz - az) * uz;
  const t = len2 > 0 ? Math.min(1, Math.max(0, dot / len2)) : 0;
  return Math.hypot(qx - ax - t * ux, qy - ay - t * uy, qz - az - t * uz);
}

describe('coverage culling (level of detail for long paths)', () => {
  const n = 4000;
  const path = walk(n);
  const cell = 0.01;
  const kept = cullSegments(path, n, cell);

  it('culls a settled history hard, keeps the first segment, and is deterministic', () => {
    expect(kept[0]).toBe(0);
    expect(kept.length).toBeLessThan((n - 1) / 2);
    expect(kept.length).toBeGreaterThan(10);
    expect(cullSegments(walk(n), n, cell)).toEqual(kept);
  });

  it('leaves every point of every segment within (√3 + ½)·cell of a kept segment', () => {
    const bound = (Math.sqrt(3) + 0.5) * cell + 1e-6;
    let worst = 0;
    for (let k = 0; k + 1 < n; k += 5) {
      for (const t of [0, 0.37, 1]) {
        const at = (c: number) => path[3 * k + c]! * (1 - t) + path[3 * k + 3 + c]! * t;
        let d = Infinity;
        for (const j of kept) d = Math.min(d, segDistance(path, j, at(0), at(1), at(2)));
        worst = Math.max(worst, d);
      }
    }
    expect(worst).toBeLessThanOrEqual(bound);
    // Something was dropped, so the bound was actually exercised.
    expect(worst).toBeGreaterThan(0);
  });

  it('is incremental: a longer history keeps exactly the shorter one’s segments, then more', () => {
    const half = cullSegments(path, n / 2, cell);
    expect(kept.slice(0, half.length)).toEqual(half);
    expect(kept.length).toBeGreaterThanOrEqual(half.length);
  });

  it('spends a budget set by the area covered, not by the history’s length', () => {
    const grid = new CoverageGrid(cell);
    const long = walk(40 * n);
    let drawn = 0;
    for (let k = 0; k + 1 < 40 * n; k++) {
      const a = 3 * k;
      if (grid.keep(long[a]!, long[a + 1]!, long[a + 2]!, long[a + 3]!, long[a + 4]!, long[a + 5]!))
        drawn++;
    }
    // Every kept segment marked at least one new cell.
    expect(drawn).toBeLessThanOrEqual(grid.size);
    // 40× the points, far less than 40× the segments: the basin is already painted.
    expect(drawn).toBeLessThan(4 * kept.length);
  });

  it('keeps more segments on a finer grid (closer zoom), never fewer than the first', () => {
    const coarse = cullSegments(path, n, 4 * cell).length;
    const fine = cullSegments(path, n, cell / 4).length;
    expect(coarse).toBeLessThan(kept.length);
    expect(kept.length).toBeLessThan(fine);
    expect(fine).toBeLessThanOrEqual(n - 1);
  });

  it('keeps a segment that leaves the grid’s range, and refuses a nonsense cell', () => {
    const grid = new CoverageGrid(1e-9);
    expect(grid.keep(0, 0, 0, 0, 0, 0)).toBe(true);
    expect(grid.keep(1, 0, 0, 1, 0, 0)).toBe(true);
    expect(grid.keep(1, 0, 0, 1, 0, 0)).toBe(true);
    expect(() => new CoverageGrid(0)).toThrow(RangeError);
    expect(() => new CoverageGrid(NaN)).toThrow(RangeError);
  });
});

describe('lodCell: the grid cell for a view', () => {
  it('is a power of two within [¼, 1]·CELL_PX pixels, and sticks while in that band', () => {
    for (const px of [1e-4, 3e-3, 0.0123, 0.5, 7]) {
      const c = lodCell(px, null)!;
      expect(Number.isInteger(Math.log2(c))).toBe(true);
      expect(c).toBeLessThanOrEqual(CELL_PX * px);
      expect(c * 2).toBeGreaterThan(CELL_PX * px);
      // A small orbit (±30 % in scale) keeps the cell: no re-cull.
      expect(lodCell(px * 1.3, c)).toBe(c);
      // Zooming in past the cell refines it; far out coarsens it.
      expect(lodCell(px / 2, c)!).toBeLessThan(c);
      expect(lodCell(px * 8, c)!).toBeGreaterThan(c);
    }
  });

  it('draws everything when the scale is unusable', () => {
    expect(lodCell(0, null)).toBeNull();
    expect(lodCell(NaN, 0.01)).toBeNull();
    expect(lodCell(Infinity, null)).toBeNull();
  });
});
