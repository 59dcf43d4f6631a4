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
 * The engine's arithmetic is deterministic across JS engines (src/engine/detmath), so
 * the browser's numbers must equal the CLI's exactly.
 */
export function close(a: number | null, b: number | null): void {
  expect(a).toBe(b);
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

export const cellValue = (page: Page, testId: string) =>
  page.getAttribute(`[data-testid="${testId}"]`, 'data-value').then(Number);
