/**
 * The tour's panel, docked under the app: the step's title, prose and formulas, what the
 * figure shows now (from its numbers), an invitation to try something, and navigation —
 * previous / next, one dot per step, ← → (shortcuts.ts), a link to this step, and
 * "Reset this step" once the reader has changed a control. The reader keeps every control
 * inside any step; the panel can fold down to its navigation bar.
 */
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useConfig, useView, useViewParams } from '../../state/react';
import { currentSignature } from '../tourLink';
import { closeTour, goToStep, tourStore } from '../tourStore';
import { openWalkthrough } from '../tourPlayer';
import { StepLive, StepText } from './StepBody';
import { useHighlights } from './useHighlights';
import './tour.css';

export function TourPanel() {
  const index = useStore(tourStore, (s) => s.index);
  const appliedKey = useStore(tourStore, (s) => s.appliedKey);
  const tour = openWalkthrough();
  const step = tour?.steps[index];
  const [folded, setFolded] = useState(false);

  // Re-read the signature whenever anything it covers changes.
  const base = useConfig((c) => c.base);
  const compare = useConfig((c) => c.compare);
  const viewParams = useViewParams((s) => s);
  const camera = useView((v) => v.camera);
  const surface = useView((v) => v.surface);
  const touched = useMemo(
    () => appliedKey !== currentSignature(),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the deps are what the signature reads
    [appliedKey, base, compare, viewParams, camera, surface],
  );
  useHighlights(step?.highlights ?? []);

  if (!tour || !step) return null;
  const total = tour.steps.length;

  return (
    <section
      className={`tour-panel ${folded ? 'is-folded' : ''}`}
      aria-label={`Guided tour: ${tour.title}`}
      data-testid="tour-panel"
      data-step={step.id}
    >
      <nav className="tour-nav" aria-label="Tour steps">
        <button
          type="button"
          onClick={() => goToStep(index - 1)}
          disabled={index === 0}
          data-testid="tour-prev"
          title="Previous step (←)"
        >
          ← Previous
        </button>
        <ol className="tour-dots">
          {tour.steps.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className={`tour-dot ${i === index ? 'is-current' : ''} ${i < index ? 'is-done' : ''}`}
                aria-current={i === index ? 'step' : undefined}
                aria-label={`Step ${i + 1}: ${s.title}`}
                title={`${i + 1}. ${s.title}`}
                data-testid={`tour-dot-${s.id}`}
                onClick={() => goToStep(i)}
              />
            </li>
          ))}
        </ol>
        <span className="tour-count" data-testid="tour-count">
          {index + 1} / {total}
        </span>
        <button
          type="button"
          onClick={() => goToStep(index + 1)}
          disabled={index === total - 1}
          data-testid="tour-next"
          title="Next step (→)"
          className="tour-next"
        >
          Next →
        </button>
        <button
          type="button"
          className="tour-icon"
          onClick={() => setFolded(!folded)}
          aria-expanded={!folded}
          title={folded ? 'Show the step’s text' : 'Fold the text away (navigation stays)'}
        >
          {folded ? '▴' : '▾'}
        </button>
        <button
          type="button"
          className="tour-icon"
          onClick={closeTour}
          aria-label="Close the tour"
          title="Close the tour (the experiment stays as it is)"
          data-testid="tour-close"
        >
          ×
        </button>
      </nav>
      {!folded && (
        <div className="tour-body">
          <StepText step={step} index={index} />
          <StepLive step={step}>
            <div className="tour-actions">
              {touched && (
                <button
                  type="button"
                  onClick={() => goToStep(index)}
                  data-testid="tour-reset"
                  title="Put every setting back as this step set it"
                >
                  Reset this step
                </button>
              )}
              <a
                href={`?tour=${encodeURIComponent(tour.id)}&step=${encodeURIComponent(step.id)}`}
                data-testid="tour-link"
                title="A link that opens this step"
              >
                Link to this step
              </a>
            </div>
          </StepLive>
        </div>
      )}
    </section>
  );
}
