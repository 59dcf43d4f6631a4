/**
 * Reading the worker's surface grids on the main thread: bilinear samples and robust
 * value ranges. This is display-only interpolation of already computed values; the
 * main thread never evaluates the loss itself (DESIGN §2).
 */
import type { SurfaceData } from '../state/surfaceStore';

/**
 * Bilinear sample of a row-major ny×nx grid at landscape point (x, y); points outside
 * the box read the nearest edge, so diverged runs stay pinned to the rim.
 */
export function sampleGrid(data: SurfaceData, grid: Float32Array, x: number, y: number): number {
  const { nx, ny, box } = data;
  const x0 = box.lo[0]!;
  const y0 = box.lo[1]!;
  const fx = clamp(((x - x0) / (box.hi[0]! - x0)) * (nx - 1), 0, nx - 1);
  const fy = clamp(((y - y0) / (box.hi[1]! - y0)) * (ny - 1), 0, ny - 1);
  const i = Math.min(nx - 2, Math.floor(fx));
  const j = Math.min(ny - 2, Math.floor(fy));
  const u = fx - i;
  const v = fy - j;
  const r0 = j * nx + i;
  const r1 = r0 + nx;
  const a = grid[r0]! + (grid[r0 + 1]! - grid[r0]!) * u;
  const b = grid[r1]! + (grid[r1 + 1]! - grid[r1]!) * u;
  return a + (b - a) * v;
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** The q-quantile (0..1) of the finite values of one or more arrays (sorts a copy). */
export function quantile(arrays: Float32Array[], q: number): number {
  let n = 0;
  for (const a of arrays) n += a.length;
  const all = new Float32Array(n);
  let k = 0;
  for (const a of arrays)
    for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!)) all[k++] = a[i]!;
  const sorted = all.subarray(0, k).sort();
  if (k === 0) return 0;
  return sorted[Math.min(k - 1, Math.max(0, Math.round(q * (k - 1))))]!;
}

/** test − train at every grid node. */
export function gapGrid(data: SurfaceData): Float32Array {
  const out = new Float32Array(data.train.length);
  for (let i = 0; i < out.length; i++) out[i] = data.test[i]! - data.train[i]!;
  return out;
}
