/**
 * Play / pause, or Replay once every run has ended: one button, so the explorer's
 * playback bar, the phone layout and the embedded figure say and do the same thing.
 */
import { useRuns } from '../../state/react';
import { useController } from '../controllerContext';
import { TIPS } from './tips';

export function PlayButton({ className, testId }: { className: string; testId: string }) {
  const controller = useController();
  const playing = useRuns((r) => r.playing);
  const ended = useRuns(
    (r) => r.runs.length > 0 && r.runs.every((x) => x.state === 'done' || x.state === 'diverged'),
  );
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      data-state={ended ? 'ended' : playing ? 'playing' : 'paused'}
      title={TIPS.play}
      onClick={() => controller.toggle()}
    >
      {ended ? 'Replay' : playing ? 'Pause' : 'Play'}
    </button>
  );
}
