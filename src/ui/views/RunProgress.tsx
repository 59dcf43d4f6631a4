/** Progress of a view's ensemble: a bar, runs done of total, elapsed time and an estimate. */
import type { ExperimentState } from '../../state/ensembleStore';
import { formatDuration } from './viewFormat';

export function RunProgress({ view, state }: { view: string; state: ExperimentState }) {
  const { done, total, etaMs, elapsedMs } = state.progress;
  const running = state.status === 'running';
  let text: string;
  if (running)
    text = `${done} / ${total} runs · ${etaMs === null ? 'estimating time…' : `about ${formatDuration(etaMs)} left`}`;
  else if (state.status === 'done') text = `${total} runs in ${formatDuration(elapsedMs)}`;
  else if (state.status === 'cancelled') text = `Cancelled after ${done} of ${total} runs`;
  else if (state.status === 'error') text = `Failed: ${state.error ?? 'unknown error'}`;
  else text = 'Not run yet';
  return (
    <div
      className={`run-progress is-${state.status}`}
      data-testid={`progress-${view}`}
      data-done={done}
      data-total={total}
      role="status"
      aria-live="polite"
    >
      <progress
        max={Math.max(1, total)}
        value={state.status === 'done' ? Math.max(1, total) : done}
        aria-label="Runs done"
      />
      <span className="run-progress-text">{text}</span>
    </div>
  );
}
