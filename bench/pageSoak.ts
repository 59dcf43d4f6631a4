/**
 * `npm run bench:page-soak`: the soak in the real page — Chromium, software WebGL
 * (SwiftShader), the scene drawing — where bench/soak.ts has no rendering. Four runs
 * (B = 1, 4, 16, 64) at max speed on the default landscape, 5·10⁷ steps each, so B = 1 ends
 * after ~3 minutes with its history at the app's cap of 10⁵ points. Every 10 s it prints each
 * run's steps per second over the last 10 s and its recorded points; at the end, B = 1's
 * first and last three samples side by side. The page's 200-s soak once saw B = 1 fall from
 * ~240 k to ~87 k steps/s as its history grew (the worker shares two cores with drawing
 * whose cost grew with the history); goal: the last samples ≥ 0.8× the first.
 * `SOAK_SECONDS` (default 180) caps the length; `BENCH_SKIP_BUILD=1` reuses dist/.
 */
import { buildForTests, launchBrowser, startPreview } from '../tests/e2e/harness';

interface Handle {
  controller: { setSpeed(m: number): void; reset(): void };
  pointCount(id: string): number;
  runsStore: {
    getState(): { runs: { id: string; batch: number; steps: number; state: string }[] };
  };
}
declare const window: { __batchscape: Handle };

const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const SAMPLE_MS = 10_000;

async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_BUILD !== '1') await buildForTests();
  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(`${server.url}?p=sharp-flat&st=50000000&cmp=batch:1,4,16,64`);
    await page.waitForFunction(() => window.__batchscape !== undefined);
    await page.evaluate(() => {
      window.__batchscape.controller.setSpeed(Infinity);
      window.__batchscape.controller.reset();
    });
    const sample = () =>
      page.evaluate(() =>
        window.__batchscape.runsStore.getState().runs.map((r) => ({
          batch: r.batch,
          steps: r.steps,
          state: r.state,
          points: window.__batchscape.pointCount(r.id),
        })),
      );
    let prev = { runs: await sample(), t: Date.now() };
    const b1: number[] = [];
    for (let t = SAMPLE_MS; t <= SECONDS * 1000; t += SAMPLE_MS) {
      await page.waitForTimeout(SAMPLE_MS);
      const runs = await sample();
      const now = Date.now();
      const rates = runs.map((r, i) => (r.steps - prev.runs[i]!.steps) / ((now - prev.t) / 1000));
      console.log(
        `${String(t / 1000).padStart(4)} s  ` +
          runs
            .map((r, i) => `B=${r.batch} ${(rates[i]! / 1000).toFixed(0)}k/s ${r.points} pts`)
            .join('  '),
      );
      // A sample counts for B = 1 while it ran for all of it.
      if (runs[0]!.state === 'running' && t > SAMPLE_MS) b1.push(rates[0]!);
      prev = { runs, t: now };
      if (runs[0]!.state !== 'running') break;
    }
    if (b1.length < 6) throw new Error(`too few samples of B = 1 (${b1.length})`);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const first = mean(b1.slice(0, 3));
    const last = mean(b1.slice(-3));
    console.log(
      `B = 1, first vs last three samples: ${(first / 1000).toFixed(0)}k → ${(last / 1000).toFixed(0)}k steps/s (${(last / first).toFixed(2)}×, goal ≥ 0.8: ${last >= 0.8 * first ? 'met' : 'MISSED'})`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
