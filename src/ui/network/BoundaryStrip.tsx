/**
 * The network lab's decision boundaries, one panel per run side by side, redrawn as the
 * worker sends new grids (a few times a second per run). Each panel says which points are
 * which and the run's latest train/test accuracy.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import { netStore } from '../../state/netStore';
import { useRuns, useView } from '../../state/react';
import type { RunView } from '../../state/runsStore';
import { formatNumber } from '../format';
import { CLASS_COLORS, drawBoundary } from './drawBoundary';
import './network.css';

const SEP = '\u0001';

export function BoundaryStrip() {
  const key = useRuns((s) => s.runs.map((r) => [r.id, r.label, r.color].join(SEP)).join('\n'));
  const runs = key ? key.split('\n').map((l) => l.split(SEP) as [string, string, string]) : [];
  return (
    <section className="boundary-strip" aria-label="Decision boundaries" data-testid="boundaries">
      {runs.map(([id, label, color]) => (
        <BoundaryPanel key={id} id={id} label={label} color={color} />
      ))}
      <p className="boundary-key">
        <span style={{ color: rgb(CLASS_COLORS[0]) }}>●</span>
        <span style={{ color: rgb(CLASS_COLORS[1]) }}>●</span> train (by train label; white ring:
        flipped by label noise) · <span className="boundary-ring">○</span> test (true class) ·
        shade: predicted class, stronger = surer (inference mode)
      </p>
    </section>
  );
}

const rgb = (c: readonly number[]) => `rgb(${c.join(',')})`;

function BoundaryPanel({ id, label, color }: { id: string; label: string; color: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useView((v) => v.theme);
  const run = useRuns((s) => s.runs.find((r) => r.id === id));
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const bg: [number, number, number] = theme === 'dark' ? [24, 26, 31] : [255, 255, 255];
    const draw = () => {
      const { data, boundary } = netStore.getState();
      const d = data[id];
      const w = el.clientWidth;
      const h = el.clientHeight;
      if (!d || w === 0 || h === 0) return;
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      if (el.width !== Math.round(w * dpr)) el.width = Math.round(w * dpr);
      if (el.height !== Math.round(h * dpr)) el.height = Math.round(h * dpr);
      const ctx = el.getContext('2d')!;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawBoundary(ctx, w, h, d, boundary[id], bg);
      el.dataset.step = String(boundary[id]?.step ?? -1);
    };
    draw();
    const unsub = netStore.subscribe((s, prev) => {
      if (s.boundary[id] !== prev.boundary[id] || s.data[id] !== prev.data[id]) draw();
    });
    const ro = new ResizeObserver(draw);
    ro.observe(el);
    return () => {
      unsub();
      ro.disconnect();
    };
  }, [id, theme]);
  return (
    <figure className="boundary-panel" style={{ '--run-color': color } as CSSProperties}>
      <figcaption>
        <span className="boundary-label">{label}</span>
        <Accuracy run={run} />
      </figcaption>
      <canvas
        ref={canvas}
        className="boundary-canvas"
        data-testid={`boundary-${id}`}
        role="img"
        aria-label={`Decision boundary of ${label} with train and test points`}
      />
    </figure>
  );
}

function Accuracy({ run }: { run: RunView | undefined }) {
  const m = run?.last;
  if (!m || m.testAccuracy === null) return null;
  return (
    <span
      className="boundary-acc"
      title="Fractions of each split classified correctly, at the last measurement"
    >
      train {formatNumber(m.trainAccuracy)} · test {formatNumber(m.testAccuracy)}
    </span>
  );
}
