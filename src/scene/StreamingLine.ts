/**
 * A growing polyline drawn as a screen-space ribbon of constant pixel width (WebGL
 * ignores lineWidth > 1, and a 1-px path is lost on a colourful surface), with a dark
 * halo under it for contrast on every colormap hue.
 *
 * Why not three's LineSegments2: it spends 8 vertices and 18 indices per segment, which
 * made a 10k-point history cost ~130 ms a frame under software GL (the e2e browser).
 * This ribbon uses 2 vertices per point and a prefilled index buffer, so appending a
 * point writes 2 vertices (and patches the previous point's `next`), uploaded through an
 * update range: per-frame cost stays O(new points), never a whole-buffer upload.
 *
 * Level of detail (coverage.ts): the index buffer lists only the segments worth drawing.
 * The last TAIL..2·TAIL segments are always drawn at full detail (the live part of the
 * path); older ones are culled in chunks of TAIL as they leave it, so a settled history
 * costs about as many segments as the pixels it covers, not as the points it holds.
 * Layout: [kept settled segments][every tail segment]; draw range = both.
 */
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DoubleSide,
  Group,
  Mesh,
  ShaderMaterial,
  Vector2,
  type WebGLRenderer,
} from 'three';
import { CoverageGrid } from './coverage';

const LINE_PX = 3;
const HALO_PX = 6;
/** Segments always drawn in full at the head of the path (between TAIL and 2·TAIL). */
export const TAIL = 512;

const VERTEX = /* glsl */ `
attribute vec3 prev;
attribute vec3 next;
attribute float side;
uniform vec2 resolution;
uniform float linewidth;
vec2 toScreen(vec4 clip) { return clip.xy / clip.w * resolution * 0.5; }
void main() {
  mat4 mvp = projectionMatrix * modelViewMatrix;
  vec4 c = mvp * vec4(position, 1.0);
  vec2 s = toScreen(c);
  vec2 d1 = s - toScreen(mvp * vec4(prev, 1.0));
  vec2 d2 = toScreen(mvp * vec4(next, 1.0)) - s;
  // Direction: the mean of the two segment directions (a cheap join); either one alone
  // at the ends, where prev or next is the point itself.
  float l1 = length(d1);
  float l2 = length(d2);
  vec2 dir = l1 < 1e-4 ? d2 : l2 < 1e-4 ? d1 : d1 / l1 + d2 / l2;
  if (length(dir) < 1e-4) dir = l1 < 1e-4 ? vec2(1.0, 0.0) : vec2(-d1.y, d1.x);
  dir = normalize(dir);
  vec2 offset = vec2(-dir.y, dir.x) * side * linewidth * 0.5;
  c.xy += offset / (resolution * 0.5) * c.w;
  gl_Position = c;
}`;

const FRAGMENT = /* glsl */ `
uniform vec3 color;
uniform float opacity;
void main() {
  gl_FragColor = vec4(color, opacity);
  #include <colorspace_fragment>
}`;

function ribbonMaterial(color: string, linewidth: number, opacity: number): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader: VERTEX,
    fragmentShader: FRAGMENT,
    uniforms: {
      color: { value: new Color(color) },
      opacity: { value: opacity },
      linewidth: { value: linewidth },
      resolution: { value: new Vector2(1, 1) },
    },
    // Both transparent, so both draw in the sorted pass, halo first (renderOrder).
    transparent: true,
    // The ribbon's winding flips with the direction of travel on screen.
    side: DoubleSide,
    depthWrite: false,
  });
}

export class StreamingLine {
  readonly object = new Group();
  /** World xyz per point; callers write points here, then `commit` the written range. */
  points = new Float32Array(0);
  private geometry = new BufferGeometry();
  private readonly colorMaterial = ribbonMaterial('#000000', LINE_PX, 1);
  private readonly haloMaterial = ribbonMaterial('#111111', HALO_PX, 0.5);
  private readonly line = new Mesh(this.geometry, this.colorMaterial);
  private readonly halo = new Mesh(this.geometry, this.haloMaterial);
  /** Culling grid (null: draw every segment). */
  private grid: CoverageGrid | null = null;
  /** Segments [0, settled) have been culled; `kept` of them are in the index buffer. */
  private settled = 0;
  private kept = 0;
  /** Points committed (the line's length). */
  private length = 0;
  /** World bounds of the committed points (for the view scale near the path). */
  readonly lo = [Infinity, Infinity, Infinity];
  readonly hi = [-Infinity, -Infinity, -Infinity];

  constructor() {
    for (const m of [this.halo, this.line]) {
      // Bounds change as the line grows; culling would need them recomputed every append.
      m.frustumCulled = false;
      m.raycast = () => {};
      m.onBeforeRender = (renderer: WebGLRenderer) => {
        // CSS-pixel size, so line widths are in CSS pixels at any device pixel ratio.
        renderer.getSize((m.material as ShaderMaterial).uniforms.resolution!.value as Vector2);
      };
      this.object.add(m);
    }
    this.halo.renderOrder = 1;
    this.line.renderOrder = 2;
    this.object.visible = false;
  }

  get capacity(): number {
    return this.points.length / 3;
  }

  /** Fresh buffers for `capacity` points (restart or growth); the old GPU buffers are freed. */
  allocate(capacity: number): void {
    const old = this.geometry;
    const cap = Math.max(2, capacity);
    this.points = new Float32Array(cap * 3);
    const g = new BufferGeometry();
    for (const name of ['position', 'prev', 'next'])
      g.setAttribute(name, new BufferAttribute(new Float32Array(cap * 6), 3));
    const side = new Float32Array(cap * 2);
    for (let i = 0; i < side.length; i++) side[i] = i % 2 === 0 ? -1 : 1;
    g.setAttribute('side', new BufferAttribute(side, 1));
    // Two triangles per drawn segment; written as segments are appended or culled.
    g.setIndex(new BufferAttribute(new Uint32Array((cap - 1) * 6), 1));
    g.setDrawRange(0, 0);
    this.settled = this.kept = this.length = 0;
    this.grid?.clear();
    this.geometry = g;
    this.line.geometry = g;
    this.halo.geometry = g;
    old.dispose();
  }

  /**
   * Uploads points [from, to) (and the previous point, whose `next` changes) and draws the
   * path up to `to`; from = 0 rewrites the whole line (and re-culls it).
   */
  commit(from: number, to: number): void {
    const g = this.geometry;
    if (to < 2) {
      g.setDrawRange(0, 0);
      this.object.visible = false;
    }
    if (to <= from) return;
    const pos = g.getAttribute('position') as BufferAttribute;
    const prev = g.getAttribute('prev') as BufferAttribute;
    const next = g.getAttribute('next') as BufferAttribute;
    const p = this.points;
    const k0 = Math.max(0, from - 1);
    for (let k = k0; k < to; k++) {
      const kp = k > 0 ? k - 1 : 0;
      const kn = k + 1 < to ? k + 1 : k;
      for (let v = 0; v < 2; v++) {
        const o = (2 * k + v) * 3;
        for (let c = 0; c < 3; c++) {
          (pos.array as Float32Array)[o + c] = p[3 * k + c]!;
          (prev.array as Float32Array)[o + c] = p[3 * kp + c]!;
          (next.array as Float32Array)[o + c] = p[3 * kn + c]!;
        }
      }
    }
    markRange(pos, k0, to);
    markRange(prev, k0, to);
    markRange(next, k0, to);
    if (from === 0) {
      this.resetSegments();
      this.lo.fill(Infinity);
      this.hi.fill(-Infinity);
    }
    for (let k = from; k < to; k++)
      for (let c = 0; c < 3; c++) {
        const v = p[3 * k + c]!;
        if (v < this.lo[c]!) this.lo[c] = v;
        if (v > this.hi[c]!) this.hi[c] = v;
      }
    this.length = to;
    this.writeSegments(k0);
    this.object.visible = to > 1;
  }

  /** The culling grid's cell in world units (null: every segment is drawn). */
  get cell(): number | null {
    return this.grid?.cell ?? null;
  }

  /**
   * Culls settled history at `cell` world units (null: draw all). A new cell re-culls the
   * whole history from the points already held: an index-buffer rewrite, no vertex upload.
   */
  setCell(cell: number | null): void {
    if (this.cell === cell) return;
    this.grid = cell === null ? null : new CoverageGrid(cell);
    this.resetSegments();
    this.writeSegments(0);
  }

  /** Segments drawn now (for tests and the benchmark's sanity). */
  get drawnSegments(): number {
    return this.kept + Math.max(0, this.length - 1 - this.settled);
  }

  private resetSegments(): void {
    this.settled = this.kept = 0;
    this.grid?.clear();
  }

  /**
   * Brings the index buffer up to `length`: settles tail segments beyond 2·TAIL in one
   * chunk (cull them, rewrite the shortened tail after the kept ones), otherwise writes
   * only segments from `fromSeg` on. Uploads only the rewritten index range.
   */
  private writeSegments(fromSeg: number): void {
    const index = this.geometry.getIndex();
    if (!index) return; // nothing allocated yet
    const idx = index.array as Uint32Array;
    const segs = Math.max(0, this.length - 1);
    let first = Math.max(fromSeg, this.settled);
    const grid = this.grid;
    if (grid && segs - this.settled > 2 * TAIL) {
      const p = this.points;
      const keptBefore = this.kept;
      for (let k = this.settled; k < segs - TAIL; k++) {
        const a = 3 * k;
        if (grid.keep(p[a]!, p[a + 1]!, p[a + 2]!, p[a + 3]!, p[a + 4]!, p[a + 5]!))
          writeSegment(idx, this.kept++, k);
      }
      this.settled = segs - TAIL;
      first = this.settled;
      if (this.kept > keptBefore)
        index.addUpdateRange(6 * keptBefore, 6 * (this.kept - keptBefore));
    }
    // Tail segment k sits at slot kept + (k − settled).
    for (let k = first; k < segs; k++) writeSegment(idx, this.kept + k - this.settled, k);
    if (segs > first)
      index.addUpdateRange(6 * (this.kept + first - this.settled), 6 * (segs - first));
    index.needsUpdate = true;
    this.geometry.setDrawRange(0, 6 * this.drawnSegments);
  }

  hide(): void {
    this.object.visible = false;
  }

  setColor(color: string): void {
    (this.colorMaterial.uniforms.color!.value as Color).set(color);
  }

  dispose(): void {
    this.geometry.dispose();
    this.colorMaterial.dispose();
    this.haloMaterial.dispose();
  }
}

/** Two triangles for the segment between points k and k+1, at index slot `slot`. */
function writeSegment(idx: Uint32Array, slot: number, k: number): void {
  const o = 6 * slot;
  const v = 2 * k;
  idx[o] = v;
  idx[o + 1] = v + 1;
  idx[o + 2] = v + 2;
  idx[o + 3] = v + 1;
  idx[o + 4] = v + 3;
  idx[o + 5] = v + 2;
}

/** Flags vertices of points [k0, k1) for upload (2 vertices × 3 floats per point). */
function markRange(a: BufferAttribute, k0: number, k1: number): void {
  a.addUpdateRange(k0 * 6, (k1 - k0) * 6);
  a.needsUpdate = true;
}
