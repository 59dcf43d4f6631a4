/**
 * How a CLI pool worker is started. From source (the CLI runs through tsx, no build step)
 * the worker entry is TypeScript, and Node 20 does not apply an `--import tsx` loader to a
 * worker thread's own entry; loading it through tsx's API instead costs ~130 ms per worker
 * (a loader-hooks thread each), which on a 2-core machine ate most of a small sweep's
 * speed-up. So the entry is bundled once per process with esbuild (the compiler tsx itself
 * uses, ~30 ms) and each worker evaluates the bundle: ~25 ms to ready. A compiled build
 * (.js files) starts poolWorker.js directly.
 */
import type { WorkerOptions } from 'node:worker_threads';

export interface WorkerSource {
  /** First argument of `new Worker`: a file URL, or the bundle's code with `eval: true`. */
  entry: string | URL;
  options: WorkerOptions;
}

let cached: Promise<WorkerSource> | null = null;

/** Bundles a worker entry (a .ts file) into one CommonJS script for `eval: true`. */
export async function bundle(entry: URL): Promise<WorkerSource> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    // CommonJS: an `eval` worker runs its code as a script, where `require` is defined.
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  return { entry: out.outputFiles[0]!.text, options: { eval: true } };
}

export function workerSource(): Promise<WorkerSource> {
  cached ??= import.meta.url.endsWith('.ts')
    ? bundle(new URL('./poolWorker.ts', import.meta.url))
    : Promise.resolve({ entry: new URL('./poolWorker.js', import.meta.url), options: {} });
  return cached;
}
