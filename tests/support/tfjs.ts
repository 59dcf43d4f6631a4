/**
 * TensorFlow.js for the cross-checks and benchmarks only (dev dependencies; nothing in src/
 * imports it, so it never reaches the app bundle). tfjs-core's Node entry registers no
 * gradients, and its ES-module files use extensionless imports that Node's resolver refuses,
 * so core, all gradients, the cpu backend and the wasm backend are bundled once with esbuild
 * (already a dev dependency) into one CommonJS file, cached by version under
 * node_modules/.cache. The wasm binaries are read from the npm package itself.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** The slice of the tfjs API the checks and benchmarks use. */
export type Tf = typeof import('@tensorflow/tfjs-core') & {
  setWasmPaths(prefix: string): void;
};

let loaded: Promise<Tf> | null = null;

async function bundleAndLoad(): Promise<Tf> {
  const pkg = JSON.parse(
    readFileSync(join(root, 'node_modules/@tensorflow/tfjs-core/package.json'), 'utf8'),
  ) as { version: string };
  const dir = join(root, 'node_modules/.cache/batchscape');
  const file = join(dir, `tfjs-${pkg.version}.cjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const { build } = await import('esbuild');
    await build({
      stdin: {
        contents: [
          "export * from '@tensorflow/tfjs-core';",
          "import '@tensorflow/tfjs-core/dist/register_all_gradients';",
          "import '@tensorflow/tfjs-backend-cpu';",
          "export { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';",
        ].join('\n'),
        resolveDir: root,
        loader: 'js',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // The ES-module builds everywhere, so core is bundled once (the Node entry is CJS).
      mainFields: ['module', 'main'],
      outfile: file,
      logLevel: 'error',
    });
  }
  const tf = require(file) as Tf;
  tf.setWasmPaths(join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  // Production mode: tfjs's fastest configuration (no debug checks; also no "use tfjs-node"
  // banner, advice that does not apply to a comparison of JavaScript backends).
  tf.enableProdMode();
  return tf;
}

export function loadTfjs(): Promise<Tf> {
  loaded ??= bundleAndLoad();
  return loaded;
}

/** Switches backend ('cpu' or 'wasm') and waits until it is ready. */
export async function useBackend(tf: Tf, name: 'cpu' | 'wasm'): Promise<void> {
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`tfjs backend "${name}" failed to initialise`);
  }
  await tf.ready();
}
