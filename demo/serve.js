// `npm start`: serves the demo pages and the built files on one local port
// (PORT overrides). Plain Node, no framework: this is the shop's web server.
// Requests under /api/ go to kessai/server's handlers with the PSP named by KESSAI_PSP
// (default: the sandbox PSP):
// POST /api/checkout, GET /api/checkout/{orderId}, POST /api/psp-webhook; with the sandbox PSP also
// its 3-D Secure and wallet pages, GET/POST /api/sandbox/{3ds|wallet}/{id}.
//
// Storage: PostgreSQL when DATABASE_URL is set (several instances on several
// ports share one order book), else the SQLite file KESSAI_DB (default
// demo/data/orders.sqlite). Pages are served as a merchant should: GET/HEAD
// only, a strict CSP with Trusted Types and frame-ancestors 'none', nosniff,
// Referrer-Policy (kessai/server's securityHeaders()).
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

/** The shop page carries the embed's current SRI value; every page's inline <script>/<style> gets this response's nonce. */
async function fileBody(file, nonce) {
  const body = await readFile(file);
  if (!file.endsWith('.html')) return body;
  let html = body.toString('utf8').replace(/<(script|style)(?=[\s>])/g, `<$1 nonce="${nonce}"`);
  if (file.endsWith(join('shop', 'index.html'))) {
    const sri = (await readFile(join(root, 'dist', 'cdn', 'kessai.js.sri'), 'utf8')).trim();
    html = html.replace('__KESSAI_SRI__', sri);
  }
  return html;
}

/** The kessai/server module, compiled from src/ (no prior build needed). */
async function serverModule() {
  const { loadCheckoutServer } = await import('./server/load.js');
  return loadCheckoutServer();
}

/**
 * The handlers with their store (PostgreSQL when `databaseUrl`, else SQLite at
 * `dbPath`) and the PSP named by KESSAI_PSP (default: the sandbox, whose
 * webhook signing secret comes from KESSAI_SANDBOX_WEBHOOK_SECRET, a random
 * one when unset).
 */
export async function createApiListener({
  databaseUrl = process.env.DATABASE_URL,
  dbPath = process.env.KESSAI_DB || join(root, 'demo', 'data', 'orders.sqlite'),
} = {}) {
  const m = await serverModule();
  const origin = `http://127.0.0.1:${Number(process.env.PORT) || 8080}`;
  const store = databaseUrl ? await m.createPostgresStore({ connectionString: databaseUrl }) : m.createSqliteStore({ path: dbPath });
  // KESSAI_PSP=sandbox|komoju|stripe|payjp|fincode (default sandbox); secrets from the environment only (docs/psp.md).
  const psp = m.pspFromEnv(process.env, { sandboxWebhookSecret: randomBytes(32).toString('hex'), sandboxBaseUrl: `${origin}/api/sandbox` });
  const onEvent = (e) => console.log(`[kessai] ${e.type} ${e.order?.id ?? ''} ${e.previousStatus ?? ''}→${e.order?.status ?? ''}`);
  // 3-D Secure and wallet pages send the shopper back to the shop page with the order id (KESSAI_RETURN_URL overrides the page).
  const returnPage = process.env.KESSAI_RETURN_URL || `${origin}/shop/`;
  const returnUrl = (orderId) => `${returnPage}${returnPage.includes('?') ? '&' : '?'}kessai-order=${orderId}`;
  const checkout = m.toNodeHandler(
    m.createCheckoutHandler({ store, psp, catalog: m.createDemoCatalog(), onEvent, installments: [3, 6, 12, 'bonus', 'revolving'], wallets: ['rakuten-pay', 'd-barai', 'au-pay', 'merpay'], returnUrl }),
  );
  const webhookHandler = m.createWebhookHandler({ store, psp, onEvent });
  const webhook = m.toNodeHandler(webhookHandler);
  const sandboxPages = psp instanceof m.SandboxPsp ? m.toNodeHandler(psp.pages((signed) => webhookHandler(new Request(`${origin}/api/psp-webhook`, { method: 'POST', headers: signed.headers, body: signed.body })))) : null;
  const stopSweeper = m.startSweeper({ store, onEvent, intervalMs: 60_000 });
  const listener = (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/api/psp-webhook') return webhook(req, res);
    if (sandboxPages && path.startsWith('/api/sandbox/')) return sandboxPages(req, res);
    return checkout(req, res);
  };
  const close = async () => {
    stopSweeper();
    await store.close();
  };
  return { listener, store, psp, where: databaseUrl ? 'PostgreSQL (DATABASE_URL)' : dbPath, module: m, close };
}

export async function createDemoServer({ api } = {}) {
  const { securityHeaders } = await serverModule();
  return createServer(async (req, res) => {
    if (api && new URL(req.url, 'http://x').pathname.startsWith('/api/')) return api(req, res);
    const nonce = randomBytes(16).toString('base64');
    const headers = securityHeaders({ nonce, trustedTypes: ['vue', 'react'] });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    try {
      const file = resolvePath(new URL(req.url, 'http://x').pathname);
      if (!file || !(await stat(file)).isFile()) throw new Error('not served');
      const body = await fileBody(file, nonce);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT) || 8080;
  const backend = await createApiListener();
  const server = await createDemoServer({ api: backend.listener });
  server.listen(port, '127.0.0.1', () => {
    console.log(`kessai demo: http://127.0.0.1:${port}/`);
    const psp = backend.psp.sandbox ? `${backend.psp.name.toUpperCase()} (test mode: no money moves)` : `${backend.psp.name.toUpperCase()} LIVE`;
    console.log(`  backend: POST http://127.0.0.1:${port}/api/checkout (PSP ${psp}; orders in ${backend.where})`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections();
      backend.close().finally(() => process.exit(0));
    });
  }
}
