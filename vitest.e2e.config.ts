import { defineConfig } from 'vitest/config';

// Browser end-to-end pass: real Chromium against the production build. Kept apart from the
// unit config so `vitest run` stays fast and browser-free.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time: CI has 2 cores and Chromium with software GL is heavy.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
