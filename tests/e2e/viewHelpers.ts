/**
 * Helpers for the science views' browser tests: the CLI as the reference, reading a
 * finished ensemble out of the page, and comparisons that know where Node and Chromium
 * may differ.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { JobResult } from '../../src/engine/ensemble';
import type { SweepRow } from '../../src/engine/experiments';
import { repoRoot } from './harness';

export interface Handle {
  ensembleStore: {
    getState(): Record<
      string,
      { status: string; specKey: string | null; results: JobResult[] | null }
    >;
  };
  configStore: { getState(): { compare: { values: unknown[] } } };
}
declare const window: { __batchscape: Handle };

/** The CLI on the same engine and job builders (one worker: the browser has the cores). */
export function cli<T>(args: string[]): T {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', ...args, '--workers', '1'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

export const done = (page: Page, view: string) =>
  page.waitForSelector(`[data-testid="view-${view}"][data-status="done"]`, { timeout: 60_000 });

/** The finished ensemble as the view holds it: the spec it ran and the results in job order. */
export async function ensemble<S>(
  page: Page,
  view: string,
): Promise<{ spec: S; results: JobResult[] }> {
  const s = await page.evaluate((v) => window.__batchscape.ensembleStore.getState()[v]!, view);
  return { spec: JSON.parse(s.specKey!) as S, results: s.results! };
}

/**
 * Relative agreement to 1e-12: the same arithmetic in Node and in Chromium, up to an ulp
 * or two where their Math functions differ (see mathAgrees).
 */
export function close(a: number | null, b: number | null): void {
  if (a === null || b === null) return expect(a).toBe(b);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a), Math.abs(b)));
}

export function sameRow(view: SweepRow, cliRow: SweepRow): void {
  expect(view.batch).toBe(cliRow.batch);
  expect(view.runs).toBe(cliRow.runs);
  expect(view.flatFraction).toBe(cliRow.flatFraction);
  expect(view.diverged).toBe(cliRow.diverged);
  for (const k of ['finalTrainLoss', 'finalTestLoss', 'gap', 'lambdaMax'] as const) {
    close(view[k].mean, cliRow[k].mean);
    close(view[k].ci95, cliRow[k].ci95);
  }
}

/**
 * Whether Chromium's Math functions return the same doubles as this Node's. They need
 * not: Node 20's V8 and a current Chromium's differ by an ulp in Math.exp and Math.pow
 * for some inputs. Runs that converge wash such an ulp out (sweep, Keskar, stability and
 * most remedies agree to 1e-12 regardless); chaotic runs — SGD on the random potential,
 * or a learning rate on the edge of stability — amplify it until single trajectories
 * part. Where the runtimes differ, those comparisons are limited to what an ulp cannot
 * reach (the first steps), and the test says so.
 */
export async function mathAgrees(page: Page): Promise<boolean> {
  const probe = () =>
    [1.234567, 0.5, 100.5, 12345.678, -3.7].flatMap((x) => [
      Math.exp(x),
      Math.pow(Math.abs(x), -0.75),
      Math.sin(x),
      Math.cos(x),
      Math.log(Math.abs(x)),
    ]);
  return JSON.stringify(await page.evaluate(probe)) === JSON.stringify(probe());
}

export const cellValue = (page: Page, testId: string) =>
  page.getAttribute(`[data-testid="${testId}"]`, 'data-value').then(Number);
