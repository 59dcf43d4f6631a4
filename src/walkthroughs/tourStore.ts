/**
 * Which walkthrough is open and at which step — kept tiny and free of the step data, so the
 * app's first bundle (shortcuts, URL sync, the header's Tour button) can ask "is a tour open?"
 * without loading the walkthroughs, KaTeX and the views' caption code (tourPlayer.ts does,
 * on demand).
 */
import { createStore } from 'zustand/vanilla';

export interface TourState {
  /** Open walkthrough, or null. */
  tourId: string | null;
  /** Its step ids in order (the deep-link names). */
  stepIds: readonly string[];
  index: number;
  /**
   * Signature of what the open step set up (tourSignature.ts); the reader has touched the
   * controls when the stores no longer match it.
   */
  appliedKey: string | null;
}

export const tourStore = createStore<TourState>(() => ({
  tourId: null,
  stepIds: [],
  index: 0,
  appliedKey: null,
}));

export const isTourOpen = (): boolean => tourStore.getState().tourId !== null;

type Applier = (index: number) => void;
let applier: Applier | null = null;

/** The player registers how a step is applied when it loads. */
export function setTourApplier(fn: Applier): void {
  applier = fn;
}

/** Opens step `index` of the open tour (clamped); a no-op with no tour. */
export function goToStep(index: number): void {
  const { tourId, stepIds } = tourStore.getState();
  if (tourId === null || !applier || stepIds.length === 0) return;
  applier(Math.max(0, Math.min(stepIds.length - 1, index)));
}

export const nextStep = (): void => goToStep(tourStore.getState().index + 1);
export const previousStep = (): void => goToStep(tourStore.getState().index - 1);

export function closeTour(): void {
  tourStore.setState({ tourId: null, stepIds: [], index: 0, appliedKey: null });
}

/** The link keys of the open step: `tour=…&step=…`, or none. */
export function tourLinkParams(): Record<string, string> {
  const { tourId, stepIds, index } = tourStore.getState();
  return tourId === null ? {} : { tour: tourId, step: stepIds[index] ?? '' };
}
