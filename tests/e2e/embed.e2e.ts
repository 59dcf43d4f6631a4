// Embedding, as a reader and an author meet it: the demo article served from a sub-path,
// its figures sized from their `resize` events, an embed pausing when scrolled away, the
// host page driving a figure through postMessage, and a science-view embed that never
// downloads the 3-D scene's chunk.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { newPage, repoRoot, screenshot } from './harness';
import { serveDistAt, SUB_PATH } from './subPathServer';
import { useBrowser } from './useBrowser';

const browser = useBrowser();
let site: Awaited<ReturnType<typeof serveDistAt>>;
beforeAll(async () => {
  site = await serveDistAt(SUB_PATH, { 'host-test.html': HOST_PAGE });
});
afterAll(async () => {
  await site?.close();
});

interface EmbedHandle {
  embed: { gate: { active: boolean }; sent: { type: string }[] };
  runsStore: { getState(): { playing: boolean; runs: { steps: number; batch: number }[] } };
  configStore: { getState(): { compare: { values: unknown[] } } };
}
interface ArticleHandle {
  received: Record<
    string,
    { type: string; height?: number; code?: string; message?: string; summary?: unknown }[]
  >;
  send(frame: HTMLIFrameElement, command: { type: string; step?: string; id?: string }): void;
}
declare const window: { __batchscape: EmbedHandle; __article: ArticleHandle };

test('the article renders its figures from a sub-path, sized from their resize events', async () => {
  const { page, errors } = await newPage(browser());
  await page.goto(`${site.url}article.html`);
  for (const figure of ['race', 'charts', 'sweep', 'step']) {
    await page.locator(`iframe[data-figure="${figure}"]`).scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (f) => (window.__article.received[f] ?? []).some((e) => e.type === 'ready'),
      figure,
    );
  }
  // Each iframe's height is the last height its figure reported.
  const heights = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLIFrameElement>('iframe.embed-frame')].map((f) => {
      const sizes = (window.__article.received[f.dataset.figure!] ?? []).filter(
        (e) => e.type === 'resize',
      );
      return { css: f.clientHeight, reported: sizes.at(-1)?.height ?? -1 };
    }),
  );
  for (const h of heights) {
    expect(h.reported).toBeGreaterThan(100);
    expect(Math.abs(h.css - h.reported)).toBeLessThanOrEqual(1);
  }
  // The walkthrough step: its panel above the figure, and the host page moves it (goto-step,
  // answered by step-changed); an unknown step is refused in one line and nothing moves.
  const step = page.frameLocator('iframe[data-figure="step"]');
  await step.locator('[data-testid="tour-panel"][data-step="sharp-vs-flat"]').waitFor();
  await page.click('button[data-step="small-vs-large"]');
  await step.locator('[data-testid="tour-panel"][data-step="small-vs-large"]').waitFor();
  await page.waitForFunction(() =>
    (window.__article.received.step ?? []).some(
      (e) => e.type === 'step-changed' && (e as { step?: string }).step === 'small-vs-large',
    ),
  );
  expect(await page.getAttribute('button[data-step="small-vs-large"]', 'aria-pressed')).toBe(
    'true',
  );
  await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-figure="step"]')!;
    window.__article.send(frame, { type: 'goto-step', step: 'no-such-step', id: 'bad' });
  });
  await page.waitForFunction(() =>
    (window.__article.received.step ?? []).some((e) => e.type === 'error'),
  );
  const refusal = await page.evaluate(() =>
    (window.__article.received.step ?? []).find((e) => e.type === 'error')!,
  );
  expect(refusal).toMatchObject({ code: 'unsupported', id: 'bad' });
  expect(refusal.message).toMatch(/^unknown step "no-such-step" in generalization-gap; steps: /);
  expect(refusal.message).not.toMatch(/\n/);
  expect(await step.locator('[data-testid="tour-panel"]').getAttribute('data-step')).toBe(
    'small-vs-large',
  );
  await page.locator('#fig-race').scrollIntoViewIfNeeded();
  await screenshot(page, 'embed-article');
  expect(site.misses).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close(); // its embeds would keep computing beside the next test
});

// A bare host page: one chart embed (no WebGL, and a small train set: light under load), far enough above a spacer
// to be scrolled out of view. The test records the embed's events before the page loads.
const HOST_PAGE = `<!doctype html><html><head><link rel="icon" href="./favicon.svg"></head><body style="margin:0">
<iframe id="fig" src="./?embed=1&view=charts&controls=none&n=64&ep=50000" style="width:900px;height:500px;border:0"></iframe>
<div style="height:3000px"></div><p id="end">end</p></body></html>`;

async function openHost(): Promise<{ page: Page; errors: string[]; fig: Frame }> {
  const { page, errors } = await newPage(browser());
  await page.addInitScript(() => {
    const log: { type: string }[] = [];
    (window as unknown as { __events: unknown }).__events = log;
    self.addEventListener('message', (e: MessageEvent) => log.push(e.data as { type: string }));
  });
  await page.goto(`${site.url}host-test.html`);
  await page.waitForFunction(() =>
    (window as unknown as { __events: { type: string }[] }).__events.some(
      (e) => e.type === 'ready',
    ),
  );
  const fig = (await (await page.$('#fig'))!.contentFrame())!;
  return { page, errors, fig };
}

const hostEvents = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __events: { type: string; code?: string; summary?: unknown }[] })
        .__events,
  );

const send = (page: Page, message: unknown) =>
  page.evaluate(
    (m) => document.querySelector('iframe')!.contentWindow!.postMessage(m, '*'),
    message,
  );

const runSteps = (fig: Frame) =>
  fig.evaluate(() => window.__batchscape.runsStore.getState().runs.map((r) => r.steps));

test('an embed pauses when scrolled out of view and resumes when back', async () => {
  const { page, errors, fig } = await openHost();
  await fig.waitForFunction(() =>
    window.__batchscape.runsStore.getState().runs.some((r) => r.steps > 20),
  );
  expect(await fig.evaluate(() => window.__batchscape.embed.gate.active)).toBe(true);
  await page.locator('#end').scrollIntoViewIfNeeded();
  await fig.waitForFunction(() => !window.__batchscape.embed.gate.active);
  expect(await fig.evaluate(() => window.__batchscape.runsStore.getState().playing)).toBe(false);
  await page.waitForTimeout(400); // frames already in flight land
  const held = await runSteps(fig);
  await page.waitForTimeout(1000);
  expect(await runSteps(fig)).toEqual(held);
  await page.locator('#fig').scrollIntoViewIfNeeded();
  await fig.waitForFunction(
    (before) => window.__batchscape.runsStore.getState().runs.some((r, i) => r.steps > before[i]!),
    held,
  );
  expect(errors).toEqual([]);
  await page.context().close(); // its embeds would keep computing beside the next test
});

test('a host page drives an embed: set-config, pause, play, run-finished; bad input is answered', async () => {
  const { page, errors, fig } = await openHost();
  await send(page, { batchscape: 1, type: 'pause' });
  await fig.waitForFunction(() => !window.__batchscape.embed.gate.active);
  await send(page, { batchscape: 1, type: 'set-config', params: { cmp: 'batch:4,32', ep: 20 } });
  await fig.waitForFunction(
    () =>
      window.__batchscape.runsStore
        .getState()
        .runs.map((r) => r.batch)
        .join() === '4,32',
  );
  await page.waitForTimeout(500);
  expect(await runSteps(fig)).toEqual([0, 0]); // paused: the new runs wait
  await send(page, { batchscape: 1, type: 'play' });
  await page.waitForFunction(() =>
    (window as unknown as { __events: { type: string }[] }).__events.some(
      (e) => e.type === 'run-finished',
    ),
  );
  const finished = (await hostEvents(page)).find((e) => e.type === 'run-finished')!.summary as {
    kind: string;
    runs: { batch: number; testLoss: number; trainLoss: number; steps: number }[];
  };
  expect(finished.kind).toBe('runs');
  expect(finished.runs.map((r) => r.batch)).toEqual([4, 32]);
  for (const r of finished.runs) {
    expect(Number.isFinite(r.testLoss) && Number.isFinite(r.trainLoss)).toBe(true);
    expect(r.steps).toBeGreaterThan(0);
  }
  // Malformed, unknown and impossible commands get one error event each; nothing breaks.
  await send(page, { batchscape: 1, type: 'explode' });
  await send(page, 'play');
  await send(page, { batchscape: 1, type: 'goto-step', step: 'sharp-vs-flat' });
  await send(page, { batchscape: 1, type: 'set-config', params: { b: 0, zz: 1 } });
  await page.waitForFunction(
    () =>
      (window as unknown as { __events: { type: string }[] }).__events.filter(
        (e) => e.type === 'error',
      ).length >= 4,
  );
  const codes = (await hostEvents(page)).filter((e) => e.type === 'error').map((e) => e.code);
  expect(codes).toEqual(['unknown-type', 'malformed', 'unsupported', 'config']);
  expect(errors).toEqual([]);
  await page.context().close(); // its embeds would keep computing beside the next test
});

test('a science-view embed from a sub-path runs on one worker and never loads the 3-D chunk', async () => {
  const manifest = JSON.parse(
    readFileSync(resolve(repoRoot, 'dist/.vite/manifest.json'), 'utf8'),
  ) as Record<string, { file: string }>;
  const sceneChunk = manifest['src/scene/SceneView.tsx']!.file;
  const { page, errors } = await newPage(browser());
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${site.url}?embed=1&view=stability&tn=5&tst=100&controls=full`);
  await page.waitForSelector('[data-testid="view-stability"][data-status="done"]', {
    timeout: 90_000,
  });
  expect(requested.some((p) => p.endsWith(sceneChunk))).toBe(false);
  expect(requested.every((p) => p.startsWith(SUB_PATH))).toBe(true);
  expect(requested.some((p) => p.includes('engine.worker'))).toBe(true);
  expect(site.misses).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close(); // its embeds would keep computing beside the next test
});
