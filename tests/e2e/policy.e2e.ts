/**
 * The built app under its Content-Security-Policy, and its accessibility: every page a
 * visitor can reach (explorer, each science view, presenter mode, the walkthrough, an
 * embedded walkthrough step, the demo article) runs with zero
 * `securitypolicyviolation` events and zero serious/critical axe-core findings.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newPage, screenshot } from './harness';
import { useBrowser } from './useBrowser';

const browser = useBrowser();
declare const window: { __cspViolations: string[]; __batchscape: unknown };

/** Records violations from the first script on (before the app's own). */
async function openRecorded(query: string) {
  const rec = await newPage(browser());
  await rec.page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`),
    );
  });
  const response = await rec.page.goto(inject('baseUrl') + query);
  return { ...rec, response };
}

/** Serious and critical axe findings, as "rule: target" lines for a readable failure. */
async function axeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/** A view is ready for checking once its first table or chart is on screen. */
const view = (id: string, query: string): [string, string, string] => [
  id,
  `?view=${id}&${query}`,
  `[data-testid="view-${id}"] table, [data-testid="view-${id}"] canvas`,
];

const PAGES: [string, string, string][] = [
  ['explorer', '?ep=20', '[data-testid="scene"] canvas'],
  ['presenter', '?ep=20&pm=1', '[data-testid="scene"] canvas'],
  view('sweep', 'ep=20&sb=16,1024&sk=2'),
  view('remedies', 'rk=2'),
  view('diffusion', 'db=1,4&dk=2&dst=1000&dfl=1'),
  view('keskar', 'kk=2'),
  view('stability', 'tn=5&tst=100'),
  ['walkthrough', '?tour=generalization-gap&step=sharp-vs-flat', '[data-testid="scene"] canvas'],
  // An embedded walkthrough step: the embed shell, its bar, and the step's panel with KaTeX.
  [
    'embed',
    '?embed=1&tour=generalization-gap&step=sharp-vs-flat&controls=full',
    '[data-testid="tour-panel"] .katex',
  ],
  // The demo article (its host page; axe also checks the figures already loaded in it).
  ['article', 'article.html', 'iframe[data-figure="race"]'],
];

describe('content security policy', () => {
  it('is in the build (meta) and on the preview server (header, with frame-ancestors)', async () => {
    const { page, response } = await openRecorded('');
    const header = response!.headers()['content-security-policy'] ?? '';
    expect(header).toMatch(/script-src 'self'(;|$)/);
    expect(header).toMatch(/worker-src 'self'/);
    expect(header).toMatch(/frame-ancestors \*/);
    expect(header).not.toMatch(/unsafe-eval/);
    // Inline style attributes only (KaTeX's typeset formulas): never inline scripts or sheets.
    expect(header).not.toMatch(/(script-src|style-src) [^;]*unsafe-inline/);
    expect(header).toMatch(/style-src-attr 'unsafe-inline'/);
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(meta).toMatch(/script-src 'self'/);
    expect(meta).not.toMatch(/frame-ancestors/);
    // The shipped bundle has no inline script.
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });
});

describe('every page under the policy, and accessible', () => {
  it.each(PAGES)('%s', async (name, query, ready) => {
    const { page, errors } = await openRecorded(query);
    await page.waitForSelector(ready, { timeout: 90_000 });
    await page.waitForTimeout(500);
    const findings = await axeFindings(page);
    if (findings.length) await screenshot(page, `axe-${name}`);
    expect(findings).toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
