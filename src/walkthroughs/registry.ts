/** Every walkthrough by id (the `tour=` link key). A new walkthrough is a new data file here. */
import { generalizationGap } from './generalizationGap';
import type { Walkthrough } from './types';

export const WALKTHROUGHS: readonly Walkthrough[] = [generalizationGap];

export const findWalkthrough = (id: string): Walkthrough | undefined =>
  WALKTHROUGHS.find((w) => w.id === id);
