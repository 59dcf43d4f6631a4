/**
 * Canvas overlays shared by the diffusion view's two charts: the ends of the fit range as
 * dotted verticals and, on the local-exponent chart, the reference line p = ½ of a free
 * random walk.
 */
import type uPlot from 'uplot';
import type { ChartTheme } from '../../charts/themeColors';

export function drawFitRange(u: uPlot, theme: ChartTheme, fitRange: readonly number[]): void {
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = theme.muted;
  ctx.setLineDash([3, 4]);
  ctx.lineWidth = devicePixelRatio || 1;
  for (const v of fitRange) {
    const x = u.valToPos(v, 'x', true);
    if (x < u.bbox.left - 1 || x > u.bbox.left + u.bbox.width + 1) continue;
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
  }
  ctx.restore();
}

/** A labelled horizontal line at y = value across the plot (e.g. p = ½). */
export function drawReference(u: uPlot, theme: ChartTheme, value: number, label: string): void {
  const y = u.valToPos(value, 'y', true);
  if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) return;
  const dpr = devicePixelRatio || 1;
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = theme.text;
  ctx.fillStyle = theme.text;
  ctx.globalAlpha = 0.75;
  ctx.lineWidth = 1.25 * dpr;
  ctx.setLineDash([8 * dpr, 4 * dpr]);
  ctx.beginPath();
  ctx.moveTo(u.bbox.left, y);
  ctx.lineTo(u.bbox.left + u.bbox.width, y);
  ctx.stroke();
  ctx.font = theme.font;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(label, u.bbox.left + u.bbox.width - 4 * dpr, y - 3 * dpr);
  ctx.restore();
}
