// A tiny static server that serves dist/ under a sub-path (/sub/path/), as a site hosted
// in a folder would be: anything outside the prefix is a 404, so an absolute asset or
// worker URL in the build fails loudly.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { StaticServer } from './harness';
import { repoRoot } from './harness';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

export const SUB_PATH = '/sub/path/';

/** `extra`: test-only pages served beside dist/ (path under the prefix → HTML). */
export function serveDistAt(
  prefix = SUB_PATH,
  extra: Record<string, string> = {},
): Promise<StaticServer & { misses: string[] }> {
  const root = resolve(repoRoot, 'dist');
  const misses: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = path.startsWith(prefix) ? path.slice(prefix.length) || 'index.html' : null;
    if (rel !== null && extra[rel] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(extra[rel]);
      return;
    }
    const file = rel === null ? null : normalize(join(root, rel));
    if (!file || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      misses.push(path);
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      ok({
        url: `http://127.0.0.1:${port}${prefix}`,
        misses,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}
