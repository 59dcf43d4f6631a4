import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchBrowser, newPage, screenshot } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the built app boots and renders into #root without errors', async () => {
  const { page, errors } = await newPage(browser);
  await page.goto(inject('baseUrl'));
  await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
  await expect(page.title()).resolves.toContain('batchscape');
  await screenshot(page, 'smoke-home');
  expect(errors).toEqual([]);
});
