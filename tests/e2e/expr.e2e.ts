/**
 * A custom landscape typed into the explorer, in real Chromium: a bad expression is
 * refused with the caret at the right column while the last valid landscape stays; a
 * good one runs, and its trajectory is bit-identical to the CLI's run of the same config.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { hashFloat32 } from '../../src/engine/hash';
import { newPage, repoRoot, screenshot } from './harness';
import { useBrowser } from './useBrowser';

interface Handle {
  runsStore: { getState(): { runs: { id: string; state: string }[] } };
  engineConfigs(): { landscape: { expr?: string } }[];
  path(id: string): [number, number][];
  pointSteps(id: string): number[];
}
declare const window: { __batchscape: Handle };

const browser = useBrowser();
const allEnded = () => {
  const r = window.__batchscape.runsStore.getState().runs;
  return r.length > 0 && r.every((x) => x.state === 'done' || x.state === 'diverged');
};
const DOUBLE_WELL = '(x^2 - 1)^2 + 0.3*x + y^2';

describe('custom landscapes in the explorer', () => {
  it('shows a bad expression’s column, keeps the last landscape, runs a good one like the CLI', async () => {
    const { page, errors } = await newPage(browser());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(inject('baseUrl') + '?p=custom&st=300&pm=1');
    // On a phone the Landscape group starts folded under the essentials: open it by keyboard.
    await page.locator('[data-testid="section-landscape"] > summary').focus();
    await page.keyboard.press('Enter');
    const input = page.getByTestId('expr-input');
    await input.waitFor();
    const before = await page.evaluate(
      () => window.__batchscape.engineConfigs()[0]!.landscape.expr,
    );

    // Keyboard only: focus the field, select all, type a bad expression.
    await input.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('x^2 + (y');
    await page.getByTestId('expr-message').waitFor();
    await expect(page.getByTestId('expr-message').textContent()).resolves.toMatch(
      /missing '\)' at column 9/,
    );
    await expect(page.locator('.expr-error').getAttribute('data-column')).resolves.toBe('9');
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.waitForTimeout(700); // past the apply delay: nothing may have been applied
    await expect(
      page.evaluate(() => window.__batchscape.engineConfigs()[0]!.landscape.expr),
    ).resolves.toBe(before);
    await screenshot(page, 'expr-error-390-presenter');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= 390)).toBe(true);

    // The old runs end first, so the runs ending below are the new landscape's.
    await page.waitForFunction(allEnded, undefined, { timeout: 90_000 });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(DOUBLE_WELL);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (e) => window.__batchscape.engineConfigs()[0]!.landscape.expr === e,
      DOUBLE_WELL,
    );
    await expect(page.getByTestId('expr-message').count()).resolves.toBe(0);
    await page.waitForFunction(
      () => !window.__batchscape.runsStore.getState().runs.every((r) => r.state === 'done'),
    );
    await page.waitForFunction(allEnded, undefined, { timeout: 90_000 });
    // The browser's recorded path, one point per step (a restart records the start twice).
    const browserPath = await page.evaluate(() => {
      const steps = window.__batchscape.pointSteps('run0');
      return window.__batchscape
        .path('run0')
        .filter((_, i) => i === 0 || steps[i] !== steps[i - 1]);
    });
    const config = (await page.evaluate(() => window.__batchscape.engineConfigs()))[0]!;
    expect(config.landscape.expr).toBe(DOUBLE_WELL);

    const file = join(mkdtempSync(join(tmpdir(), 'batchscape-expr-')), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'run', '--config', file],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const out = JSON.parse(cli.stdout) as { trajectory: { w: number[] }[] };
    const cliHash = hashFloat32(new Float32Array(out.trajectory.flatMap((p) => p.w)));
    expect(browserPath).toHaveLength(out.trajectory.length);
    expect(hashFloat32(new Float32Array(browserPath.flat()))).toBe(cliHash);
    expect(errors).toEqual([]);
  });
});
