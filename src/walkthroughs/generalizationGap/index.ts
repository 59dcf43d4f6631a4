/** The whole argument in thirteen steps: why large batches generalize worse, and the fixes. */
import type { Walkthrough } from '../types';
import { convexBowl, sharpVsFlat, smallVsLarge, trainVsTest } from './landscape';
import { diffusion, manySeeds, saddles } from './dynamics';
import {
  allRemedies,
  ghostBn,
  growingBatch,
  lrScaling,
  regimeAdaptation,
  warmUp,
} from './remedies';

export const generalizationGap: Walkthrough = {
  id: 'generalization-gap',
  title: 'Why large batches generalize worse',
  steps: [
    convexBowl,
    trainVsTest,
    sharpVsFlat,
    smallVsLarge,
    manySeeds,
    saddles,
    diffusion,
    warmUp,
    lrScaling,
    regimeAdaptation,
    growingBatch,
    allRemedies,
    ghostBn,
  ],
};
