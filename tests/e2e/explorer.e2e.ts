/**
 * The explorer as a person uses it, in real Chromium against the production build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, repoRoot, screenshot } from './harness';
import { hashFloat32 } from '../../src/engine/hash';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Handle {
  runsStore: {
    getState(): {
      runs: { id: string; color: string; state: string; batch: number; label: string }[];
      playing: boolean;
    };
  };
  viewStore: { getState(): { presenter: boolean; help: boolean } };
  configStore: { getState(): { compare: { values: unknown[] } } };
  engineConfigs(): unknown[];
  trajectoryHash(id: string): string | null;
  pointCount(id: string): number;
  controller: { setSpeed(multiplier: number): void; restarts: number };
  metricSteps(id: string): number[];
}
declare const window: { __batchscape: Handle; innerWidth: number };

const runs = (page: Page) => page.evaluate(() => window.__batchscape.runsStore.getState().runs);
const allEnded = (page: Page) =>
  page.waitForFunction(
    () => {
      const r = window.__batchscape?.runsStore.getState().runs ?? [];
      return r.length > 0 && r.every((x) => x.state === 'done' || x.state === 'diverged');
    },
    undefined,
    { timeout: 60_000 },
  );

async function open(query = '') {
  const { page, errors } = await newPage(browser);
  await page.goto(inject('baseUrl') + query);
  await page.waitForSelector('[data-testid="scene"] canvas');
  return { page, errors };
}

describe('explorer', () => {
  it('opens on sharp-flat with a small and a large batch racing, and no console errors', async () => {
    const { page, errors } = await open();
    await allEnded(page);
    const r = await runs(page);
    expect(r.map((x) => x.label)).toEqual(['B = 8', 'B = 1024']);
    expect(new Set(r.map((x) => x.color)).size).toBe(2);
    for (const x of r)
      expect(await page.evaluate((id) => window.__batchscape.pointCount(id), x.id)).toBeGreaterThan(
        10,
      );
    await expect(page.textContent('[data-testid="readout-gap-run0"]')).resolves.toMatch(/\d/);
    await page.waitForTimeout(500);
    // Both runs are visible in their own colours: count scene pixels near each run colour.
    const counts = await page.evaluate(
      (colors) => {
        const src = document.querySelector('[data-testid="scene"] canvas') as HTMLCanvasElement;
        const c = document.createElement('canvas');
        c.width = src.width;
        c.height = src.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(src, 0, 0);
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        return colors.map((hex) => {
          const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
          let n = 0;
          for (let i = 0; i < px.length; i += 4) {
            if (Math.abs(px[i]! - r!) + Math.abs(px[i + 1]! - g!) + Math.abs(px[i + 2]! - b!) < 60)
              n++;
          }
          return n;
        });
      },
      r.map((x) => x.color),
    );
    for (const n of counts) expect(n).toBeGreaterThan(30);
    await screenshot(page, 'explorer-home');
    expect(errors).toEqual([]);
  });

  it('the first ten seconds: same start, small batch flat, large batch sharp and worse on test', async () => {
    const { page, errors } = await open();
    await allEnded(page);
    const row = (id: string) => page.getByTestId(`scene-result-${id}`);
    await expect(row('run0').textContent()).resolves.toMatch(/flat minimum/);
    await expect(row('run1').textContent()).resolves.toMatch(/sharp minimum/);
    const value = async (testId: string) =>
      Number(await page.getByTestId(testId).getAttribute('data-value'));
    const test0 = await value('readout-testloss-run0');
    const test1 = await value('readout-testloss-run1');
    const train0 = await value('readout-trainloss-run0');
    const train1 = await value('readout-trainloss-run1');
    expect(train1).toBeLessThan(train0);
    expect(test1).toBeGreaterThan(test0);
    // The larger test loss is marked, in the readouts and beside the run in the scene.
    await expect(
      page.getByTestId('readout-testloss-run1').getAttribute('data-worse'),
    ).resolves.toBe('true');
    await expect(
      page.getByTestId('readout-testloss-run0').getAttribute('data-worse'),
    ).resolves.toBeNull();
    await expect(row('run1').textContent()).resolves.toMatch(/worse/);
    await expect(page.textContent('[data-testid="caption"]')).resolves.toMatch(
      /The sharp minimum looks better on train \(.*\) but is worse on test/,
    );
    // The readouts are the engine's numbers: the CLI, from the same start, says the same.
    for (const [batch, test] of [
      [8, test0],
      [1024, test1],
    ] as const) {
      const cli = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/main.ts',
          'run',
          '--batch',
          String(batch),
          '--start',
          '-0.5,0.5',
          '--record-every',
          '100000',
        ],
        { cwd: repoRoot, encoding: 'utf8' },
      );
      expect(cli.status, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout).summary.finalTestLoss).toBe(test);
    }
    await screenshot(page, 'explorer-first-ten-seconds');
    expect(errors).toEqual([]);
  });

  it('dragging the batch-size slider restarts that run with the new batch', async () => {
    const { page, errors } = await open();
    const slider = page.getByTestId('batch-slider-0');
    await slider.focus();
    const before = (await runs(page))[0]!.label;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (b) => window.__batchscape.runsStore.getState().runs[0]!.label !== b,
      before,
    );
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    const after = (await runs(page))[0]!.label;
    expect(after).not.toBe(before);
    expect(errors).toEqual([]);
  });

  it('a shared URL reproduces the same trajectory, equal to the CLI run of the same config', async () => {
    const query = '?s=3&lr=0.02&cmp=batch:16,256';
    const a = await open(query);
    await allEnded(a.page);
    const hashA = await a.page.evaluate(() => window.__batchscape.trajectoryHash('run0'));
    const config = (await a.page.evaluate(() => window.__batchscape.engineConfigs()))[0];
    // The second visitor plays at full speed: pacing must not change a bit of the trajectory.
    const b = await open(query);
    await b.page.waitForFunction(() => window.__batchscape !== undefined);
    await b.page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
    await allEnded(b.page);
    const hashB = await b.page.evaluate(() => window.__batchscape.trajectoryHash('run0'));
    expect(hashA).toMatch(/^[0-9a-f]{8}$/);
    expect(hashB).toBe(hashA);

    const dir = mkdtempSync(join(tmpdir(), 'batchscape-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'run', '--config', file],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout) as { trajectory: { w: number[] }[] };
    const flat = new Float32Array(out.trajectory.flatMap((p) => p.w));
    expect(hashFloat32(flat)).toBe(hashA);
    expect(a.errors).toEqual([]);
  });

  it('presenter mode and keyboard shortcuts', async () => {
    const { page, errors } = await open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page
      .locator('body')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await page.keyboard.press('p');
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(
      'presenter',
    );
    // Slow playback, then R restarts the runs: they are still going minutes later, so Space
    // must pause them (on ended runs it replays instead, and `playing` stays on).
    await page.evaluate(() => window.__batchscape.controller.setSpeed(0.02));
    const restarts = await page.evaluate(() => window.__batchscape.controller.restarts);
    await page.keyboard.press('r');
    await expect(page.evaluate(() => window.__batchscape.controller.restarts)).resolves.toBe(
      restarts + 1,
    );
    const playing = () => page.evaluate(() => window.__batchscape.runsStore.getState().playing);
    const focusIsLive = () =>
      page.evaluate(() => document.activeElement !== null && document.activeElement.isConnected);
    expect(await playing()).toBe(true);
    // Closed with Escape: Space pauses.
    await page.keyboard.press('Shift+?');
    await page.waitForSelector('[data-testid="help-overlay"]');
    await screenshot(page, 'explorer-help');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid="help-overlay"]').count()).resolves.toBe(0);
    expect(await focusIsLive()).toBe(true);
    await page.keyboard.press(' ');
    expect(await playing()).toBe(false);
    // Closed with its button: Space plays again.
    await page.keyboard.press('Shift+?');
    await page.getByTestId('help-overlay').getByRole('button', { name: 'Close' }).click();
    await expect(page.locator('[data-testid="help-overlay"]').count()).resolves.toBe(0);
    expect(await focusIsLive()).toBe(true);
    await page.keyboard.press(' ');
    expect(await playing()).toBe(true);
    await page.evaluate(() => window.__batchscape.controller.setSpeed(1));
    const b0 = (await runs(page))[0]!.batch;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (b) => window.__batchscape.configStore.getState().compare.values[0] !== b,
      b0,
    );
    await expect(
      page.evaluate(() => window.__batchscape.configStore.getState().compare.values[0]),
    ).resolves.toBe(b0 * 2);
    // The loss chart of run 0 is the new run's alone: frames the old run had in flight
    // would splice its measurements in front (steps going back to 0).
    await page.waitForFunction(() => window.__batchscape.metricSteps('run0').length >= 5);
    const measured = await page.evaluate(() => window.__batchscape.metricSteps('run0'));
    expect(measured.every((step, i) => i === 0 || step > measured[i - 1]!)).toBe(true);
    expect((await runs(page))[0]!.batch).toBe(b0 * 2);
    await screenshot(page, 'explorer-presenter');
    const scroll = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
    expect(scroll).toBe(true);
    expect(errors).toEqual([]);
  });

  it('bad URL parameters fall back safely with a visible notice', async () => {
    const { page, errors } = await open('?p=volcano&b=abc&lr=-1');
    await page.waitForSelector('.notices');
    await expect(page.textContent('.notices')).resolves.toMatch(/volcano/);
    expect(errors).toEqual([]);
  });
});
