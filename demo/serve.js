// `npm start`: serves the demo pages and the built files on one local port
// (PORT overrides). Plain Node, no framework: this is the shop's web server.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.sri': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file under demo/ or dist/; never outside them. */
function resolvePath(urlPath) {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  if (path === '/' || path === '') return join(root, 'demo', 'index.html');
  if (path.startsWith('/dist/')) return join(root, path);
  return join(root, 'demo', path);
}

export function createDemoServer() {
  return createServer(async (req, res) => {
    try {
      const file = resolvePath(new URL(req.url, 'http://x').pathname);
      if (!file.startsWith(join(root, 'demo')) && !file.startsWith(join(root, 'dist'))) throw new Error('outside');
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT) || 8080;
  createDemoServer().listen(port, '127.0.0.1', () => {
    console.log(`kessai demo: http://127.0.0.1:${port}/`);
  });
}
