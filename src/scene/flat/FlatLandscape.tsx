/**
 * The landscape without WebGL: one 2-D canvas with the heatmap, contours and the runs'
 * paths (see flatPaint.ts). Like the 3-D canvas it paints on demand: the background once
 * per surface/size/theme, the paths whenever a live run's buffer changes (checked once
 * per animation frame while a run is live, never when every run has ended).
 * Clicking the map picks the start point, as clicking the 3-D surface does.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { runBuffers } from '../../state/buffers';
import { RUN_COLORS } from '../../state/palette';
import { useConfig, useRuns, useView } from '../../state/react';
import { startPickable } from '../../state/startPoint';
import type { RunView } from '../../state/runsStore';
import { pickStart } from '../pickStart';
import type { SceneTheme } from '../useSceneTheme';
import { useSurfaceFrame } from '../useSurfaceFrame';
import { fitBox, fromPx, paintBackground, paintRuns, type PathRun } from './flatPaint';

interface Size {
  w: number;
  h: number;
  dpr: number;
}

export function FlatLandscape({
  theme,
  runIds,
}: {
  theme: SceneTheme;
  runIds?: readonly string[];
}) {
  const frame = useSurfaceFrame();
  const both = useView((v) => v.surface === 'both');
  const runs = useRuns((s) => s.runs);
  const pickable = useConfig((c) => startPickable(c.base));
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<Size>({ w: 0, h: 0, dpr: 1 });

  useEffect(() => {
    const el = canvas.current?.parentElement;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      setSize((s) =>
        s.w === r.width && s.h === r.height && s.dpr === dpr ? s : { w: r.width, h: r.height, dpr },
      );
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);

  const background = useMemo(
    () =>
      frame && size.w > 0 && size.h > 0
        ? paintBackground(frame, size.w, size.h, size.dpr, theme, both)
        : null,
    [frame, size, theme, both],
  );

  const shown = runIds ? runs.filter((r) => runIds.includes(r.id)) : runs;
  const live = shown.some((r) => r.state === 'running' || r.state === 'starting');
  // The latest inputs, read by the paint loop without restarting it on every status update.
  const latest = useRef({ shown, runs });
  useLayoutEffect(() => {
    latest.current = { shown, runs };
  });
  const states = shown.map((r) => r.state).join();

  useEffect(() => {
    const el = canvas.current;
    if (!el || !frame || !background) return;
    el.width = background.width;
    el.height = background.height;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const fit = fitBox(frame, size.w, size.h);
    const paint = () => {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(background, 0, 0);
      ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
      paintRuns(ctx, fit, pathRuns(latest.current.shown, latest.current.runs), theme.ink);
    };
    paint();
    if (!live) return;
    let raf = 0;
    let last = -1;
    const tick = () => {
      let signature = 0;
      for (const r of latest.current.shown) {
        const b = runBuffers.get(r.id);
        if (b) signature += b.version + b.count + b.capacityVersion;
      }
      if (signature !== last) {
        last = signature;
        paint();
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
    // The runs' states are part of the picture (end marks): repaint when they change.
  }, [frame, background, size, theme.ink, live, states]);

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    if (!pickable || !frame) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const fit = fitBox(frame, size.w, size.h);
    const [x, y] = fromPx(fit, e.clientX - rect.left, e.clientY - rect.top);
    const { lo, hi } = frame.data.box;
    if (x < lo[0]! || x > hi[0]! || y < lo[1]! || y > hi[1]!) return;
    pickStart(x, y);
  };

  return (
    <canvas
      ref={canvas}
      className={pickable ? 'scene-flat-canvas is-pickable' : 'scene-flat-canvas'}
      data-testid="flat-landscape"
      role="img"
      aria-label="Loss landscape seen from above: a heatmap with contour lines and each run's path"
      style={{ width: size.w || '100%', height: size.h || '100%' }}
      onClick={onClick}
    />
  );
}

function pathRuns(shown: readonly RunView[], all: readonly RunView[]): PathRun[] {
  return shown.map((r) => {
    const palette = (RUN_COLORS as readonly string[]).indexOf(r.color);
    return {
      color: r.color,
      index: palette >= 0 ? palette : all.indexOf(r),
      buffer: runBuffers.get(r.id),
      ended: r.state === 'done' || r.state === 'diverged',
      diverged: r.state === 'diverged',
    };
  });
}
