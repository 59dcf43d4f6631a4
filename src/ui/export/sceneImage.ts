/**
 * The explorer's figure as one PNG, as it looks on screen: the caption line on top, then
 * the scene — every WebGL canvas (all panels side by side) with the overlays that belong to
 * the figure: minima labels, the run key / result table, the colormap legend, panel labels.
 * Controls (the view toolbar, buttons, inputs) and hints are left out; an overlay can opt out
 * with data-export="skip".
 */
import { paintElement } from './paintDom';

/** What a figure is not: controls, instructions, transient status. */
const NOT_FIGURE = [
  'button',
  'input',
  'select',
  'textarea',
  '[role="toolbar"]',
  '.scene-hint',
  '.scene-status',
  '[data-export="skip"]',
].join(', ');

const CAPTION_PAD = 10;

/** The composed figure, or null when the scene has no canvas yet. */
export async function composeScene(
  scene: HTMLElement,
  caption: HTMLElement | null,
): Promise<HTMLCanvasElement | null> {
  if (!scene.querySelector('canvas')) return null;
  const rect = scene.getBoundingClientRect();
  const scale = Math.min(3, Math.max(1, window.devicePixelRatio || 1));
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  const root = getComputedStyle(document.documentElement);
  const text = caption?.textContent?.trim() ?? '';
  const capStyle = caption ? getComputedStyle(caption) : null;
  const font = capStyle
    ? `${capStyle.fontStyle} ${capStyle.fontWeight} ${capStyle.fontSize} ${capStyle.fontFamily}`
    : '';
  ctx.font = font;
  const lines = text ? wrap(ctx, text, rect.width - 2 * CAPTION_PAD) : [];
  const lineHeight = capStyle
    ? parseFloat(capStyle.lineHeight) || 1.4 * parseFloat(capStyle.fontSize)
    : 0;
  const band = lines.length ? Math.ceil(lines.length * lineHeight + 2 * CAPTION_PAD) : 0;

  out.width = Math.round(rect.width * scale);
  out.height = Math.round((band + rect.height) * scale);
  ctx.scale(scale, scale);
  if (band) {
    ctx.fillStyle = root.getPropertyValue('--panel').trim() || '#ffffff';
    ctx.fillRect(0, 0, rect.width, band);
    ctx.font = font;
    ctx.fillStyle = capStyle!.color;
    ctx.textBaseline = 'middle';
    lines.forEach((line, i) =>
      ctx.fillText(line, CAPTION_PAD, CAPTION_PAD + (i + 0.5) * lineHeight),
    );
  }
  ctx.translate(0, band);
  ctx.fillStyle = getComputedStyle(scene).backgroundColor;
  ctx.fillRect(0, 0, rect.width, rect.height);
  await paintElement(
    { ctx, left: rect.left, top: rect.top, skip: (el) => el.matches(NOT_FIGURE) },
    scene,
  );
  return out;
}

/** Greedy word wrap to `width` px in the context's current font. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
