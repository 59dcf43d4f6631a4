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
      <button
        type="button"
        onClick={png}
        title="Save the figure as it looks now as a PNG image: the caption, the scene (every panel side by side), the run key, minima labels and colour legend"
      >
        PNG
      </button>
      <button
        type="button"
        onClick={exportCsv}
        title="Download one CSV: per run and recorded step, the epoch, learning rate, batch size, minibatch loss and position, and the full-split metrics where they were measured"
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
