/**
 * A step's content, shared by the app's tour dock and an embedded step: the title, prose
 * and formulas, and "what the figure shows" — the step's live sentence from the figure's
 * own numbers, or what it is waiting for. The two panels differ only in what surrounds it
 * (navigation and reset in the app, a link to the app in an embed).
 */
import type { ReactNode } from 'react';
import { progressText } from '../live/runs';
import type { WalkthroughStep } from '../types';
import { MathBlock } from './MathBlock';
import { useLiveContext } from './useLiveContext';

export function StepText({ step, index }: { step: WalkthroughStep; index: number }) {
  return (
    <div className="tour-text">
      <h2 className="tour-title" data-testid="tour-title">
        <span className="tour-step-no">{index + 1}.</span> {step.title}
      </h2>
      {step.prose.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {step.math?.map((tex) => (
        <MathBlock key={tex} tex={tex} />
      ))}
    </div>
  );
}

/**
 * The live sentence, or what it waits for. `unavailable` replaces both when the figure
 * beside the panel cannot show this step's numbers (an embed of another figure): saying
 * "running" there would be false.
 */
export function StepLive({
  step,
  unavailable,
  tryThis = true,
  children,
}: {
  step: WalkthroughStep;
  unavailable?: ReactNode;
  /** The "try this" prompt names the full app's controls: an embed leaves it out. */
  tryThis?: boolean;
  children?: ReactNode;
}) {
  const ctx = useLiveContext();
  const live = unavailable ? null : step.live(ctx);
  const waiting =
    step.setup.tab === 'explorer'
      ? progressText(ctx)
      : 'The ensemble is running (see its progress above the figure); the numbers appear here when it ends.';
  return (
    <div className="tour-side">
      <p className="tour-live-label">What the figure shows</p>
      <p
        className="tour-live"
        data-testid="tour-live"
        data-ready={live !== null ? 'true' : 'false'}
        aria-live="polite"
      >
        {unavailable ?? live ?? waiting}
      </p>
      {tryThis && step.tryThis && (
        <p className="tour-try">
          <strong>Try this:</strong> {step.tryThis}
        </p>
      )}
      {children}
    </div>
  );
}
