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

const LINE_PX = 3;
const HALO_PX = 6;

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
    // Two triangles per segment between points k and k+1; fixed, so filled once here.
    const index = new Uint32Array((cap - 1) * 6);
    for (let k = 0; k < cap - 1; k++)
      index.set([2 * k, 2 * k + 1, 2 * k + 2, 2 * k + 1, 2 * k + 3, 2 * k + 2], 6 * k);
    g.setIndex(new BufferAttribute(index, 1));
    g.setDrawRange(0, 0);
    this.geometry = g;
    this.line.geometry = g;
    this.halo.geometry = g;
    old.dispose();
  }

  /** Uploads points [from, to) (and the previous point, whose `next` changes); draws [0, to). */
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
    g.setDrawRange(0, Math.max(0, to - 1) * 6);
    this.object.visible = to > 1;
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

/** Flags vertices of points [k0, k1) for upload (2 vertices × 3 floats per point). */
function markRange(a: BufferAttribute, k0: number, k1: number): void {
  a.addUpdateRange(k0 * 6, (k1 - k0) * 6);
  a.needsUpdate = true;
}
