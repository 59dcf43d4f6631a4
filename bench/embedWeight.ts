/**
 * Bundle weight per kind of embed (README "Embedding"): the gzipped JavaScript a page
 * downloads before the figure first paints, from the build's manifest (dist/.vite/
 * manifest.json) — the entry, the embed shell, the figure's lazily loaded chunk, and
 * everything they import statically. Compared with the full explorer (the app a
 * visitor opens), which needs all of it plus three.js.
 *
 * `tsx bench/embedWeight.ts` builds first; `--no-build` reads the existing dist/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { repoRoot } from '../tests/e2e/harness';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, Chunk>;

const dist = resolve(repoRoot, 'dist');

/** The JS files of `roots` and their static imports (what loads before they run). */
export function closure(manifest: Manifest, roots: string[]): string[] {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    seen.add(key);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  roots.forEach(visit);
  return [...files];
}

export const EMBED_KINDS: Record<string, string[]> = {
  'science view (view=sweep)': [
    'index.html',
    'src/embed/mountEmbed.tsx',
    'src/ui/views/sweep/SweepView.tsx',
  ],
  'charts (view=charts)': ['index.html', 'src/embed/mountEmbed.tsx', 'src/ui/ChartsFigure.tsx'],
  '3-D scene, shell painted (view=scene)': ['index.html', 'src/embed/mountEmbed.tsx'],
  '3-D scene, scene painted (view=scene)': [
    'index.html',
    'src/embed/mountEmbed.tsx',
    'src/scene/SceneView.tsx',
  ],
  'full explorer (no embed)': [
    'index.html',
    'src/ui/App.tsx',
    'src/ui/ExplorerLayout.tsx',
    'src/scene/SceneView.tsx',
  ],
};

export function weigh(files: string[]): { raw: number; gz: number } {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(resolve(dist, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    process.env.NODE_ENV = 'production';
    await build({ root: repoRoot, mode: 'production', logLevel: 'warn' });
  }
  const manifest = JSON.parse(
    readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const full = weigh(closure(manifest, EMBED_KINDS['full explorer (no embed)']!));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log('Embed weight: JavaScript loaded before the figure paints (gzip -9)');
  for (const [kind, roots] of Object.entries(EMBED_KINDS)) {
    const files = closure(manifest, roots);
    const w = weigh(files);
    const three = files.some((f) => f.includes('SceneView')) ? 'with three.js' : 'no three.js';
    console.log(
      `  ${kind.padEnd(40)} ${kb(w.raw).padStart(10)} raw ${kb(w.gz).padStart(9)} gz  ${(w.gz / full.gz).toFixed(2)}× full explorer  (${files.length} files, ${three})`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(repoRoot, 'bench/embedWeight.ts'))
  await main();
