/**
 * Saving exports from the browser: gathers the current runs (engine config + buffers),
 * builds the text with serialize.ts and hands it to the browser as a download.
 */
import { runBuffers } from '../../state/buffers';
import { configStore, runSpecs } from '../../state/configStore';
import { engineConfig } from '../../state/engineConfig';
import { composeScene } from './sceneImage';
import { exportJson as buildJson, runsCsv, type ExportRun } from './serialize';

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
 * The scene as it looks now, as a PNG: caption, every canvas and the figure's overlays
 * (sceneImage.ts). The renderers keep their drawing buffers (preserveDrawingBuffer), so
 * the canvases hold their last frames. Resolves false when there is no scene to save.
 */
export async function exportPng(): Promise<boolean> {
  const scene = document.querySelector<HTMLElement>('[data-testid="scene"]');
  if (!scene) return false;
  const canvas = await composeScene(
    scene,
    document.querySelector<HTMLElement>('[data-testid="caption"]'),
  );
  if (!canvas) return false;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return false;
  saveBlob(blob, 'batchscape-scene.png');
  return true;
}

/** One CSV: every run's trajectory points joined with its measurements (serialize.ts). */
export function exportCsv(): void {
  saveText(runsCsv(collectExportRuns()), 'batchscape-runs.csv', 'text/csv');
}

export function exportJson(): void {
  saveText(
    buildJson(collectExportRuns(), window.location.href),
    'batchscape-runs.json',
    'application/json',
  );
}
