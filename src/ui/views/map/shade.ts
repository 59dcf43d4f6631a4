/**
 * Grey shading of a loss grid by rank: each cell's grey level is the fraction of cells
 * with lower loss, so every part of the landscape gets contrast however deep its
 * basins are. Low loss is the darker shade in every theme, so "deep" always reads the
 * same way.
 */
import type { SurfaceData } from '../../../state/surfaceStore';

const cache = new WeakMap<SurfaceData, { dark: boolean; canvas: HTMLCanvasElement }>();

export function shadeSurface(s: SurfaceData, dark: boolean): HTMLCanvasElement {
  const hit = cache.get(s);
  if (hit && hit.dark === dark) return hit.canvas;
  const n = s.nx * s.ny;
  const sorted = Float32Array.from(s.train).sort();
  const canvas = document.createElement('canvas');
  canvas.width = s.nx;
  canvas.height = s.ny;
  const ctx = canvas.getContext('2d')!;
  const img = ctx.createImageData(s.nx, s.ny);
  // Grey ranges chosen for contrast with the theme's panel and with coloured marks.
  const [lo, hi] = dark ? [18, 110] : [120, 246];
  for (let i = 0; i < n; i++) {
    const rank = lowerBound(sorted, s.train[i]!) / Math.max(1, n - 1);
    const g = Math.round(lo + (hi - lo) * Math.sqrt(rank));
    img.data[4 * i] = g;
    img.data[4 * i + 1] = g;
    img.data[4 * i + 2] = g + 4;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  cache.set(s, { dark, canvas });
  return canvas;
}

function lowerBound(a: Float32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
