// The real local HTTP server of the test run: routes under /test-api/ are
// served by @web/test-runner's own dev server (same origin as the tests).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { handleEndpoint } from './endpoint.js';
import { loadCheckoutServer } from '../../demo/server/load.js';
import { startKomojuFake } from '../fakes/komoju.js';
import { startStripeFake } from '../fakes/stripe.js';
import { startPayjpFake } from '../fakes/payjp.js';
import { startFincodeFake } from '../fakes/fincode.js';

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

// ─── kessai/server mounted in this server, with the demo's sandbox PSP ───
//
//   POST /test-api/shop/new            {psp?, pspDelayMs?, pspFailures?, now?, expiryDays?, lockTimeoutMs?,
//        sandboxPages?, walletQrSeconds?, installments?, wallets?, returnUrl?} → {base}
//        a fresh shop: its own in-memory SQLite store, PSP and handlers, so
//        tests (and the browsers running at once) never share state. `psp`:
//        sandbox (default) | komoju | stripe | payjp | fincode — a real adapter
//        pointed at its own local fake of that PSP (test/fakes/), which sends
//        signed notifications over HTTP to {origin}{base}/api/psp-webhook.
//   GET|POST {base}/sandbox/…          the sandbox PSP's 3-D Secure and wallet pages (with sandboxPages;
//        returnUrl: where they send the shopper, `{base}` and `{orderId}` filled in)
//   POST {base}/psp/pay                test-only: {orderId}: the fake PSP marks the
//        order's payment paid and delivers the PSP's signed notification → {status, body}.
//   *    {base}/api/checkout[/…]       createCheckoutHandler
//   POST {base}/api/psp-webhook        createWebhookHandler
//   GET  {base}/orders                 test-only: {count, orders, payments, events, notifications,
//        pspViolations} from its store (payments and violations: the PSP's, or its fake's)
//   POST {base}/simulate-webhook       test-only: {orderId, eventId?, type?, amount?}: the
//        sandbox PSP signs a notification with the shop's secret (which never
//        leaves this process) and delivers it to {base}/api/psp-webhook.
//   POST {base}/sweep                  test-only: {now?}: runs sweepOrders at that instant.

let serverModule;
const shops = new Map();
const MAX_SHOPS = 300;

const FAKES = { komoju: startKomojuFake, stripe: startStripeFake, payjp: startPayjpFake, fincode: startFincodeFake };

/** A real adapter of `name` pointed at a fresh fake of that PSP, with throwaway test-mode secrets. */
async function fakePsp(m, name, now) {
  const secret = (prefix) => `${prefix}${randomBytes(16).toString('hex')}`;
  const keys = { komoju: 'sk_test_', stripe: 'sk_test_', payjp: 'sk_test_', fincode: 'm_test_' };
  const secretKey = secret(keys[name]);
  const webhookSecret = secret(name === 'stripe' ? 'whsec_' : '');
  const fake = await FAKES[name]({ secretKey, webhookSecret, now });
  const common = { secretKey, baseUrl: fake.baseUrl, returnUrl: 'https://shop.example/return' };
  const psp = {
    komoju: () => new m.KomojuPsp({ ...common, webhookSecret }),
    stripe: () => new m.StripePsp({ ...common, webhookSecret, now }),
    payjp: () => new m.PayjpPsp({ ...common, webhookToken: webhookSecret, publicKey: secret('pk_test_') }),
    fincode: () => new m.FincodePsp({ ...common, webhookSignature: webhookSecret, barcodePageUrl: (id) => `https://shop.example/konbini/${encodeURIComponent(id)}` }),
  }[name]();
  return { psp, fake };
}

async function newShop(options, origin) {
  serverModule ??= loadCheckoutServer();
  const m = await serverModule;
  const id = randomUUID();
  const base = `/test-api/shop/${id}`;
  const fixed = options.now ? new Date(options.now) : null;
  const now = fixed ? () => new Date(fixed.getTime()) : () => new Date();
  const store = m.createSqliteStore({ path: ':memory:' });
  const name = options.psp ?? 'sandbox';
  if (name !== 'sandbox' && !FAKES[name]) throw new Error(`unknown psp ${name}`);
  const { psp, fake } =
    name === 'sandbox'
      ? {
          psp: new m.SandboxPsp({
            delayMs: Number(options.pspDelayMs) || 0,
            failures: Number(options.pspFailures) || 0,
            expiryDays: options.expiryDays,
            now,
            webhookSecret: randomBytes(32).toString('hex'),
            // sandboxPages: its 3-D Secure and wallet pages are served by this shop (same origin as the tests).
            baseUrl: options.sandboxPages ? `${origin}${base}/sandbox` : undefined,
            walletQrSeconds: options.walletQrSeconds,
          }),
          fake: null,
        }
      : await fakePsp(m, name, now);
  const events = [];
  const onEvent = (e) => void events.push({ type: e.type, orderId: e.order?.id ?? null, previousStatus: e.previousStatus ?? null, status: e.order?.status ?? null });
  const common = { store, psp, now, onEvent, onError: () => {} };
  // returnUrl: where 3-D Secure and wallet pages send the shopper back (a test page; `{orderId}` is replaced).
  const returnUrl = typeof options.returnUrl === 'string' ? (orderId) => new URL(options.returnUrl.replace('{base}', encodeURIComponent(base)).replace('{orderId}', orderId), origin).href : undefined;
  const checkout = m.createCheckoutHandler({ ...common, catalog: m.createDemoCatalog(), lockTimeoutMs: options.lockTimeoutMs, installments: options.installments, wallets: options.wallets, returnUrl });
  const webhook = m.createWebhookHandler(common);
  const deliver = (signed) => webhook(new Request('http://shop/api/psp-webhook', { method: 'POST', headers: signed.headers, body: signed.body }));
  const pages = name === 'sandbox' ? psp.pages(deliver) : null;
  const app = {
    fetch: (request) => {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/sandbox/') && pages) return pages(request);
      return path === '/api/psp-webhook' ? webhook(request) : checkout(request);
    },
  };
  if (fake) fake.webhookUrl = `${origin}/test-api/shop/${id}/api/psp-webhook`;
  shops.set(id, { app, store, psp, fake, events, module: m, now });
  if (shops.size > MAX_SHOPS) {
    const [oldest, shop] = shops.entries().next().value;
    shops.delete(oldest);
    await shop.store.close();
    await shop.fake?.close();
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
    const id = await newShop(await readJson(ctx), `${ctx.protocol}://${ctx.host}`);
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
  if (path.startsWith('/api/') || path.startsWith('/sandbox/')) return forward(ctx, shop.app, path);
  if (path === '/orders' && ctx.method === 'GET') {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      count: await shop.store.countOrders(),
      orders: await shop.store.listOrders(),
      payments: shop.fake ? shop.fake.payments.size : shop.psp.payments,
      pspViolations: shop.fake?.violations ?? [],
      sandboxPayments: shop.fake ? [] : [...shop.psp.records.values()],
      events: shop.events,
      notifications: await shop.store.listNotifications(),
    };
    return;
  }
  if (path === '/sweep' && ctx.method === 'POST') {
    const { now } = await readJson(ctx);
    const at = now ? new Date(now) : shop.now();
    const r = await shop.module.sweepOrders({ store: shop.store, now: () => at, onEvent: (e) => void shop.events.push({ type: e.type, orderId: e.order?.id ?? null, previousStatus: e.previousStatus ?? null, status: e.order?.status ?? null }) });
    ctx.body = { expired: r.expired.map((s) => s.order.id), abandoned: r.abandoned.map((s) => s.order.id) };
    return;
  }
  if (path === '/psp/pay' && ctx.method === 'POST' && shop.fake) {
    const { orderId } = await readJson(ctx);
    const order = await shop.store.getOrder(orderId);
    if (!order?.pspPaymentId) {
      ctx.status = 404;
      ctx.body = { error: 'unknown order' };
      return;
    }
    ctx.body = await shop.fake.pay(order.pspPaymentId);
    return;
  }
  if (path === '/simulate-webhook' && ctx.method === 'POST') {
    const { orderId, eventId, type = 'payment.succeeded', amount } = await readJson(ctx);
    const order = await shop.store.getOrder(orderId);
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

// A page that loads the embed from /test-api/cdn/ with an address element and
// no postal-data: its shards must come from /test-api/cdn/postal/ (beside the script).
async function embedAddressPage() {
  const sri = (await readFile(`${root}dist/cdn/kessai.js.sri`, 'utf8')).trim();
  return (
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>address</title></head><body>` +
    `<form><kessai-address-fields name="shipping"></kessai-address-fields></form>` +
    `<script src="/test-api/cdn/kessai.js" integrity="${sri}" crossorigin="anonymous"></script></body></html>`
  );
}

/** Shard fixtures generated from the real data (scripts/postal-data.js --only … --out test/fixtures/postal). */
async function postalFixture(ctx, file) {
  ctx.set('Cache-Control', 'no-store');
  if (!/^\d{3}\.json$/.test(file)) {
    ctx.status = 404;
    return;
  }
  try {
    ctx.body = await readFile(`${root}test/fixtures/postal/${file}`);
    ctx.set('Content-Type', 'application/json');
  } catch {
    ctx.status = 404;
    ctx.body = 'no such shard';
  }
}

const postalHits = new Map();

/**
 * /test-api/postal/<mode>/NNN.json:
 *  ok          the fixture shard (404 when there is none)
 *  count/<id>  the fixture, counting requests; /test-api/postal/hits/<id> tells how many
 *  missing     always 404
 *  broken      200 with JSON cut in the middle
 *  not-a-shard 200 with valid JSON that is not a shard
 *  slow        the fixture after 3 s (the element gives up sooner)
 */
async function postalRoute(ctx, route) {
  const parts = route.split('/');
  const mode = parts[0];
  const file = parts[parts.length - 1];
  ctx.set('Cache-Control', 'no-store');
  if (mode === 'ok') return postalFixture(ctx, file);
  if (mode === 'count') {
    postalHits.set(parts[1], (postalHits.get(parts[1]) ?? 0) + 1);
    return postalFixture(ctx, file);
  }
  if (mode === 'hits') {
    ctx.set('Content-Type', 'application/json');
    ctx.body = JSON.stringify(postalHits.get(parts[1]) ?? 0);
    return;
  }
  if (mode === 'broken') {
    ctx.set('Content-Type', 'application/json');
    ctx.body = '{"1000001":[["13","千代田区","千代';
    return;
  }
  if (mode === 'not-a-shard') {
    ctx.set('Content-Type', 'application/json');
    ctx.body = '["1000001", "東京都"]';
    return;
  }
  if (mode === 'slow') {
    await new Promise((r) => setTimeout(r, 3000));
    return postalFixture(ctx, file);
  }
  ctx.status = 404;
  ctx.body = 'not found';
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
    if (route === 'embed-checkout-page') {
      // The whole checkout from the embed, posting to the scriptable endpoint, postal data from fixtures
      // (?tampered=1: its parts come changed, so their integrity check fails).
      const dir = ctx.query.tampered ? 'cdn-tampered' : 'cdn';
      const sri = (await readFile(`${root}dist/cdn/kessai.js.sri`, 'utf8')).trim();
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.body =
        `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>checkout</title></head><body>` +
        `<kessai-checkout endpoint="/test-api/endpoint/konbini?s=${encodeURIComponent(ctx.query.s ?? '')}" amount="3240" reference="cart" methods="konbini pay-easy"></kessai-checkout>` +
        `<script src="/test-api/${dir}/kessai.js" integrity="${sri}" crossorigin="anonymous"></script></body></html>`;
      return;
    }
    if (route === 'wallet-page') {
      // A shop page with the checkout from source (test/helpers/wallet-page.ts), posting to a shop of
      // /test-api/shop/new: the page 3-D Secure and wallet pages send the shopper back to.
      const base = /^\/test-api\/shop\/[0-9a-f-]{36}$/.test(ctx.query.base ?? '') ? ctx.query.base : '';
      const methods = /^[a-z -]{1,80}$/.test(ctx.query.methods ?? '') ? ctx.query.methods : 'paypay';
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.set('Cache-Control', 'no-store');
      ctx.body =
        `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>shop</title></head><body>` +
        `<kessai-checkout endpoint="${base}/api/checkout" amount="5000" reference="e-gift-5000" no-address methods="${methods}" installments="3 6 12"></kessai-checkout>` +
        `<script type="module" src="/test/helpers/wallet-page.ts"></script></body></html>`;
      return;
    }
    if (route === 'embed-english-page') {
      // An English shop page: the embed fetches kessai.en.json beside itself (cdn-tampered/: a changed copy).
      const dir = ctx.query.tampered ? 'cdn-tampered' : 'cdn';
      const sri = (await readFile(`${root}dist/cdn/kessai.js.sri`, 'utf8')).trim();
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.body =
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>` +
        `<kessai-contact-fields name="c"></kessai-contact-fields><kessai-konbini-picker amount="350000"></kessai-konbini-picker>` +
        `<script src="/test-api/${dir}/kessai.js" integrity="${sri}" crossorigin="anonymous"></script></body></html>`;
      return;
    }
    if (route === 'embed-parts-page') {
      // A strict page: scripts only with its CSP nonce, Trusted Types enforced (where the engine
      // has them), a card checkout and an order-complete element of its own, both loaded as parts
      // (?tampered=1: the parts come changed, so their integrity check fails).
      const dir = ctx.query.tampered ? 'cdn-tampered' : 'cdn';
      const sri = (await readFile(`${root}dist/cdn/kessai.js.sri`, 'utf8')).trim();
      const nonce = 'n0nce-' + Math.random().toString(36).slice(2);
      const instructions = JSON.stringify({ method: 'konbini', store: 'lawson', paymentCode: '12345', confirmationNumber: '6789', expiresAt: '2099-12-31T23:59:59+09:00' });
      ctx.set('Content-Security-Policy', `script-src 'nonce-${nonce}'; require-trusted-types-for 'script'; trusted-types lit-html kessai`);
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.body =
        `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>parts</title></head><body>` +
        `<kessai-checkout endpoint="/test-api/endpoint/konbini" amount="3240" methods="card"></kessai-checkout>` +
        `<kessai-payment-instructions order-id="A-1" amount="3240" instructions='${instructions}'></kessai-payment-instructions>` +
        `<script nonce="${nonce}">document.querySelector('kessai-checkout').cardTokenizer = async () => ({ token: 'tok_test' });</script>` +
        `<script nonce="${nonce}" src="/test-api/${dir}/kessai.js" integrity="${sri}" crossorigin="anonymous"></script></body></html>`;
      return;
    }
    if (route === 'embed-address-page') {
      ctx.set('Content-Type', 'text/html; charset=utf-8');
      ctx.body = await embedAddressPage();
      return;
    }
    const postal = /^cdn(-tampered)?\/postal\//.exec(route);
    if (postal) return postalFixture(ctx, route.slice(postal[0].length));
    if (route.startsWith('postal/')) return postalRoute(ctx, route.slice('postal/'.length));
    if (route === 'cdn/kessai.js.sri') {
      ctx.set('Content-Type', 'text/plain');
      ctx.body = await readFile(`${root}dist/cdn/kessai.js.sri`);
      return;
    }
    if (route === 'cdn/kessai.en.json' || route === 'cdn-tampered/kessai.en.json') {
      const json = await readFile(`${root}dist/cdn/kessai.en.json`, 'utf8');
      ctx.set('Content-Type', 'application/json');
      ctx.body = route.startsWith('cdn-tampered') ? json.replace('Email address', 'Send your password to') : json;
      return;
    }
    const part = /^(cdn|cdn-tampered)\/(kessai-[\w.-]+\.js)$/.exec(route);
    if (part) {
      const code = await readFile(`${root}dist/cdn/${part[2]}`, 'utf8');
      ctx.set('Content-Type', 'text/javascript');
      // A changed part: one byte more (whatever the part holds), so its sha384 no longer matches.
      ctx.body = part[1] === 'cdn' ? code : `${code} `;
      return;
    }
    if (route === 'cdn/kessai.js' || route === 'cdn-tampered/kessai.js') {
      // Deliberately no charset: what a careless shop server sends.
      ctx.set('Content-Type', 'text/javascript');
      ctx.body = await readFile(`${root}dist/cdn/kessai.js`);
      return;
    }
    ctx.status = 404;
    ctx.body = 'unknown test route';
  };
}
