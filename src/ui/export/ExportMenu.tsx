/**
 * Export buttons under the charts. Marked "secondary" so presenter mode hides them.
 */
import { useState } from 'react';
import { exportCsv, exportJson, exportPng } from './download';
import './export.css';

export function ExportMenu() {
  const [note, setNote] = useState<string | null>(null);

  const png = async () => {
    const ok = await exportPng();
    setNote(ok ? null : 'No scene to save yet.');
  };

  return (
    <div
      className="secondary export-menu"
      role="group"
      aria-label="Export"
      data-testid="export-menu"
    >
      <span className="export-label">Export</span>
      <button type="button" onClick={png} title="Save the 3-D scene as it looks now as a PNG image">
        PNG
      </button>
      <button
        type="button"
        onClick={exportCsv}
        title="Download two CSV files: every recorded trajectory point, and every metric measurement, per run"
      >
        CSV
      </button>
      <button
        type="button"
        onClick={exportJson}
        title="Download one JSON file with each run's config, trajectory and metrics"
      >
        JSON
      </button>
      {note && (
        <span className="export-note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
