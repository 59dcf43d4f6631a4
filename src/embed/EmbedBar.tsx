/**
 * The embed's own small bar (controls=play or full): Play/Pause, Reset, what the figure is
 * doing (including "waiting until on screen", so a paused embed never looks broken), and
 * a link to the same experiment in the full app.
 */
import { useStore } from 'zustand';
import { useEnsemble, useRuns } from '../state/react';
import type { ScienceView } from '../state/viewParams';
import type { EmbedActions } from './handler';
import { embedStore } from './embedStore';

const EMBED_KEYS = ['embed', 'controls', 'autoplay', 'origins', 'theme'];

function fullAppHref(): string {
  const q = new URLSearchParams(window.location.search);
  for (const k of EMBED_KEYS) q.delete(k);
  const s = q.toString();
  return `${window.location.pathname}${s ? `?${s}` : ''}`;
}

export function EmbedBar({
  actions,
  science,
}: {
  actions: EmbedActions;
  science: ScienceView | null;
}) {
  const { wanted, visible } = useStore(embedStore);
  const runsEnded = useRuns(
    (s) => s.runs.length > 0 && s.runs.every((r) => r.state === 'done' || r.state === 'diverged'),
  );
  const ensembleStatus = useEnsemble((s) => (science ? s[science].status : null));
  const finished = science ? ensembleStatus === 'done' : runsEnded;
  const status = finished
    ? 'Finished'
    : !wanted
      ? 'Paused'
      : visible
        ? 'Running'
        : 'Waiting until on screen';
  return (
    <div className="embed-bar" role="toolbar" aria-label="Figure playback">
      <button
        type="button"
        className="embed-play"
        onClick={wanted && !finished ? actions.pause : actions.play}
        title={wanted && !finished ? 'Pause the runs' : 'Run (a finished figure runs again)'}
      >
        {wanted && !finished ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={actions.reset} title="Start the runs again from the beginning">
        Reset
      </button>
      <span className="embed-status" data-testid="embed-status" role="status">
        {status}
      </span>
      <a className="embed-open" href={fullAppHref()} target="_blank" rel="noopener">
        Open in batchscape ↗
      </a>
    </div>
  );
}
