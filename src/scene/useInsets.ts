/**
 * How much of a canvas the HTML overlays cover at its top and bottom, measured (they
 * change size with the window, the run count and when results appear), so the camera
 * can frame the surface in the space between them instead of under them.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { SceneInsets } from './framing';

export function useInsets(
  container: RefObject<HTMLElement | null>,
  top: RefObject<HTMLElement | null>,
  bottom: RefObject<HTMLElement | null>,
): SceneInsets {
  const [insets, setInsets] = useState<SceneInsets>({ top: 0, bottom: 0 });
  useEffect(() => {
    const box = container.current;
    if (!box) return;
    const measure = () => {
      const b = box.getBoundingClientRect();
      const t = top.current?.getBoundingClientRect();
      const f = bottom.current?.getBoundingClientRect();
      // Only what lies over the box counts (side by side, the bands sit outside the panes).
      const next = {
        top: t ? Math.round(Math.max(0, Math.min(b.height, t.bottom - b.top))) : 0,
        bottom: f ? Math.round(Math.max(0, Math.min(b.height, b.bottom - f.top))) : 0,
      };
      setInsets((prev) => (prev.top === next.top && prev.bottom === next.bottom ? prev : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    for (const el of [box, top.current, bottom.current]) if (el) ro.observe(el);
    return () => ro.disconnect();
  }, [container, top, bottom]);
  return insets;
}
