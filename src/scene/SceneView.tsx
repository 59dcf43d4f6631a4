/**
 * The centre stage: the loss landscape with the runs on it, either all overlaid in one
 * canvas or (layout 'side') one equal pane per run in the grid that fits best, plus the
 * HTML over it: the view toolbar, the run key / results, the legend and the start hint.
 * The legend and hint share a footer row, so they never cover each other; side by side,
 * toolbar and footer sit outside the panes. `compact` (phones, the embedded figure) folds
 * the view controls into a menu and shortens the run key.
 */
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { useRuns, useView } from '../state/react';
import { NoWebglNotice } from './flat/NoWebglNotice';
import { LandscapeCanvas } from './LandscapeCanvas';
import { Legend } from './Legend';
import { RunResults } from './RunResults';
import { SceneDescription } from './SceneDescription';
import { PreviewNote, SceneToolbar, StartHint, SurfaceStatus } from './SceneOverlay';
import { SliceNote } from './SliceNote';
import { sideColumns } from './sideGrid';
import { useInsets } from './useInsets';
import { useSceneTheme } from './useSceneTheme';
import './scene.css';

interface PaneRun {
  id: string;
  label: string;
  color: string;
}

const SEP = '\u0001';
const NOTHING = { current: null };

export interface SceneViewProps {
  compact?: boolean;
  /** Extra toolbar buttons (the figure's replay). */
  actions?: ReactNode;
  /** The run key turns into a result table when the runs end (off where readouts follow). */
  results?: boolean;
}

export function SceneView({ compact = false, actions, results = true }: SceneViewProps) {
  const layout = useView((v) => v.layout);
  const theme = useSceneTheme();
  const descId = useId();
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
  const sceneRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const footerRef = useRef<HTMLDivElement>(null);
  const insets = useInsets(sceneRef, topRef, footerRef);
  const classes = ['scene', side && 'is-side', compact && 'is-compact'].filter(Boolean).join(' ');

  return (
    <div
      ref={sceneRef}
      className={classes}
      data-testid="scene"
      role="figure"
      aria-label="Loss landscape"
      aria-describedby={descId}
    >
      <div className="scene-top" ref={topRef}>
        <SceneToolbar compact={compact} actions={actions} />
        {!side && <RunResults results={results} />}
      </div>
      {side ? (
        <SideGrid panes={panes} theme={theme} describedBy={descId} />
      ) : (
        <LandscapeCanvas theme={theme} describedBy={descId} insets={insets} />
      )}
      <SurfaceStatus />
      <div className="scene-footer" ref={footerRef}>
        <Legend defaultOpen={!compact && !side} />
        <PreviewNote />
        <SliceNote />
        <NoWebglNotice />
        <StartHint />
      </div>
      <SceneDescription id={descId} />
    </div>
  );
}

function SideGrid({
  panes,
  theme,
  describedBy,
}: {
  panes: PaneRun[];
  theme: ReturnType<typeof useSceneTheme>;
  describedBy: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<[number, number]>([0, 0]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize([el.clientWidth, el.clientHeight]));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const cols = sideColumns(panes.length, size[0], size[1]);
  const rows = Math.ceil(panes.length / cols);
  return (
    <div
      ref={box}
      className="scene-side"
      data-cols={cols}
      style={{ '--cols': cols, '--rows': rows } as CSSProperties}
    >
      {panes.map((p) => (
        <SidePane key={p.id} run={p} theme={theme} describedBy={describedBy} />
      ))}
    </div>
  );
}

function SidePane({
  run,
  theme,
  describedBy,
}: {
  run: PaneRun;
  theme: ReturnType<typeof useSceneTheme>;
  describedBy: string;
}) {
  const runIds = useMemo(() => [run.id], [run.id]);
  const paneRef = useRef<HTMLElement>(null);
  const labelRef = useRef<HTMLDivElement>(null);
  const insets = useInsets(paneRef, labelRef, NOTHING);
  return (
    <section
      ref={paneRef}
      className="scene-pane"
      aria-label={`Run ${run.label}`}
      data-testid={`scene-pane-${run.id}`}
    >
      <div
        ref={labelRef}
        className="scene-pane-label"
        style={{ '--run-color': run.color } as CSSProperties}
      >
        {run.label}
      </div>
      <LandscapeCanvas theme={theme} runIds={runIds} describedBy={describedBy} insets={insets} />
    </section>
  );
}
