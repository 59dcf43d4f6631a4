/**
 * The tour's part of the address bar, and whether the reader has touched the step. Light
 * (stores only), so the URL sync can use it without loading the walkthroughs.
 *
 * A step the reader has not touched is linked by name alone (`?tour=…&step=…`), so the
 * link always opens the step as written, even after the step's data changes. Once the
 * reader changes a control the link carries the whole experiment as well, and opening it
 * restores exactly what they saw (with "Reset this step" offered).
 */
import type { RunConfig } from '../engine/config';
import type { Comparison } from '../state/configStore';
import { configStore } from '../state/configStore';
import { isScienceView, type AllViewParams, type TabId } from '../state/viewParams';
import { viewParamsStore } from '../state/viewParamsStore';
import { viewStore, type CameraMode, type SurfaceMode } from '../state/viewStore';
import { tourLinkParams, tourStore } from './tourStore';

/** What a step sets; two states with the same signature look and compute the same. */
export interface StepState {
  base: RunConfig;
  compare: Comparison;
  tab: TabId;
  params: AllViewParams;
  camera: CameraMode;
  surface: SurfaceMode;
}

export function signature(s: StepState): string {
  // The open view's parameters only: the others are not on screen.
  const params = isScienceView(s.tab) ? s.params[s.tab] : null;
  return JSON.stringify([s.base, s.compare, s.tab, params, s.camera, s.surface]);
}

export function currentSignature(): string {
  const { base, compare } = configStore.getState();
  const { tab, params } = viewParamsStore.getState();
  const { camera, surface } = viewStore.getState();
  return signature({ base, compare, tab, params, camera, surface });
}

/** Whether a tour is open and the reader changed something since its step was applied. */
export function tourTouched(): boolean {
  const { tourId, appliedKey } = tourStore.getState();
  return tourId !== null && appliedKey !== currentSignature();
}

/** Link keys a tour link may carry besides its name: they do not change the experiment. */
export const TOUR_NEUTRAL_KEYS: ReadonlySet<string> = new Set(['tour', 'step', 'pm', 'th']);

/**
 * …and in an embed, the embed's own keys (README "Embedding": which figure and controls,
 * autoplay, theme, allowed origins): they choose how the step is shown, not what it runs.
 */
export const EMBED_NEUTRAL_KEYS: ReadonlySet<string> = new Set([
  ...TOUR_NEUTRAL_KEYS,
  'embed',
  'view',
  'controls',
  'autoplay',
  'theme',
  'origins',
]);

/** The query of an untouched tour step (`tour=…&step=…`, plus presenter / theme), or null. */
export function untouchedTourQuery(): string | null {
  if (tourStore.getState().tourId === null || tourTouched()) return null;
  const p = new URLSearchParams(tourLinkParams());
  const { presenter, theme } = viewStore.getState();
  if (presenter) p.set('pm', '1');
  if (theme !== 'light') p.set('th', theme);
  return p.toString();
}
