import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

// vitest/config's defineConfig is Vite's plus the `test` key, so one file serves both.
export default defineConfig({
  plugins: [react()],
  // Relative asset and worker URLs: the built site works from any sub-path
  // (https://host/any/dir/), not only the server root.
  base: './',
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
  },
});
