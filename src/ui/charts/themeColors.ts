/**
 * Chart colours come from the theme's CSS variables, so axes and grid follow light,
 * dark and presenter themes. uPlot draws on a canvas and cannot use var(), hence
 * the computed-style read and a hook that notices theme switches.
 */
import { useSyncExternalStore } from 'react';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  /** Axis font (CSS shorthand). */
  font: string;
  /** Base font size in px (presenter mode is larger). */
  fontSize: number;
  /** Axis label size in px: `--chart-font-size`, else 0.8 × the base size. */
  axisFontSize: number;
  /** Multiplier on line widths: `--chart-line-scale` (presenter draws thicker lines). */
  lineScale: number;
}

export function readChartTheme(el: Element = document.documentElement): ChartTheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const fontSize = parseFloat(v('--font-size', '14px')) || 14;
  const axisPx = parseFloat(v('--chart-font-size', '')) || Math.round(fontSize * 0.8);
  return {
    text: v('--text', '#1d1d1f'),
    muted: v('--muted', '#5f6368'),
    // A theme may ask for a quieter grid than its borders (presenter's are white).
    grid: v('--chart-grid', v('--border', '#d9d9d6')),
    font: `${axisPx}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`,
    fontSize,
    axisFontSize: axisPx,
    lineScale: parseFloat(v('--chart-line-scale', '1')) || 1,
  };
}

/**
 * The document's current data-theme. App sets the attribute in its own effect, which
 * runs after its children's effects, so charts watch the attribute itself instead of
 * the view store to be sure they read the new variables.
 */
export function useDocumentTheme(): string {
  return useSyncExternalStore(subscribeTheme, themeSnapshot, () => 'light');
}

function subscribeTheme(onChange: () => void): () => void {
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => mo.disconnect();
}

function themeSnapshot(): string {
  return document.documentElement.dataset.theme ?? 'light';
}
