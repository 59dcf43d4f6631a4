/**
 * Exports of a science view: its figures composed into one PNG, and its aggregated
 * results as CSV and JSON. uPlot charts and the maps are canvases and the bar chart is
 * SVG, so the PNG is drawn from the figures' own pixels (plus their titles), laid out
 * as they are on screen, on the theme's background.
 *
 * Loaded on the first export click (ViewShell), not with the view: an embedded view paints
 * without the PNG composer and the download code. The CSV text itself is csvTable.ts.
 */
import { saveBlob } from '../export/download';
import { svgImage } from '../export/paintDom';
import { readChartTheme } from '../charts/themeColors';

export function saveText(text: string, filename: string, type: string): void {
  saveBlob(new Blob([text], { type }), filename);
}

/** The JSON every view exports: what was run and what came out. */
export function exportDocument(view: string, spec: unknown, results: unknown): unknown {
  return {
    format: `batchscape-${view}`,
    version: 1,
    url: window.location.href,
    spec,
    results,
  };
}

/** Every `.view-figure` under root drawn into one canvas; null when there is none. */
export async function composeFigures(root: HTMLElement): Promise<HTMLCanvasElement | null> {
  const figures = [...root.querySelectorAll<HTMLElement>('.view-figure')];
  if (figures.length === 0) return null;
  const rects = figures.map((f) => f.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const width = Math.max(...rects.map((r) => r.right)) - left;
  const height = Math.max(...rects.map((r) => r.bottom)) - top;
  const dpr = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.ceil(width * dpr);
  out.height = Math.ceil(height * dpr);
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  const theme = readChartTheme();
  const css = getComputedStyle(document.documentElement);
  ctx.scale(dpr, dpr);
  ctx.fillStyle = css.getPropertyValue('--panel').trim() || '#fff';
  ctx.fillRect(0, 0, width, height);
  for (const fig of figures) {
    const title = fig.querySelector('figcaption')?.textContent ?? '';
    const tr = fig.querySelector('figcaption')?.getBoundingClientRect();
    if (title && tr) {
      ctx.fillStyle = theme.text;
      ctx.font = `600 ${theme.font}`;
      ctx.textBaseline = 'top';
      ctx.fillText(title, tr.left - left, tr.top - top, tr.width);
    }
    // Colour keys are HTML beside the canvas: draw their swatches and labels too.
    for (const li of fig.querySelectorAll<HTMLElement>('.swatch-legend li')) {
      const sw = li.querySelector<HTMLElement>('.swatch');
      const r = li.getBoundingClientRect();
      if (!sw || r.width === 0) continue;
      const sr = sw.getBoundingClientRect();
      ctx.fillStyle = getComputedStyle(sw).backgroundColor;
      ctx.fillRect(sr.left - left, sr.top - top, sr.width, sr.height);
      ctx.fillStyle = theme.text;
      ctx.font = theme.font;
      ctx.textBaseline = 'middle';
      ctx.fillText(li.textContent ?? '', sr.right - left + 4, sr.top - top + sr.height / 2);
    }
    for (const c of fig.querySelectorAll('canvas')) {
      const r = c.getBoundingClientRect();
      if (r.width > 0) ctx.drawImage(c, r.left - left, r.top - top, r.width, r.height);
    }
    for (const s of fig.querySelectorAll<SVGSVGElement>('svg.export-svg')) {
      const r = s.getBoundingClientRect();
      const img = await svgImage(s);
      if (img && r.width > 0) ctx.drawImage(img, r.left - left, r.top - top, r.width, r.height);
    }
  }
  return out;
}

export async function saveFiguresPng(root: HTMLElement, filename: string): Promise<boolean> {
  const canvas = await composeFigures(root);
  if (!canvas) return false;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return false;
  saveBlob(blob, filename);
  return true;
}
