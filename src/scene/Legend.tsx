/**
 * The colormap legend (bottom-left of the scene): what is coloured, a vertical gradient
 * bar with its value range, and a key to the other marks drawn on the surface.
 */
import { useMemo } from 'react';
import { useSurface, useView } from '../state/react';
import { cssGradient } from './colormap';
import { colorScale } from './surfaceFrame';

export function Legend() {
  const data = useSurface((s) => s.data);
  const mode = useView((v) => v.surface);
  const top = useView((v) => v.camera === 'top');
  const scale = useMemo(() => (data ? colorScale(data, mode) : null), [data, mode]);
  if (!data || !scale) return null;
  const gradient = cssGradient(scale.table, 'to top');
  const mid = 0.5 * (scale.lo + scale.hi);
  const tip = scale.diverging
    ? 'Generalization gap: test loss minus train loss at each point. Orange: the point does worse on test data; blue: better; white: no gap.'
    : `${scale.title} at each point (viridis colormap). The top of the scale is the 98th percentile; higher walls share its colour.`;
  return (
    <div
      className="scene-legend scene-tip"
      role="group"
      tabIndex={0}
      aria-label={`${scale.title}. ${tip}`}
      data-tip={tip}
      data-testid="scene-legend"
    >
      <div className="scene-legend-title">{scale.title}</div>
      <div className="scene-legend-body">
        <div className="scene-legend-bar" style={{ background: gradient }} />
        <div className="scene-legend-ticks">
          <span>{fmt(scale.hi, scale.diverging)}</span>
          <span>{fmt(mid, scale.diverging)}</span>
          <span>{fmt(scale.lo, scale.diverging)}</span>
        </div>
      </div>
      <ul className="scene-legend-key">
        {mode === 'both' && <li>{top ? 'White contours: test surface' : 'Net: test surface'}</li>}
        {data.basins.length > 0 && <li>Ellipse: curvature (axes ∝ 1/√λ)</li>}
        <li>
          <span className="scene-key-ring" aria-hidden="true" /> start
        </li>
      </ul>
    </div>
  );
}

function fmt(v: number, signed: boolean): string {
  const a = Math.abs(v);
  const s = a !== 0 && (a >= 1e4 || a < 1e-3) ? v.toExponential(1) : v.toPrecision(3);
  return signed && v > 0 ? `+${s}` : s;
}
