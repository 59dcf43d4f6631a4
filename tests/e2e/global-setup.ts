// Runs once per e2e pass, outside the test workers: build, serve, hand tests the URL.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildForTests, repoRoot, startPreview } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the preview server for dist/, ending in '/'. Read with `inject('baseUrl')`. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.E2E_SKIP_BUILD !== '1') await buildForTests();
  else if (!existsSync(resolve(repoRoot, 'dist/index.html')))
    throw new Error('E2E_SKIP_BUILD=1 but dist/index.html is missing: run `npm run build` first.');
  else console.log('[e2e] E2E_SKIP_BUILD=1: serving the existing dist/');
  const server = await startPreview();
  console.log(`[e2e] serving dist/ at ${server.url}`);
  project.provide('baseUrl', server.url);
  return () => server.close();
}
