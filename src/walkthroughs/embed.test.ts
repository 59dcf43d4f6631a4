// @vitest-environment jsdom
/**
 * A walkthrough step inside an embed: the step host the host page drives with goto-step
 * (each change announced, unknown steps refused, a goto to the open step still announced
 * and the step reset), the lookup the embed shell calls, and the panel's honesty about
 * which figure holds a step's numbers.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { configStore, initialConfigState, patchBase } from '../state/configStore';
import { initialViewState, viewStore } from '../state/viewStore';
import { viewParamsStore } from '../state/viewParamsStore';
import { embedTour, stepHost } from './embed';
import { generalizationGap as tour } from './generalizationGap';
import { EmbedStepPanel, figureShowsStep } from './panel/EmbedStepPanel';
import { tourTouched } from './tourLink';
import { initTourFromUrl, openTour } from './tourPlayer';
import { closeTour, tourStore } from './tourStore';

const ids = tour.steps.map((s) => s.id);

beforeEach(() => {
  closeTour();
  configStore.setState(initialConfigState());
  viewStore.setState({ ...initialViewState });
  viewParamsStore.setState({ tab: 'explorer' });
});

describe('the embed step host', () => {
  it('goes to a step, sets it up, and announces it', () => {
    openTour(tour, 0);
    const host = stepHost(tour);
    const heard: string[] = [];
    const stop = host.subscribe((s) => heard.push(s));
    expect(host.steps).toEqual(ids);
    expect(host.goto('warm-up')).toBe(true);
    expect(host.current()).toBe('warm-up');
    expect(heard).toEqual(['warm-up']);
    // The step's own setup is what runs (warm-up's schedule), not what was there before.
    expect(configStore.getState().base.lrSchedule.kind).toBe('warmup');
    stop();
    host.goto('saddles');
    expect(heard).toEqual(['warm-up']);
  });

  it('refuses an unknown step and stays where it is', () => {
    openTour(tour, 2);
    const host = stepHost(tour);
    const heard: string[] = [];
    host.subscribe((s) => heard.push(s));
    for (const bad of ['no-such-step', '', 'WARM-UP', '__proto__', 'toString'])
      expect(host.goto(bad), bad).toBe(false);
    expect(host.current()).toBe(ids[2]);
    expect(heard).toEqual([]);
  });

  it('a goto to the open step resets it and is still announced', () => {
    openTour(tour, ids.indexOf('sharp-vs-flat'));
    const host = stepHost(tour);
    const heard: string[] = [];
    host.subscribe((s) => heard.push(s));
    patchBase({ seed: 99 });
    expect(tourTouched()).toBe(true);
    expect(host.goto('sharp-vs-flat')).toBe(true);
    expect(tourTouched()).toBe(false);
    expect(heard).toEqual(['sharp-vs-flat']);
  });
});

describe('embedTour', () => {
  it('is null for an unknown tour', async () => {
    expect(await embedTour('no-such-tour', null, 'scene')).toBeNull();
  });

  it('opens the tour at the step when the entry has not', async () => {
    const t = await embedTour(tour.id, 'small-vs-large', 'scene');
    expect(t?.host.current()).toBe('small-vs-large');
    expect(tourStore.getState()).toMatchObject({ tourId: tour.id });
  });

  it('an embed link (embed=1, view=…) shows the step as written, untouched', () => {
    initTourFromUrl(`?embed=1&view=scene&controls=full&tour=${tour.id}&step=saddles`);
    expect(tourTouched()).toBe(false);
    expect(configStore.getState().base.preset).toBe('saddle');
    // Outside an embed the same keys would count as the reader's own settings.
    closeTour();
    configStore.setState(initialConfigState());
    initTourFromUrl(`?view=scene&controls=full&tour=${tour.id}&step=saddles`);
    expect(configStore.getState().base.preset).not.toBe('saddle');
  });
});

/** The panel's markup as rendered in a page (the stores' live state, not a server snapshot). */
function render(figure: string): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  flushSync(() => root.render(createElement(EmbedStepPanel, { figure })));
  const html = host.innerHTML;
  root.unmount();
  return html;
}

describe('the embedded step panel', () => {
  it('knows which figure holds each step’s numbers', () => {
    for (const step of tour.steps) {
      const own = step.setup.tab === 'explorer' ? 'scene' : step.setup.tab;
      expect(figureShowsStep(own, step), step.id).toBe(true);
      if (step.setup.tab === 'explorer') expect(figureShowsStep('charts', step)).toBe(true);
      else expect(figureShowsStep('scene', step), step.id).toBe(false);
    }
  });

  it('says where the numbers are instead of waiting for them in the wrong figure', () => {
    openTour(tour, ids.indexOf('many-seeds'));
    const html = render('scene');
    expect(html).toContain('data-step="many-seeds"');
    expect(html).toContain('the sweep view, which this figure does not show');
    expect(html).not.toContain('The ensemble is running');
    expect(html).toContain(`href="./?tour=${tour.id}&amp;step=many-seeds"`);
    const inView = render('sweep');
    expect(inView).toContain('The ensemble is running');
  });
});
