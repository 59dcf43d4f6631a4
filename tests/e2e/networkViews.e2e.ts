/**
 * The Network view in real Chromium against the production build: opened alone on a short
 * network run (50 epochs, 2 seeds — seconds), it runs the comparison on the worker pool,
 * shows one row per recipe with verdicts and Keskar's line, and its table's numbers equal
 * the CLI's `network` command for the same ensemble (the engine is deterministic across
 * JavaScript engines). Plus its exports.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { newPage, screenshot } from './harness';
import { useBrowser } from './useBrowser';
import { cli, done } from './viewHelpers';

const browser = useBrowser();

interface Stat {
  mean: number;
  ci95: number | null;
}
interface CliRow {
  id: string;
  testAccuracy: Stat;
  trainAccuracy: Stat;
  finalTestLoss: Stat;
  gap: Stat;
  lambdaMax: Stat;
  vsSmall: string | null;
  vsLarge: string | null;
}

describe('network view', () => {
  it('runs the recipes and shows the CLI numbers, verdicts, the line and exports', async () => {
    const { page, errors } = await newPage(browser());
    const t0 = Date.now();
    await page.goto(`${inject('baseUrl')}?view=network&p=mlp&ep=50&nwk=2`);
    await done(page, 'network');
    const ms = Date.now() - t0;
    const out = cli<{ rows: CliRow[] }>(['network', '--epochs', '50', '--seeds', '2']);
    const ids = await page.$$eval('[data-testid^="network-row-"]', (trs) =>
      trs.map((tr) => tr.getAttribute('data-testid')!.replace('network-row-', '')),
    );
    expect(ids).toEqual(out.rows.map((r) => r.id));
    const cell = async (testId: string) => {
      const el = page.locator(`[data-testid="${testId}"]`);
      const [v, ci] = await Promise.all([
        el.getAttribute('data-value'),
        el.getAttribute('data-ci'),
      ]);
      return { mean: Number(v), ci95: ci === null ? null : Number(ci) };
    };
    for (const r of out.rows) {
      for (const [key, stat] of [
        ['testacc', r.testAccuracy],
        ['trainacc', r.trainAccuracy],
        ['testloss', r.finalTestLoss],
        ['gap', r.gap],
        ['lambda', r.lambdaMax],
      ] as const)
        expect(await cell(`network-${key}-${r.id}`), `${key} of ${r.id}`).toEqual(stat);
      for (const [key, sep] of [
        ['vssmall', r.vsSmall],
        ['vslarge', r.vsLarge],
      ] as const)
        expect(
          await page.getAttribute(`[data-testid="network-${key}-${r.id}"]`, 'data-value'),
        ).toBe(sep);
    }
    await expect(page.textContent('[data-testid="caption-network"]')).resolves.toMatch(
      /^2 seeds\. Test accuracy: small batch/,
    );
    await expect(page.textContent('[data-testid="network-line-caption"]')).resolves.toMatch(
      /^α = 0, B = 16: .*; α = 1, B = 128: /,
    );
    await page.waitForSelector('[data-testid="network-bars"] svg');
    await page.waitForSelector('[data-testid="network-line-accuracy"] canvas');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=CSV')]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toMatch(/^id,label,batch,lr,runs,trainAccuracy_mean/);
    expect(lines).toHaveLength(out.rows.length + 1);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=JSON')]);
    const doc = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(doc.format).toBe('batchscape-network');
    expect(doc.results.rows).toHaveLength(out.rows.length);
    // The line's ends are the first seed's small- and large-batch networks themselves.
    const line = doc.results.line;
    expect(line.testAccuracy[line.alpha.indexOf(0)]).toBe(line.small.testAccuracy);
    expect(line.testAccuracy[line.alpha.indexOf(1)]).toBe(line.large.testAccuracy);
    await screenshot(page, 'view-network');
    expect(errors).toEqual([]);
    console.log(`[views] network done in ${ms} ms`);
  });
});
