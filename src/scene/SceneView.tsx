/**
 * The centre stage: the loss landscape with the runs on it, either all overlaid in one
 * canvas or (layout 'side') one small canvas per run, plus the view controls and the
 * colormap legend drawn as HTML over the canvas.
 */
import { useMemo, type CSSProperties } from 'react';
import { useRuns, useView } from '../state/react';
import { NoWebglNotice } from './flat/NoWebglNotice';
import { LandscapeCanvas } from './LandscapeCanvas';
import { Legend } from './Legend';
import { RunResults } from './RunResults';
import { SceneOverlay } from './SceneOverlay';
import { SliceNote } from './SliceNote';
import { useSceneTheme } from './useSceneTheme';
import './scene.css';

interface PaneRun {
  id: string;
  label: string;
  color: string;
}

const SEP = '\u0001';

export function SceneView() {
  const layout = useView((v) => v.layout);
  const theme = useSceneTheme();
  // The runs store updates ~10×/s; select a string so panes re-render only when the
  // set of runs (or their labels/colours) actually changes.
  const key = useRuns((s) => s.runs.map((r) => [r.id, r.label, r.color].join(SEP)).join('\n'));
  const panes = useMemo<PaneRun[]>(
    () =>
      key
        ? key.split('\n').map((line) => {
            const [id, label, color] = line.split(SEP);
            return { id: id!, label: label!, color: color! };
          })
        : [],
    [key],
  );
  const side = layout === 'side' && panes.length > 1;

  return (
    <div className={side ? 'scene is-side' : 'scene'} data-testid="scene">
      {side ? (
        <div className={`scene-side scene-side-${Math.min(panes.length, 4)}`}>
          {panes.map((p) => (
            <SidePane key={p.id} run={p} theme={theme} />
          ))}
        </div>
      ) : (
        <LandscapeCanvas theme={theme} />
      )}
      <SceneOverlay />
      <SliceNote />
      <NoWebglNotice />
      {!side && <RunResults />}
      <Legend />
    </div>
  );
}

function SidePane({ run, theme }: { run: PaneRun; theme: ReturnType<typeof useSceneTheme> }) {
  const runIds = useMemo(() => [run.id], [run.id]);
  return (
    <section
      className="scene-pane"
      aria-label={`Run ${run.label}`}
      data-testid={`scene-pane-${run.id}`}
    >
      <div className="scene-pane-label" style={{ '--run-color': run.color } as CSSProperties}>
        {run.label}
      </div>
      <LandscapeCanvas theme={theme} runIds={runIds} />
    </section>
  );
}
