/**
 * Curvature of the displayed train surface at a basin centre, for the minima glyphs.
 *
 * Why finite differences of the grid rather than the exact Hessian: the exact Hessian
 * lives in the engine, which runs only in the worker (the main thread must not evaluate
 * the loss). The grid already holds the worker's train loss, and a glyph only needs
 * the shape of the basin at display precision, so central differences of bilinear
 * samples one grid step apart are enough. They smooth a basin narrower than ~2 grid
 * steps (underestimating λ), which the glyph's size clamp hides anyway. The readouts
 * show the exact λ from the engine.
 */
import { eig2, eigvec2 } from '../engine/linalg';
import type { SurfaceData } from '../state/surfaceStore';
import { sampleGrid } from './grid';

export interface Curvature {
  /** Eigenvalues [λ_min, λ_max] of the estimated 2×2 Hessian. */
  lambdas: [number, number];
  /** Unit eigenvectors (landscape x, y) for λ_min and λ_max. */
  axes: [[number, number], [number, number]];
}

export function gridCurvature(data: SurfaceData, x: number, y: number): Curvature {
  const hx = (data.box.hi[0]! - data.box.lo[0]!) / (data.nx - 1);
  const hy = (data.box.hi[1]! - data.box.lo[1]!) / (data.ny - 1);
  const f = (dx: number, dy: number) => sampleGrid(data, data.train, x + dx, y + dy);
  const f0 = f(0, 0);
  const hxx = (f(hx, 0) - 2 * f0 + f(-hx, 0)) / (hx * hx);
  const hyy = (f(0, hy) - 2 * f0 + f(0, -hy)) / (hy * hy);
  const hxy = (f(hx, hy) - f(hx, -hy) - f(-hx, hy) + f(-hx, -hy)) / (4 * hx * hy);
  return { lambdas: eig2(hxx, hxy, hyy), axes: eigvec2(hxx, hxy, hyy) };
}

/**
 * Semi-axis (landscape units) of the region where a quadratic with curvature λ rises
 * by less than `rise`: ½λa² = rise ⇒ a = √(2·rise/λ), i.e. ∝ 1/√λ. Non-positive λ
 * (flat or saddle direction) gets the cap.
 */
export function semiAxis(lambda: number, rise: number, min: number, max: number): number {
  if (!(lambda > 0)) return max;
  return Math.min(max, Math.max(min, Math.sqrt((2 * rise) / lambda)));
}
