/**
 * Runs once per unit pass, outside the test workers: compiles the command line to one
 * file (esbuild — the compiler tsx itself uses — with packages left external) so the CLI
 * tests spawn plain `node` instead of starting tsx's loader in every child. The same
 * sources, compiled once: on a loaded 2-core machine a tsx start-up took 2.5–4 s per
 * spawn against 0.5 s for the compiled file. The `bin/batchscape.mjs` test still runs
 * the CLI through tsx, as users do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The compiled CLI entry (an .mjs file). Read with `inject('cliBundle')`. */
    cliBundle: string;
  }
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default async function setup(project: TestProject): Promise<void> {
  // Two levels under the root, so the CLI's `../../package.json` (its version) still resolves.
  const out = join(root, 'node_modules/.batchscape-cli');
  mkdirSync(out, { recursive: true });
  // The pool worker is CommonJS (see src/cli/workerSource.ts: a built CLI starts poolWorker.js).
  writeFileSync(join(out, 'package.json'), '{ "type": "commonjs" }\n');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'src/cli/main.ts')],
      format: 'esm',
      outfile: join(out, 'main.mjs'),
    }),
    build({
      ...common,
      entryPoints: [join(root, 'src/cli/poolWorker.ts')],
      format: 'cjs',
      outfile: join(out, 'poolWorker.js'),
    }),
  ]);
  project.provide('cliBundle', join(out, 'main.mjs'));
}
