/**
 * The scene's text description (describe.ts), kept in a visually hidden paragraph that
 * the scene points to with aria-describedby. It is rebuilt at human speed — every two
 * seconds and when the set of runs, their states or the view change — never per frame,
 * reading run positions from the non-reactive buffers.
 */
import { useEffect, useState } from 'react';
import { PRESETS } from '../engine/presets';
import { runBuffers } from '../state/buffers';
import { configStore } from '../state/configStore';
import { RUN_COLOR_NAMES } from '../state/palette';
import { useRuns, useSurface, useView } from '../state/react';
import { runsStore } from '../state/runsStore';
import { surfaceStore } from '../state/surfaceStore';
import { viewStore } from '../state/viewStore';
import { describeScene } from './describe';

const REFRESH_MS = 2000;

function currentDescription(): string {
  const { base } = configStore.getState();
  const view = viewStore.getState();
  const data = surfaceStore.getState().data;
  return describeScene({
    title: PRESETS[base.preset].title,
    surface: view.surface,
    camera: view.camera,
    layout: view.layout,
    box: data?.box ?? null,
    basins: data?.basins ?? [],
    slice: base.landscape.dim !== 2,
    start: base.start,
    runs: runsStore.getState().runs.map((r) => ({
      label: r.label,
      colorName: RUN_COLOR_NAMES[r.color.toUpperCase()] ?? r.color,
      state: r.state,
      divergedAt: r.divergedAt,
      error: r.error,
      head: runBuffers.get(r.id)?.head() ?? null,
      last: r.last,
    })),
  });
}

export function SceneDescription({ id }: { id: string }) {
  const [text, setText] = useState(currentDescription);
  // What changes the description's shape right away; positions wait for the timer.
  const states = useRuns((s) => s.runs.map((r) => `${r.id}:${r.state}`).join(' '));
  const version = useSurface((s) => s.version);
  const camera = useView((v) => v.camera);
  const surface = useView((v) => v.surface);
  const layout = useView((v) => v.layout);
  useEffect(() => {
    const update = () => setText(currentDescription());
    update();
    const timer = window.setInterval(update, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [states, version, camera, surface, layout]);
  return (
    <p id={id} className="visually-hidden" data-testid="scene-description">
      {text}
    </p>
  );
}
