/**
 * A top-down map of a 2-D train-loss surface on a plain 2-D canvas, with the view's own
 * marks drawn on top (end points, an interpolation path). The surface is shaded in
 * grey so the marks can carry the colour; grey levels follow each value's rank on the
 * grid (histogram equalisation), because sharp-flat's sharp basin is ten times deeper
 * than the flat one and a linear ramp would leave the flat basin invisible.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { SurfaceData } from '../../../state/surfaceStore';
import { readChartTheme, useDocumentTheme } from '../../charts/themeColors';
import { formatNumber } from '../../format';
import { shadeSurface } from './shade';

export interface MapProjection {
  /** Landscape (w₁, w₂) → canvas CSS pixels. */
  toPx(x: number, y: number): [number, number];
  /** Landscape length → pixels (the map keeps aspect, so one scale). */
  scale: number;
}

export type MapOverlay = (ctx: CanvasRenderingContext2D, p: MapProjection) => void;

const MARGIN = { left: 34, right: 8, top: 8, bottom: 22 };

export function LossMap({
  title,
  tooltip,
  surface,
  overlay,
  legend,
  maxHeight = 420,
  testId,
  status,
}: {
  title: string;
  tooltip: string;
  surface: SurfaceData | null;
  overlay: MapOverlay;
  legend?: ReactNode;
  maxHeight?: number;
  testId?: string;
  /** Shown instead of the map while there is none. */
  status?: string;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useDocumentTheme();

  useEffect(() => {
    const host = hostRef.current;
    const canvas = canvasRef.current;
    if (!host || !canvas || !surface) return;
    const shaded = shadeSurface(surface, theme !== 'light');
    const draw = () => {
      const t = readChartTheme();
      const [bx, by] = [
        surface.box.hi[0]! - surface.box.lo[0]!,
        surface.box.hi[1]! - surface.box.lo[1]!,
      ];
      const avail = Math.max(120, host.clientWidth - MARGIN.left - MARGIN.right);
      const scale = Math.min(avail / bx, (maxHeight - MARGIN.top - MARGIN.bottom) / by);
      const w = bx * scale;
      const h = by * scale;
      const cssW = w + MARGIN.left + MARGIN.right;
      const cssH = h + MARGIN.top + MARGIN.bottom;
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(cssW * dpr);
      canvas.height = Math.round(cssH * dpr);
      canvas.style.width = `${cssW}px`;
      canvas.style.height = `${cssH}px`;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, cssW, cssH);
      ctx.imageSmoothingEnabled = true;
      // The grid's row 0 is the bottom (lowest w₂): flip it onto the canvas.
      ctx.save();
      ctx.translate(MARGIN.left, MARGIN.top + h);
      ctx.scale(1, -1);
      ctx.drawImage(shaded, 0, 0, w, h);
      ctx.restore();
      const p: MapProjection = {
        toPx: (x, y) => [
          MARGIN.left + (x - surface.box.lo[0]!) * scale,
          MARGIN.top + h - (y - surface.box.lo[1]!) * scale,
        ],
        scale,
      };
      drawFrame(ctx, surface, t.muted, t.font, w, h);
      for (const b of surface.basins) {
        const [cx, cy] = p.toPx(b.center[0]!, b.center[1]!);
        ctx.strokeStyle = t.text;
        ctx.globalAlpha = 0.6;
        ctx.setLineDash([3, 3]);
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.arc(cx, cy, b.radius * scale, 0, 2 * Math.PI);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.globalAlpha = 1;
        ctx.fillStyle = t.text;
        ctx.font = t.font;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(b.label, cx, cy - b.radius * scale - 3);
      }
      ctx.textAlign = 'start';
      overlay(ctx, p);
    };
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(host);
    return () => ro.disconnect();
  }, [surface, overlay, theme, maxHeight]);

  return (
    <figure className="view-figure loss-map" data-testid={testId}>
      <figcaption title={tooltip}>{title}</figcaption>
      <div ref={hostRef} className="loss-map-host">
        {surface ? (
          <canvas ref={canvasRef} role="img" aria-label={`${title}: ${tooltip}`} />
        ) : (
          <p className="view-placeholder">{status ?? 'Computing the loss surface…'}</p>
        )}
      </div>
      {legend}
    </figure>
  );
}

function drawFrame(
  ctx: CanvasRenderingContext2D,
  s: SurfaceData,
  color: string,
  font: string,
  w: number,
  h: number,
): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.strokeRect(MARGIN.left, MARGIN.top, w, h);
  ctx.fillStyle = color;
  ctx.font = font;
  const [x0, y0] = [s.box.lo[0]!, s.box.lo[1]!];
  const [x1, y1] = [s.box.hi[0]!, s.box.hi[1]!];
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(formatNumber(x0, 2), MARGIN.left, MARGIN.top + h + 4);
  ctx.textAlign = 'right';
  ctx.fillText(formatNumber(x1, 2), MARGIN.left + w, MARGIN.top + h + 4);
  ctx.textAlign = 'center';
  ctx.fillText('w₁', MARGIN.left + w / 2, MARGIN.top + h + 4);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  ctx.fillText(formatNumber(y1, 2), MARGIN.left - 4, MARGIN.top + 6);
  ctx.fillText(formatNumber(y0, 2), MARGIN.left - 4, MARGIN.top + h - 6);
  ctx.fillText('w₂', MARGIN.left - 4, MARGIN.top + h / 2);
}
