/**
 * The science views in real Chromium against the production build: each opens alone
 * (`?view=…`) with small parameters, runs its ensemble on the worker pool to the end,
 * shows numbers, and agrees with the CLI run of the same jobs. Plus the tabs (keyboard
 * and URL), the parameter bar, Cancel and exports.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DiffusionSample, EndpointResult, KeskarResult } from '../../src/engine/ensemble';
import {
  diffusionCurves,
  remedyRows,
  sweepRows,
  type DiffusionSpec,
  type Remedy,
  type SweepRow,
  type SweepSpec,
} from '../../src/engine/experiments';
import { localExponentEnds } from '../../src/engine/stats';
import { launchBrowser, newPage, screenshot } from './harness';
import { cellValue, cli, close, done, ensemble, sameRow, type Handle } from './viewHelpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

declare const window: { __batchscape: Handle };

async function openView(view: string, query: string) {
  const { page, errors } = await newPage(browser);
  const t0 = Date.now();
  await page.goto(`${inject('baseUrl')}?view=${view}&${query}`);
  await done(page, view);
  return { page, errors, ms: Date.now() - t0 };
}

describe('science views', () => {
  it('batch sweep: runs, shows numbers, matches `batchscape sweep`, exports', async () => {
    const { page, errors, ms } = await openView('sweep', 'ep=20&sb=16,1024&sk=4');
    const { spec, results } = await ensemble<SweepSpec & { hasFlat: boolean }>(page, 'sweep');
    const rows = sweepRows(spec, results as EndpointResult[], spec.hasFlat);
    const out = cli<{ rows: SweepRow[] }>([
      'sweep',
      '--epochs',
      '20',
      '--batch',
      '16,1024',
      '--seeds',
      '4',
    ]);
    expect(rows).toHaveLength(2);
    rows.forEach((r, i) => sameRow(r, out.rows[i]!));
    expect(await cellValue(page, 'sweep-flat-16')).toBe(rows[0]!.flatFraction);
    close(await cellValue(page, 'sweep-gap-1024'), rows[1]!.gap.mean);
    await expect(page.textContent('[data-testid="caption-sweep"]')).resolves.toMatch(
      /B = 16.*B = 1024/,
    );
    await expect(page.textContent('[data-testid="progress-sweep"]')).resolves.toMatch(/8 runs/);
    await page.waitForSelector('[data-testid="sweep-map"] canvas');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV')]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^batch,lr,runs,flatFraction/);
    expect(lines).toHaveLength(3);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=JSON')]);
    const doc = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(doc.format).toBe('batchscape-sweep');
    expect(doc.results).toHaveLength(2);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('text=PNG')]);
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    await screenshot(page, 'view-sweep');
    expect(errors).toEqual([]);
    console.log(`[views] sweep done in ${ms} ms`);
  });

  it('remedies: one row per recipe, matching `batchscape remedies`', async () => {
    const { page, errors, ms } = await openView('remedies', 'rk=3');
    const { spec, results } = await ensemble<{
      remedies: Remedy[];
      seeds: number[];
      hasFlat: boolean;
    }>(page, 'remedies');
    const rows = remedyRows(spec.remedies, spec.seeds, results as EndpointResult[], spec.hasFlat);
    const out = cli<{ rows: (SweepRow & { id: string })[] }>(['remedies', '--seeds', '3']);
    expect(rows.map((r) => r.remedy.id)).toEqual(out.rows.map((r) => r.id));
    // Every row, the chaotic linear-scaling one included: the engine's arithmetic is
    // deterministic across JS engines (src/engine/detmath), so the numbers are identical.
    for (const r of rows)
      sameRow(
        r.row,
        out.rows.find((o) => o.id === r.remedy.id)!,
      );
    for (const r of rows) {
      expect(await cellValue(page, `remedy-flat-${r.remedy.id}`)).toBe(r.row.flatFraction);
    }
    await expect(page.textContent('[data-testid="caption-remedies"]')).resolves.toMatch(
      /Small batch: test loss/,
    );
    await page.waitForSelector('[data-testid="remedies-bars"] svg');
    await screenshot(page, 'view-remedies');
    expect(errors).toEqual([]);
    console.log(`[views] remedies done in ${ms} ms`);
  });

  it('diffusion: both fits, p(t) and the flat baseline, matching `batchscape diffusion`', async () => {
    const { page, errors, ms } = await openView('diffusion', 'db=1,4&dk=4&dst=1000&dfl=1');
    const { spec, results } = await ensemble<DiffusionSpec>(page, 'diffusion');
    const curves = diffusionCurves(spec, results as DiffusionSample[]);
    expect(curves.map((c) => c.label)).toEqual(['B = 1', 'B = 4', 'B = 1 (flat)', 'B = 4 (flat)']);
    expect(spec.fitRange).toEqual([20, 1000]);
    // Flat baselines average 4 × K runs.
    expect(spec.curves.map((c) => (c.seeds ?? spec.seeds).length)).toEqual([4, 4, 16, 16]);
    type Out = {
      t: number[];
      meanDistance: number[];
      logFit: { r2: number };
      powerFit: { r2: number; p: number };
      localExponent: (number | null)[];
    };
    const base = ['diffusion', '--lr', '2', '--steps', '1000'];
    // SGD on the random potential is chaotic, so this also checks that the engine's
    // arithmetic is bit-identical in Chromium and Node.
    for (const [i, extra] of [
      [1, ['--batch', '4', '--seeds', '4']],
      [2, ['--batch', '1', '--amplitude', '0', '--seeds', '16']],
    ] as const) {
      const out = cli<Out>([...base, ...extra]);
      expect(curves[i]!.t).toEqual(out.t);
      expect(curves[i]!.mean).toEqual(out.meanDistance);
      expect(curves[i]!.logFit.r2).toBe(out.logFit.r2);
      expect(curves[i]!.powerFit.r2).toBe(out.powerFit.r2);
      expect(curves[i]!.localExponent).toEqual(out.localExponent);
    }
    for (let i = 0; i < 4; i++) {
      close(await cellValue(page, `diffusion-r2log-${i}`), curves[i]!.logFit.r2);
      close(await cellValue(page, `diffusion-r2pow-${i}`), curves[i]!.powerFit.r2);
      const ends = localExponentEnds(curves[i]!.t, curves[i]!.localExponent, spec.fitRange)!;
      close(await cellValue(page, `diffusion-pfirst-${i}`), ends.first.p);
      close(await cellValue(page, `diffusion-plast-${i}`), ends.last.p);
    }
    await page.waitForSelector('[data-testid="diffusion-chart"] canvas');
    await page.waitForSelector('[data-testid="diffusion-exponent-chart"] canvas');
    await expect(page.textContent('[data-testid="caption-diffusion"]')).resolves.toMatch(
      /^On the random potential over t = 20 … 1000, B = 1 .*p\(t\).* On the flat baseline/,
    );
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV')]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^curve,flat,t,meanDistance,.*,powR2,localExponent$/);
    expect(lines).toHaveLength(1 + 4 * curves[0]!.t.length);
    await screenshot(page, 'view-diffusion');
    expect(errors).toEqual([]);
    console.log(`[views] diffusion done in ${ms} ms`);
  });

  it('keskar: the interpolation line and ε-sharpness, matching `batchscape keskar`', async () => {
    const { page, errors, ms } = await openView('keskar', 'kk=2');
    const { results } = await ensemble<unknown>(page, 'keskar');
    const r = results[0] as KeskarResult;
    const out = cli<{
      train: number[];
      test: number[];
      sharpness: { small: number; large: number };
    }>(['keskar', '--seed', '1']);
    r.train.forEach((v, i) => close(v, out.train[i]!));
    r.test.forEach((v, i) => close(v, out.test[i]!));
    close(r.small.sharpness, out.sharpness.small);
    close(r.large.sharpness, out.sharpness.large);
    expect(await cellValue(page, 'keskar-phi-small')).toBe(r.small.sharpness);
    expect(await cellValue(page, 'keskar-phi-large')).toBe(r.large.sharpness);
    await page.waitForSelector('[data-testid="keskar-map"] canvas');
    await expect(page.textContent('[data-testid="caption-keskar"]')).resolves.toMatch(
      /ε-sharpness φ/,
    );
    await screenshot(page, 'view-keskar');
    expect(errors).toEqual([]);
    console.log(`[views] keskar done in ${ms} ms`);
  });

  it('stability: divergence past η = 2/λ_max, matching `batchscape stability`', async () => {
    const { page, errors, ms } = await openView('stability', 'tn=7&tst=100');
    const { results } = await ensemble<unknown>(page, 'stability');
    const out = cli<{
      criticalLr: number;
      rows: { lr: number; status: string; finalTrainLoss: number }[];
    }>(['stability', '--lrs', '0.02,0.4,7', '--steps', '100']);
    const rs = results as EndpointResult[];
    expect(rs.map((r) => r.status)).toEqual(out.rows.map((r) => r.status));
    rs.forEach((r, i) => {
      close(r.lr, out.rows[i]!.lr);
      close(r.trainLoss, out.rows[i]!.finalTrainLoss);
    });
    expect(rs.some((r) => r.status === 'diverged')).toBe(true);
    expect(await cellValue(page, 'stability-critical')).toBeCloseTo(out.criticalLr, 6);
    await expect(page.textContent('[data-testid="caption-stability"]')).resolves.toMatch(
      /2\/λ_max = 0.2/,
    );
    await screenshot(page, 'view-stability');
    expect(errors).toEqual([]);
    console.log(`[views] stability done in ${ms} ms`);
  });

  it('parameter bar, Cancel and notices: edits go to the URL, bad values are refused', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${inject('baseUrl')}?view=sweep&sk=400&sb=1,4&ss=abc`);
    await expect(page.textContent('.notices')).resolves.toMatch(/ss=abc/);
    await page.waitForFunction(
      () => (window.__batchscape.ensembleStore.getState().sweep?.status ?? '') === 'running',
    );
    await page.click('[data-testid="cancel-sweep"]');
    await page.waitForSelector('[data-testid="view-sweep"][data-status="cancelled"]');
    await expect(page.textContent('[data-testid="caption-sweep"]')).resolves.toMatch(/Cancelled/);
    await page.fill('[data-testid="param-sk"]', '3');
    await page.fill('[data-testid="param-sb"]', '16,64');
    await page.press('[data-testid="param-sb"]', 'Enter');
    await done(page, 'sweep');
    await page.waitForFunction(
      () => /sk=3/.test(location.search) && /sb=16%2C64/.test(location.search),
    );
    await expect(page.textContent('[data-testid="progress-sweep"]')).resolves.toMatch(/6 runs/);
    expect(errors).toEqual([]);
  });

  it('tabs: keyboard operable, remembered in the URL, and explorer keys stay on the explorer', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${inject('baseUrl')}?sk=2&sb=16,1024`);
    await page.waitForSelector('[data-testid="scene"] canvas');
    await page.focus('[data-testid="tab-explorer"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid="view-sweep"]');
    await expect(page.getAttribute('[data-testid="tab-sweep"]', 'aria-selected')).resolves.toBe(
      'true',
    );
    await page.waitForFunction(() => /tab=sweep/.test(location.search));
    await done(page, 'sweep');
    const before = await page.evaluate(
      () => window.__batchscape.configStore.getState().compare.values,
    );
    await page.locator('[data-testid="view-sweep"] h2').click();
    await page.keyboard.press('ArrowRight'); // the explorer's "double the batch": not here
    expect(
      await page.evaluate(() => window.__batchscape.configStore.getState().compare.values),
    ).toEqual(before);
    await page.focus('[data-testid="tab-sweep"]');
    await page.keyboard.press('End');
    await page.waitForSelector('[data-testid="view-stability"]');
    await page.waitForFunction(() => /tab=stability/.test(location.search));
    await page.keyboard.press('Home');
    await page.waitForSelector('[data-testid="scene"] canvas');
    await page.waitForFunction(() => !/tab=/.test(location.search));
    await page.goto(`${inject('baseUrl')}?tab=keskar&pm=1`);
    await done(page, 'keskar');
    await page.waitForTimeout(300);
    await screenshot(page, 'view-keskar-presenter');
    expect(errors).toEqual([]);
  });
});
