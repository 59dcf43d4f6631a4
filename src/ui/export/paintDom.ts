/**
 * Paints a piece of the page onto a 2-D canvas as it looks on screen: canvases and inline
 * SVGs as images, and for HTML the parts a figure's overlays are made of — background
 * colours and linear gradients, borders, outlines, rounded corners, opacity, and text
 * word by word at the positions the browser laid it out. Everything is read from
 * getBoundingClientRect and computed styles, so labels follow the page's own layout
 * (transforms included) without a second layout engine.
 *
 * Why by hand: the usual alternative draws an <svg><foreignObject> copy of the DOM into
 * the canvas (html-to-image and friends). That needs every computed style inlined into a
 * clone, and browsers have differed on letting such a canvas be read back (older Safari
 * refused). The scene's overlays use a small set of CSS, which this covers without a dependency.
 * Not covered (not used by the overlays): box shadows, background images other than linear
 * gradients, pseudo-elements (a decorative label stem), text shadows.
 */

import { linearGradient } from './canvasGradient';

export interface PaintTarget {
  ctx: CanvasRenderingContext2D;
  /** Page coordinates of the target's (0, 0). */
  left: number;
  top: number;
  /** Elements (and their subtrees) left out. */
  skip: (el: Element) => boolean;
}

/** Paints `el` and its subtree, in document order (later elements over earlier ones). */
export async function paintElement(t: PaintTarget, el: Element, alpha = 1): Promise<void> {
  if (t.skip(el)) return;
  const cs = getComputedStyle(el);
  if (cs.display === 'none') return;
  const opacity = alpha * (parseFloat(cs.opacity) || (cs.opacity === '0' ? 0 : 1));
  if (opacity <= 0) return;
  const r = el.getBoundingClientRect();
  // Visually hidden (screen-reader-only) content: clipped, or a 1 px box that hides its
  // overflow. (An empty wrapper box whose children overflow it, as drei's Html, is not.)
  const clipped = cs.clip !== 'auto' || cs.clipPath !== 'none';
  if (clipped || (cs.overflow === 'hidden' && r.width * r.height <= 1)) return;
  const visible = cs.visibility !== 'hidden';
  const { ctx } = t;
  ctx.save();
  ctx.globalAlpha = opacity;
  if (visible && el instanceof HTMLCanvasElement) {
    if (el.width > 0 && el.height > 0)
      ctx.drawImage(el, r.left - t.left, r.top - t.top, r.width, r.height);
  } else if (visible && el instanceof SVGSVGElement) {
    const img = await svgImage(el);
    ctx.globalAlpha = opacity;
    if (img) ctx.drawImage(img, r.left - t.left, r.top - t.top, r.width, r.height);
  } else {
    if (visible) paintBox(t, cs, r);
    // CSS stacking, simplified: children in document order, then the positioned ones
    // with a positive z-index, lowest first (a side-by-side pane's label sits before its
    // canvas in the DOM but above it on screen).
    const raised: { el: Element; z: number }[] = [];
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && visible) paintText(t, child as Text, cs);
      else if (child instanceof Element) {
        const z = zIndex(child);
        if (z > 0) raised.push({ el: child, z });
        else await paintElement(t, child, opacity);
      }
    }
    raised.sort((a, b) => a.z - b.z);
    for (const { el: child } of raised) await paintElement(t, child, opacity);
  }
  ctx.restore();
}

function zIndex(el: Element): number {
  const cs = getComputedStyle(el);
  return cs.position === 'static' ? 0 : parseInt(cs.zIndex, 10) || 0;
}

function paintBox(t: PaintTarget, cs: CSSStyleDeclaration, r: DOMRect): void {
  const { ctx } = t;
  const x = r.left - t.left;
  const y = r.top - t.top;
  const radius = Math.min(parseFloat(cs.borderTopLeftRadius) || 0, r.width / 2, r.height / 2);
  const box = (inset: number) => {
    ctx.beginPath();
    ctx.roundRect(
      x + inset,
      y + inset,
      r.width - 2 * inset,
      r.height - 2 * inset,
      Math.max(0, radius - inset),
    );
  };
  if (isPainted(cs.backgroundColor)) {
    ctx.fillStyle = cs.backgroundColor;
    box(0);
    ctx.fill();
  }
  const gradient = linearGradient(ctx, cs.backgroundImage, x, y, r.width, r.height);
  if (gradient) {
    ctx.fillStyle = gradient;
    box(0);
    ctx.fill();
  }
  // One stroke when all four sides agree (rounded boxes, chips); else side by side.
  const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((s) => ({
    width:
      cs.getPropertyValue(`border-${s.toLowerCase()}-style`) === 'none'
        ? 0
        : parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)) || 0,
    color: cs.getPropertyValue(`border-${s.toLowerCase()}-color`),
  }));
  const [top, right, bottom, left] = sides as [Side, Side, Side, Side];
  if (sides.every((s) => s.width === top.width && s.color === top.color)) {
    if (top.width > 0 && isPainted(top.color)) {
      ctx.strokeStyle = top.color;
      ctx.lineWidth = top.width;
      box(top.width / 2);
      ctx.stroke();
    }
  } else {
    const fill = (s: Side, fx: number, fy: number, fw: number, fh: number) => {
      if (s.width <= 0 || !isPainted(s.color)) return;
      ctx.fillStyle = s.color;
      ctx.fillRect(fx, fy, fw, fh);
    };
    fill(top, x, y, r.width, top.width);
    fill(bottom, x, y + r.height - bottom.width, r.width, bottom.width);
    fill(left, x, y, left.width, r.height);
    fill(right, x + r.width - right.width, y, right.width, r.height);
  }
  const ow = cs.outlineStyle === 'none' ? 0 : parseFloat(cs.outlineWidth) || 0;
  if (ow > 0 && isPainted(cs.outlineColor)) {
    const off = (parseFloat(cs.outlineOffset) || 0) + ow / 2;
    ctx.strokeStyle = cs.outlineColor;
    ctx.lineWidth = ow;
    ctx.beginPath();
    ctx.roundRect(
      x - off,
      y - off,
      r.width + 2 * off,
      r.height + 2 * off,
      radius > 0 ? radius + off : 0,
    );
    ctx.stroke();
  }
}

interface Side {
  width: number;
  color: string;
}

/** Word by word, at each word's own box: wrapping, alignment and transforms come from the page. */
function paintText(t: PaintTarget, node: Text, cs: CSSStyleDeclaration): void {
  const text = node.data;
  if (!text.trim() || !isPainted(cs.color)) return;
  const { ctx } = t;
  ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  ctx.fillStyle = cs.color;
  ctx.textBaseline = 'alphabetic';
  const range = document.createRange();
  for (const m of text.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const rects = range.getClientRects();
    // A word broken across lines (overflow-wrap) is drawn letter by letter.
    const pieces =
      rects.length === 1 ? [{ s: m[0], rect: rects[0]! }] : letters(node, m.index, m[0], range);
    for (const { s, rect } of pieces) {
      if (rect.width === 0) continue;
      const word = transform(s, cs.textTransform);
      const metrics = ctx.measureText(word);
      const ascent = metrics.fontBoundingBoxAscent;
      const height = ascent + metrics.fontBoundingBoxDescent;
      // The range box is the font's content area: centre it on the line the browser chose.
      const baseline = rect.top - t.top + (rect.height - height) / 2 + ascent;
      ctx.fillText(word, rect.left - t.left, baseline);
    }
  }
  range.detach();
}

function letters(
  node: Text,
  start: number,
  word: string,
  range: Range,
): { s: string; rect: DOMRect }[] {
  const out: { s: string; rect: DOMRect }[] = [];
  for (let i = 0; i < word.length; i++) {
    range.setStart(node, start + i);
    range.setEnd(node, start + i + 1);
    const rect = range.getClientRects()[0];
    if (rect) out.push({ s: word[i]!, rect });
  }
  return out;
}

function transform(s: string, how: string): string {
  if (how === 'uppercase') return s.toUpperCase();
  if (how === 'lowercase') return s.toLowerCase();
  return s;
}

/** False for fully transparent colours ("rgba(0, 0, 0, 0)", "transparent", "… / 0)"). */
function isPainted(color: string): boolean {
  if (!color || color === 'transparent') return false;
  const alpha = /,\s*([\d.]+)\)$/.exec(color) ?? /\/\s*([\d.]+)\)$/.exec(color);
  // "rgb(r, g, b)" has three commas and no alpha.
  if (!alpha || (color.startsWith('rgb(') && color.split(',').length === 3)) return true;
  return parseFloat(alpha[1]!) > 0;
}

/** An inline SVG as an image (its attributes carry its colours). */
export function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement | null> {
  const xml = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
  return new Promise<HTMLImageElement | null>((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}
