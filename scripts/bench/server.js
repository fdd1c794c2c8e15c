// The bench's own web server on 127.0.0.1 (an ephemeral port): the bench page,
// its in-page script, and dist/cdn/ (the embed and the postal shards). Nothing
// else is served and nothing is cached (every shard fetch of the cold lookup
// really goes to the server). COOP + COEP make the page cross-origin isolated,
// which gives performance.now() 5 µs resolution instead of 100 µs.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Starts the server. `pageHtml` is the bench page (served at `/`).
 * Returns `{ origin, requests, close }`; `requests` counts GETs per path.
 */
export async function startServer({ root, pageHtml }) {
  const cdn = join(root, 'dist', 'cdn');
  const benchDir = join(root, 'scripts', 'bench');
  /** @type {Map<string, number>} */
  const requests = new Map();

  /** Maps a URL path to a file under dist/cdn/ or the bench's page script; null for anything else. */
  const fileFor = (path) => {
    if (path === '/bench/page.js') return join(benchDir, 'page.js');
    if (!path.startsWith('/cdn/')) return null;
    const file = normalize(join(cdn, path.slice('/cdn/'.length)));
    return file.startsWith(cdn + sep) ? file : null;
  };

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const headers = {
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (req.method !== 'GET') {
      res.writeHead(405, headers).end();
      return;
    }
    if (path === '/') {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] }).end(pageHtml);
      return;
    }
    const file = fileFor(path);
    try {
      if (!file) throw new Error('not served');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
