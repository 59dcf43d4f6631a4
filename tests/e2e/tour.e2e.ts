/**
 * The guided walkthrough in real Chromium, as a reader uses it: the whole tour from its
 * deep link, each step checked against the figure — the live sentence's numbers are the
 * readouts' (explorer steps) or the open view's (ensemble steps), and every highlight is on
 * screen; ← → by keyboard (a focused slider keeps its arrows); reset after touching a
 * control; an unknown step's notice; presenter mode and a phone-width screen. Playback runs
 * at "max" speed.
 *
 * Every step runs as written except the one that is still heavy in a browser: the
 * diffusion step (32 landscapes × 5 000 steps) is checked to start as written and stream,
 * then shrunk through the stores (a "touched" step, as a reader who lowers the seeds makes
 * one), and its sentence, computed when the smaller ensemble ends, is checked against the
 * view. (Measured on 2 busy cores, 2026-11-30: the steps as written took 100 s in all, the
 * diffusion step 18 s of it; Ghost BN's 1000 network epochs 11 s, the other ensembles
 * 4–9 s — shrinking those saved nothing, since the test must first see them stream.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { generalizationGap } from '../../src/walkthroughs/generalizationGap';
import { HIGHLIGHTS } from '../../src/walkthroughs/highlights';
import { newPage, screenshot } from './harness';
import { useBrowser } from './useBrowser';

const browser = useBrowser();

interface Store<S> {
  getState(): S;
  setState(patch: Partial<S> | ((s: S) => Partial<S>)): void;
}
interface Handle {
  controller: { setSpeed(m: number): void };
  viewParamsStore: Store<{ params: Record<string, Record<string, unknown>> }>;
  ensembleStore: Store<Record<string, { status: string; progress: { done: number } }>>;
}
declare const window: { __batchscape: Handle; location: Location };

const TOUR = generalizationGap;
/** Readout rows whose cells (every run's) each explorer step's sentence quotes. */
const QUOTES: Record<string, string[]> = {
  'convex-bowl': ['noisescale', 'trainloss'],
  'train-vs-test': ['trainloss', 'testloss', 'gap'],
  'sharp-vs-flat': ['lambdamax', 'basin'],
  'small-vs-large': ['basin', 'trainloss', 'testloss'],
  saddles: ['saddle'],
  'warm-up': ['basin', 'testloss'],
  'lr-scaling': ['lr', 'basin', 'testloss'],
  'regime-adaptation': ['basin', 'testloss'],
  'growing-batch': ['batch', 'basin', 'testloss'],
  'ghost-bn': ['testloss'],
};
/** The open science view's element, per ensemble step. */
const VIEW_OF: Record<string, string> = {
  'many-seeds': 'sweep',
  'diffusion-log-t': 'diffusion',
  'remedies-side-by-side': 'remedies',
};

async function open(query: string, size = { width: 1280, height: 720 }) {
  const { page, errors } = await newPage(browser());
  await page.setViewportSize(size);
  await page.goto(`${inject('baseUrl')}?${query}`);
  await page.waitForSelector('[data-testid="tour-panel"]');
  await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
  return { page, errors };
}

const liveText = async (page: Page, stepId: string, timeout: number) => {
  await page.waitForSelector(
    `[data-testid="tour-panel"][data-step="${stepId}"] [data-testid="tour-live"][data-ready="true"]`,
    { timeout },
  );
  return (await page.textContent('[data-testid="tour-live"]'))!;
};

/** Every readout cell of the quoted rows is in the sentence (basin cells: their words). */
async function checkQuotes(page: Page, stepId: string, live: string) {
  for (const row of QUOTES[stepId] ?? []) {
    const cells = await page.$$eval(`[data-testid^="readout-${row}-run"]`, (els) =>
      els.map((e) => (e as HTMLElement).innerText.replace(/▲/g, '').replace(/\s+/g, ' ').trim()),
    );
    expect(cells.length, `${stepId}: ${row}`).toBeGreaterThan(0);
    for (const cell of cells)
      for (const part of cell
        .split(/[()]/)
        .map((s) => s.trim())
        .filter(Boolean))
        expect(live, `${stepId}: readout ${row} "${part}"`).toContain(part);
  }
  // "X is worse on test" names the run the readouts mark worse.
  const named = /(B = \d+) is worse on test/.exec(live)?.[1];
  if (named) {
    const worse = await page.$$eval('[data-worse="true"]', (els) =>
      els.map((e) => e.id || e.getAttribute('data-testid')),
    );
    const heads = await page.$$eval('[data-testid^="readout-head-"]', (els) =>
      els.map((e) => [
        e.getAttribute('data-testid')!.replace('readout-head-', ''),
        (e as HTMLElement).innerText,
      ]),
    );
    const run = heads.find(([, text]) => text!.includes(named))?.[0];
    expect(worse, `${stepId}: ${named} marked worse`).toContain(`readout-testloss-${run}`);
  }
}

/** A highlighted element, or the button of the closed menu it sits in (useHighlights.ts). */
const marked = (sel: string) =>
  `${sel}.tour-highlight, details:not([open]):has(${sel}) > summary.tour-highlight`;

/** The step shrunk once it has been seen to start as written (see the file's note). */
const SHRINK: Record<string, Record<string, unknown>> = {
  'diffusion-log-t': { seeds: 4, steps: 1000 },
};

async function startsThenShrinks(page: Page, stepId: string, view: string) {
  await expect(
    page.getAttribute('[data-testid="tour-live"]', 'data-ready'),
    `${stepId}: no sentence before the numbers`,
  ).resolves.toBe('false');
  await page.waitForFunction(
    (v) => {
      const e = window.__batchscape.ensembleStore.getState()[v]!;
      return e.status === 'running' && e.progress.done > 0;
    },
    view,
    { timeout: 60_000 },
  );
  await page.evaluate(
    ([v, patch]) =>
      window.__batchscape.viewParamsStore.setState((s) => ({
        params: { ...s.params, [v]: { ...s.params[v], ...patch } },
      })),
    [view, SHRINK[stepId]!] as const,
  );
}

describe('guided walkthrough', () => {
  it('steps through the whole tour; each sentence quotes its figure', async () => {
    const { page, errors } = await open(`tour=${TOUR.id}&step=${TOUR.steps[0]!.id}`);
    const seconds: string[] = [];
    for (const [i, step] of TOUR.steps.entries()) {
      const t0 = Date.now();
      if (i > 0) await page.getByTestId('tour-next').click();
      await expect(page.getByTestId('tour-count').textContent()).resolves.toBe(
        `${i + 1} / ${TOUR.steps.length}`,
      );
      await page.waitForFunction(
        (id) => new URL(window.location.href).searchParams.get('step') === id,
        step.id,
      );
      const view = VIEW_OF[step.id];
      if (view && SHRINK[step.id]) await startsThenShrinks(page, step.id, view);
      const live = await liveText(
        page,
        step.id,
        step.setup.preset === 'mlp' || view ? 150_000 : 60_000,
      );
      if (view) {
        const shown = await page.innerText(`[data-testid="view-${view}"]`);
        const numbers = live.match(/\d+(\.\d+)?/g) ?? [];
        expect(numbers.length, step.id).toBeGreaterThan(2);
        for (const n of numbers) expect(shown, `${step.id}: ${n}`).toContain(n);
      } else await checkQuotes(page, step.id, live);
      // Marks are refreshed every 400 ms (elements such as a view's table appear late).
      for (const h of step.highlights)
        await expect
          .poll(() => page.locator(marked(HIGHLIGHTS[h])).count(), {
            message: `${step.id}: highlight ${h}`,
            timeout: 5000,
          })
          .toBeGreaterThan(0);
      if (step.id === 'small-vs-large') await screenshot(page, 'tour-small-vs-large');
      seconds.push(`${step.id} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log(`[tour] per step: ${seconds.join(', ')}`);
    await expect(page.getByTestId('tour-next').isDisabled()).resolves.toBe(true);
    expect(errors).toEqual([]);
  }, 300_000);

  it('moves by ← →, leaves a focused slider its arrows, and resets a touched step', async () => {
    const { page, errors } = await open(`tour=${TOUR.id}&step=small-vs-large`);
    const at = () => page.getAttribute('[data-testid="tour-panel"]', 'data-step');
    await page.locator('body').click({ position: { x: 640, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await expect.poll(at).toBe('many-seeds');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(at).toBe('sharp-vs-flat');
    // A slider with focus keeps ←: the step stays, the batch changes, the step is touched.
    const slider = page.getByTestId('batch-slider-0');
    const before = await slider.inputValue();
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.inputValue()).not.toBe(before);
    expect(await at()).toBe('sharp-vs-flat');
    await page.getByTestId('tour-reset').waitFor();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('cmp'));
    await page.getByTestId('tour-reset').click();
    await expect.poll(() => slider.inputValue()).toBe(before);
    await expect.poll(() => page.getByTestId('tour-reset').count()).toBe(0);
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('cmp'));
    expect(errors).toEqual([]);
  });

  // On a phone the scene's View menu holds the surface selector a step points at: the mark
  // goes on the menu's button, and the menu stays closed (open, it covered the Next button).
  it('says so in one line for an unknown step, and works in presenter mode and on a phone', async () => {
    const { page, errors } = await open(`tour=${TOUR.id}&step=no-such-step&pm=1`);
    await expect(page.textContent('.notices')).resolves.toMatch(/Unknown step "no-such-step"/);
    expect(await page.getAttribute('[data-testid="tour-panel"]', 'data-step')).toBe(
      TOUR.steps[0]!.id,
    );
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('presenter');
    const size = await page.$eval('.tour-text p', (p) => parseFloat(getComputedStyle(p).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getAttribute('[data-testid="tour-panel"]', 'data-step'))
      .toBe(TOUR.steps[1]!.id);
    await screenshot(page, 'tour-presenter');

    await page.setViewportSize({ width: 390, height: 844 });
    const box = (id: string) => page.getByTestId(id).boundingBox();
    for (const id of ['tour-prev', 'tour-next', 'tour-close']) {
      const b = (await box(id))!;
      expect(b.x, id).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, id).toBeLessThanOrEqual(390);
      expect(b.y + b.height, id).toBeLessThanOrEqual(844);
    }
    await page.getByTestId('tour-next').click();
    await expect
      .poll(() => page.getAttribute('[data-testid="tour-panel"]', 'data-step'))
      .toBe(TOUR.steps[2]!.id);
    await screenshot(page, 'tour-phone');
    expect(errors).toEqual([]);
  });
});
