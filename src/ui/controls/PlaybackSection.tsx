/**
 * Play / pause / step / reset and speed. These are commands, not settings, so they go
 * to the Controller; what they show (playing, speed) is read back from the runs store.
 */
import { useId } from 'react';
import { useRuns } from '../../state/react';
import { useController } from '../controllerContext';
import { PlayButton } from './PlayButton';
import { TIPS } from './tips';

/** "max" is Infinity: the worker then runs as fast as it can. */
const SPEEDS: readonly { value: string; multiplier: number }[] = [
  { value: '0.25', multiplier: 0.25 },
  { value: '0.5', multiplier: 0.5 },
  { value: '1', multiplier: 1 },
  { value: '2', multiplier: 2 },
  { value: '4', multiplier: 4 },
  { value: 'max', multiplier: Infinity },
];

export function PlaybackSection() {
  const controller = useController();
  const speed = useRuns((r) => r.speed);
  const speedId = useId();
  const speedValue = SPEEDS.find((s) => s.multiplier === speed)?.value ?? '1';
  return (
    <section className="controls-playback" aria-label="Playback">
      <div className="playback-buttons">
        <PlayButton className="play-button" testId="play-button" />
        <button
          type="button"
          data-testid="step-button"
          title={TIPS.step}
          onClick={() => controller.step(1)}
        >
          Step
        </button>
        <button
          type="button"
          data-testid="reset-button"
          title={TIPS.reset}
          onClick={() => controller.reset()}
        >
          Reset
        </button>
      </div>
      <div className="field field-inline" title={TIPS.speed}>
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          data-testid="speed-select"
          value={speedValue}
          title={TIPS.speed}
          onChange={(e) =>
            controller.setSpeed(SPEEDS.find((s) => s.value === e.target.value)?.multiplier ?? 1)
          }
        >
          {SPEEDS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.value === 'max' ? 'max' : `${s.value}×`}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
