/**
 * Walkthrough steps inside an embed (`?embed=1&tour=<id>&step=<id>`). The walkthrough
 * lives in src/walkthroughs; the embed finds it through the module below when the build
 * has one, so the embed shell works (as a plain figure) before and after it lands.
 *
 * Contract for `src/walkthroughs/embed.ts`: export `embedTour(tour, step, figure)`
 * resolving to a `TourEmbed` (the step host plus the panel to draw above the figure), or
 * null when the tour id is unknown. `figure` is the embed's figure (`view=`), so the panel
 * can tell when a step's numbers are not in it. The step host applies the step's config
 * patch itself and announces every step change, a `goto` to the open step included.
 */
import type { ComponentType } from 'react';

export interface StepHost {
  readonly tour: string;
  readonly steps: readonly string[];
  current(): string;
  /** False when the id is not a step of this tour. */
  goto(step: string): boolean;
  subscribe(listener: (step: string) => void): () => void;
}

export interface TourEmbed {
  host: StepHost;
  Panel: ComponentType;
}

export interface TourEmbedModule {
  embedTour(tour: string, step: string | null, figure: string): Promise<TourEmbed | null>;
}

// A glob, not an import: it matches nothing until the walkthrough exists, and the build
// still succeeds.
const modules = import.meta.glob<TourEmbedModule>('../walkthroughs/embed.ts');

/** The tour at a step, or why it cannot be shown (one line). */
export async function loadTour(
  tour: string,
  step: string | null,
  figure: string,
): Promise<TourEmbed | string> {
  const load = Object.values(modules)[0];
  if (!load) return `this build has no walkthroughs, so tour=${tour} shows the figure alone`;
  const got = await (await load()).embedTour(tour, step, figure);
  return got ?? `unknown walkthrough "${tour.slice(0, 40)}"`;
}
