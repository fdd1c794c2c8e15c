/**
 * createCheckoutHandler / createWebhookHandler / sweepOrders, mounted as
 * docs/server.md shows (its examples are these files): Node's http, Express,
 * Hono, a Next.js route handler and a plain fetch function. The PSP is the
 * demo's sandbox PSP (PSP-side idempotency by key, a payment counter).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createCheckoutHandler, createMemoryStore, createWebhookHandler, sweepOrders, type OrderEvent, type Store } from 'kessai/server';
import { createSqliteStore } from 'kessai/server/sqlite';
import { createShopServer } from '../../docs/examples/node-http.js';
import { createShopApp as createExpressApp } from '../../docs/examples/express.js';
import { createShopApp as createHonoApp } from '../../docs/examples/hono.js';
import { checkoutRoute } from '../../docs/examples/next-route.js';
import { createFetchApp } from '../../docs/examples/fetch-app.js';
import { scheduleSweep, sweepOnce } from '../../docs/examples/sweep.js';
import { SandboxPsp } from '../../demo/server/sandbox-psp.js';
import { createDemoCatalog } from '../../demo/server/catalog.js';
import { listen, post } from './helpers/http.js';
import { orderBody, uuid } from './helpers/orders.js';

const catalog = createDemoCatalog();
const secret = 'test-secret';
const closers: Array<() => Promise<void>> = [];
after(async () => {
  for (const c of closers) await c();
});

function shop(options: { delayMs?: number; now?: () => Date; store?: Store } = {}) {
  const store = options.store ?? createMemoryStore();
  const psp = new SandboxPsp({ webhookSecret: secret, delayMs: options.delayMs ?? 0, now: options.now });
  const events: OrderEvent[] = [];
  return { store, psp, events, onEvent: (e: OrderEvent) => void events.push(e) };
}

async function nodeShop(options: Parameters<typeof shop>[0] = {}) {
  const s = shop(options);
  const server = await listen(createShopServer({ store: s.store, psp: s.psp, catalog, onEvent: s.onEvent }));
  closers.push(server.close);
  return { ...s, origin: server.origin };
}

describe('checkout handler in Node http (docs/examples/node-http.ts)', { timeout: 60_000 }, () => {
  it('places an order, answers the status route without personal data, 405/404 elsewhere', async () => {
    const { origin, store } = await nodeShop();
    const r = await post(`${origin}/api/checkout`, orderBody());
    assert.equal(r.status, 200);
    const body = (await r.json()) as { status: string; orderId: string; instructions: { expiresAt: string } };
    assert.equal(body.status, 'pending');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    const status = await fetch(`${origin}/api/checkout/${body.orderId}`);
    assert.equal(status.status, 200);
    const s = (await status.json()) as Record<string, unknown>;
    assert.equal(s.status, 'pending');
    assert.equal(s.orderId, body.orderId);
    assert.deepEqual(s.instructions, body.instructions);
    assert.ok(!JSON.stringify(s).includes('山田'), 'no customer data');
    // What the result screen needs after a reload: the method, the Konbini chain, the e-mail only masked.
    assert.equal(s.method, 'konbini');
    assert.equal(s.konbiniStore, 'lawson');
    assert.equal(s.amount, 3240);
    const email = (orderBody().customer as { email: string }).email;
    assert.ok(!JSON.stringify(s).includes(email), 'no full e-mail address');
    assert.equal(s.email, `${email[0]}***${email.slice(email.indexOf('@'))}`);
    assert.equal(s.phone, undefined);
    assert.equal((await fetch(`${origin}/api/checkout/ord_00000000000000000000`)).status, 404);
    assert.equal((await fetch(`${origin}/api/checkout`)).status, 405);
    assert.equal((await fetch(`${origin}/api/checkout/${body.orderId}`, { method: 'DELETE' })).status, 405);
    assert.equal(await store.countOrders(), 1);
  });

  it('treats the same key in upper case as the same key: a replay, byte for byte, and one order', async () => {
    const { origin, store, psp } = await nodeShop();
    const key = uuid();
    const first = await post(`${origin}/api/checkout`, orderBody(), key);
    const firstBytes = await first.text();
    const upper = await post(`${origin}/api/checkout`, orderBody(), key.toUpperCase());
    assert.equal(upper.status, 200);
    assert.equal(upper.headers.get('idempotent-replayed'), 'true');
    assert.equal(await upper.text(), firstBytes);
    const quoted = await post(`${origin}/api/checkout`, orderBody(), `"${key.toUpperCase()}"`);
    assert.equal(await quoted.text(), firstBytes);
    assert.equal(await store.countOrders(), 1);
    assert.equal(psp.payments, 1);
  });

  it('refuses card numbers with any separator anywhere, and stores nothing', async () => {
    const { origin, store } = await nodeShop();
    const bodies = [
      orderBody({ address: { ...(orderBody().address as object), line2: '4242.4242.4242.4242' } }),
      orderBody({ address: { ...(orderBody().address as object), line1: '３５３０ー１１１３ー３３３０ー００００' } }),
      orderBody({ note: { deep: [{ n: 4242424242424242 }] } }),
      orderBody({ customer: { ...(orderBody().customer as object), familyName: '3530/1113/3330/0000' } }),
    ];
    for (const b of bodies) {
      const r = await post(`${origin}/api/checkout`, b);
      assert.equal(r.status, 400, JSON.stringify(b).slice(0, 60));
      assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'raw_card_data');
    }
    assert.equal(await store.countOrders(), 0);
  });
});

describe('checkout handler in Express (docs/examples/express.ts)', { timeout: 60_000 }, () => {
  it('places an order, replays it, serves the status route and the webhook', async () => {
    const s = shop();
    const app = createExpressApp({ store: s.store, psp: s.psp, catalog, onEvent: s.onEvent });
    const { createServer } = await import('node:http');
    const server = await listen(createServer(app));
    closers.push(server.close);
    const key = uuid();
    const r = await post(`${server.origin}/api/checkout`, orderBody(), key);
    assert.equal(r.status, 200);
    const { orderId } = (await r.json()) as { orderId: string };
    const again = await post(`${server.origin}/api/checkout`, orderBody(), key);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await fetch(`${server.origin}/api/checkout/${orderId}`)).status, 200);
    const order = await s.store.getOrder(orderId);
    const signed = await s.psp.signedWebhook({ id: 'evt_express', type: 'payment.succeeded', pspPaymentId: order!.pspPaymentId! });
    const w = await fetch(`${server.origin}/api/psp-webhook`, { method: 'POST', headers: signed.headers, body: signed.body });
    assert.equal(w.status, 200);
    assert.equal((await s.store.getOrder(orderId))?.status, 'paid');
    assert.equal(s.events.at(-1)?.type, 'order.paid');
  });
});

describe('the same handlers in Hono, a Next.js route handler and a fetch function', { timeout: 60_000 }, () => {
  it('Hono (docs/examples/hono.ts)', async () => {
    const s = shop();
    const app = createHonoApp({ store: s.store, psp: s.psp, catalog });
    const r = await app.fetch(new Request('http://shop/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() }, body: JSON.stringify(orderBody()) }));
    assert.equal(r.status, 200);
    const { orderId } = (await r.json()) as { orderId: string };
    assert.equal((await app.fetch(new Request(`http://shop/api/checkout/${orderId}`))).status, 200);
  });
  it('Next.js route handler (docs/examples/next-route.ts)', async () => {
    const s = shop();
    const { GET, POST } = checkoutRoute({ store: s.store, psp: s.psp, catalog });
    const r = await POST(new Request('https://shop.example/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() }, body: JSON.stringify(orderBody()) }));
    assert.equal(r.status, 200);
    const { orderId } = (await r.json()) as { orderId: string };
    assert.equal(((await (await GET(new Request(`https://shop.example/api/checkout/${orderId}`))).json()) as { status: string }).status, 'pending');
  });
  it('a fetch function for Deno, Bun and workers (docs/examples/fetch-app.ts)', async () => {
    const s = shop();
    const app = createFetchApp({ store: s.store, psp: s.psp, catalog });
    const r = await app(new Request('https://shop.example/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() }, body: JSON.stringify(orderBody()) }));
    assert.equal(r.status, 200);
    assert.equal((await app(new Request('https://shop.example/nothing'))).status, 404);
  });
});

describe('fenced take-over of a timed-out lock', { timeout: 60_000 }, () => {
  /** The sandbox PSP behind a gate: calls wait until released (a PSP slower than the lock), counted as they arrive. */
  function gatedPsp() {
    const inner = new SandboxPsp({ webhookSecret: secret });
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => (open = r));
    const arrived: Array<() => void> = [];
    let calls = 0;
    const callNumber = (n: number) => new Promise<void>((r) => (calls >= n ? r() : arrived.push(() => calls >= n && r())));
    const psp = Object.create(inner) as SandboxPsp;
    psp.createKonbiniPayment = async (payment, store) => {
      calls++;
      for (const f of arrived) f();
      await gate;
      return inner.createKonbiniPayment(payment, store);
    };
    return { psp, inner, release: () => open(), callNumber };
  }

  for (const [name, makeStore] of [
    ['memory', () => createMemoryStore()],
    ['SQLite', () => createSqliteStore({ path: ':memory:' })],
  ] as const) {
    it(`${name}: a PSP call slower than the lock: both answers name the one stored order, one PSP payment`, async () => {
      const store = makeStore();
      const { psp, inner, release, callNumber } = gatedPsp();
      const lockTimeoutMs = 100;
      const handler = createCheckoutHandler({ store, psp, catalog, lockTimeoutMs });
      const key = uuid();
      const req = () => new Request('http://shop/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(orderBody()) });
      const first = handler(req());
      await callNumber(1); // the first holds the lock, has written its order and waits on the PSP
      await new Promise((r) => setTimeout(r, lockTimeoutMs + 50)); // its lock times out
      const second = handler(req()); // takes the key over
      await callNumber(2); // and calls the PSP with the same idempotency key
      release();
      const [a, b] = await Promise.all([first, second]);
      const [ta, tb] = [await a.text(), await b.text()];
      assert.equal(a.status, 200, ta);
      assert.equal(b.status, 200, tb);
      assert.equal(ta, tb, 'the late writer answers with the stored response');
      const { orderId } = JSON.parse(ta) as { orderId: string };
      assert.equal((await store.getOrder(orderId))?.status, 'pending', 'the answered order exists');
      assert.equal(await store.countOrders(), 1);
      assert.equal(inner.payments, 1, 'one PSP payment');
      const record = await store.readKey('POST /api/checkout', key);
      assert.equal(record?.version, 2, 'the key was taken over');
    });
  }
});

describe('notifications through the transition table (webhook handler)', { timeout: 60_000 }, () => {
  async function setup() {
    const s = shop();
    const checkout = createCheckoutHandler({ store: s.store, psp: s.psp, catalog });
    const webhook = createWebhookHandler({ store: s.store, psp: s.psp, onEvent: s.onEvent });
    const place = async (body = orderBody()) => {
      const r = await checkout(new Request('http://shop/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() }, body: JSON.stringify(body) }));
      const { orderId } = (await r.json()) as { orderId: string };
      return (await s.store.getOrder(orderId))!;
    };
    const notify = async (event: { id?: string; type: string; pspPaymentId?: string; amount?: number }) => {
      const signed = await s.psp.signedWebhook(event);
      const r = await webhook(new Request('http://shop/api/psp-webhook', { method: 'POST', headers: signed.headers, body: signed.body }));
      return { status: r.status, body: (await r.json()) as { outcome: string; orderStatus: string } };
    };
    return { ...s, place, notify };
  }

  it('payment.succeeded after payment.expired: paid_after_expiry, reported (never dropped)', async () => {
    const { place, notify, events } = await setup();
    const order = await place();
    assert.equal((await notify({ type: 'payment.expired', pspPaymentId: order.pspPaymentId! })).body.orderStatus, 'expired');
    const late = await notify({ type: 'payment.succeeded', pspPaymentId: order.pspPaymentId! });
    assert.equal(late.status, 200);
    assert.deepEqual(late.body, { received: true, outcome: 'applied', orderId: order.id, orderStatus: 'paid_after_expiry' });
    assert.deepEqual(events.map((e) => e.type), ['order.expired', 'order.paid_after_expiry']);
    assert.equal(events[1].previousStatus, 'expired');
  });

  it('payment.failed then payment.succeeded: paid', async () => {
    const { place, notify } = await setup();
    const order = await place(orderBody({ method: 'card', konbini: undefined, card: { token: 'tok_demo_3ds_x' } }));
    assert.equal(order.status, 'requires_action');
    await notify({ type: 'payment.failed', pspPaymentId: order.pspPaymentId! });
    assert.equal((await notify({ type: 'payment.succeeded', pspPaymentId: order.pspPaymentId! })).body.orderStatus, 'paid');
  });

  it('a validly signed notification of an unknown type: 200, recorded, nothing changes, reported', async () => {
    const { place, notify, store, events } = await setup();
    const order = await place();
    const r = await notify({ id: 'evt_dispute', type: 'charge.dispute.created', pspPaymentId: order.pspPaymentId! });
    assert.equal(r.status, 200);
    assert.equal(r.body.outcome, 'unknown_type');
    assert.equal((await store.getOrder(order.id))?.status, 'pending');
    assert.equal((await store.listNotifications()).find((n) => n.id === 'evt_dispute')?.type, 'charge.dispute.created');
    assert.equal(events.at(-1)?.type, 'notification.unknown_type');
    // Even without a payment id.
    assert.equal((await notify({ id: 'evt_account', type: 'account.updated' })).status, 200);
  });

  it('refuses a bad signature with 401', async () => {
    const { psp, store } = await setup();
    const webhook = createWebhookHandler({ store, psp });
    const r = await webhook(new Request('http://shop/api/psp-webhook', { method: 'POST', body: '{"id":"x","type":"payment.succeeded"}' }));
    assert.equal(r.status, 401);
  });
});

describe('the sweep (docs/examples/sweep.ts)', { timeout: 60_000 }, () => {
  it('expires an unpaid Konbini order at its JST deadline, with the hook; a payment after it is kept', async () => {
    const now = new Date('2026-11-25T15:30:00Z'); // 00:30 on the 26th in Tokyo → deadline 2026-11-29T23:59:59+09:00
    const s = shop({ now: () => now });
    const checkout = createCheckoutHandler({ store: s.store, psp: s.psp, catalog, now: () => now });
    const r = await checkout(new Request('http://shop/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() }, body: JSON.stringify(orderBody()) }));
    const { orderId } = (await r.json()) as { orderId: string };
    const released: string[] = [];
    const releaseStock = async (reference: string, id: string) => void released.push(`${reference} ${id}`);
    // The end of 23:59:59 JST: the last second to pay.
    assert.equal(await sweepOnce(s.store, releaseStock, new Date('2026-11-29T14:59:59.999Z')), 0);
    assert.equal(await sweepOnce(s.store, releaseStock, new Date('2026-11-29T15:00:00Z')), 1);
    assert.equal(await sweepOnce(s.store, releaseStock, new Date('2026-11-29T15:01:00Z')), 0, 'once');
    assert.deepEqual(released, [`matcha-set ${orderId}`]);
    assert.equal((await s.store.getOrder(orderId))?.status, 'expired');
  });

  it('scheduleSweep starts a timer that can be stopped', () => {
    const stop = scheduleSweep(createMemoryStore(), async () => {});
    stop();
  });

  it('reports processing orders left by a request that died (stale rows expire)', async () => {
    const store = createMemoryStore();
    const T = Date.parse('2026-11-25T15:30:00Z');
    const begun = await store.beginKey({ scope: 'POST /api/checkout', key: uuid(), fingerprint: 'f', now: T, ttlMs: 86_400_000, lockTimeoutMs: 60_000, newOrderId: 'ord_aaaaaaaaaaaaaaaaaaaa' });
    assert.equal(begun.kind, 'new');
    if (begun.kind !== 'new') return;
    const { newOrder } = await import('./helpers/orders.js');
    await store.createOrder(begun.lease, newOrder(begun.lease.orderId, begun.lease.key, T));
    const events: string[] = [];
    const { abandoned } = await sweepOrders({ store, now: () => new Date(T + 11 * 60_000), onEvent: (e) => void events.push(`${e.type} ${e.order?.id}`) });
    assert.equal(abandoned.length, 1);
    assert.deepEqual(events, ['order.abandoned ord_aaaaaaaaaaaaaaaaaaaa']);
  });
});

describe('order ids and keys', { timeout: 60_000 }, () => {
  it('a key keeps its order id across a PSP failure (the PSP sees the same request); a key reused after its record expired gets a new order', async () => {
    let clock = Date.parse('2026-11-25T15:30:00Z');
    const store = createMemoryStore();
    const psp = new SandboxPsp({ webhookSecret: secret, failures: 1, now: () => new Date(clock) });
    const seen: string[] = [];
    const create = psp.createKonbiniPayment.bind(psp);
    psp.createKonbiniPayment = (payment, s) => (seen.push(payment.orderId), create(payment, s));
    const handler = createCheckoutHandler({ store, psp, catalog, now: () => new Date(clock), onError: () => {} });
    const send = (key: string) =>
      handler(new Request('http://shop/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(orderBody()) }));
    const key = uuid();
    assert.equal((await send(key)).status, 502);
    const ok = await send(key);
    assert.equal(ok.status, 200);
    const { orderId } = (await ok.json()) as { orderId: string };
    assert.deepEqual(seen, [orderId, orderId], 'both attempts asked the PSP for the same order');
    assert.match(orderId, /^ord_[0-9a-z]{20}$/);
    clock += 25 * 3600_000; // past the 24 h the key is kept
    const later = (await (await send(key)).json()) as { orderId: string };
    assert.notEqual(later.orderId, orderId);
    assert.equal(await store.countOrders(), 2);
  });
});
