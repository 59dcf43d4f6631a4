/**
 * Reading the scene as a person sees it: what a canvas has drawn (its pixels against the
 * scene background), where elements are on screen, and whether two of them overlap.
 */
import type { Locator, Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Drawn {
  /** Share of the canvas's pixels that are not the scene background. */
  fraction: number;
  /** Bounding box of those pixels, in CSS px relative to the canvas, or null if none. */
  bbox: { x0: number; y0: number; x1: number; y1: number } | null;
  width: number;
  height: number;
}

/** What the canvas under `canvas` shows (the WebGL canvases keep their drawing buffer). */
export function drawn(canvas: Locator): Promise<Drawn> {
  return canvas.evaluate((src: HTMLCanvasElement) => {
    const bg = getComputedStyle(document.documentElement).getPropertyValue('--scene-bg').trim();
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = bg;
    probe.fillRect(0, 0, 1, 1);
    const [br, bgG, bb] = probe.getImageData(0, 0, 1, 1).data;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < px.length; i += 4) {
      if (Math.abs(px[i]! - br!) + Math.abs(px[i + 1]! - bgG!) + Math.abs(px[i + 2]! - bb!) < 24)
        continue;
      n++;
      const k = i / 4;
      const x = k % c.width;
      const y = Math.floor(k / c.width);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    const s = src.clientWidth / (c.width || 1);
    return {
      fraction: n / (c.width * c.height || 1),
      bbox: n ? { x0: x0 * s, y0: y0 * s, x1: x1 * s, y1: y1 * s } : null,
      width: src.clientWidth,
      height: src.clientHeight,
    };
  });
}

export async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element is not visible');
  return b;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Page is no wider than the viewport (no horizontal scrolling anywhere). */
export const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Texts of readout and scene-result cells whose content is cut off (an ellipsis or hidden overflow). */
export const cutCells = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.readouts td, .readouts th, .scene-results td')]
      .filter((c) => c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1)
      .map((c) => c.textContent ?? ''),
  );

/** Waits until the surface computation has settled (full surface, or the preview if it could not finish). */
export const surfaceSettled = (page: Page) =>
  page.waitForFunction(
    () => {
      const s = (
        window as unknown as {
          __batchscape?: { surfaceStore: { getState(): { data: unknown; loading: boolean } } };
        }
      ).__batchscape?.surfaceStore.getState();
      return !!s && !!s.data && !s.loading;
    },
    undefined,
    { timeout: 90_000, polling: 100 },
  );
