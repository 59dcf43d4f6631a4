import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy of the built app, one place for the <meta> tag that Vite
 * writes into every built page and the header `vite preview` sends (the README shows the
 * header for other hosts).
 *
 * - Scripts, styles, workers and fetches: this origin only. The bundle has no inline
 *   script, no eval/new Function (a browser test runs every view under this policy).
 * - Style attributes inline (KaTeX's markup needs them); style sheets this origin only.
 * - Images: data:/blob: too, for PNG/SVG exports drawn through canvases and object URLs.
 * - frame-ancestors: open (*): batchscape is meant to be embedded in course pages.
 *   Browsers ignore it in <meta>, so it exists only in the header.
 */
const DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  // Inline style *attributes* only (no <style> elements, no scripts): KaTeX's typeset
  // formulas in the walkthrough position their glyphs with style="…" on spans.
  'style-src-attr': "'unsafe-inline'",
  'img-src': "'self' data: blob:",
  // data: for the small KaTeX fonts Vite inlines into the walkthrough's style sheet.
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
};

const join = (d: Record<string, string>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

/** For the <meta http-equiv> tag (no frame-ancestors: ignored there). */
const CSP_META = join(DIRECTIVES);
/** For the HTTP header. */
const CSP_HEADER = join({ ...DIRECTIVES, 'frame-ancestors': '*' });

/**
 * The CSP <meta> tag in built pages only: the dev server injects an inline script
 * (React Fast Refresh) that a strict policy would block.
 */
const cspMeta: Plugin = {
  name: 'batchscape-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
      injectTo: 'head-prepend',
    },
  ],
};

// vitest/config's defineConfig is Vite's plus the `test` key, so one file serves both.
/**
 * precache.json: every file the build wrote (entry, lazy and worker chunks, styles,
 * public files), for public/sw.js to cache on install.
 */
const precacheList: Plugin = {
  name: 'batchscape-precache-list',
  apply: 'build',
  generateBundle(_options, bundle) {
    const files = Object.keys(bundle).filter((f) => !f.endsWith('.map'));
    // public/ is copied as is; the worker script itself is not cached by itself.
    const publicFiles = readdirSync('public').filter((f) => f !== 'sw.js');
    this.emitFile({
      type: 'asset',
      fileName: 'precache.json',
      source: JSON.stringify([...files, ...publicFiles].sort()),
    });
  },
};

export default defineConfig({
  plugins: [react(), cspMeta, precacheList],
  // Relative asset and worker URLs: the built site works from any sub-path
  // (https://host/any/dir/), not only the server root.
  base: './',
  // `vite preview` serves the build as a host should: with the policy as a header, which
  // also carries frame-ancestors (ignored in <meta>).
  preview: { headers: { 'Content-Security-Policy': CSP_HEADER } },
  // Module workers (`new Worker(new URL(...), { type: 'module' })`); the default 'iife' format
  // cannot code-split, which breaks workers that share engine chunks.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The app and the demo article (README "Embedding"), each its own page.
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        article: fileURLToPath(new URL('./article.html', import.meta.url)),
      },
    },
    // dist/.vite/manifest.json: which chunks each figure loads (bench/embedWeight.ts, e2e).
    manifest: true,
  },
  test: {
    // .tsx too, for component tests that opt into jsdom.
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/**/*.test.{ts,tsx}',
    ],
    // Browser tests have their own config (vitest.e2e.config.ts) and never run in the unit pass.
    exclude: [...configDefaults.exclude, 'tests/e2e/**'],
    // Engine code is DOM-free; a file opts into jsdom with `// @vitest-environment jsdom`.
    environment: 'node',
    pool: 'threads',
    // Vitest's default is one worker per core minus one — a single worker on a 2-core CI
    // machine, which ran the unit pass on one core (≈ 210 s); two workers take ≈ 130 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Sharing the cores, a test that takes 3–5 s alone can pass Vitest's default 5 s limit
    // (the in-process divergence runs wait up to 20 s by design): a hang still fails, later.
    testTimeout: 30_000,
    // Compiles the CLI once for the tests that spawn it (see the file).
    globalSetup: ['tests/cli/globalSetup.ts'],
  },
});
