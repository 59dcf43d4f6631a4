/**
 * The colormap legend, compact: one line with what is coloured and a horizontal gradient
 * bar between its end values, and a toggle that unfolds the key to the other marks on the
 * surface. Folded or not is a reading choice remembered in the view store (not the URL);
 * until the user chooses, the layout decides (`defaultOpen`).
 */
import { useId, useMemo } from 'react';
import { useConfig, useSurface, useView } from '../state/react';
import { startPickable } from '../state/startPoint';
import { setView } from '../state/viewStore';
import { cssGradient } from './colormap';
import { colorScale } from './surfaceFrame';

export function Legend({ defaultOpen }: { defaultOpen: boolean }) {
  const data = useSurface((s) => s.data);
  const mode = useView((v) => v.surface);
  const top = useView((v) => v.camera === 'top');
  const chosen = useView((v) => v.legendOpen);
  const pickable = useConfig((c) => startPickable(c.base));
  const keyId = useId();
  const scale = useMemo(() => (data ? colorScale(data, mode) : null), [data, mode]);
  if (!data || !scale) return null;
  const open = chosen ?? defaultOpen;
  const gradient = cssGradient(scale.table, 'to right');
  const tip = scale.diverging
    ? 'Generalization gap: test loss minus train loss at each point. Orange: the point does worse on test data; blue: better; white: no gap.'
    : `${scale.title} at each point (viridis colormap). The top of the scale is the 98th percentile; higher walls share its colour.`;
  return (
    <div className="scene-legend" data-testid="scene-legend" data-open={open}>
      <div
        className="scene-legend-row scene-tip"
        tabIndex={0}
        role="group"
        aria-label={`${scale.title}, from ${fmt(scale.lo, scale.diverging)} to ${fmt(scale.hi, scale.diverging)}. ${tip}`}
        data-tip={tip}
      >
        <span className="scene-legend-title">{scale.title}</span>
        <span className="scene-legend-end">{fmt(scale.lo, scale.diverging)}</span>
        <span className="scene-legend-bar" style={{ background: gradient }} aria-hidden="true" />
        <span className="scene-legend-end">{fmt(scale.hi, scale.diverging)}</span>
      </div>
      <button
        type="button"
        className="scene-legend-toggle"
        aria-expanded={open}
        aria-controls={keyId}
        title={
          open
            ? 'Hide the key to the marks on the surface'
            : 'Show the key to the marks on the surface'
        }
        data-testid="legend-toggle"
        onClick={() => setView({ legendOpen: !open })}
      >
        Key {open ? '▾' : '▸'}
      </button>
      <ul className="scene-legend-key" id={keyId} hidden={!open}>
        {mode === 'both' && <li>{top ? 'White contours: test surface' : 'Net: test surface'}</li>}
        {data.basins.length > 0 && <li>Ellipse: curvature (axes ∝ 1/√λ)</li>}
        <li>
          <span className="scene-key-ring" aria-hidden="true" /> start
          {pickable && ' (click or tap to move)'}
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
