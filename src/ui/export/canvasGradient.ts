/** CSS `linear-gradient(…)` values (as getComputedStyle reports them) as canvas gradients. */

/** A canvas gradient for a computed `linear-gradient(…)` (directions "to …" and "Ndeg"). */
export function linearGradient(
  ctx: CanvasRenderingContext2D,
  image: string,
  x: number,
  y: number,
  w: number,
  h: number,
): CanvasGradient | null {
  const m = /^linear-gradient\((.*)\)$/.exec(image.trim());
  if (!m) return null;
  const parts = splitTopLevel(m[1]!);
  let angle = 180; // CSS default: to bottom
  const first = parts[0]!.trim();
  const side: Record<string, number> = {
    'to top': 0,
    'to right': 90,
    'to bottom': 180,
    'to left': 270,
  };
  if (first in side) {
    angle = side[first]!;
    parts.shift();
  } else if (/^-?[\d.]+deg$/.test(first)) {
    angle = parseFloat(first);
    parts.shift();
  }
  // CSS angles run clockwise from "up"; the gradient line spans the box's projection on it.
  const rad = (angle * Math.PI) / 180;
  const dx = Math.sin(rad);
  const dy = -Math.cos(rad);
  const half = (Math.abs(w * dx) + Math.abs(h * dy)) / 2;
  const cx = x + w / 2;
  const cy = y + h / 2;
  const g = ctx.createLinearGradient(
    cx - dx * half,
    cy - dy * half,
    cx + dx * half,
    cy + dy * half,
  );
  parts.forEach((part, i) => {
    const stop = /^(.*?)\s+(-?[\d.]+)%$/.exec(part.trim());
    const color = stop ? stop[1]! : part.trim();
    const at = stop ? parseFloat(stop[2]!) / 100 : parts.length > 1 ? i / (parts.length - 1) : 0;
    g.addColorStop(Math.min(1, Math.max(0, at)), color);
  });
  return g;
}

/** Splits on commas outside parentheses: "rgb(1, 2, 3) 0%, red" → ["rgb(1, 2, 3) 0%", "red"]. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === ',' && depth === 0) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}
