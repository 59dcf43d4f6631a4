/**
 * Camera framing as plain geometry: how far back a camera looking at `target` from a
 * fixed direction must stand so that every given world point lands inside a margin of
 * the view. Fitting the surface's own points (not a bounding box, not the footprint's
 * near edge) makes the picture as large as the canvas allows, and — because it depends
 * only on the points, the field of view and the canvas aspect — gives every side-by-side
 * pane of the same shape exactly the same framing.
 */
import type { SurfaceFrame } from './surfaceFrame';

export type Vec3 = [number, number, number];

export interface FitSpec {
  /** World points, xyz interleaved. */
  points: ArrayLike<number>;
  /** Where the camera looks. */
  target: Vec3;
  /** Unit vector from the target towards the camera. */
  direction: Vec3;
  /** Vertical field of view, degrees. */
  fov: number;
  /** Canvas width / height. */
  aspect: number;
  /** The NDC window the points must fit in, [lo, hi] on x and on y (the canvas is −1…1). */
  window: { x: [number, number]; y: [number, number] };
}

/** CSS px at the top and bottom of a canvas covered by HTML (toolbar, run key, legend). */
export interface SceneInsets {
  top: number;
  bottom: number;
}

/** Margin around the surface: NDC at the sides, CSS px above and below. */
const SIDE = 0.94;
const GAP_PX = 6;
/** However tall the overlays, the surface keeps at least this share of the height. */
const MIN_SHARE = 0.45;

/** The NDC window left between the overlays at the top and bottom of a canvas. */
export function frameWindow(height: number, insets: SceneInsets) {
  let top = insets.top + GAP_PX;
  let bottom = insets.bottom + GAP_PX;
  const spare = height * (1 - MIN_SHARE);
  if (top + bottom > spare) {
    const k = spare / (top + bottom);
    top *= k;
    bottom *= k;
  }
  return {
    x: [-SIDE, SIDE] as [number, number],
    y: [-1 + (2 * bottom) / height, 1 - (2 * top) / height] as [number, number],
  };
}

const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const unit = (a: Vec3): Vec3 => {
  const n = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / n, a[1] / n, a[2] / n];
};

/** Camera basis for a look-at with world up +y (as three's lookAt builds it). */
function basis(direction: Vec3): { fwd: Vec3; right: Vec3; up: Vec3 } {
  const fwd = unit([-direction[0], -direction[1], -direction[2]]);
  const right = unit(cross(fwd, [0, 1, 0]));
  return { fwd, right, up: cross(right, fwd) };
}

/** Projected extent of the points, in NDC, from distance d: [minX, maxX, minY, maxY], or null if a point is behind the camera. */
export function projectedBounds(spec: FitSpec, d: number): [number, number, number, number] | null {
  const { points, target, direction, fov, aspect } = spec;
  const { fwd, right, up } = basis(direction);
  const tanV = Math.tan((fov * Math.PI) / 360);
  const cx = target[0] + d * direction[0];
  const cy = target[1] + d * direction[1];
  const cz = target[2] + d * direction[2];
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const vx = points[i]! - cx;
    const vy = points[i + 1]! - cy;
    const vz = points[i + 2]! - cz;
    const z = vx * fwd[0] + vy * fwd[1] + vz * fwd[2];
    if (z < 0.05) return null;
    const x = (vx * right[0] + vy * right[1] + vz * right[2]) / (z * tanV * aspect);
    const y = (vx * up[0] + vy * up[1] + vz * up[2]) / (z * tanV);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, x1, y0, y1];
}

function fits(spec: FitSpec, d: number): boolean {
  const b = projectedBounds(spec, d);
  if (!b) return false;
  const { x, y } = spec.window;
  return b[0] >= x[0] && b[1] <= x[1] && b[2] >= y[0] && b[3] <= y[1];
}

/** The smallest distance (to 0.1%) at which every point is inside the limits. */
export function fitDistance(spec: FitSpec, max = 400): number {
  let lo = 0.05;
  let hi = max;
  if (!fits(spec, hi)) return hi;
  while (hi - lo > hi * 1e-3) {
    const mid = 0.5 * (lo + hi);
    if (fits(spec, mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Fits the points and moves the target so their projected middle is the window's middle
 * (a few rounds: moving the target changes the fit a little), so the picture fills the window.
 */
export function frameCamera(spec: FitSpec): { target: Vec3; distance: number } {
  let target = spec.target;
  let distance = fitDistance(spec);
  const { right, up } = basis(spec.direction);
  const tanV = Math.tan((spec.fov * Math.PI) / 360);
  for (let k = 0; k < 6; k++) {
    const b = projectedBounds({ ...spec, target }, distance);
    if (!b) break;
    // NDC offset → world offset in the plane through the target facing the camera.
    const { x, y } = spec.window;
    const ox = 0.5 * (b[0] + b[1] - x[0] - x[1]) * distance * tanV * spec.aspect;
    const oy = 0.5 * (b[2] + b[3] - y[0] - y[1]) * distance * tanV;
    target = [
      target[0] + ox * right[0] + oy * up[0],
      target[1] + ox * right[1] + oy * up[1],
      target[2] + ox * right[2] + oy * up[2],
    ];
    distance = fitDistance({ ...spec, target });
    if (Math.abs(ox) + Math.abs(oy) < 1e-3 * distance) break;
  }
  return { target, distance };
}

/**
 * The world points a framing must contain: every `stride`-th node of the drawn surface(s)
 * — the solid height field and, when it is drawn as a net, the test surface — or, with no
 * surface yet, the footprint box up to `placeholderHeight`.
 */
export function framingPoints(
  frame: SurfaceFrame | null,
  withTest: boolean,
  footprint: [number, number],
  placeholderHeight: number,
  stride = 4,
): Float32Array {
  if (!frame) {
    const [hx, hz] = [footprint[0] / 2, footprint[1] / 2];
    const out: number[] = [];
    for (const x of [-hx, hx])
      for (const y of [0, placeholderHeight]) for (const z of [-hz, hz]) out.push(x, y, z);
    return Float32Array.from(out);
  }
  const { nx, ny, box } = frame.data;
  const grids = withTest && !frame.flat ? [frame.heightGrid, frame.data.test] : [frame.heightGrid];
  const out: number[] = [];
  const at = (n: number, i: number) => Math.min(i, n - 1);
  for (const grid of grids)
    for (let j = 0; j < ny + stride - 1; j += stride)
      for (let i = 0; i < nx + stride - 1; i += stride) {
        // Always include the last row and column: the rim is what touches the margin.
        const ii = at(nx, i);
        const jj = at(ny, j);
        const x = box.lo[0]! + ((box.hi[0]! - box.lo[0]!) * ii) / (nx - 1);
        const y = box.lo[1]! + ((box.hi[1]! - box.lo[1]!) * jj) / (ny - 1);
        out.push(frame.worldX(x), frame.heightOf(grid[jj * nx + ii]!), frame.worldZ(y));
      }
  return Float32Array.from(out);
}
