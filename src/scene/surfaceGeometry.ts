/**
 * three.js geometries for a surface version: the solid height field with colormap
 * vertex colours, the test surface as a sparse wireframe, and contour lines. Built
 * once per surface version / view change, never per frame.
 */
import { BufferAttribute, BufferGeometry } from 'three';
import { sampleColor, srgbToLinear } from './colormap';
import { evenLevels, marchingSquares } from './contours';
import type { SurfaceFrame } from './surfaceFrame';

/** Indexed grid mesh: one vertex per grid node, two triangles per cell. */
export function buildSurfaceGeometry(frame: SurfaceFrame): BufferGeometry {
  const { data, heightGrid, color } = frame;
  const { nx, ny, box } = data;
  const pos = new Float32Array(nx * ny * 3);
  const col = new Float32Array(nx * ny * 3);
  const rgb = [0, 0, 0];
  for (let j = 0; j < ny; j++) {
    const y = box.lo[1]! + (j / (ny - 1)) * (box.hi[1]! - box.lo[1]!);
    for (let i = 0; i < nx; i++) {
      const x = box.lo[0]! + (i / (nx - 1)) * (box.hi[0]! - box.lo[0]!);
      const k = j * nx + i;
      pos[3 * k] = frame.worldX(x);
      pos[3 * k + 1] = frame.heightOf(heightGrid[k]!);
      pos[3 * k + 2] = frame.worldZ(y);
      sampleColor(color.table, frame.colorT(color.grid[k]!), rgb);
      col[3 * k] = srgbToLinear(rgb[0]!);
      col[3 * k + 1] = srgbToLinear(rgb[1]!);
      col[3 * k + 2] = srgbToLinear(rgb[2]!);
    }
  }
  const index = new Uint32Array((nx - 1) * (ny - 1) * 6);
  let n = 0;
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      const b = a + 1;
      const c = a + nx;
      const d = c + 1;
      // Counter-clockwise seen from +y (world z = −y flips the landscape's orientation).
      index.set([a, b, c, b, d, c], n);
      n += 6;
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  g.setAttribute('color', new BufferAttribute(col, 3));
  g.setIndex(new BufferAttribute(index, 1));
  g.computeVertexNormals();
  g.computeBoundingSphere();
  return g;
}

/**
 * The test surface as grid lines every `stride` nodes (full resolution along each
 * line), so the train surface shows through and the shift δ reads as a displaced net.
 */
export function buildTestWireframe(frame: SurfaceFrame, stride: number): BufferGeometry {
  const { data } = frame;
  const { nx, ny, box } = data;
  const xs = (i: number) => box.lo[0]! + (i / (nx - 1)) * (box.hi[0]! - box.lo[0]!);
  const ys = (j: number) => box.lo[1]! + (j / (ny - 1)) * (box.hi[1]! - box.lo[1]!);
  const pts: number[] = [];
  const push = (i: number, j: number) =>
    pts.push(
      frame.worldX(xs(i)),
      frame.heightOf(data.test[j * nx + i]!) + 0.01,
      frame.worldZ(ys(j)),
    );
  const lines = (
    count: number,
    stepCount: number,
    node: (line: number, s: number) => [number, number],
  ) => {
    for (let l = 0; l < count; l += stride) {
      for (let s = 0; s < stepCount - 1; s++) {
        push(...node(l, s));
        push(...node(l, s + 1));
      }
    }
  };
  lines(ny, nx, (j, i) => [i, j]);
  lines(nx, ny, (i, j) => [i, j]);
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(Float32Array.from(pts), 3));
  return g;
}

/**
 * Contour segments of a loss grid; each lies at its level's height
 * (plus `lift`, so it is not hidden inside the surface), or at `lift` when flat.
 */
export function buildContours(
  frame: SurfaceFrame,
  grid: Float32Array,
  count: number,
  lift: number,
): BufferGeometry {
  // Levels span the loss height range (not the gap range), since they trace the shape.
  const set = marchingSquares(frame.data, grid, evenLevels(frame.lossLo, frame.lossHi, count));
  const n = set.levels.length;
  const pos = new Float32Array(n * 6);
  for (let s = 0; s < n; s++) {
    const h = frame.heightOf(set.levels[s]!) + lift;
    for (let e = 0; e < 2; e++) {
      const o = s * 6 + e * 3;
      pos[o] = frame.worldX(set.points[s * 4 + e * 2]!);
      pos[o + 1] = h;
      pos[o + 2] = frame.worldZ(set.points[s * 4 + e * 2 + 1]!);
    }
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(pos, 3));
  return g;
}
