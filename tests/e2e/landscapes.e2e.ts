/**
 * Landscapes that teach what they claim (issue #8), in real Chromium: the saddle's time
 * near the saddle point, quadratic-nd's slice along the runs and its stability caption,
 * random-potential's view that holds its runs and finishes at 1×, and the schedule
 * remedies' controls.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, repoRoot, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { lo: number[]; hi: number[] };
interface Handle {
  runsStore: {
    getState(): {
      runs: {
        id: string;
        state: string;
        label: string;
        last: { trainLoss: number; saddleSteps: number | null; step: number } | null;
      }[];
    };
  };
  surfaceStore: {
    getState(): {
      data: { box: Box; min: number; slice?: { pathLoss: [number, number] | null } } | null;
    };
  };
  controller: { setSpeed(m: number): void };
  engineConfigs(): unknown[];
  head(id: string): [number, number] | null;
  path(id: string): [number, number][];
  startMarkers(): number[];
}
declare const window: { __batchscape: Handle };

async function open(query: string, viewport = { width: 1280, height: 720 }) {
  const { page, errors } = await newPage(browser);
  await page.setViewportSize(viewport);
  await page.goto(inject('baseUrl') + query);
  await page.waitForSelector('[data-testid="scene"] canvas');
  return { page, errors };
}

const allEnded = (page: Page, timeout = 90_000) =>
  page.waitForFunction(
    () => {
      const r = window.__batchscape?.runsStore.getState().runs ?? [];
      return r.length > 0 && r.every((x) => x.state === 'done' || x.state === 'diverged');
    },
    undefined,
    { timeout, polling: 100 },
  );

/** Whether every recorded point of every run lies in the drawn surface's box. */
const pathsInBox = (page: Page) =>
  page.evaluate(() => {
    const h = window.__batchscape;
    const box = h.surfaceStore.getState().data!.box;
    return h.runsStore
      .getState()
      .runs.every((r) =>
        h
          .path(r.id)
          .every(
            ([x, y]) => x >= box.lo[0]! && x <= box.hi[0]! && y >= box.lo[1]! && y <= box.hi[1]!,
          ),
      );
  });

describe('landscapes that teach what they claim', () => {
  it('saddle: the full batch reaches the saddle and lingers, as a number on screen', async () => {
    const { page, errors } = await open('?p=saddle');
    await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
    await allEnded(page);
    const share = async (id: string) =>
      Number(await page.getAttribute(`[data-testid="readout-saddle-${id}"]`, 'data-value'));
    const small = await share('run0');
    const large = await share('run1');
    // B = 512 spends a fifth or more of its training near the saddle point; B = 8 passes.
    expect(large).toBeGreaterThanOrEqual(0.2);
    expect(small).toBeLessThan(0.05);
    expect(large).toBeGreaterThan(10 * small);
    await expect(page.textContent('[data-testid="readout-saddle-run1"]')).resolves.toMatch(
      /^\d+(\.\d+)?% \(\d+\)$/,
    );
    const caption = (await page.textContent('[data-testid="caption"]'))!;
    expect(caption).toMatch(
      /Time within [\d.]+ of the saddle point: B = 8 [\d.]+% .* B = 512 [\d.]+%/,
    );
    expect(caption).toMatch(/B = 512 makes 64× fewer in its run/);
    await page.waitForSelector('[data-testid="saddle-saddle"]');
    await page.waitForTimeout(500);
    await screenshot(page, 'landscape-saddle');
    expect(errors).toEqual([]);
  });

  it('quadratic-nd: one start marker, the paths in the slice, the colour range and the stability lesson', async () => {
    const { page, errors } = await open('?p=quadratic-nd');
    await page.evaluate(() => window.__batchscape.controller.setSpeed(Infinity));
    await allEnded(page);
    await page.waitForFunction(() => window.__batchscape.surfaceStore.getState().data?.slice);
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => window.__batchscape.startMarkers())).resolves.toEqual([1]);
    const note = (await page.textContent('[data-testid="slice-note"]'))!;
    const explained = Number(
      /at least ([\d.]+)% of each run's movement lies in it/.exec(note)?.[1],
    );
    expect(explained).toBeGreaterThan(90);
    expect(note).toMatch(/leave it by at most [\d.]+ \(they reach [\d.]+ from the start\)/);
    expect(await pathsInBox(page)).toBe(true);
    // The colour bar's low end reaches every run's final train loss.
    const { lo, losses } = await page.evaluate(() => {
      const h = window.__batchscape;
      const d = h.surfaceStore.getState().data!;
      return {
        lo: Math.min(d.min, d.slice!.pathLoss![0]),
        losses: h.runsStore.getState().runs.map((r) => r.last!.trainLoss),
      };
    });
    for (const l of losses) expect(l).toBeGreaterThanOrEqual(lo);
    const caption = (await page.textContent('[data-testid="caption"]'))!;
    expect(caption).toMatch(/Stable for every run: η·λ_max = 0\.05 × 10 = 0\.5 < 2/);
    await screenshot(page, 'landscape-quadratic-nd');

    // The projection is display only: the full batch's run equals the CLI's, bit for bit.
    const config = (await page.evaluate(() => window.__batchscape.engineConfigs()))[1];
    const file = join(mkdtempSync(join(tmpdir(), 'batchscape-')), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'run', '--config', file, '--no-trajectory'],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const summary = (JSON.parse(cli.stdout) as { summary: { finalTrainLoss: number } }).summary;
    expect(losses[1]).toBe(summary.finalTrainLoss);
    expect(errors).toEqual([]);
  });

  it('random-potential: the view holds the runs, and the default run ends within ~10 s at 1×', async () => {
    const { page, errors } = await open('?p=random-potential');
    const t0 = Date.now();
    let samples = 0;
    let outside = 0;
    for (;;) {
      const s = await page.evaluate(() => {
        const h = window.__batchscape;
        const box = h.surfaceStore.getState().data?.box;
        const runs = h.runsStore.getState().runs;
        const heads = runs.map((r) => h.head(r.id));
        return {
          ended: runs.length > 0 && runs.every((r) => r.state === 'done'),
          out: box
            ? heads.filter(
                (p) =>
                  p &&
                  (p[0] < box.lo[0]! ||
                    p[0] > box.hi[0]! ||
                    p[1] < box.lo[1]! ||
                    p[1] > box.hi[1]!),
              ).length
            : 0,
          counted: box ? heads.length : 0,
        };
      });
      samples += s.counted;
      outside += s.out;
      if (s.ended || Date.now() - t0 > 60_000) break;
      await page.waitForTimeout(200);
    }
    const seconds = (Date.now() - t0) / 1000;
    console.log(`[e2e] random-potential default run ended after ${seconds.toFixed(1)} s at 1×`);
    expect(samples).toBeGreaterThan(4);
    expect(outside).toBe(0);
    expect(await pathsInBox(page)).toBe(true);
    // ~10 s on an idle 2-core machine; the bound leaves room for a loaded CI box.
    expect(seconds).toBeLessThan(20);
    await page.waitForTimeout(500);
    await screenshot(page, 'landscape-random-potential');
    expect(errors).toEqual([]);
  });

  it('schedule controls: warm-up to a peak LR, and a growing batch that says when it changes nothing', async () => {
    const { page, errors } = await open('');
    await page.click('[data-testid="section-schedules"] summary');
    await page.selectOption('[data-testid="lr-schedule"]', 'warmup');
    await page.fill('[data-testid="warmup-peak"]', '5');
    await expect(page.textContent('[data-testid="warmup-note"]')).resolves.toMatch(
      /up to 0\.05 \(5 × η = 0\.01\) over the first 10% of training/,
    );
    await page.selectOption('[data-testid="batch-schedule"]', 'grow');
    const notes = (await page.textContent('[data-testid="grow-notes"]'))!;
    expect(notes).toMatch(/B = 1024 is already at the cap \(1024\): the schedule changes nothing/);
    // The link reproduces the schedules.
    await page.waitForFunction(() => /lrs=warmup%3A0\.1%3A5/.test(location.search));
    expect(await page.evaluate(() => location.search)).toMatch(/bs=grow/);
    await page.locator('[data-testid="section-schedules"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'landscape-schedule-controls');
    expect(errors).toEqual([]);
  });
});
