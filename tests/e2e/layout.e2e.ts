/**
 * Layouts as people meet them, in real Chromium: a phone, a small laptop, four runs side
 * by side, the scene embedded on its own, and choosing the start point by keyboard.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newPage, screenshot } from './harness';
import { useBrowser } from './useBrowser';
import { box, cutCells, drawn, noHorizontalScroll, overlaps, surfaceSettled } from './sceneHelpers';
import { formatNumber } from '../../src/ui/format';

const browser = useBrowser();

interface Handle {
  controller: { restarts: number; setSpeed(m: number): void; pause(): void };
  configStore: {
    getState(): { base: { start: number[] | null }; compare: { field: string; values: unknown[] } };
    setState(s: unknown): void;
  };
  viewStore: { getState(): { legendOpen: boolean | null }; setState(s: unknown): void };
  runsStore: { getState(): { runs: { id: string; state: string; label: string }[] } };
  path(runId: string): [number, number][];
}
declare const window: { __batchscape: Handle; innerHeight: number; scrollY: number };

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
};

async function open(query: string, options?: BrowserContextOptions) {
  const { page, errors } = await newPage(browser(), options);
  await page.goto(inject('baseUrl') + query);
  await page.waitForSelector('[data-testid="scene"] canvas');
  return { page, errors };
}

const allEnded = (page: Page) =>
  page.waitForFunction(
    () => {
      const r = window.__batchscape?.runsStore.getState().runs ?? [];
      return r.length > 0 && r.every((x) => x.state === 'done' || x.state === 'diverged');
    },
    undefined,
    { timeout: 90_000, polling: 100 },
  );

describe('layouts', () => {
  it('phone (390×844): scene first and drawn, essentials reachable with 44 px targets, the page scrolls, nothing sideways', async () => {
    const { page, errors } = await open('', PHONE);
    await page.waitForSelector('[data-testid="phone-layout"]');
    await surfaceSettled(page);
    await page.waitForTimeout(300);
    const canvas = page.locator('[data-testid="scene"] canvas');
    const scene = await box(canvas);
    expect(scene.width).toBeGreaterThanOrEqual(380);
    expect(scene.height).toBeGreaterThanOrEqual(250);
    // The scene comes before the caption and the controls.
    expect(scene.y).toBeLessThan((await box(page.getByTestId('caption'))).y);
    expect((await drawn(canvas)).fraction).toBeGreaterThan(0.2);
    expect(await noHorizontalScroll(page)).toBe(true);

    // Header: the tabs and the buttons do not overlap.
    const tabs = await box(page.locator('.tabs'));
    for (const b of await page.locator('.header-actions button').all())
      expect(overlaps(tabs, await box(b))).toBe(false);

    // Essentials: per-run batch, learning rate, play — each a ≥ 44 px target.
    const essentials = page.getByTestId('phone-essentials');
    for (const target of [
      essentials.getByTestId('batch-slider-0'),
      essentials.getByTestId('batch-slider-1'),
      essentials.getByTestId('lr-slider'),
      essentials.getByTestId('play-button'),
    ]) {
      const b = await box(target);
      expect(b.height).toBeGreaterThanOrEqual(44);
      expect(b.width).toBeGreaterThanOrEqual(44);
    }
    // Every other visible control a finger may use, too (the scene's own included).
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, summary, input[type="range"]')]
        .map((e) => [e.textContent?.trim().slice(0, 20), e.getBoundingClientRect()] as const)
        .filter(([, r]) => r.width > 0 && (r.height < 44 || r.width < 44))
        .map(([t]) => t),
    );
    expect(small).toEqual([]);

    // Caption and readouts readable: inside the screen, nothing cut, type no smaller than 11 px.
    await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
    await allEnded(page);
    for (const id of ['caption', 'readouts']) {
      const el = page.getByTestId(id);
      const b = await box(el);
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(390);
      const smallest = await el.evaluate((root) =>
        Math.min(
          ...[root, ...root.querySelectorAll('*')]
            .filter((e) => (e as HTMLElement).offsetParent !== null && e.textContent?.trim())
            .map((e) => parseFloat(getComputedStyle(e).fontSize)),
        ),
      );
      expect(smallest).toBeGreaterThanOrEqual(11);
      // Nothing scrolled out of sight sideways inside it either.
      await expect(el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).resolves.toBe(true);
    }
    expect(await cutCells(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);

    // The rest is folded; the page scrolls (drag on the scene orbits, so its canvas owns touches).
    await expect(page.locator('[data-testid="section-schedules"][open]').count()).resolves.toBe(0);
    // (OrbitControls listens on the canvas's wrapper, which three's events connect to.)
    await expect(
      page
        .locator('[data-testid="scene"] .scene-canvas')
        .evaluate((c) => getComputedStyle(c).touchAction),
    ).resolves.toBe('none');
    await page.mouse.move(200, (await box(page.getByTestId('caption'))).y + 5);
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => window.scrollY > 0, undefined, { polling: 50 });
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await screenshot(page, 'layout-phone');
    expect(errors).toEqual([]);
  });

  it('1024×640: the legend is compact, folds, and leaves the start hint in view', async () => {
    const { page, errors } = await open('', { viewport: { width: 1024, height: 640 } });
    await surfaceSettled(page);
    const scene = await box(page.getByTestId('scene'));
    const legend = page.getByTestId('scene-legend');
    const hint = await box(page.getByTestId('scene-hint'));
    for (const open of [true, false]) {
      if ((await legend.getAttribute('data-open')) !== String(open))
        await page.getByTestId('legend-toggle').click();
      await expect(legend.getAttribute('data-open')).resolves.toBe(String(open));
      const l = await box(legend);
      expect(overlaps(l, hint)).toBe(false);
      // Even unfolded it takes a small corner, not ~40% of the scene.
      expect((l.width * l.height) / (scene.width * scene.height)).toBeLessThan(open ? 0.12 : 0.05);
    }
    await expect(
      page.evaluate(() => window.__batchscape.viewStore.getState().legendOpen),
    ).resolves.toBe(false);
    expect(hint.y + hint.height).toBeLessThanOrEqual(scene.y + scene.height);
    await screenshot(page, 'layout-1024');
    expect(errors).toEqual([]);
  });

  it('four runs side by side (1280×720): equal panes, the same framing, the legend off the panes', async () => {
    const { page, errors } = await open('?lay=side&cmp=batch:8,64,256,1024', {
      viewport: { width: 1280, height: 720 },
    });
    await surfaceSettled(page);
    await page.waitForTimeout(500);
    const panes = await page.locator('.scene-pane').all();
    expect(panes).toHaveLength(4);
    const boxes = await Promise.all(panes.map(box));
    const pictures = await Promise.all(panes.map((p) => drawn(p.locator('canvas'))));
    const legend = await box(page.getByTestId('scene-legend'));
    for (const [i, b] of boxes.entries()) {
      expect(Math.abs(b.width - boxes[0]!.width)).toBeLessThanOrEqual(1);
      expect(Math.abs(b.height - boxes[0]!.height)).toBeLessThanOrEqual(1);
      expect(overlaps(b, legend)).toBe(false);
      // The same surface framed alike: its drawn extent matches pane 0's to a few px
      // (only the runs' own lines and markers differ between panes).
      const p = pictures[i]!.bbox!;
      const q = pictures[0]!.bbox!;
      for (const k of ['x0', 'y0', 'x1', 'y1'] as const)
        expect(Math.abs(p[k] - q[k])).toBeLessThan(4);
      // …and fills the pane: wide, and clear of the pane's edges.
      expect(p.x1 - p.x0).toBeGreaterThan(0.7 * b.width);
      expect(p.x0).toBeGreaterThan(0);
      expect(p.x1).toBeLessThan(b.width - 1);
    }
    // A 2 × 2 grid.
    expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(2);
    // At the end (a "worse on test" mark in a quarter of the panel) no readout is cut off.
    await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
    await allEnded(page);
    expect(await cutCells(page)).toEqual([]);
    await screenshot(page, 'layout-side-by-side-4');
    expect(errors).toEqual([]);
  });

  it('readout headers wrap only between words, for every compared setting and run count', async () => {
    const { page, errors } = await open('', { viewport: { width: 1280, height: 720 } });
    // The longest labels of each kind: numbers ("η = 0.00316"), words ("momentum"), two words.
    // (Batch-size labels are checked at four runs in the side-by-side test.)
    const cases: Record<string, unknown[]> = {
      lr: [0.001, 0.00316, 0.01, 0.0316],
      optimizer: ['sgd', 'momentum', 'nesterov', 'adam'],
      regimeAdaptation: [false, true, false, true],
    };
    // Paused: the labels are what is checked, and idle workers keep each case quick.
    await page.evaluate(() => window.__batchscape.controller.pause());
    const broken: string[] = [];
    for (const presenter of [false, true]) {
      await page.evaluate(
        (p) => window.__batchscape.viewStore.setState({ presenter: p }),
        presenter,
      );
      for (const [field, values] of Object.entries(cases))
        // Presenter type is larger, so its narrowest columns (four runs) are the hard case.
        for (const n of presenter ? [4] : [2, 3, 4]) {
          await page.evaluate(
            ([f, v]) =>
              window.__batchscape.configStore.setState({ compare: { field: f, values: v } }),
            [field, values.slice(0, n)] as const,
          );
          await page.waitForFunction(
            (k) => document.querySelectorAll('.readouts thead th').length === k + 1,
            n,
            { polling: 50 },
          );
          // Let React commit the new labels (and the table pick their short forms).
          await page.evaluate(
            () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
          );
          const bad = await page.evaluate(() => {
            const out: string[] = [];
            for (const th of document.querySelectorAll<HTMLElement>('.readouts th')) {
              const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
              let text = '';
              const tops: number[] = [];
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const t = node as Text;
                for (let i = 0; i < t.length; i++) {
                  const r = document.createRange();
                  r.setStart(t, i);
                  r.setEnd(t, i + 1);
                  text += t.data[i];
                  tops.push(r.getClientRects()[0]?.top ?? NaN);
                }
              }
              for (let i = 1; i < text.length; i++)
                if (tops[i]! > tops[i - 1]! + 2 && !/\s/.test(text[i - 1]!) && !/\s/.test(text[i]!))
                  out.push(`broken "${text}"`);
              if (th.scrollWidth > th.clientWidth + 1) out.push(`cut "${text}"`);
            }
            return out;
          });
          broken.push(...bad.map((b) => `${presenter ? 'presenter ' : ''}${field} ×${n}: ${b}`));
        }
    }
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the scene alone (720×480): a placeholder before the surface, the run key from the start, replay, and the result caption', async () => {
    const { page, errors } = await newPage(browser(), { viewport: { width: 720, height: 480 } });
    // Hold the engine worker back until the placeholder is checked, as a slow network would.
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    await page.route(/engine\.worker/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(inject('baseUrl') + '?view=scene');
    const canvas = page.locator('[data-testid="scene"] canvas');
    await canvas.waitFor();
    await expect(page.getByTestId('scene-results').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('scene-status').textContent()).resolves.toMatch(/Computing/);
    await page.waitForTimeout(300);
    // Not blank while it computes: the placeholder box is drawn (no surface exists yet).
    expect((await drawn(canvas)).fraction).toBeGreaterThan(0.005);
    await screenshot(page, 'layout-scene-placeholder');
    release();

    await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
    await allEnded(page);
    // The result: the key became a table, the caption states it, the legend stays folded.
    await expect(page.locator('[data-testid="scene-results"] thead').count()).resolves.toBe(1);
    const caption = await page.getByTestId('caption').textContent();
    for (const r of await page.evaluate(() => window.__batchscape.runsStore.getState().runs))
      expect(caption).toContain(r.label);
    expect(caption).toMatch(/ended/);
    await expect(page.getByTestId('scene-legend').getAttribute('data-open')).resolves.toBe('false');
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, 'layout-scene-alone');

    // Replay, by keyboard.
    const play = page.getByTestId('figure-play');
    await expect(play.textContent()).resolves.toBe('Replay');
    const restarts = await page.evaluate(() => window.__batchscape.controller.restarts);
    await play.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.__batchscape.controller.restarts > n, restarts, {
      polling: 50,
    });
    await allEnded(page);
    await expect(page.getByTestId('caption').textContent()).resolves.toBe(caption);

    // A small iframe (390×300): still drawn, nothing sideways, the top band's parts apart.
    await page.setViewportSize({ width: 390, height: 300 });
    await page.waitForTimeout(500);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect((await drawn(canvas)).fraction).toBeGreaterThan(0.1);
    const results = await box(page.getByTestId('scene-results'));
    for (const b of await page.locator('.scene-toolbar > *').all())
      expect(overlaps(results, await box(b))).toBe(false);
    await screenshot(page, 'layout-scene-small');
    expect(errors).toEqual([]);
  });

  it('the start point by keyboard: the scene owns the arrows in cursor mode, Enter sets, Escape leaves', async () => {
    const { page, errors } = await open('', { viewport: { width: 1280, height: 720 } });
    await page.waitForSelector('[data-testid="scene-legend"]', { timeout: 90_000 });
    // At 1280×720 the view toolbar keeps one row (its last button once wrapped over the surface).
    const middles = await page
      .locator('.scene-toolbar > *')
      .evaluateAll((els) =>
        els.map((e) => (e.getBoundingClientRect().top + e.getBoundingClientRect().bottom) / 2),
      );
    expect(middles.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(6);
    const config = () =>
      page.evaluate(() => {
        const s = window.__batchscape.configStore.getState();
        return { start: s.base.start, values: s.compare.values };
      });
    const before = await config();
    const scene = page.getByTestId('scene-canvas-box');
    await scene.focus();
    if (!(await scene.getAttribute('class'))!.includes('is-cursor'))
      await page.keyboard.press('Enter');
    await expect(scene.getAttribute('class')).resolves.toContain('is-cursor');
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp']) await page.keyboard.press(key);
    // The global shortcuts (arrows change the batch size) stayed out of it.
    expect(await config()).toEqual(before);
    await expect(scene.locator('[aria-live]').textContent()).resolves.toMatch(
      /Cursor at \(.+\), train loss .+\. Enter starts the runs here\./,
    );
    const restarts = await page.evaluate(() => window.__batchscape.controller.restarts);
    await page.keyboard.press('Enter');
    const after = await config();
    expect(after.values).toEqual(before.values);
    const [x0, y0] = before.start!;
    const [x1, y1] = after.start!;
    expect(x1).toBeGreaterThan(x0!);
    expect(y1).toBeGreaterThan(y0!);
    // Two steps right, one up: the x move is twice the y move (the box is wider than tall).
    expect(x1! - x0!).toBeGreaterThan(y1! - y0!);
    // The runs restarted, and every path now begins at the chosen point.
    await page.waitForFunction((n) => window.__batchscape.controller.restarts > n, restarts, {
      polling: 50,
    });
    await page.waitForFunction(
      () =>
        window.__batchscape.runsStore
          .getState()
          .runs.every((r) => window.__batchscape.path(r.id).length > 0),
      undefined,
      { polling: 50, timeout: 30_000 },
    );
    const firsts = await page.evaluate(() =>
      window.__batchscape.runsStore.getState().runs.map((r) => window.__batchscape.path(r.id)[0]!),
    );
    for (const [x, y] of firsts) {
      expect(x).toBeCloseTo(x1!, 4);
      expect(y).toBeCloseTo(y1!, 4);
    }
    await page.keyboard.press('Escape');
    await expect(scene.getAttribute('class')).resolves.not.toContain('is-cursor');
    // The scene says what it shows, including where the runs now start.
    await expect(page.getByTestId('scene-description').textContent()).resolves.toContain(
      `The runs start at (${formatNumber(x1)}, ${formatNumber(y1)})`,
    );
    expect(errors).toEqual([]);
  });

  it('presenter mode (1280×720): the view toolbar leaves the run key and the result table clear', async () => {
    const { page, errors } = await open('?pm=1', { viewport: { width: 1280, height: 720 } });
    await surfaceSettled(page);
    // Read as one layout (boxes measured one by one can straddle a re-layout, e.g. the key
    // turning into the result table as the runs end), and settled within a moment.
    const clear = () =>
      expect
        .poll(
          async () => {
            const results = await box(page.getByTestId('scene-results'));
            const scene = await box(page.getByTestId('scene'));
            const tools = await Promise.all(
              (await page.locator('.scene-toolbar > *').all()).map((b) => box(b)),
            );
            const again = await box(page.getByTestId('scene-results'));
            if (again.x !== results.x || again.y !== results.y) return 'moving';
            if (results.y < scene.y) return 'above the scene';
            return tools.some((t) => overlaps(results, t)) ? 'overlaps the toolbar' : 'clear';
          },
          { timeout: 5000 },
        )
        .toBe('clear');
    await clear();
    // The key becomes the wider result table when the runs end: still clear.
    await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
    await allEnded(page);
    await expect(page.locator('[data-testid="scene-results"] thead').count()).resolves.toBe(1);
    await clear();
    expect(await cutCells(page)).toEqual([]);
    expect((await drawn(page.locator('[data-testid="scene"] canvas'))).fraction).toBeGreaterThan(
      0.2,
    );
    await screenshot(page, 'layout-presenter');
    expect(errors).toEqual([]);
  });
});
