/**
 * Scene colours from the page theme's CSS variables. App sets `data-theme` on <html> in
 * its own effect (which runs after ours), so watch the attribute rather than reading the
 * variables once at mount: the scene then always matches the theme actually applied.
 */
import { useEffect, useState } from 'react';

export interface SceneTheme {
  /** Canvas clear colour (--scene-bg). */
  background: string;
  /** Neutral line colour that contrasts with the background (--text). */
  ink: string;
}

function readTheme(): SceneTheme {
  const css = getComputedStyle(document.documentElement);
  return {
    background: css.getPropertyValue('--scene-bg').trim() || '#eef0f2',
    ink: css.getPropertyValue('--text').trim() || '#1d1d1f',
  };
}

export function useSceneTheme(): SceneTheme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => {
    const update = () =>
      setTheme((prev) => {
        const next = readTheme();
        return next.background === prev.background && next.ink === prev.ink ? prev : next;
      });
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class', 'style'],
    });
    update();
    return () => observer.disconnect();
  }, []);
  return theme;
}
