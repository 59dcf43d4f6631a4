/**
 * Colours for ordered quantities in the science views (batch sizes, learning rates):
 * samples of viridis, which is perceptually ordered and colour-blind safe (DESIGN §8),
 * cut short of its pale yellow end so every sample stays visible on a light panel.
 */
import { VIRIDIS, sampleColor } from '../../scene/colormap';

export function viridisAt(t: number): string {
  const rgb = [0, 0, 0];
  sampleColor(VIRIDIS, t, rgb);
  return `#${rgb
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * n ordered colours: dark purple → green-yellow on light themes; on dark ones the
 * darkest third is skipped instead (it would vanish into the background).
 */
export function orderedColors(n: number, theme = 'light'): string[] {
  const [lo, hi] = theme === 'light' ? [0, 0.88] : [0.3, 1];
  return Array.from({ length: n }, (_, i) =>
    viridisAt(n === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (n - 1)),
  );
}

/** Red for failures (diverged runs), readable on light and dark panels. */
export const DIVERGED_COLOR = '#d62728';

export function withAlpha(hex: string, alpha: number): string {
  const h = hex.replace('#', '');
  if (h.length !== 6) return hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
