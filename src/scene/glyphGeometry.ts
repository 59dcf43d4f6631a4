/**
 * Geometry of a minimum's curvature glyph: an ellipse ribbon whose principal axes are
 * the Hessian eigenvectors with semi-axes ∝ 1/√λ, plus the two axes as draped lines.
 * Everything is draped on the displayed surface so it reads as "this patch of ground".
 */
import { BufferAttribute, BufferGeometry } from 'three';
import type { Basin } from '../engine/objectives/types';
import { gridCurvature, semiAxis, type Curvature } from './curvature';
import type { SurfaceFrame } from './surfaceFrame';

const SEGMENTS = 64;
const LIFT = 0.05;
/** Ribbon half-width in world units. */
const HALF_WIDTH = 0.045;
/**
 * The ellipse is the region where the loss rises by less than this fraction of the
 * colour range, so a sharp and a flat basin are drawn at the same loss increment and
 * their sizes compare directly.
 */
const RISE_FRACTION = 0.1;

export interface Glyph {
  basin: Basin;
  curvature: Curvature;
  /** Semi-axes (landscape units) along curvature.axes[0] (λ_min) and axes[1] (λ_max). */
  semiAxes: [number, number];
  ribbon: BufferGeometry;
  axes: BufferGeometry;
  /**
   * World point on the ellipse's far side (landscape +y, which is up on screen in both
   * views) at rim height: a label there sits above its own glyph, so neighbouring
   * basins' labels do not pile up at their centres.
   */
  labelAnchor: [number, number, number];
}

export function buildGlyph(frame: SurfaceFrame, basin: Basin): Glyph {
  const [bx, by] = [basin.center[0]!, basin.center[1]!];
  const curvature = gridCurvature(frame.data, bx, by);
  const rise = RISE_FRACTION * (frame.lossHi - frame.lossLo);
  // Clamp in world units so a glyph is never a dot nor larger than a third of the view.
  const minA = 0.12 / frame.worldLength(1);
  const maxA = 3.3 / frame.worldLength(1);
  const a0 = semiAxis(curvature.lambdas[0], rise, minA, maxA);
  const a1 = semiAxis(curvature.lambdas[1], rise, minA, maxA);
  const [u, v] = curvature.axes;
  const point = (t: number): [number, number] => [
    bx + a0 * Math.cos(t) * u[0] + a1 * Math.sin(t) * v[0],
    by + a0 * Math.cos(t) * u[1] + a1 * Math.sin(t) * v[1],
  ];

  const ribbon = drapedRibbon(frame, point);

  // Principal axes as draped polylines through the centre (pairs of points for LineSegments).
  const axisPts: number[] = [];
  const steps = 16;
  for (const [dir, a] of [
    [u, a0],
    [v, a1],
  ] as const) {
    for (let k = 0; k < steps; k++) {
      for (const f of [k, k + 1]) {
        const s = -1 + (2 * f) / steps;
        const x = bx + s * a * dir[0];
        const y = by + s * a * dir[1];
        axisPts.push(frame.worldX(x), frame.surfaceHeight(x, y) + LIFT, frame.worldZ(y));
      }
    }
  }
  const axes = new BufferGeometry();
  axes.setAttribute('position', new BufferAttribute(Float32Array.from(axisPts), 3));

  const topY = by + Math.hypot(a0 * u[1], a1 * v[1]);
  const labelAnchor: [number, number, number] = [
    frame.worldX(bx),
    frame.surfaceHeight(bx, topY) + LIFT,
    frame.worldZ(topY),
  ];
  return { basin, curvature, semiAxes: [a0, a1], ribbon, axes, labelAnchor };
}

/**
 * A ribbon draped on the surface along the closed curve point(t), t ∈ [0, 2π]: each
 * point offset along its world-space normal, inside and outside. With `dashed`, every
 * other segment is left out.
 */
function drapedRibbon(
  frame: SurfaceFrame,
  point: (t: number) => [number, number],
  dashed = false,
): BufferGeometry {
  const pos = new Float32Array((SEGMENTS + 1) * 2 * 3);
  for (let k = 0; k <= SEGMENTS; k++) {
    const t = (k / SEGMENTS) * 2 * Math.PI;
    const [x, y] = point(t);
    const [xa, ya] = point(t - 1e-3);
    const [xb, yb] = point(t + 1e-3);
    const tx = frame.worldX(xb) - frame.worldX(xa);
    const tz = frame.worldZ(yb) - frame.worldZ(ya);
    const len = Math.hypot(tx, tz) || 1;
    const nxw = -tz / len;
    const nzw = tx / len;
    for (let side = 0; side < 2; side++) {
      const s = side === 0 ? -HALF_WIDTH : HALF_WIDTH;
      const wx = frame.worldX(x) + nxw * s;
      const wz = frame.worldZ(y) + nzw * s;
      const h = frame.surfaceHeight(frame.landscapeX(wx), frame.landscapeY(wz)) + LIFT;
      pos.set([wx, h, wz], (k * 2 + side) * 3);
    }
  }
  const index: number[] = [];
  for (let k = 0; k < SEGMENTS; k++) {
    if (dashed && k % 2 === 1) continue;
    const a = 2 * k;
    index.push(a, a + 1, a + 2, a + 1, a + 3, a + 2);
  }
  const ribbon = new BufferGeometry();
  ribbon.setAttribute('position', new BufferAttribute(pos, 3));
  ribbon.setIndex(index);
  return ribbon;
}

export interface SaddleRing {
  saddle: Basin;
  /** Dashed circle of the saddle's "near" radius, draped on the surface. */
  ribbon: BufferGeometry;
  labelAnchor: [number, number, number];
}

/**
 * The region the "near saddle" readout counts: a dashed circle around the saddle point,
 * labelled at its near (−y) rim, since the saddle preset's runs arrive from +y.
 */
export function buildSaddleRing(frame: SurfaceFrame, saddle: Basin): SaddleRing {
  const [cx, cy] = [saddle.center[0]!, saddle.center[1]!];
  const r = saddle.radius;
  const ribbon = drapedRibbon(frame, (t) => [cx + r * Math.cos(t), cy + r * Math.sin(t)], true);
  const nearY = cy - r;
  return {
    saddle,
    ribbon,
    labelAnchor: [frame.worldX(cx), frame.surfaceHeight(cx, nearY) + LIFT, frame.worldZ(nearY)],
  };
}
