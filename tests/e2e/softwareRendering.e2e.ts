/**
 * Software WebGL (SwiftShader, as in every browser test here): the scene picks its cheap
 * profile and keeps the main thread free for input while runs stream.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newPage, screenshot } from './harness';
import { useBrowser } from './useBrowser';
import { IDLE_PER_BUSY, PACED_ABOVE_MS } from '../../src/scene/redrawPace';
import type { SceneFrame } from '../../src/scene/sceneStats';

interface Handle {
  controller: { setSpeed(m: number): void };
  sceneFrames(): { recent: SceneFrame[] };
}
declare const window: {
  __batchscape: Handle;
  __down?: number;
  addEventListener(type: string, cb: () => void, o: AddEventListenerOptions): void;
};

const browser = useBrowser();

/** The scene canvas's context as three created it, and its device pixels per CSS pixel. */
const canvasProfile = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="scene"] canvas') as HTMLCanvasElement;
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    return {
      antialias: gl?.getContextAttributes()?.antialias,
      dpr: canvas.width / canvas.clientWidth,
    };
  });

const streamedFrames = (page: Page) =>
  page.evaluate(() => window.__batchscape.sceneFrames().recent.filter((f) => f.streamed));

describe('software rendering', () => {
  it('no MSAA and one pixel per CSS pixel (quality=high: both back); streamed redraws leave idle time and wait after a press', async () => {
    // A 2× screen: the cheap profile must not draw 4× the pixels.
    const { page, errors } = await newPage(browser(), {
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: 2,
    });
    const url = `${inject('baseUrl')}?st=200000&cmp=batch:1,2,4,8`;
    await page.goto(url);
    await page.waitForSelector('[data-testid="scene"] canvas');
    await expect(canvasProfile(page)).resolves.toEqual({ antialias: false, dpr: 1 });

    // Four runs streaming slowly (200 000 steps take minutes at this speed).
    await page.evaluate(() => window.__batchscape.controller.setSpeed(0.05));
    await page.waitForFunction(
      () => window.__batchscape.sceneFrames().recent.filter((f) => f.streamed).length >= 6,
      undefined,
      { timeout: 60_000, polling: 200 },
    );
    // Every streamed frame after a slow one starts no sooner than the pacing rule allows:
    // the main thread is idle for IDLE_PER_BUSY× as long as the slow frame held it.
    const recent = await page.evaluate(() => window.__batchscape.sceneFrames().recent);
    let paced = 0;
    for (let k = 1; k < recent.length; k++) {
      const [a, b] = [recent[k - 1]!, recent[k]!];
      if (!b.streamed || !(a.ms > PACED_ABOVE_MS)) continue;
      paced++;
      expect(b.start - a.start).toBeGreaterThanOrEqual((1 + IDLE_PER_BUSY) * a.ms - 1);
    }
    // Frames in software are slow at 1280×720: the rule applied (not vacuous here).
    expect(paced).toBeGreaterThan(0);

    // A real click on a control: no streamed frame begins within the hold after the press,
    // and streaming resumes after it.
    await page.evaluate(() =>
      window.addEventListener('pointerdown', () => (window.__down = performance.now()), {
        capture: true,
        once: true,
      }),
    );
    const box = (await page.getByLabel('log x (step)').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(
      () =>
        window.__batchscape
          .sceneFrames()
          .recent.some((f) => f.streamed && f.start > (window.__down ?? Infinity) + 150),
      undefined,
      { timeout: 10_000, polling: 100 },
    );
    const down = await page.evaluate(() => window.__down!);
    const during = (await streamedFrames(page)).filter(
      (f) => f.start >= down && f.start < down + 140,
    );
    expect(during).toEqual([]);
    await screenshot(page, 'software-rendering-1280');

    // The full profile on demand: multisampled, at the screen's pixel ratio.
    await page.goto(`${url}&quality=high`);
    await page.waitForSelector('[data-testid="scene"] canvas');
    await expect(canvasProfile(page)).resolves.toEqual({ antialias: true, dpr: 2 });
    expect(errors).toEqual([]);
  });
});
