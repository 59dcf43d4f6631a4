/**
 * Export buttons under the charts. Marked "secondary" so presenter mode hides them. The
 * export code (scene composer, serializers, download) loads on the first click, so the
 * charts — embedded ones above all — paint without it.
 */
import { useState } from 'react';
import './export.css';

const download = () => import('./download');

export function ExportMenu() {
  const [note, setNote] = useState<string | null>(null);

  const png = async () => {
    const ok = await (await download()).exportPng();
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
        onClick={() => void png()}
        title="Save the figure as it looks now as a PNG image: the caption, the scene (every panel side by side), the run key, minima labels and colour legend"
      >
        PNG
      </button>
      <button
        type="button"
        onClick={() => void download().then((d) => d.exportCsv())}
        title="Download one CSV: per run and recorded step, the epoch, learning rate, batch size, minibatch loss and position, and the full-split metrics where they were measured"
      >
        CSV
      </button>
      <button
        type="button"
        onClick={() => void download().then((d) => d.exportJson())}
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
