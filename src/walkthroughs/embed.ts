/**
 * A walkthrough step inside an embedded figure (`?embed=1&tour=…&step=…`), for the embed
 * shell (src/embed/steps.ts loads this module lazily, so a plain figure never pays for the
 * step data or KaTeX). It returns the step host the host page drives with `goto-step` and
 * the panel drawn above the figure. Both go through the same tour store and player as the
 * app's tour dock, so a step embedded looks and computes as the same step in the app.
 *
 * Depends on the tour player and the panel only — never on the explorer's app shell.
 */
import { createElement } from 'react';
import type { StepHost, TourEmbed } from '../embed/steps';
import { EmbedStepPanel } from './panel/EmbedStepPanel';
import { findWalkthrough } from './registry';
import { openTour, openWalkthrough } from './tourPlayer';
import { goToStep, tourStore } from './tourStore';
import type { Walkthrough } from './types';

/** The open tour as the embed's step host; every step change (a goto included) is announced. */
export function stepHost(tour: Walkthrough): StepHost {
  const ids = tour.steps.map((s) => s.id);
  const listeners = new Set<(step: string) => void>();
  const current = () => ids[tourStore.getState().index] ?? ids[0]!;
  const notify = () => {
    const step = current();
    for (const l of listeners) l(step);
  };
  let unsubscribe: (() => void) | null = null;
  return {
    tour: tour.id,
    steps: ids,
    current,
    goto(step) {
      const index = ids.indexOf(step);
      if (index < 0) return false;
      const before = tourStore.getState().index;
      goToStep(index);
      // Going to the open step resets it (as the app's "Reset this step"); the host still
      // hears that the step is (again) showing.
      if (before === index) notify();
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= tourStore.subscribe((s, prev) => {
        if (s.index !== prev.index) notify();
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = null;
        }
      };
    },
  };
}

/**
 * The tour `id` at `step`, shown beside `figure` (the embed's `view=`); null for an unknown
 * tour. The entry has already opened the tour from the URL (tourPlayer.initTourFromUrl,
 * which also announced an unknown step); a tour not open yet is opened here.
 */
export async function embedTour(
  id: string,
  step: string | null,
  figure: string,
): Promise<TourEmbed | null> {
  const tour = findWalkthrough(id);
  if (!tour) return null;
  if (openWalkthrough()?.id !== tour.id || tourStore.getState().tourId !== tour.id)
    openTour(
      tour,
      Math.max(
        0,
        tour.steps.findIndex((s) => s.id === step),
      ),
    );
  return { host: stepHost(tour), Panel: () => createElement(EmbedStepPanel, { figure }) };
}
