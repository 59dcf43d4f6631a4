/**
 * The explorer by keyboard, as a presenter drives it (issue #8): Space plays / pauses
 * whatever has focus (a just-clicked button, a slider), → and ← are inverse and act on the
 * selected run, tab switching keeps focus somewhere useful, and instability is flagged
 * while it happens.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Handle {
  runsStore: { getState(): { runs: { id: string; state: string }[]; playing: boolean } };
  viewStore: { getState(): { presenter: boolean; selectedRun: number } };
  configStore: { getState(): { compare: { values: unknown[] } } };
  controller: { setSpeed(multiplier: number): void };
}
declare const window: { __batchscape: Handle };

const playing = (page: Page) =>
  page.evaluate(() => window.__batchscape.runsStore.getState().playing);
const values = (page: Page) =>
  page.evaluate(() => window.__batchscape.configStore.getState().compare.values);

async function open(query = '') {
  const { page, errors } = await newPage(browser);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(inject('baseUrl') + query);
  await page.waitForSelector('[data-testid="scene"] canvas');
  return { page, errors };
}

describe('keyboard', () => {
  it('Space plays / pauses after clicking Presenter, and from a focused slider', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Presenter' }).click();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(
      'presenter',
    );
    const before = await playing(page);
    await page.keyboard.press(' ');
    await expect(playing(page)).resolves.toBe(!before);
    // The focused Presenter button was not clicked again by that space.
    await expect(
      page.evaluate(() => window.__batchscape.viewStore.getState().presenter),
    ).resolves.toBe(true);
    const slider = page.getByTestId('batch-slider-0');
    await slider.focus();
    const v = await slider.inputValue();
    await page.keyboard.press(' ');
    await expect(playing(page)).resolves.toBe(before);
    expect(await slider.inputValue()).toBe(v);
    expect(errors).toEqual([]);
  });

  it('→ then ← returns where it started; 1–4 pick the run they change, shown in the readouts', async () => {
    const { page, errors } = await open();
    await page.locator('body').click({ position: { x: 640, y: 5 } });
    const start = await values(page);
    await page.keyboard.press('ArrowRight');
    await expect(values(page)).resolves.toEqual([(start[0] as number) * 2, start[1]]);
    await page.keyboard.press('ArrowLeft');
    await expect(values(page)).resolves.toEqual(start);
    await expect(page.getByTestId('readout-head-run0').getAttribute('aria-current')).resolves.toBe(
      'true',
    );
    await page.keyboard.press('2');
    await expect(page.getByTestId('readout-head-run1').getAttribute('aria-current')).resolves.toBe(
      'true',
    );
    // Run 2 is at N: → is a no-op and ← undoes it rather than halving.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(values(page)).resolves.toEqual(start);
    await page.keyboard.press('ArrowLeft');
    await expect(values(page)).resolves.toEqual([start[0], (start[1] as number) / 2]);
    expect(errors).toEqual([]);
  });

  it('switching tabs by keyboard keeps focus on the tabs, and Enter moves it into the panel', async () => {
    const { page, errors } = await open();
    await page.getByTestId('tab-explorer').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="caption-sweep"]');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tab-sweep');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('[data-testid="caption"]');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tab-explorer');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="caption-sweep"]');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('tab-panel');
    expect(errors).toEqual([]);
  });

  it('instability is flagged while it happens at the top learning rate, never called a minimum', async () => {
    const { page, errors } = await open('?lr=1');
    await page.waitForFunction(
      () => {
        // Live while it runs: the state reads "running · unstable" and the caption says why,
        // with the numbers (η·λ_max over the bound, or the loss rising). On a fast machine the
        // run may already have ended by the time the page is read: then the end caption.
        const state = document.querySelector('[data-testid="readout-state-run0"]');
        const caption = document.querySelector('[data-testid="caption"]')?.textContent ?? '';
        const live =
          state?.getAttribute('data-unstable') === 'true' &&
          /running/.test(state.textContent ?? '') &&
          /B = 8 is unstable: (η·λ_max = [\d.]+ > 2|its train loss rose from [\d.e+-]+ to)/.test(
            caption,
          );
        return live || /B = 8 ended unstable, not in a minimum/.test(caption);
      },
      undefined,
      { timeout: 60_000 },
    );
    // Seen live; the end is the same run played out at full speed.
    await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
    await page.waitForFunction(
      () => {
        const r = window.__batchscape.runsStore.getState().runs;
        return r.every((x) => x.state === 'done' || x.state === 'diverged');
      },
      undefined,
      { timeout: 90_000 },
    );
    const caption = (await page.textContent('[data-testid="caption"]')) ?? '';
    expect(caption).toMatch(/B = 8 ended unstable, not in a minimum/);
    expect(caption).not.toMatch(/B = 8 ended in the/);
    expect(caption).toMatch(/Lower the learning rate below [\d.]+/);
    await expect(
      page.getByTestId('readout-state-run0').getAttribute('data-unstable'),
    ).resolves.toBe('true');
    await screenshot(page, 'explorer-unstable');
    expect(errors).toEqual([]);
  });
});
