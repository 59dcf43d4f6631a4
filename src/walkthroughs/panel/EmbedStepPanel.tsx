/**
 * The panel of a walkthrough step embedded in someone's page: the step's text and formulas
 * and its live sentence, above the figure. No navigation (the host page moves between
 * steps with `goto-step`), no highlights and no "try this" (they point at the full app's
 * readouts and controls), and a link that opens the step in the full app, where they are.
 *
 * An embed shows one figure: the scene or the charts for a step on the explorer's runs, a
 * science view for an ensemble step. When the host moves to a step whose figure this
 * embed does not show, the panel says so and links to it, rather than waiting for numbers
 * that will never come.
 */
import { useStore } from 'zustand';
import { openWalkthrough } from '../tourPlayer';
import { tourStore } from '../tourStore';
import type { WalkthroughStep } from '../types';
import { StepLive, StepText } from './StepBody';
import './tour.css';

/** Whether an embed of `figure` shows the numbers `step` reads. */
export function figureShowsStep(figure: string, step: WalkthroughStep): boolean {
  return step.setup.tab === 'explorer'
    ? figure === 'scene' || figure === 'charts'
    : figure === step.setup.tab;
}

export function EmbedStepPanel({ figure }: { figure: string }) {
  const index = useStore(tourStore, (s) => s.index);
  const tour = openWalkthrough();
  const step = tour?.steps[index];
  if (!tour || !step) return null;
  const link = `./?tour=${encodeURIComponent(tour.id)}&step=${encodeURIComponent(step.id)}`;
  const needs =
    step.setup.tab === 'explorer' ? 'the explorer’s runs' : `the ${step.setup.tab} view`;
  const elsewhere = figureShowsStep(figure, step) ? undefined : (
    <>
      This step’s numbers come from {needs}, which this figure does not show; open the step in
      batchscape to see them.
    </>
  );
  return (
    <section
      className="tour-panel embed-tour-panel"
      aria-label={`${tour.title}, step ${index + 1} of ${tour.steps.length}`}
      data-testid="tour-panel"
      data-step={step.id}
    >
      <div className="tour-body">
        <StepText step={step} index={index} />
        <StepLive step={step} unavailable={elsewhere} tryThis={false}>
          <div className="tour-actions">
            <span className="tour-count" data-testid="tour-count">
              Step {index + 1} of {tour.steps.length}
            </span>
            <a href={link} target="_blank" rel="noopener" data-testid="tour-link">
              Open this step in batchscape ↗
            </a>
          </div>
        </StepLive>
      </div>
    </section>
  );
}
