/**
 * The tour player against the real stores: deep links (known, unknown tour, unknown step,
 * touched), navigation at the ends, "touched" after a control changes and an exact reset,
 * the link an untouched step writes, and who owns ← → while a tour is open.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { configStore, initialConfigState, patchBase } from '../state/configStore';
import { decodeUrl } from '../state/url';
import { initialViewState, viewStore } from '../state/viewStore';
import { viewParamsStore } from '../state/viewParamsStore';
import { findShortcut } from '../ui/presenter/shortcuts';
import { generalizationGap } from './generalizationGap';
import { tourTouched, untouchedTourQuery } from './tourLink';
import { initTourFromUrl } from './tourPlayer';
import { closeTour, goToStep, nextStep, previousStep, tourStore } from './tourStore';

const steps = generalizationGap.steps;

beforeEach(() => {
  closeTour();
  configStore.setState(initialConfigState());
  viewStore.setState({ ...initialViewState });
  viewParamsStore.setState({ tab: 'explorer' });
});

/** What main.tsx does with a link: the URL codec first, then the tour. */
function openLink(search: string): void {
  const d = decodeUrl(search);
  configStore.setState(d.config);
  viewStore.setState(d.view);
  initTourFromUrl(search);
}

describe('tour deep links', () => {
  it('opens the named step with its setup, untouched, and links it by name', () => {
    openLink('?tour=generalization-gap&step=sharp-vs-flat');
    const i = steps.findIndex((s) => s.id === 'sharp-vs-flat');
    expect(tourStore.getState()).toMatchObject({ tourId: 'generalization-gap', index: i });
    expect(viewStore.getState().camera).toBe(steps[i]!.setup.camera);
    expect(configStore.getState().base.preset).toBe('sharp-flat');
    expect(tourTouched()).toBe(false);
    expect(untouchedTourQuery()).toBe('tour=generalization-gap&step=sharp-vs-flat');
  });

  it('says in one line when the tour is unknown, and opens none', () => {
    openLink('?tour=nope&step=x');
    expect(tourStore.getState().tourId).toBeNull();
    expect(configStore.getState().notices).toEqual([
      'Unknown tour "nope"; the tours are: generalization-gap.',
    ]);
  });

  it('starts an unknown step at the first one, with a notice', () => {
    openLink('?tour=generalization-gap&step=nope');
    expect(tourStore.getState().index).toBe(0);
    expect(configStore.getState().base.preset).toBe(steps[0]!.setup.preset);
    expect(configStore.getState().notices.at(-1)).toMatch(/Unknown step "nope"/);
  });

  it('keeps the experiment of a link that carries one, as a touched step', () => {
    openLink('?tour=generalization-gap&step=saddles&p=saddle&lr=0.05');
    expect(configStore.getState().base.lr).toBe(0.05);
    expect(tourTouched()).toBe(true);
    expect(untouchedTourQuery()).toBeNull();
  });
});

describe('tour navigation', () => {
  it('clamps at both ends and applies each step from its own defaults', () => {
    openLink('?tour=generalization-gap');
    previousStep();
    expect(tourStore.getState().index).toBe(0);
    for (let i = 1; i < steps.length; i++) {
      nextStep();
      expect(tourStore.getState().index).toBe(i);
      expect(configStore.getState().base.preset).toBe(steps[i]!.setup.preset);
      expect(viewParamsStore.getState().tab).toBe(steps[i]!.setup.tab);
      expect(tourTouched()).toBe(false);
    }
    nextStep();
    expect(tourStore.getState().index).toBe(steps.length - 1);
  });

  it('is touched after a control changes, and reset puts the step back exactly', () => {
    openLink('?tour=generalization-gap&step=small-vs-large');
    const before = structuredClone(configStore.getState().base);
    expect(patchBase({ lr: 0.02 })).toBe(true);
    expect(tourTouched()).toBe(true);
    viewStore.setState({ camera: 'top' });
    goToStep(tourStore.getState().index);
    expect(tourTouched()).toBe(false);
    expect(configStore.getState().base).toEqual(before);
    expect(viewStore.getState().camera).toBe('3d');
  });

  it('gives ← → to the tour while it is open, to the batch nudges otherwise', () => {
    expect(findShortcut('ArrowRight')?.description).toMatch(/batch size/);
    openLink('?tour=generalization-gap');
    expect(findShortcut('ArrowRight')?.description).toBe('Next step of the tour');
    expect(findShortcut('ArrowLeft')?.description).toBe('Previous step of the tour');
    expect(findShortcut('ArrowUp')?.description).toMatch(/batch size/);
  });
});
