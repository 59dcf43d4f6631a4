/**
 * Level of detail for long trajectories: draw only the segments the screen can show.
 *
 * An SGD path that has settled in a basin wanders in a patch a few dozen pixels across for
 * tens of thousands of points, every segment painting pixels that earlier ones already
 * painted (under software WebGL the page waits for every one of them). The path is one
 * colour, so a segment whose every part lies in space the kept segments already cover adds
 * nothing a person can see. This keeps a segment only when it reaches a cell of a 3-D grid
 * (cell ≈ a pixel at the current zoom) that no kept segment has touched, and drops it
 * otherwise — in path order, so the result is deterministic and incremental (culling a
 * longer history keeps exactly the kept segments of the shorter one, plus some).
 *
 * Why segments, not points: the ribbon's vertices keep their true neighbours (prev/next),
 * so every kept segment is drawn exactly where and as it was — only redundant ones vanish.
 * Bound (tested): every point of every dropped segment lies within (√3 + 1/2)·cell of a
 * kept segment, and kept segments ≤ grid cells the path touches, however long it runs.
 *
 * DOM-free and pure apart from the grid it fills.
 */

/**
 * Samples per cell along a segment. Spacing ≤ one cell may skip a cell the segment only
 * clips at a corner; the tested bound allows for that (the ½ cell in √3 + ½).
 */
const SAMPLES_PER_CELL = 1;
/** Cell indices are packed into one exact integer key; beyond ±2^16 a cell cannot be keyed. */
const HALF = 65536;
const SPAN = 2 * HALF;

export class CoverageGrid {
  private readonly cells = new CellSet();
  /** Scratch: the cells of the segment being tested (reused, no allocation a segment). */
  private keys = new Float64Array(64);

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
    if (this.keys.length < n) this.keys = new Float64Array(2 * n);
    const keys = this.keys;
    let m = 0;
    let fresh = false;
    let last = -2; // no key: −1 is the out-of-range one
    for (let i = 0; i < n; i++) {
      const t = n === 1 ? 0 : i / (n - 1);
      const key = cellKey(
        Math.floor((ax + (bx - ax) * t) * inv),
        Math.floor((ay + (by - ay) * t) * inv),
        Math.floor((az + (bz - az) * t) * inv),
      );
      if (key === last) continue;
      last = key;
      if (key < 0 || (!fresh && !this.cells.has(key))) fresh = true;
      keys[m++] = key;
    }
    if (!fresh) return false;
    for (let i = 0; i < m; i++) if (keys[i]! >= 0) this.cells.add(keys[i]!);
    return true;
  }

  clear(): void {
    this.cells.clear();
  }
}

/** A non-negative integer key per cell; −1 when out of range. */
function cellKey(ix: number, iy: number, iz: number): number {
  if (Math.abs(ix) >= HALF || Math.abs(iy) >= HALF || Math.abs(iz) >= HALF) return -1;
  return ix + HALF + SPAN * (iy + HALF + SPAN * (iz + HALF));
}

/**
 * A set of non-negative integer keys (< 2^53) in one open-addressing table: several
 * times faster than a Set<number> for the millions of lookups a re-cull makes.
 */
class CellSet {
  /** key + 1 per slot; 0 = empty. */
  private table = new Float64Array(1 << 12);
  size = 0;

  has(key: number): boolean {
    const t = this.table;
    const mask = t.length - 1;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const v = t[i]!;
      if (v === 0) return false;
      if (v === key + 1) return true;
    }
  }

  add(key: number): void {
    if (2 * (this.size + 1) > this.table.length) this.rehash(2 * this.table.length);
    const t = this.table;
    const mask = t.length - 1;
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const v = t[i]!;
      if (v === key + 1) return;
      if (v === 0) {
        t[i] = key + 1;
        this.size++;
        return;
      }
    }
  }

  clear(): void {
    this.table = new Float64Array(1 << 12);
    this.size = 0;
  }

  private rehash(length: number): void {
    const old = this.table;
    this.table = new Float64Array(length);
    this.size = 0;
    for (const v of old) if (v !== 0) this.add(v - 1);
  }
}

/** Mixes a key's low and high bits (keys are up to 51 bits: three 17-bit indices). */
function hash(key: number): number {
  const lo = (key % 0x100000000) | 0;
  const hi = (key / 0x100000000) | 0;
  return (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) ^ (lo >>> 15)) >>> 0;
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
 * path: a power of two (so small camera moves do not change it) between CELL_PX / 4 and
 * CELL_PX pixels. `current` is kept while it is still in that band, so an orbit does not
 * re-cull on every frame; null = draw everything (no usable scale).
 */
export const CELL_PX = 0.75;
export function lodCell(pixelWorld: number, current: number | null): number | null {
  if (!(pixelWorld > 0) || !Number.isFinite(pixelWorld)) return null;
  const target = CELL_PX * pixelWorld;
  if (current !== null && current <= target && current * 4 > target) return current;
  return 2 ** Math.floor(Math.log2(target));
}
