/**
 * Level of detail for long trajectories: draw only the segments the screen can show.
 *
 * An SGD path that has settled in a basin wanders in a patch a few dozen pixels across for
 * tens of thousands of points, every segment painting pixels that earlier ones already
 * painted (under software WebGL that overdraw was ~94% of the main thread). The path is one
 * colour, so a segment whose every part lies in space the kept segments already cover adds
 * nothing a person can see. This keeps a segment only when it reaches a cell of a 3-D grid
 * (cell ≈ a pixel at the current zoom) that no kept segment has touched, and drops it
 * otherwise — in path order, so the result is deterministic and incremental (culling a
 * longer history keeps exactly the kept segments of the shorter one, plus some).
 *
 * Why segments, not points: the ribbon's vertices keep their true neighbours (prev/next),
 * so every kept segment is drawn exactly where and as it was — only redundant ones vanish.
 * Bound (tested): every point of every dropped segment lies within (√3 + 1/4)·cell of a
 * kept segment, and kept segments ≤ grid cells the path touches, however long it runs.
 *
 * DOM-free and pure apart from the grid it fills.
 */

/** Samples per cell along a segment: dense enough that no cell it crosses is skipped over. */
const SAMPLES_PER_CELL = 2;
/** Cell indices are packed into one exact float key; beyond ±2^16 a cell cannot be keyed. */
const HALF = 65536;
const SPAN = 2 * HALF;

export class CoverageGrid {
  private readonly cells = new Set<number>();
  /** Scratch: the cells of the segment being tested (reused, no allocation a segment). */
  private readonly keys: number[] = [];

  constructor(readonly cell: number) {
    if (!(cell > 0) || !Number.isFinite(cell))
      throw new RangeError('cell must be a positive finite size');
  }

  /** Cells marked so far (the budget a culled path can never exceed). */
  get size(): number {
    return this.cells.size;
  }

  /**
   * Whether segment a→b reaches a cell no kept segment has touched; if so it is kept and
   * its cells are marked. A key out of range (absurd coordinates) always keeps.
   */
  keep(ax: number, ay: number, az: number, bx: number, by: number, bz: number): boolean {
    const inv = 1 / this.cell;
    const len = Math.hypot(bx - ax, by - ay, bz - az) * inv;
    const n = Math.min(1e5, Math.ceil(len * SAMPLES_PER_CELL)) + 1;
    let fresh = false;
    let last = NaN;
    const keys = this.keys;
    keys.length = 0;
    for (let i = 0; i < n; i++) {
      const t = n === 1 ? 0 : i / (n - 1);
      const key = cellKey(
        Math.floor((ax + (bx - ax) * t) * inv),
        Math.floor((ay + (by - ay) * t) * inv),
        Math.floor((az + (bz - az) * t) * inv),
      );
      if (key === last) continue;
      last = key;
      if (Number.isNaN(key) || !this.cells.has(key)) fresh = true;
      keys.push(key);
    }
    if (!fresh) return false;
    for (const k of keys) if (!Number.isNaN(k)) this.cells.add(k);
    return true;
  }

  clear(): void {
    this.cells.clear();
  }
}

function cellKey(ix: number, iy: number, iz: number): number {
  if (Math.abs(ix) >= HALF || Math.abs(iy) >= HALF || Math.abs(iz) >= HALF) return NaN;
  return ix + HALF + SPAN * (iy + HALF + SPAN * (iz + HALF));
}

/**
 * Segments k → k+1 (k < count − 1) of a world-space polyline (xyz per point) that survive
 * culling at `cell`, in order. The first segment is always kept (nothing is covered yet).
 */
export function cullSegments(points: Float32Array, count: number, cell: number): number[] {
  const grid = new CoverageGrid(cell);
  const kept: number[] = [];
  for (let k = 0; k + 1 < count; k++) {
    const a = 3 * k;
    if (
      grid.keep(
        points[a]!,
        points[a + 1]!,
        points[a + 2]!,
        points[a + 3]!,
        points[a + 4]!,
        points[a + 5]!,
      )
    )
      kept.push(k);
  }
  return kept;
}

/**
 * The grid cell for a view where one CSS pixel spans `pixelWorld` world units near the
 * path: a power of two (so small camera moves do not change it) between a quarter of a
 * pixel and `CELL_PX` pixels. `current` is kept while it is still in that band, so an
 * orbit does not re-cull on every frame; null = draw everything (no usable scale).
 */
export const CELL_PX = 0.75;
export function lodCell(pixelWorld: number, current: number | null): number | null {
  if (!(pixelWorld > 0) || !Number.isFinite(pixelWorld)) return null;
  const target = CELL_PX * pixelWorld;
  if (current !== null && current <= target && current * 4 > target) return current;
  return 2 ** Math.floor(Math.log2(target));
}
