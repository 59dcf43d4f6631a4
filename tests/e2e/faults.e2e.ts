/**
 * Faults a classroom machine throws at the page: no WebGL at all, a lost WebGL context,
 * an engine worker that dies or hangs. Each must leave a working, consistent page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot } from './harness';

interface Handle {
  runsStore: {
    getState(): { runs: { id: string; color: string; state: string; steps: number }[] };
  };
  configStore: { getState(): { base: { start: number[] } } };
  pointCount(id: string): number;
}
declare const window: { __batchscape: Handle };

const browsers: Browser[] = [];
afterAll(async () => {
  for (const b of browsers) await b.close();
});

async function browserWith(args: string[] = []): Promise<Browser> {
  const b = await launchBrowser(args);
  browsers.push(b);
  return b;
}

const allEnded = (page: Page) =>
  page.waitForFunction(
    () => {
      const r = window.__batchscape?.runsStore.getState().runs ?? [];
      return r.length > 0 && r.every((x) => x.state === 'done' || x.state === 'diverged');
    },
    undefined,
    { timeout: 60_000 },
  );

/** Pixels of `selector`'s canvas within a small distance of each colour. */
function colourCounts(page: Page, selector: string, colours: string[]): Promise<number[]> {
  return page.evaluate(
    ({ selector, colours }) => {
      const src = document.querySelector(selector) as HTMLCanvasElement;
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(src, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      return colours.map((hex) => {
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        let n = 0;
        for (let i = 0; i < px.length; i += 4)
          if (Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - g!) + Math.abs(px[i + 2]! - b!) < 30)
            n++;
        return n;
      });
    },
    { selector, colours },
  );
}

describe('no WebGL', () => {
  it('says so and draws the landscape and runs flat, with controls, readouts and charts working', async () => {
    const { page, errors } = await newPage(await browserWith(['--disable-webgl']));
    await page.goto(inject('baseUrl'));
    await page.waitForSelector('[data-testid="no-webgl"]');
    await page.selectOption('[data-testid="speed-select"]', 'max');
    await expect(page.textContent('[data-testid="no-webgl"]')).resolves.toMatch(/WebGL/);
    await allEnded(page);
    const runs = await page.evaluate(() => window.__batchscape.runsStore.getState().runs);
    // Every run's colour is on the map (its path), and the heatmap paints most of it.
    const counts = await colourCounts(
      page,
      '[data-testid="flat-landscape"]',
      runs.map((r) => r.color),
    );
    for (const n of counts) expect(n).toBeGreaterThan(50);
    await expect(page.textContent('[data-testid="readout-gap-run0"]')).resolves.toMatch(/\d/);
    expect(await page.locator('[data-testid^="chart-"] canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'faults-no-webgl');

    // Clicking the map picks a start point and restarts the runs from it, as in 3-D.
    const before = await page.evaluate(() => window.__batchscape.configStore.getState().base.start);
    const box = (await page.locator('[data-testid="flat-landscape"]').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.waitForFunction(
      (b) => window.__batchscape.configStore.getState().base.start.join() !== b.join(),
      before,
    );
    await allEnded(page);
    // Playback buttons work: reset restarts, the button then pauses.
    await page.click('[data-testid="reset-button"]');
    await page.waitForFunction(() =>
      window.__batchscape.runsStore.getState().runs.some((r) => r.state === 'running'),
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await screenshot(page, 'faults-no-webgl-phone');
    expect(errors).toEqual([]);
  });
});

describe('WebGL context lost and restored', () => {
  it('redraws by itself with every run finished', async () => {
    const { page, errors } = await newPage(await browserWith());
    await page.goto(inject('baseUrl') + '?ep=20');
    await page.waitForSelector('[data-testid="scene"] canvas');
    await page.selectOption('[data-testid="speed-select"]', 'max');
    await allEnded(page);
    await page.waitForTimeout(300);
    const runs = await page.evaluate(() => window.__batchscape.runsStore.getState().runs);
    const colours = runs.map((r) => r.color);
    const canvas = '[data-testid="scene"] canvas';
    const before = await colourCounts(page, canvas, colours);
    for (const n of before) expect(n).toBeGreaterThan(20);
    await page.evaluate(() => {
      const c = document.querySelector('[data-testid="scene"] canvas') as HTMLCanvasElement;
      const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
      ext.loseContext();
    });
    await page.waitForTimeout(200);
    await page.evaluate(() =>
      (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext(),
    );
    // No input, no running run: the restored canvas must be painted again on its own.
    await expect
      .poll(async () => Math.min(...(await colourCounts(page, canvas, colours))), {
        timeout: 10_000,
      })
      .toBeGreaterThan(20);
    expect(errors.filter((e) => !/context lost/i.test(e))).toEqual([]);
  });
});

describe('offline', () => {
  it('works with the network off after one visit (service worker)', async () => {
    const { page, errors } = await newPage(await browserWith());
    await page.goto(inject('baseUrl') + '?ep=5');
    await page.waitForSelector('[data-testid="scene"] canvas');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.context().setOffline(true);
    // A fresh load (a different query, so nothing comes from the memory cache).
    await page.goto(inject('baseUrl') + '?ep=5&b=32');
    await page.waitForSelector('[data-testid="scene"] canvas');
    await allEnded(page);
    const runs = await page.evaluate(() => window.__batchscape.runsStore.getState().runs);
    expect(runs.every((r) => r.steps > 0)).toBe(true);
    // The science views' chunks and pool workers load offline too.
    await page.click('[role="tab"]:has-text("Keskar")');
    await page.waitForSelector('[data-testid="view-keskar"]');
    expect(errors).toEqual([]);
  });
});
