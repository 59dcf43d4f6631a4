/**
 * A walkthrough is data: an ordered list of steps, each with a stable id (it is the deep
 * link), plain-language prose, the experiment it sets up (a patch through the same config
 * store and validator as the controls and the URL), the tab and camera it shows, the
 * elements it points at, and a live sentence computed from the figure's own numbers.
 * Prose states no measured result on its own: a number is either templated from the live
 * run (`live`) or said together with the conditions it was measured under.
 */
import type { ConfigInput, PresetId } from '../engine/config';
import type { Comparison } from '../state/configStore';
import type { AllViewParams, TabId } from '../state/viewParams';
import type { CameraMode, SurfaceMode } from '../state/viewStore';
import type { HighlightId } from './highlights';
import type { LiveContext } from './live/context';

/** What a step sets up: applied from the preset's explorer defaults, so it never depends on what came before. */
export interface StepSetup {
  preset: PresetId;
  /** Merged into the preset's explorer defaults, then validated by the engine. */
  config?: Omit<ConfigInput, 'preset' | 'version'>;
  /** The runs (default: the preset's small-vs-full-batch comparison). */
  compare?: Comparison;
  tab: TabId;
  /** The science view's parameters for this step (kept small so the ensemble ends in seconds). */
  viewParams?: { [V in keyof AllViewParams]?: Partial<AllViewParams[V]> };
  camera: CameraMode;
  surface?: SurfaceMode;
}

export interface WalkthroughStep {
  /** Stable: the deep link `?tour=…&step=<id>`. Lowercase words joined by hyphens. */
  id: string;
  title: string;
  /** Paragraphs of plain prose (no measured numbers without their conditions). */
  prose: string[];
  /** Display formulas (TeX), typeset with KaTeX. */
  math?: string[];
  setup: StepSetup;
  /** Elements to point at while the step is open (see highlights.ts). */
  highlights: HighlightId[];
  /** An invitation to touch a control. */
  tryThis?: string;
  /**
   * What the figure shows right now, in words, from its numbers; null until there is
   * something to say (runs not started, ensemble still running).
   */
  live: (ctx: LiveContext) => string | null;
}

export interface Walkthrough {
  id: string;
  title: string;
  steps: WalkthroughStep[];
}
