/**
 * The frame every science view shares: title and one-line intro, the parameter bar
 * with Run / Cancel and progress, the plain-language result caption, the view's
 * figures, and PNG / CSV / JSON export. `data-status` mirrors the ensemble's state so
 * tests (and embeds) can wait for "done". The export code loads on the first click.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ScienceView } from '../../state/viewParams';
import { Notices } from '../Notices';
import { loadUplot } from './charts/StatChart';
import { ParamBar, type FieldDef } from './ParamBar';
import { RunProgress } from './RunProgress';
import type { Experiment } from './useExperiment';
import './views.css';

/** The export code, on demand: a view (embedded or not) paints without it. */
const exportCode = () => import('./exportView');

export interface ViewExports {
  csv(): string;
  /** The spec and aggregated results, as JSON-ready data. */
  data(): { spec: unknown; results: unknown };
}

export function ViewShell({
  view,
  title,
  intro,
  fields,
  exp,
  caption,
  exports,
  alone,
  extraControls,
  children,
}: {
  view: ScienceView;
  title: string;
  intro: ReactNode;
  fields: readonly FieldDef[];
  exp: Experiment<unknown>;
  /** The result in words, once there is one. */
  caption: string | null;
  exports: ViewExports | null;
  alone?: boolean;
  extraControls?: ReactNode;
  children: ReactNode;
}) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState<string | null>(null);
  const { state } = exp;
  // The charts' library loads while the ensemble computes (StatChart), not before paint.
  useEffect(() => void loadUplot(), []);
  const running = state.status === 'running';
  const shownCaption =
    exp.refused ??
    caption ??
    (running
      ? 'Running the ensemble on the worker pool…'
      : state.status === 'cancelled'
        ? 'Cancelled — press Run to start again.'
        : state.status === 'error'
          ? `The runs failed: ${state.error}`
          : '');

  const png = async () => {
    const { saveFiguresPng } = await exportCode();
    const ok = bodyRef.current
      ? await saveFiguresPng(bodyRef.current, `batchscape-${view}.png`)
      : false;
    setNote(ok ? null : 'Nothing to save yet.');
  };
  const csv = async () => {
    if (!exports) return;
    const text = exports.csv();
    (await exportCode()).saveText(text, `batchscape-${view}.csv`, 'text/csv');
  };
  const json = async () => {
    if (!exports) return;
    const d = exports.data();
    const { exportDocument, saveText } = await exportCode();
    const doc = exportDocument(view, d.spec, d.results);
    saveText(JSON.stringify(doc, null, 1), `batchscape-${view}.json`, 'application/json');
  };

  return (
    <section
      className="view"
      data-testid={`view-${view}`}
      data-status={state.status}
      aria-label={title}
    >
      <header className="view-head">
        <h2>{title}</h2>
        <p className="view-intro">{intro}</p>
      </header>
      {alone && <Notices />}
      <div className="view-controls">
        <ParamBar
          view={view}
          fields={fields}
          running={running}
          onRun={exp.rerun}
          onCancel={exp.cancel}
        />
        {extraControls}
        <RunProgress view={view} state={state} />
      </div>
      <p className="view-caption" data-testid={`caption-${view}`} aria-live="polite">
        {shownCaption}
      </p>
      <div className="view-body" ref={bodyRef}>
        {children}
      </div>
      <div className="secondary export-menu view-export" role="group" aria-label="Export">
        <span className="export-label">Export</span>
        <button
          type="button"
          onClick={() => void png()}
          title="Save this view's charts and maps as one PNG image"
        >
          PNG
        </button>
        <button
          type="button"
          disabled={!exports}
          onClick={() => void csv()}
          title="Download the aggregated results (one row per cell) as CSV"
        >
          CSV
        </button>
        <button
          type="button"
          disabled={!exports}
          onClick={() => void json()}
          title="Download what was run (the spec) and the aggregated results as JSON"
        >
          JSON
        </button>
        {note && (
          <span className="export-note" role="status">
            {note}
          </span>
        )}
      </div>
    </section>
  );
}
