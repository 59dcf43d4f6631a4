/**
 * The explorer's charts and exports in real Chromium: early measurements on the log-step
 * axis, presenter-mode charts that read from the back of a hall, and exports that hold
 * what the page shows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newPage, repoRoot, screenshot } from './harness';
import { useBrowser } from './useBrowser';

const browser = useBrowser();

interface Handle {
  controller: { setSpeed(multiplier: number): void };
  runsStore: { getState(): { runs: { id: string; color: string; state: string }[] } };
  engineConfigs(): unknown[];
  metricSteps(id: string): number[];
  pointSteps(id: string): number[];
}
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
declare const window: { __batchscape: Handle; __png?: ImageData };

async function openEnded(query = '', viewport = { width: 1280, height: 800 }) {
  const { page, errors } = await newPage(browser());
  await page.setViewportSize(viewport);
  await page.goto(inject('baseUrl') + query);
  // These tests are about what the finished runs show, not playback: run at full speed.
  await page.waitForFunction(() => window.__batchscape !== undefined);
  await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
  await page.waitForFunction(
    () => {
      const r = window.__batchscape?.runsStore.getState().runs ?? [];
      return r.length > 0 && r.every((x) => x.state === 'done' || x.state === 'diverged');
    },
    undefined,
    { timeout: 60_000 },
  );
  // The surface (and with it the minima labels and the legend) is there too.
  await page.waitForSelector('[data-testid="scene-legend"]', { timeout: 60_000 });
  return { page, errors };
}

const runs = (page: Page) => page.evaluate(() => window.__batchscape.runsStore.getState().runs);

/**
 * Pixels of `canvasSel`'s canvas inside `rect` (page coordinates) within `tol` (sum of
 * |ΔR|+|ΔG|+|ΔB|) of `hex`, per column: how many, and the longest vertical run in a column.
 */
function colourColumns(page: Page, canvasSel: string, rect: Rect, hex: string, tol = 60) {
  return page.evaluate(
    ({ canvasSel, rect, hex, tol }) => {
      const c = document.querySelector(canvasSel) as HTMLCanvasElement;
      const box = c.getBoundingClientRect();
      const sx = c.width / box.width;
      const sy = c.height / box.height;
      const x0 = Math.round((rect.x - box.left) * sx);
      const y0 = Math.round((rect.y - box.top) * sy);
      const w = Math.round(rect.width * sx);
      const h = Math.round(rect.height * sy);
      const px = c.getContext('2d')!.getImageData(x0, y0, w, h).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let count = 0;
      let longest = 0;
      for (let x = 0; x < w; x++) {
        let run = 0;
        for (let y = 0; y < h; y++) {
          const i = 4 * (y * w + x);
          const near =
            Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - g!) + Math.abs(px[i + 2]! - b!) < tol;
          run = near ? run + 1 : 0;
          if (near) count++;
          longest = Math.max(longest, run / sy);
        }
      }
      return { count, longest };
    },
    { canvasSel, rect, hex, tol },
  );
}

const plotRect = (page: Page, chart: string) =>
  page.locator(`[data-testid="chart-${chart}"] .u-over`).boundingBox() as Promise<Rect>;

describe('charts', () => {
  it('measure the early steps: the small batch is on the log-step chart from step 1', async () => {
    const { page, errors } = await openEnded();
    const [small, large] = await runs(page);
    const steps = await page.evaluate((id) => window.__batchscape.metricSteps(id), small!.id);
    // Log-spaced from step 1 (every step of the first decade), within the budget.
    expect(steps.slice(0, 4)).toEqual([0, 1, 2, 3]);
    expect(steps.filter((s) => s > 0 && s < 100).length).toBeGreaterThanOrEqual(20);
    expect(steps.length).toBeLessThanOrEqual(200);
    expect(steps.every((s, i) => i === 0 || s > steps[i - 1]!)).toBe(true);

    // The CLI runs the explorer's config and measures at the same steps, with the same numbers.
    const config = (await page.evaluate(() => window.__batchscape.engineConfigs()))[0];
    const file = join(mkdtempSync(join(tmpdir(), 'batchscape-')), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'run', '--config', file, '--no-trajectory'],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const metrics = (JSON.parse(cli.stdout) as { metrics: { step: number }[] }).metrics;
    expect(metrics.map((m) => m.step)).toEqual(steps);

    // On the loss chart, with the large batch hidden (click its legend entry), the small
    // batch's line is drawn in the first decades of the log axis — before step ~8.
    await page
      .locator('[data-testid="chart-loss"] .u-legend .u-series', { hasText: 'B = 1024' })
      .first()
      .click();
    const plot = await plotRect(page, 'loss');
    const early = { ...plot, width: plot.width * 0.2 };
    const canvas = '[data-testid="chart-loss"] canvas';
    const blue = await colourColumns(page, canvas, early, small!.color);
    expect(blue.count).toBeGreaterThan(20);
    expect((await colourColumns(page, canvas, early, large!.color)).count).toBe(0);
    await screenshot(page, 'charts-early-steps');
    expect(errors).toEqual([]);
  });

  it('presenter mode: one large chart in view at 1280×720, 18 px type, 3 px lines, tabs on one line', async () => {
    const { page, errors } = await openEnded('?pm=1', { width: 1280, height: 720 });
    await page.waitForTimeout(300);
    const layout = await page.evaluate(() => {
      const tops = [...document.querySelectorAll('.tab')].map((t) => t.getBoundingClientRect().top);
      const panel = document.querySelector('.panel-readouts')!;
      const fig = document.querySelector('.live-chart')!.getBoundingClientRect();
      const px = (sel: string) =>
        parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize);
      const css = getComputedStyle(document.documentElement);
      return {
        tabRows: new Set(tops.map((t) => Math.round(t))).size,
        panelScrolls: panel.scrollHeight > panel.clientHeight + 1,
        figure: { top: fig.top, bottom: fig.bottom, right: fig.right },
        charts: document.querySelectorAll('.live-chart').length,
        legendPx: px('.live-chart .u-legend .u-series:nth-child(2)'),
        titlePx: px('.live-chart figcaption'),
        axisPx: parseFloat(css.getPropertyValue('--chart-font-size')),
        grid: css.getPropertyValue('--chart-grid').trim(),
        border: css.getPropertyValue('--border').trim(),
      };
    });
    expect(layout.tabRows).toBe(1);
    expect(layout.panelScrolls).toBe(false);
    expect(layout.charts).toBe(1);
    expect(layout.figure.bottom).toBeLessThanOrEqual(720);
    expect(layout.figure.right).toBeLessThanOrEqual(1280);
    expect(layout.legendPx).toBeGreaterThanOrEqual(18);
    expect(layout.titlePx).toBeGreaterThanOrEqual(18);
    expect(layout.axisPx).toBeGreaterThanOrEqual(18);
    // A quieter grid than the presenter theme's white borders.
    expect(layout.grid).not.toBe(layout.border);
    const plot = await plotRect(page, 'loss');
    expect(plot.height).toBeGreaterThanOrEqual(120);
    // Lines ≥ 3 px: the small batch's train loss is flat at the end of the run, so its
    // stroke there is as thick as the line is wide.
    const [small] = await runs(page);
    const tail = { ...plot, x: plot.x + plot.width * 0.9, width: plot.width * 0.08 };
    const line = await colourColumns(page, '[data-testid="chart-loss"] canvas', tail, small!.color);
    expect(line.longest).toBeGreaterThanOrEqual(3);
    // The picker shows the others, one at a time, in the same place.
    await page.getByTestId('chart-pick-lambda').click();
    await page.waitForSelector('[data-testid="chart-lambda"]');
    const lambda = await page.getByTestId('chart-lambda').boundingBox();
    expect(lambda!.y + lambda!.height).toBeLessThanOrEqual(720);
    await page.getByTestId('chart-pick-loss').click();
    await page.waitForTimeout(300);
    await screenshot(page, 'charts-presenter');
    expect(errors).toEqual([]);
  });
});

/** Clicks an export button and returns the downloaded file's bytes. */
async function download(page: Page, button: string): Promise<Buffer> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-menu').getByRole('button', { name: button }).click(),
  ]);
  return readFileSync((await d.path())!);
}

/** Decodes a PNG in the page (window.__png) and returns its size. */
function loadPng(page: Page, png: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    window.__png = ctx.getImageData(0, 0, c.width, c.height);
    return { width: img.width, height: img.height };
  }, png.toString('base64'));
}

/** Pixels of the decoded PNG in `rect` (PNG pixels) within `tol` of `hex`. */
function pngCount(page: Page, rect: Rect, hex: string, tol = 60) {
  return page.evaluate(
    ({ rect, hex, tol }) => {
      const img = window.__png!;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (
        let y = Math.max(0, Math.round(rect.y));
        y < Math.min(img.height, rect.y + rect.height);
        y++
      )
        for (
          let x = Math.max(0, Math.round(rect.x));
          x < Math.min(img.width, rect.x + rect.width);
          x++
        ) {
          const i = 4 * (y * img.width + x);
          const d = img.data;
          if (Math.abs(d[i]! - r!) + Math.abs(d[i + 1]! - g!) + Math.abs(d[i + 2]! - b!) < tol) n++;
        }
      return n;
    },
    { rect, hex, tol },
  );
}

describe('exports', () => {
  it('PNG is the figure as seen: caption, canvas, run key in the run colours, minima labels, legend; CSV joins points and metrics', async () => {
    const { page, errors } = await openEnded();
    await page.waitForTimeout(500);
    const scene = (await page.getByTestId('scene').boundingBox())!;
    const size = await loadPng(page, await download(page, 'PNG'));
    expect(size.width).toBe(Math.round(scene.width));
    // A caption band above the scene.
    const band = size.height - Math.round(scene.height);
    expect(band).toBeGreaterThan(20);
    // PNG coordinates of an element on the page.
    const at = async (sel: string): Promise<Rect> => {
      const r = (await page.locator(sel).first().boundingBox())!;
      return { x: r.x - scene.x, y: r.y - scene.y + band, width: r.width, height: r.height };
    };
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    const hex = (rgb: string) =>
      '#' +
      rgb
        .match(/\d+/g)!
        .slice(0, 3)
        .map((v) => Number(v).toString(16).padStart(2, '0'))
        .join('');
    // Caption text in the band.
    expect(
      await pngCount(page, { x: 0, y: 0, width: size.width, height: band }, hex(text)),
    ).toBeGreaterThan(50);
    for (const run of await runs(page)) {
      // The run key's colour chip, and the run's line on the surface.
      const chip = await at(`[data-testid="scene-result-${run.id}"] .scene-results-chip`);
      expect(await pngCount(page, chip, run.color, 40)).toBeGreaterThanOrEqual(
        chip.width * chip.height * 0.5,
      );
      expect(
        await pngCount(
          page,
          { x: 0, y: band, width: size.width, height: size.height - band },
          run.color,
        ),
      ).toBeGreaterThan(30);
      // The key's text.
      const row = await at(`[data-testid="scene-result-${run.id}"]`);
      expect(await pngCount(page, row, hex(text))).toBeGreaterThan(30);
    }
    // Minima labels: white text on their dark tags; the colormap legend's gradient.
    for (const id of ['sharp', 'flat']) {
      const label = await at(`[data-testid="minimum-${id}"]`);
      expect(await pngCount(page, label, '#ffffff', 90)).toBeGreaterThan(15);
    }
    // (The gradient runs low → high along the bar's long side: its high end is yellow.)
    const bar = await at('.scene-legend-bar');
    const viridisTop = '#fde725';
    const highEnd =
      bar.width > bar.height
        ? { ...bar, x: bar.x + bar.width * 0.85, width: bar.width * 0.15 }
        : { ...bar, height: bar.height * 0.15 };
    expect(await pngCount(page, highEnd, viridisTop, 90)).toBeGreaterThan(5);
    // Controls are not part of the figure: the toolbar's place shows the scene.
    const toolbarText = await at('.scene-toolbar button');
    expect(await pngCount(page, toolbarText, hex(text))).toBeLessThan(5);

    // CSV: one row per run and step with a trajectory point or a measurement (an outer join).
    const csv = (await download(page, 'CSV')).toString('utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(
      'run,label,step,epoch,lr,batch,batchLoss,x,y,trainLoss,testLoss,gap,distance,gradNorm,lambdaMax,lambdaMin,noiseScale,bSimple,saddleSteps,basin',
    );
    let rows = 1;
    for (const run of await runs(page)) {
      const [points, measured] = await page.evaluate(
        (id) => [window.__batchscape.pointSteps(id), window.__batchscape.metricSteps(id)],
        run.id,
      );
      const mine = csv.filter((l) => l.startsWith(`${run.id},`));
      expect(mine).toHaveLength(new Set([...points, ...measured]).size);
      const filled = mine.filter((l) => l.split(',')[9] !== '');
      expect(filled).toHaveLength(measured.length);
      rows += mine.length;
    }
    expect(csv).toHaveLength(rows);
    expect(errors).toEqual([]);
  });

  it('PNG side by side holds every panel with its run label', async () => {
    const { page, errors } = await openEnded('?lay=side');
    await page.waitForTimeout(500);
    const scene = (await page.getByTestId('scene').boundingBox())!;
    const size = await loadPng(page, await download(page, 'PNG'));
    const band = size.height - Math.round(scene.height);
    for (const run of await runs(page)) {
      const pane = (await page.getByTestId(`scene-pane-${run.id}`).boundingBox())!;
      const rect = {
        x: pane.x - scene.x,
        y: pane.y - scene.y + band,
        width: pane.width,
        height: pane.height,
      };
      // The pane's run colour: its label's border and its trajectory.
      expect(await pngCount(page, rect, run.color)).toBeGreaterThan(40);
    }
    expect(errors).toEqual([]);
  });
});
