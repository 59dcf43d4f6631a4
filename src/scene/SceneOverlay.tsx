/**
 * HTML over the scene: the view toolbar (camera mode, reset, which surface is shown,
 * height exaggeration, overlay/side-by-side), the "computing" status and the start-point
 * hint. Plain form controls, so they are labelled and keyboard operable for free. A
 * compact scene (a phone, an embedded figure) folds the view controls into one "View"
 * menu so they do not cover the surface; `actions` (e.g. a replay button) stay outside.
 */
import { useId, type ReactNode } from 'react';
import { useConfig, useRuns, useSurface, useView } from '../state/react';
import { startPickable } from '../state/startPoint';
import { setView, viewStore, type SurfaceMode } from '../state/viewStore';
import { useWebgl } from './webgl';

const SURFACE_OPTIONS: { value: SurfaceMode; label: string; tip: string }[] = [
  { value: 'train', label: 'Train', tip: 'The training loss surface: what the optimizer sees.' },
  {
    value: 'test',
    label: 'Test',
    tip: 'The test loss surface: the same landscape, smoothed and shifted by δ.',
  },
  {
    value: 'both',
    label: 'Both',
    tip: 'Train surface, with the test surface as a net on top: the shift δ is visible.',
  },
  {
    value: 'gap',
    label: 'Gap',
    tip: 'Train surface coloured by the generalization gap, test − train.',
  },
];

export function SceneToolbar({ compact, actions }: { compact: boolean; actions?: ReactNode }) {
  const controls = <ViewControls />;
  return (
    <div className="scene-toolbar" role="toolbar" aria-label="View">
      {actions}
      {compact ? (
        <details className="scene-view-menu" data-testid="scene-view-menu">
          <summary title="Camera, surface, height and layout">View</summary>
          <div className="scene-view-menu-body">{controls}</div>
        </details>
      ) : (
        controls
      )}
    </div>
  );
}

function ViewControls() {
  const camera = useView((v) => v.camera);
  const surface = useView((v) => v.surface);
  const exaggeration = useView((v) => v.exaggeration);
  const layout = useView((v) => v.layout);
  const runCount = useRuns((s) => s.runs.length);
  const surfaceId = useId();
  const heightId = useId();
  const top = camera === 'top';
  // Without WebGL the map is always flat: camera and height controls would do nothing.
  const webgl = useWebgl();
  return (
    <>
      {webgl && (
        <>
          <div className="scene-segmented" role="group" aria-label="Camera">
            <button
              type="button"
              aria-pressed={!top}
              title="Orbit the surface in 3-D (drag to rotate, scroll to zoom)"
              onClick={() => setView({ camera: '3d' })}
            >
              3-D
            </button>
            <button
              type="button"
              aria-pressed={top}
              title="Look straight down: a contour map of the surface"
              onClick={() => setView({ camera: 'top' })}
            >
              Top
            </button>
          </div>
          <button
            type="button"
            title="Put the camera back where it started"
            onClick={() => setView({ cameraResets: viewStore.getState().cameraResets + 1 })}
          >
            Reset camera
          </button>
        </>
      )}
      <label
        className="scene-field"
        htmlFor={surfaceId}
        title="Which loss surface is drawn, and what its colour means"
      >
        Surface
        <select
          id={surfaceId}
          data-testid="surface-select"
          value={surface}
          onChange={(e) => setView({ surface: e.target.value as SurfaceMode })}
        >
          {SURFACE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value} title={o.tip}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label
        className="scene-field"
        htmlFor={heightId}
        title="Stretch the surface vertically to make small differences visible (3-D only)"
      >
        Height ×{exaggeration.toFixed(1)}
        <input
          id={heightId}
          type="range"
          min={0.2}
          max={3}
          step={0.1}
          value={exaggeration}
          disabled={top}
          data-testid="scene-exaggeration"
          onChange={(e) => setView({ exaggeration: Number(e.target.value) })}
        />
      </label>
      {runCount > 1 && (
        <button
          type="button"
          aria-pressed={layout === 'side'}
          title="Show each run in its own small view instead of overlaid"
          onClick={() => setView({ layout: layout === 'side' ? 'overlay' : 'side' })}
        >
          Side by side
        </button>
      )}
    </>
  );
}

/** "Computing…" in the middle of the scene until a surface is drawn. */
export function SurfaceStatus() {
  const empty = useSurface((s) => s.loading && !s.data);
  if (!empty) return null;
  return (
    <div className="scene-status" role="status" data-testid="scene-status">
      Computing the surface…
    </div>
  );
}

/** While a coarse first surface stands in for the full one (in the footer, beside the legend). */
export function PreviewNote() {
  const preview = useSurface((s) => s.preview);
  const loading = useSurface((s) => s.loading);
  if (!preview) return null;
  return (
    <div className="scene-preview-note" role="status" data-testid="scene-preview-note">
      {loading
        ? 'Coarse preview: computing the full surface…'
        : 'Coarse preview only: the full surface did not finish'}
    </div>
  );
}

/**
 * How to choose a start point, for mouse, touch and keyboard (CSS shows the line that
 * fits: touch screens get "tap", and a scene in cursor mode gets its keys).
 */
export function StartHint() {
  const pickable = useConfig((c) => startPickable(c.base));
  if (!pickable) return null;
  return (
    <div className="scene-hint" data-testid="scene-hint">
      <span className="scene-hint-pointer">Click the surface to choose a start point</span>
      <span className="scene-hint-touch">Tap the surface to choose a start point</span>
      <span className="scene-hint-keys">Arrows move · Enter sets the start · Esc leaves</span>
    </div>
  );
}
