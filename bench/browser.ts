/**
 * Browser benchmark (real Chromium, production build), reported as ratios:
 *  1. main-thread scripting time per animation frame with 4 runs streaming, early
 *     (~1e3 recorded points in total) vs late (~1e5): goal ≤ 1.5×;
 *  2. animation frames from a batch-slider change to the first frame of the new run
 *     being drawable (median of 20 changes): goal ≤ 3.
 * Software WebGL here: absolute milliseconds mean little, the ratio is the figure.
 */
import type { CDPSession, Page } from 'playwright-core';
import { buildForTests, launchBrowser, startPreview } from '../tests/e2e/harness';

interface Handle {
  controller: { setSpeed(m: number): void; reset(): void; restarts: number };
  pointCount(id: string): number;
  runsStore: { getState(): { runs: { state: string }[] } };
}
declare const window: { __batchscape: Handle; requestAnimationFrame(cb: () => void): number };

const totalPoints = (page: Page) =>
  page.evaluate(() =>
    ['run0', 'run1', 'run2', 'run3'].reduce((s, id) => s + window.__batchscape.pointCount(id), 0),
  );

/** Main-thread script seconds per animation frame over a window of `ms`. */
async function scriptPerFrame(
  page: Page,
  cdp: CDPSession,
  ms: number,
): Promise<{ perFrame: number; frames: number; points: number }> {
  const metric = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((m) => m.name === 'ScriptDuration')!.value;
  };
  const s0 = await metric();
  const frames = await page.evaluate(
    (dur) =>
      new Promise<number>((resolve) => {
        let n = 0;
        const t0 = performance.now();
        const tick = () => {
          n++;
          if (performance.now() - t0 < dur) window.requestAnimationFrame(tick);
          else resolve(n);
        };
        window.requestAnimationFrame(tick);
      }),
    ms,
  );
  const s1 = await metric();
  return { perFrame: ((s1 - s0) * 1000) / frames, frames, points: await totalPoints(page) };
}

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') await buildForTests();
  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx (esbuild keepNames) wraps named closures in __name(); give the page a no-op one.
    await page.addInitScript('globalThis.__name = (f) => f');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    // Four runs, 200 000 steps each (recorded every 4th step ⇒ 50 000 points a run), so
    // they are still streaming when the history passes 1e5 points.
    await page.goto(`${server.url}?st=200000&cmp=batch:1,2,4,8`);
    await page.waitForFunction(() => window.__batchscape !== undefined);
    // Both windows stream at the same slow rate (same new data per frame); in between,
    // the history is grown quickly to 1e5 points.
    const setSpeed = (m: number) =>
      page.evaluate((x) => window.__batchscape.controller.setSpeed(x), m);
    await setSpeed(0.02);
    await page.evaluate(() => window.__batchscape.controller.reset());
    await page.waitForFunction(() => window.__batchscape.pointCount('run0') > 150);
    const early = await scriptPerFrame(page, cdp, 1500);
    await setSpeed(0.25);
    await page.waitForFunction(
      () =>
        ['run0', 'run1', 'run2', 'run3'].reduce(
          (s, id) => s + window.__batchscape.pointCount(id),
          0,
        ) > 100000,
      undefined,
      { timeout: 120_000, polling: 250 },
    );
    await setSpeed(0.02);
    await page.waitForTimeout(300);
    const late = await scriptPerFrame(page, cdp, 1500);
    const streaming = await page.evaluate(() =>
      window.__batchscape.runsStore.getState().runs.every((r) => r.state === 'running'),
    );
    if (!streaming)
      throw new Error('the runs ended before the late window: the comparison would be unfair');
    console.log('streaming, 4 runs           points   frames   script ms/frame');
    console.log(
      `  early                   ${String(early.points).padStart(8)} ${String(early.frames).padStart(8)}   ${early.perFrame.toFixed(3)}`,
    );
    console.log(
      `  late                    ${String(late.points).padStart(8)} ${String(late.frames).padStart(8)}   ${late.perFrame.toFixed(3)}`,
    );
    const ratio = late.perFrame / early.perFrame;

    // Slider latency: 20 changes of the first run's batch slider.
    await page.goto(`${server.url}`);
    await page.waitForSelector('[data-testid="batch-slider-0"]');
    const latencies: number[] = [];
    for (let i = 0; latencies.length < 20 && i < 60; i++) {
      const frames = await page.evaluate(
        (k) =>
          new Promise<number>((resolve) => {
            const el = document.querySelector('[data-testid="batch-slider-0"]') as HTMLInputElement;
            const min = Number(el.min);
            const max = Number(el.max);
            const v = min + ((k * 7) % 10) * ((max - min) / 10) + (k % 2 ? 1 : 0);
            const setter = Object.getOwnPropertyDescriptor(
              HTMLInputElement.prototype,
              'value',
            )!.set!;
            const before = window.__batchscape.controller.restarts;
            setter.call(el, String(Math.min(max, v)));
            el.dispatchEvent(new Event('input', { bubbles: true }));
            // A value that snaps to the current batch restarts nothing: not a sample.
            if (window.__batchscape.controller.restarts === before) return resolve(-1);
            let n = 0;
            const tick = () => {
              n++;
              if (window.__batchscape.pointCount('run0') > 0 || n > 120) resolve(n);
              else window.requestAnimationFrame(tick);
            };
            window.requestAnimationFrame(tick);
          }),
        i,
      );
      if (frames > 0) latencies.push(frames);
      await page.waitForTimeout(150);
    }
    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)]!;
    console.log(
      `slider change → first frame of the new run: median ${median} animation frames (all: ${latencies.join(',')})`,
    );
    console.log(
      `RATIOS: frame cost late/early = ${ratio.toFixed(2)} (goal ≤ 1.5); slider latency median = ${median} frames (goal ≤ 3)`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
