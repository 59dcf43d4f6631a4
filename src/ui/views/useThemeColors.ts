/** Theme colours the views hand to canvases (which cannot read CSS variables themselves). */
import { useMemo } from 'react';
import { useDocumentTheme } from '../charts/themeColors';
import { orderedColors } from './viewColors';

export function useThemeColors(): { theme: string; accent: string; text: string; panel: string } {
  const theme = useDocumentTheme();
  return useMemo(() => {
    const css = getComputedStyle(document.documentElement);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    return {
      theme,
      accent: v('--accent', '#0072b2'),
      text: v('--text', '#1d1d1f'),
      panel: v('--panel', '#ffffff'),
    };
  }, [theme]);
}

/** Colours for n ordered series; a single series takes the theme's accent. */
export function useSeriesColors(n: number): string[] {
  const { theme, accent } = useThemeColors();
  return useMemo(() => (n === 1 ? [accent] : orderedColors(n, theme)), [n, theme, accent]);
}
