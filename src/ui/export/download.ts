/**
 * Saving exports from the browser: gathers the current runs (engine config + buffers),
 * builds the text with serialize.ts and hands it to the browser as a download.
 */
import { runBuffers } from '../../state/buffers';
import { configStore, runSpecs } from '../../state/configStore';
import { engineConfig } from '../../state/controller';
import { exportJson as buildJson, metricsCsv, trajectoryCsv, type ExportRun } from './serialize';

/** The runs as the engine ran them: the config the controller sent, and what came back. */
export function collectExportRuns(): ExportRun[] {
  return runSpecs(configStore.getState()).map((spec) => ({
    id: spec.id,
    label: spec.label,
    config: engineConfig(spec),
    buffer: runBuffers.get(spec.id) ?? null,
  }));
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; give it time.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function saveText(text: string, filename: string, type: string): void {
  saveBlob(new Blob([text], { type }), filename);
}

/**
 * The scene canvas as PNG. The renderer keeps its drawing buffer (preserveDrawingBuffer),
 * so toBlob sees the last frame rather than a cleared one. Resolves false when there
 * is no scene to save.
 */
export async function exportPng(): Promise<boolean> {
  const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="scene"] canvas');
  if (!canvas) return false;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return false;
  saveBlob(blob, 'batchscape-scene.png');
  return true;
}

/** Two files: trajectory points, and full-split metrics. */
export function exportCsv(): void {
  const runs = collectExportRuns();
  saveText(trajectoryCsv(runs), 'batchscape-trajectories.csv', 'text/csv');
  saveText(metricsCsv(runs), 'batchscape-metrics.csv', 'text/csv');
}

export function exportJson(): void {
  saveText(
    buildJson(collectExportRuns(), window.location.href),
    'batchscape-runs.json',
    'application/json',
  );
}
