// Shared helpers for browser tests: a static server for dist/, a system Chromium, pages that
// record errors, and screenshots for people to look at. No vitest imports here, so the
// global setup (which runs outside the test workers) can use it too.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { findChromium, playwrightArgs } from '../../scripts/find-chromium.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const screensDir = resolve(repoRoot, 'test-results/screens');

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The production bundle with the test handles on (`window.__batchscape`, VITE_TEST_HANDLES):
 * what users get plus the globals tests read. Vitest sets NODE_ENV=test and Vite would bake
 * that in (shipping React's dev build), so it is production for the build.
 */
export async function buildForTests(): Promise<void> {
  const previous = { node: process.env.NODE_ENV, handles: process.env.VITE_TEST_HANDLES };
  process.env.NODE_ENV = 'production';
  process.env.VITE_TEST_HANDLES = '1';
  try {
    await build({ root: repoRoot, mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = previous.node;
    process.env.VITE_TEST_HANDLES = previous.handles;
    if (previous.handles === undefined) delete process.env.VITE_TEST_HANDLES;
  }
}

/** Serves the built dist/ on a free port (what users get, not the dev server). */
export async function startPreview(): Promise<StaticServer> {
  const server = await preview({
    root: repoRoot,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server is not listening');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/**
 * A headless system Chromium; Playwright gives each launch a fresh temp profile.
 * `extraArgs` adds flags for fault tests (e.g. `--disable-webgl`).
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...playwrightArgs, ...extraArgs],
  });
}

export interface RecordedPage {
  page: Page;
  /** Console errors and uncaught page errors, in order; tests usually expect it empty. */
  errors: string[];
}

/**
 * A page in its own context (clean storage), by default at a fixed desktop viewport so
 * screenshots compare; `options` sets another (a phone, an iframe-sized figure).
 */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = { viewport: { width: 1280, height: 800 } },
): Promise<RecordedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { page, errors };
}

/** Saves test-results/screens/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screensDir, { recursive: true });
  const path = resolve(screensDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
