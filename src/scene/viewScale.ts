/**
 * World units one CSS pixel spans at `distance` from the camera — the scale the
 * trajectories' level of detail (coverage.ts) is culled at. Perspective: the visible
 * height at that distance over the canvas height; orthographic: independent of distance.
 */
import { OrthographicCamera, PerspectiveCamera, type Camera, type Vector3 } from 'three';

export function pixelWorld(camera: Camera, heightPx: number, distance: number): number {
  if (!(heightPx > 0)) return NaN;
  if (camera instanceof PerspectiveCamera) {
    const halfFov = (camera.fov * Math.PI) / 360;
    return (2 * distance * Math.tan(halfFov)) / camera.zoom / heightPx;
  }
  if (camera instanceof OrthographicCamera)
    return (camera.top - camera.bottom) / camera.zoom / heightPx;
  return NaN;
}

/** Distance from `p` to an axis-aligned box (0 inside it): the nearest the path can be. */
export function distanceToBox(p: Vector3, lo: readonly number[], hi: readonly number[]): number {
  const dx = Math.max(lo[0]! - p.x, 0, p.x - hi[0]!);
  const dy = Math.max(lo[1]! - p.y, 0, p.y - hi[1]!);
  const dz = Math.max(lo[2]! - p.z, 0, p.z - hi[2]!);
  return Math.hypot(dx, dy, dz);
}
