// `npm start`: serves the demo pages and the built files on one local port
// (PORT overrides). Plain Node, no framework: this is the shop's web server.
// Requests under /api/ go to the reference merchant backend (demo/server/, a
// Hono app): POST /api/checkout and POST /api/psp-webhook.
import { randomBytes } from 'node:crypto';
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

/**
 * What the demo serves, and nothing else (never demo/server/ or the SQLite
 * file): the index, the plain shop page, the built React / Vue storefronts and dist/.
 */
function resolvePath(urlPath) {
  const path = normalize(decodeURIComponent(urlPath));
  if (path.includes('..')) return null;
  if (path === '/') return join(root, 'demo', 'index.html');
  if (path === '/shop/' || path === '/shop/index.html') return join(root, 'demo', 'shop', 'index.html');
  if (/^\/shop\/(demo-tokenizer\.js|theme-[a-z]+\.css)$/.test(path)) return join(root, 'demo', path);
  if (path === '/react/' || path === '/vue/') return join(root, 'demo', 'dist', path, 'index.html');
  if (path.startsWith('/assets/')) return join(root, 'demo', 'dist', path);
  if (path.startsWith('/dist/')) return join(root, path);
  return null;
}

/** The shop page carries the embed's current SRI value. */
async function fileBody(file) {
  const body = await readFile(file);
  if (!file.endsWith(join('shop', 'index.html'))) return body;
  const sri = (await readFile(join(root, 'dist', 'cdn', 'kessai.js.sri'), 'utf8')).trim();
  return body.toString('utf8').replace('__KESSAI_SRI__', sri);
}

/**
 * The reference backend with its SQLite file (KESSAI_DB, default
 * demo/data/orders.sqlite) and the sandbox PSP. The webhook signing secret
 * comes from KESSAI_SANDBOX_WEBHOOK_SECRET (server-only; a random one when unset).
 */
export async function createApiListener({ dbPath = process.env.KESSAI_DB || join(root, 'demo', 'data', 'orders.sqlite') } = {}) {
  const { getRequestListener } = await import('@hono/node-server');
  const { loadCheckoutServer } = await import('./server/load.js');
  const m = await loadCheckoutServer();
  const db = m.openDatabase(dbPath);
  const psp = new m.SandboxPsp({
    webhookSecret: process.env.KESSAI_SANDBOX_WEBHOOK_SECRET || randomBytes(32).toString('hex'),
    delayMs: Number(process.env.KESSAI_SANDBOX_DELAY_MS) || 0,
  });
  const app = m.createCheckoutApp({ db, psp, catalog: m.createCatalog() });
  return { listener: getRequestListener(app.fetch), db, psp, dbPath, module: m };
}

export function createDemoServer({ api } = {}) {
  return createServer(async (req, res) => {
    if (api && new URL(req.url, 'http://x').pathname.startsWith('/api/')) return api(req, res);
    try {
      const file = resolvePath(new URL(req.url, 'http://x').pathname);
      if (!file || !(await stat(file)).isFile()) throw new Error('not served');
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await fileBody(file));
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT) || 8080;
  const backend = await createApiListener();
  createDemoServer({ api: backend.listener }).listen(port, '127.0.0.1', () => {
    console.log(`kessai demo: http://127.0.0.1:${port}/`);
    console.log(`  reference backend: POST http://127.0.0.1:${port}/api/checkout (SANDBOX PSP: no money moves; orders in ${backend.dbPath})`);
  });
}
