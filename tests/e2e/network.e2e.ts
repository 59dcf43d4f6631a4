/**
 * The network lab in the explorer, in real Chromium: boundaries and the slice surface appear,
 * Ghost BN restarts the runs (and a v that does not divide B is refused inline), the CSV has
 * accuracy columns, and a shared link reproduces the run bit for bit — equal to the CLI's.
 * A small network and a short budget keep it to seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashFloat32 } from '../../src/engine/hash';
import { launchBrowser, newPage, repoRoot, screenshot } from './harness';

interface Run {
  id: string;
  state: string;
  steps: number;
  last: { testLoss: number; trainLoss: number; testAccuracy: number; trainAccuracy: number };
}
interface Handle {
  runsStore: { getState(): { runs: Run[] } };
  controller: { restarts: number };
  surfaceStore: {
    getState(): { data: { train: Float32Array; net?: { progress: number; ended: boolean } } };
  };
  engineConfigs(): unknown[];
  netTrajectoryHash(id: string): string | null;
}
declare const window: { __batchscape: Handle };

const QUERY = '?p=mlp&ep=40&n=64&nt=256&hid=12';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(query: string) {
  const p = await newPage(browser);
  await p.page.goto(inject('baseUrl') + query);
  return p;
}

async function download(page: Page, button: string): Promise<string> {
  const [d] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-menu').getByRole('button', { name: button }).click(),
  ]);
  return (await d.path())!;
}

const ended = (page: Page) =>
  page.waitForFunction(
    () => {
      const runs = window.__batchscape?.runsStore.getState().runs ?? [];
      return runs.length > 0 && runs.every((r) => r.state === 'done');
    },
    null,
    { timeout: 90_000 },
  );

/** Distinct colours (quantised) in a canvas: a blank or flat canvas has one or two. */
const colours = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const src = document.querySelector(sel) as HTMLCanvasElement;
    const c = document.createElement('canvas');
    [c.width, c.height] = [src.width, src.height];
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 7)
      seen.add(((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4));
    return seen.size;
  }, selector);

describe('network lab', () => {
  it('trains live: boundaries and the slice surface appear; a shared link equals the CLI', async () => {
    const { page, errors } = await open(QUERY);
    await ended(page);
    // The slice around the focus run's final weights, filled to the last level.
    await page.waitForFunction(
      () => {
        const net = window.__batchscape.surfaceStore.getState().data?.net;
        return net?.ended === true && net.progress === 1;
      },
      null,
      { timeout: 90_000 },
    );
    const surface = await page.evaluate(() =>
      Array.from(window.__batchscape.surfaceStore.getState().data.train),
    );
    expect(surface.every(Number.isFinite)).toBe(true);
    expect(Math.max(...surface)).toBeGreaterThan(Math.min(...surface));
    for (const id of ['run0', 'run1']) {
      const final = await page.evaluate(
        (i) => window.__batchscape.runsStore.getState().runs.find((r) => r.id === i)!.steps,
        id,
      );
      await page.waitForFunction(
        ([i, s]) =>
          (document.querySelector(`[data-testid=boundary-${i}]`) as HTMLElement).dataset.step ===
          String(s),
        [id, final] as const,
      );
      expect(await colours(page, `[data-testid=boundary-${id}]`)).toBeGreaterThan(8);
    }
    expect(await colours(page, '.scene canvas')).toBeGreaterThan(20);
    await expect
      .poll(() => page.getByTestId('caption').textContent())
      .toMatch(/test acc\. .* ends with the lower test accuracy|same test accuracy/);
    await screenshot(page, 'network-lab');

    // Export: one CSV with the accuracy columns, filled at measured steps.
    const csv = readFileSync(await download(page, 'CSV'), 'utf8')
      .trimEnd()
      .split('\n');
    const header = csv[0]!.split(',');
    expect(header.slice(-2)).toEqual(['trainAccuracy', 'testAccuracy']);
    const accCells = csv
      .slice(1)
      .map((l) => l.split(',').at(-1)!)
      .filter((c) => c !== '');
    expect(accCells.length).toBeGreaterThan(2);
    expect(accCells.every((c) => Number(c) >= 0 && Number(c) <= 1)).toBe(true);

    // JSON: the network's config and its accuracy records, the last equal to the readout.
    const doc = JSON.parse(readFileSync(await download(page, 'JSON'), 'utf8')) as {
      format: string;
      runs: { id: string; config: { preset: string }; metrics: { testAccuracy: number }[] }[];
    };
    expect(doc.format).toBe('batchscape-export');
    const readout = await page.evaluate(() =>
      window.__batchscape.runsStore.getState().runs.map((r) => r.last.testAccuracy),
    );
    expect(doc.runs.map((r) => r.config.preset)).toEqual(['mlp', 'mlp']);
    expect(doc.runs.map((r) => r.metrics.at(-1)!.testAccuracy)).toEqual(readout);
    // PNG: the scene as seen, as wide as on screen and not blank.
    const scene = (await page.getByTestId('scene').boundingBox())!;
    // Decoded into a canvas on the page, then counted like the live canvases.
    const pngWidth = await page.evaluate(
      async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = Object.assign(document.createElement('canvas'), {
          id: 'png-check',
          hidden: true,
        });
        [c.width, c.height] = [img.width, img.height];
        c.getContext('2d')!.drawImage(img, 0, 0);
        document.body.append(c);
        return img.width;
      },
      readFileSync(await download(page, 'PNG')).toString('base64'),
    );
    expect(pngWidth).toBe(Math.round(scene.width));
    expect(await colours(page, '#png-check')).toBeGreaterThan(20);

    // The same link in a fresh page, and the CLI on the same config: the same run, bit for bit.
    const state = () =>
      page.evaluate(() => ({
        hash: window.__batchscape.netTrajectoryHash('run0'),
        last: window.__batchscape.runsStore.getState().runs[0]!.last,
        config: window.__batchscape.engineConfigs()[0],
      }));
    const a = await state();
    const b = await open(QUERY);
    await ended(b.page);
    const hashB = await b.page.evaluate(() => window.__batchscape.netTrajectoryHash('run0'));
    expect(a.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(hashB).toBe(a.hash);
    const file = join(mkdtempSync(join(tmpdir(), 'batchscape-')), 'config.json');
    writeFileSync(file, JSON.stringify(a.config));
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'run', '--config', file],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout) as {
      summary: { finalTestLoss: number; testAccuracy: number; trainAccuracy: number };
      trajectory: { w: number[] }[];
    };
    expect(hashFloat32(new Float32Array(out.trajectory.flatMap((p) => p.w)))).toBe(a.hash);
    expect(out.summary.finalTestLoss).toBe(a.last.testLoss);
    expect(out.summary.testAccuracy).toBe(a.last.testAccuracy);
    expect(errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('on a phone: boundaries under the scene, the network group, no start-point hint, no sideways scroll', async () => {
    const p = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const { page, errors } = p;
    await page.goto(inject('baseUrl') + QUERY);
    await ended(page);
    for (const id of ['run0', 'run1']) {
      const box = (await page.getByTestId(`boundary-${id}`).boundingBox())!;
      expect(box.width).toBeGreaterThan(120);
      expect(box.height).toBeGreaterThan(120);
      await expect.poll(() => colours(page, `[data-testid=boundary-${id}]`)).toBeGreaterThan(8);
    }
    await expect(page.getByTestId('net-ghost').count()).resolves.toBe(1);
    // The start is the network's initial weights: nothing to click or tap on the slice.
    expect(await page.getByTestId('scene-hint').count()).toBe(0);
    expect(await page.getByTestId('start-value').count()).toBe(0);
    // The slice note is one line that unfolds.
    expect(await page.locator('[data-testid=slice-note]').evaluate((e) => e.tagName)).toBe(
      'DETAILS',
    );
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, 'network-phone');
    expect(errors).toEqual([]);
  });

  it('Ghost BN: a v that does not divide B is refused inline; a valid v restarts the runs', async () => {
    const { page, errors } = await open(QUERY);
    const ghost = page.getByTestId('net-ghost');
    const restarts = () => page.evaluate(() => window.__batchscape.controller.restarts);
    const before = await restarts();
    await ghost.fill('5');
    await expect
      .poll(() => page.getByTestId('net-ghost-error').textContent())
      .toMatch(/v = 5 must divide the batch size 16/);
    expect(await restarts()).toBe(before);
    await ghost.fill('8');
    await expect.poll(() => page.getByTestId('net-ghost-error').count()).toBe(0);
    await expect.poll(restarts).toBe(before + 1);
    // The address bar follows the config after a short debounce.
    await expect.poll(() => page.url()).toContain('gb=8');
    await ended(page);
    expect(errors).toEqual([]);
  });
});
