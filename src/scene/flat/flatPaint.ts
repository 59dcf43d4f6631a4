/**
 * Drawing the landscape as a flat 2-D map on a canvas 2D context, for browsers without
 * WebGL: the surface as a heatmap in the legend's colours, iso-loss contours, and the
 * runs' paths with their start, head and end marks. Shares SurfaceFrame's colour scale
 * with the 3-D scene, so the legend reads the same either way.
 */
import { RUN_DASHES } from '../../state/palette';
import type { RunBuffer } from '../../state/buffers';
import { sampleColor } from '../colormap';
import { evenLevels, marchingSquares } from '../contours';
import { clamp } from '../grid';
import type { SurfaceFrame } from '../surfaceFrame';

const CONTOUR_LEVELS = 11;
/** Keep a path point only once it is this many CSS px from the last kept one. */
export const LOD_PX = 0.75;

/** Landscape box → CSS-pixel rectangle (aspect kept, centred). */
export interface Fit {
  scale: number;
  ox: number;
  oy: number;
  lo: readonly number[];
  hi: readonly number[];
}

export function fitBox(frame: SurfaceFrame, width: number, height: number, pad = 12): Fit {
  const { lo, hi } = frame.data.box;
  const bw = hi[0]! - lo[0]!;
  const bh = hi[1]! - lo[1]!;
  const scale = Math.max(1e-9, Math.min((width - 2 * pad) / bw, (height - 2 * pad) / bh));
  return {
    scale,
    ox: (width - bw * scale) / 2,
    oy: (height - bh * scale) / 2,
    lo,
    hi,
  };
}

export const toPx = (f: Fit, x: number, y: number): [number, number] => [
  f.ox + (clamp(x, f.lo[0]!, f.hi[0]!) - f.lo[0]!) * f.scale,
  f.oy + (f.hi[1]! - clamp(y, f.lo[1]!, f.hi[1]!)) * f.scale,
];

export const fromPx = (f: Fit, px: number, py: number): [number, number] => [
  f.lo[0]! + (px - f.ox) / f.scale,
  f.hi[1]! - (py - f.oy) / f.scale,
];

/** The heatmap and contours, painted once per surface/size/theme onto their own canvas. */
export function paintBackground(
  frame: SurfaceFrame,
  width: number,
  height: number,
  dpr: number,
  theme: { background: string; ink: string },
  testContours: boolean,
): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(width * dpr));
  out.height = Math.max(1, Math.round(height * dpr));
  const ctx = out.getContext('2d')!;
  ctx.scale(dpr, dpr);
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  const fit = fitBox(frame, width, height);
  const { nx, ny } = frame.data;
  // One pixel per grid node, y flipped (row 0 of the grid is the box's bottom edge),
  // scaled up with smoothing: the bilinear look of the 3-D surface's vertex colours.
  const tile = document.createElement('canvas');
  tile.width = nx;
  tile.height = ny;
  const tctx = tile.getContext('2d')!;
  const img = tctx.createImageData(nx, ny);
  const rgb = [0, 0, 0];
  const grid = frame.color.grid;
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      sampleColor(frame.color.table, frame.colorT(grid[j * nx + i]!), rgb);
      const o = ((ny - 1 - j) * nx + i) * 4;
      img.data[o] = Math.round(rgb[0]! * 255);
      img.data[o + 1] = Math.round(rgb[1]! * 255);
      img.data[o + 2] = Math.round(rgb[2]! * 255);
      img.data[o + 3] = 255;
    }
  tctx.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  const w = (frame.data.box.hi[0]! - frame.data.box.lo[0]!) * fit.scale;
  const h = (frame.data.box.hi[1]! - frame.data.box.lo[1]!) * fit.scale;
  ctx.drawImage(tile, fit.ox, fit.oy, w, h);
  const levels = evenLevels(frame.lossLo, frame.lossHi, CONTOUR_LEVELS);
  strokeContours(ctx, fit, frame, frame.heightGrid, levels, theme.ink, []);
  if (testContours) strokeContours(ctx, fit, frame, frame.data.test, levels, theme.ink, [4, 3]);
  return out;
}

function strokeContours(
  ctx: CanvasRenderingContext2D,
  fit: Fit,
  frame: SurfaceFrame,
  grid: Float32Array,
  levels: number[],
  ink: string,
  dash: number[],
): void {
  const set = marchingSquares(frame.data, grid, levels);
  const p = set.points;
  ctx.beginPath();
  for (let k = 0; k + 3 < p.length; k += 4) {
    const [x0, y0] = toPx(fit, p[k]!, p[k + 1]!);
    const [x1, y1] = toPx(fit, p[k + 2]!, p[k + 3]!);
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
  }
  ctx.setLineDash(dash);
  ctx.strokeStyle = ink;
  ctx.globalAlpha = 0.45;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

export interface PathRun {
  color: string;
  index: number;
  buffer: RunBuffer | undefined;
  ended: boolean;
  diverged: boolean;
}

/**
 * Adds a run's path to the current path, dropping points closer than LOD_PX to the last
 * kept one (what the screen cannot show anyway); the last point is always kept, so the
 * head sits on the line. Non-finite points are skipped. Returns the kept point count.
 */
export function tracePath(
  ctx: Pick<CanvasRenderingContext2D, 'moveTo' | 'lineTo'>,
  fit: Fit,
  positions: Float32Array,
  count: number,
): number {
  let kept = 0;
  let lx = NaN;
  let ly = NaN;
  const min2 = LOD_PX * LOD_PX;
  for (let k = 0; k < count; k++) {
    const x = positions[2 * k]!;
    const y = positions[2 * k + 1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const [px, py] = toPx(fit, x, y);
    const last = k === count - 1;
    if (kept > 0 && !last && (px - lx) ** 2 + (py - ly) ** 2 < min2) continue;
    if (kept === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
    lx = px;
    ly = py;
    kept++;
  }
  return kept;
}

/** Paths (halo, then dashed colour line per run), starts, heads and end marks. */
export function paintRuns(
  ctx: CanvasRenderingContext2D,
  fit: Fit,
  runs: readonly PathRun[],
  ink: string,
): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const r of runs) {
    const b = r.buffer;
    if (!b || b.count < 2) continue;
    ctx.beginPath();
    tracePath(ctx, fit, b.positions, b.count);
    ctx.strokeStyle = 'rgba(17,17,17,0.5)';
    ctx.lineWidth = 6;
    ctx.setLineDash([]);
    ctx.stroke();
    ctx.strokeStyle = r.color;
    ctx.lineWidth = 3;
    ctx.setLineDash((RUN_DASHES[r.index % RUN_DASHES.length] ?? []).map((d) => d * 1.5));
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const r of runs) {
    const s = r.buffer?.start;
    if (s && s.length === 2) dot(ctx, toPx(fit, s[0]!, s[1]!), 5, '#ffffff', ink);
  }
  for (const r of runs) {
    const h = r.buffer?.head();
    if (!h || !Number.isFinite(h[0]) || !Number.isFinite(h[1])) continue;
    const p = toPx(fit, h[0], h[1]);
    if (r.diverged) cross(ctx, p, r.color);
    else dot(ctx, p, r.ended ? 7 : 5, r.color, '#111111');
  }
}

function dot(
  ctx: CanvasRenderingContext2D,
  [x, y]: [number, number],
  r: number,
  fill: string,
  stroke: string,
): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

function cross(ctx: CanvasRenderingContext2D, [x, y]: [number, number], color: string): void {
  ctx.beginPath();
  ctx.moveTo(x - 6, y - 6);
  ctx.lineTo(x + 6, y + 6);
  ctx.moveTo(x + 6, y - 6);
  ctx.lineTo(x - 6, y + 6);
  ctx.lineWidth = 5;
  ctx.strokeStyle = '#111111';
  ctx.stroke();
  ctx.lineWidth = 3;
  ctx.strokeStyle = color;
  ctx.stroke();
}
