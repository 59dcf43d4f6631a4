/**
 * Paints one run's decision boundary on a 2-D canvas: the predicted class as a shade (its
 * hue the class, its strength the network's confidence), the 50% contour as a line, the
 * train points as filled dots in their TRAIN label's colour (flipped labels included, with a
 * white ring so the flips show), and the test points as small hollow rings in their true
 * class's colour.
 */
import type { NetBoundary, NetData } from '../../worker/protocol';

/** PRGn-family hues (colour-blind safe as a pair), plus an orange for the third blob. */
export const CLASS_COLORS = [
  [118, 42, 131],
  [27, 120, 55],
  [217, 95, 2],
] as const;

const rgb = (c: readonly number[], a = 1) => `rgba(${c[0]},${c[1]},${c[2]},${a})`;

export function drawBoundary(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  data: NetData,
  grid: NetBoundary | undefined,
  background: readonly [number, number, number],
): void {
  const { lo, hi } = data.box;
  const sx = (x: number) => ((x - lo[0]) / (hi[0] - lo[0])) * width;
  const sy = (y: number) => height - ((y - lo[1]) / (hi[1] - lo[1])) * height;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = rgb(background);
  ctx.fillRect(0, 0, width, height);
  if (grid) paintGrid(ctx, width, height, grid, background);
  // Test first (under), small hollow rings in the true class's colour.
  ctx.lineWidth = 1;
  const r = Math.max(1.5, Math.min(width, height) / 160);
  for (let i = 0; i < data.testY.length; i++) {
    ctx.strokeStyle = rgb(CLASS_COLORS[data.testY[i]!]!, 0.55);
    ctx.beginPath();
    ctx.arc(sx(data.testX[2 * i]!), sy(data.testX[2 * i + 1]!), r, 0, 2 * Math.PI);
    ctx.stroke();
  }
  const flipped = new Set(data.flipped);
  for (let i = 0; i < data.trainY.length; i++) {
    ctx.fillStyle = rgb(CLASS_COLORS[data.trainY[i]!]!);
    ctx.strokeStyle = flipped.has(i) ? '#fff' : 'rgba(0,0,0,0.6)';
    ctx.lineWidth = flipped.has(i) ? 1.5 : 0.75;
    ctx.beginPath();
    ctx.arc(sx(data.trainX[2 * i]!), sy(data.trainX[2 * i + 1]!), 1.9 * r, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

/** Shades cells by the winning class and its margin; draws where the winner changes. */
function paintGrid(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  g: NetBoundary,
  bg: readonly [number, number, number],
): void {
  const img = ctx.createImageData(g.nx, g.ny);
  const win = new Uint8Array(g.nx * g.ny);
  for (let iy = 0; iy < g.ny; iy++) {
    for (let ix = 0; ix < g.nx; ix++) {
      const c = iy * g.nx + ix;
      let best = 0;
      for (let k = 1; k < g.classes; k++)
        if (g.probs[c * g.classes + k]! > g.probs[c * g.classes + best]!) best = k;
      win[c] = best;
      // 0 at chance (1/K), 1 at certainty; at most 45% of the class colour over the background.
      const p = g.probs[c * g.classes + best]!;
      const t = 0.45 * Math.max(0, (p - 1 / g.classes) / (1 - 1 / g.classes));
      const col = CLASS_COLORS[best]!;
      // Image rows run top-down; grid rows bottom-up.
      const o = 4 * ((g.ny - 1 - iy) * g.nx + ix);
      for (let j = 0; j < 3; j++) img.data[o + j] = Math.round(bg[j]! + t * (col[j]! - bg[j]!));
      img.data[o + 3] = 255;
    }
  }
  const off = new OffscreenCanvas(g.nx, g.ny);
  off.getContext('2d')!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, width, height);
  // The boundary: edges between cells whose predicted class differs.
  const cw = width / (g.nx - 1);
  const ch = height / (g.ny - 1);
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let iy = 0; iy < g.ny; iy++) {
    for (let ix = 0; ix < g.nx; ix++) {
      const c = iy * g.nx + ix;
      const x = ix * cw;
      const y = height - iy * ch;
      if (ix + 1 < g.nx && win[c] !== win[c + 1]) {
        ctx.moveTo(x + cw / 2, y - ch / 2);
        ctx.lineTo(x + cw / 2, y + ch / 2);
      }
      if (iy + 1 < g.ny && win[c] !== win[c + g.nx]) {
        ctx.moveTo(x - cw / 2, y - ch / 2);
        ctx.lineTo(x + cw / 2, y - ch / 2);
      }
    }
  }
  ctx.stroke();
}
