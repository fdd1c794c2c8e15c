// The real local HTTP server of the test run: routes under /test-api/ are
// served by @web/test-runner's own dev server (same origin as the tests).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { handleEndpoint } from './endpoint.js';
import { loadCheckoutServer } from '../../demo/server/load.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// "決済テスト" in Shift_JIS, so the page really is a Shift_JIS document.
const SJIS_TITLE = Buffer.from('8c888dcf836583588367', 'hex');

async function sjisPage() {
  const sri = (await readFile(`${root}dist/cdn/kessai.js.sri`, 'utf8')).trim();
  const head = Buffer.from('<!doctype html><html><head><title>');
  const rest = Buffer.from(
    `</title></head><body><form><kessai-contact-fields name="c"></kessai-contact-fields></form>` +
      `<script src="/test-api/cdn/kessai.js" integrity="${sri}" crossorigin="anonymous"></script></body></html>`,
  );
  return Buffer.concat([head, SJIS_TITLE, rest]);
}

// ─── the reference merchant backend (demo/server) mounted in this server ───
//
//   POST /test-api/shop/new            {pspDelayMs?, pspFailures?, now?, expiryDays?} → {base}
//        a fresh shop: its own in-memory SQLite, sandbox PSP and Hono app, so
//        tests (and the three browsers running at once) never share state.
//   *    {base}/api/…                  forwarded to the Hono app's fetch
//   GET  {base}/orders                 test-only: {count, orders} from its database
//   POST {base}/simulate-webhook       test-only: {orderId, eventId?, type?}: the
//        sandbox PSP signs a notification with the shop's secret (which never
//        leaves this process) and delivers it to {base}/api/psp-webhook.

let serverModule;
const shops = new Map();
const MAX_SHOPS = 300;

async function newShop(options) {
  serverModule ??= loadCheckoutServer();
  const m = await serverModule;
  const fixed = options.now ? new Date(options.now) : null;
  const now = fixed ? () => new Date(fixed.getTime()) : () => new Date();
  const db = m.openDatabase(':memory:');
  const psp = new m.SandboxPsp({
    delayMs: Number(options.pspDelayMs) || 0,
    failures: Number(options.pspFailures) || 0,
    expiryDays: options.expiryDays,
    now,
    webhookSecret: randomBytes(32).toString('hex'),
  });
  const app = m.createCheckoutApp({ db, psp, catalog: m.createCatalog(), now, onError: () => {} });
  const id = randomUUID();
  shops.set(id, { app, db, psp, orders: new m.OrderStore(db) });
  if (shops.size > MAX_SHOPS) {
    const [oldest, shop] = shops.entries().next().value;
    shops.delete(oldest);
    shop.db.close();
  }
  return id;
}

async function readJson(ctx) {
  const chunks = [];
  for await (const c of ctx.req) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/** Koa → web Request (body streamed) → app.fetch → web Response → Koa. */
async function forward(ctx, app, path) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = ctx.method !== 'GET' && ctx.method !== 'HEAD';
  const request = new Request(new URL(path + ctx.search, `http://${ctx.host}`), {
    method: ctx.method,
    headers,
    body: hasBody ? Readable.toWeb(ctx.req) : undefined,
    duplex: 'half',
  });
  const response = await app.fetch(request);
  ctx.status = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'transfer-encoding') ctx.set(name, value);
  });
  ctx.body = Buffer.from(await response.arrayBuffer());
}

async function shopRoute(ctx, rest) {
  if (rest === 'new' && ctx.method === 'POST') {
    const id = await newShop(await readJson(ctx));
    ctx.body = { base: `/test-api/shop/${id}` };
    return;
  }
  const [, id, path] = /^([0-9a-f-]{36})(\/.*)$/.exec(rest) ?? [];
  const shop = id && shops.get(id);
  if (!shop) {
    ctx.status = 404;
    ctx.body = { error: 'unknown shop' };
    return;
  }
  if (path.startsWith('/api/')) return forward(ctx, shop.app, path);
  if (path === '/orders' && ctx.method === 'GET') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { count: shop.orders.count(), orders: shop.orders.list() };
    return;
  }
  if (path === '/simulate-webhook' && ctx.method === 'POST') {
    const { orderId, eventId, type = 'payment.succeeded', amount } = await readJson(ctx);
    const order = shop.orders.get(orderId);
    if (!order) {
      ctx.status = 404;
      ctx.body = { error: 'unknown order' };
      return;
    }
    const signed = await shop.psp.signedWebhook({ id: eventId, type, pspPaymentId: order.pspPaymentId, amount });
    const response = await shop.app.fetch(
      new Request('http://shop/api/psp-webhook', { method: 'POST', headers: signed.headers, body: signed.body }),
    );
    ctx.body = { status: response.status, body: await response.json() };
    return;
  }
  ctx.status = 404;
  ctx.body = { error: 'unknown shop route' };
}

/** Koa middleware for the test run's dev server (listed in `middleware`, so it runs first). */
export function testApiMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/test-api/')) return next();
    const route = ctx.path.slice('/test-api/'.length);
    if (await handleEndpoint(ctx, route)) return;
    if (route.startsWith('shop/')) return shopRoute(ctx, route.slice('shop/'.length));
    if (route === 'sjis-page') {
      ctx.set('Content-Type', 'text/html; charset=Shift_JIS');
      ctx.body = await sjisPage();
      return;
    }
    if (route === 'cdn/kessai.js.sri') {
      ctx.set('Content-Type', 'text/plain');
      ctx.body = await readFile(`${root}dist/cdn/kessai.js.sri`);
      return;
    }
    if (route === 'cdn/kessai.js') {
      // Deliberately no charset: what a careless shop server sends.
      ctx.set('Content-Type', 'text/javascript');
      ctx.body = await readFile(`${root}dist/cdn/kessai.js`);
      return;
    }
    ctx.status = 404;
    ctx.body = 'unknown test route';
  };
}
