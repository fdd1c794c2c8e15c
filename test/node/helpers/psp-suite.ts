/**
 * What every real PSP adapter must do, run against that PSP's local fake
 * (test/fakes/<psp>.js) through the real handlers over HTTP: one order per
 * Idempotency-Key at the PSP, and notifications signed the way the PSP signs
 * them — valid (order paid), tampered (401), replayed and duplicated (recorded
 * once), out of order (a paid order stays paid, the merchant is told), of an
 * unknown type (acknowledged, recorded) — with no secret in any log line.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createMemoryStore, type KonbiniStore, type OrderEvent, type PspAdapter } from 'kessai/server';
import { createShopServer } from '../../../docs/examples/node-http.js';
import { createDemoCatalog } from '../../../demo/server/catalog.js';
import { listen, post } from './http.js';
import { orderBody, uuid } from './orders.js';

export interface FakePsp {
  baseUrl: string;
  webhookUrl: string | null;
  violations: string[];
  requests: Array<{ method: string; path: string; headers: Record<string, string | string[] | undefined>; raw: string }>;
  payments: Map<string, Record<string, unknown>>;
  deliver(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Holds every answer (the PSP still does the work) until the returned function is called. */
  hold(): () => void;
  close(): Promise<void>;
}

export interface PspKit {
  adapter: PspAdapter;
  fake: FakePsp & { event(type: string, id: string, patch?: Record<string, unknown>): unknown; sign(body: string, secret?: string): Record<string, string> };
  /** Secrets that must never appear in a log line. */
  secrets: string[];
  /** The order placed: Konbini at this store, or a card token for PSPs without Konbini. */
  order: { method: 'konbini'; store: KonbiniStore } | { method: 'card'; token: string };
  /** The PSP's event type for each notification the suite sends, and what the PSP holds then. */
  events: Record<'paid' | 'expired' | 'unknown', string>;
  patches?: Partial<Record<'paid' | 'expired' | 'unknown', Record<string, unknown>>>;
  /**
   * A forgery of a signed notification: by default the same signature over another
   * body; for a fixed-token scheme (PAY.JP, fincode), which does not bind the body, a wrong token.
   */
  tamper?(signed: { body: string; headers: Record<string, string> }): { body: string; headers: Record<string, string> };
  /** What the webhook answer must also carry (fincode: receive "0"). */
  acknowledgement?: Record<string, string>;
}

type Answer = { received: boolean; outcome: string; orderId: string | null; orderStatus: string | null };

export function pspConformance(name: string, makeKit: (options: { timeoutMs?: number }) => Promise<PspKit>): void {
  describe(`${name}: the adapter against its fake, through the handlers`, { timeout: 60_000 }, () => {
    const logs: string[] = [];
    const closers: Array<() => Promise<void>> = [];
    const original = { log: console.log, error: console.error, warn: console.warn, info: console.info };
    for (const k of ['log', 'error', 'warn', 'info'] as const) {
      console[k] = (...args: unknown[]) => {
        logs.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      };
    }
    after(async () => {
      Object.assign(console, original);
      for (const c of closers) await c();
    });

    const secrets: string[] = [];
    /** A notification of `kind` about `pspPaymentId`, signed as the PSP signs it now. */
    function signed(kit: PspKit, kind: 'paid' | 'expired' | 'unknown', pspPaymentId: string) {
      const body = JSON.stringify(kit.fake.event(kit.events[kind], pspPaymentId, kit.patches?.[kind]));
      return { body, headers: kit.fake.sign(body) };
    }

    async function shop(options: { timeoutMs?: number } = {}) {
      const kit = await makeKit(options);
      secrets.push(...kit.secrets.filter(Boolean));
      const store = createMemoryStore();
      const events: OrderEvent[] = [];
      const server = await listen(createShopServer({ store, psp: kit.adapter, catalog: createDemoCatalog(), onEvent: (e) => void events.push(e) }));
      closers.push(server.close, kit.fake.close);
      kit.fake.webhookUrl = `${server.origin}/api/psp-webhook`;
      return { kit, store, events, origin: server.origin };
    }

    const requestBody = (kit: PspKit) =>
      kit.order.method === 'konbini' ? orderBody({ konbini: { store: kit.order.store } }) : orderBody({ method: 'card', konbini: undefined, card: { token: kit.order.token } });

    it('one Idempotency-Key, one PSP payment: the retry is answered from the store and the PSP got our key as its own', async () => {
      const { kit, store, origin } = await shop();
      const key = uuid();
      const first = await post(`${origin}/api/checkout`, requestBody(kit), key);
      assert.equal(first.status, 200, await first.clone().text());
      const again = await post(`${origin}/api/checkout`, requestBody(kit), key);
      assert.equal(await again.text(), await first.text());
      assert.equal(kit.fake.payments.size, 1);
      assert.deepEqual(kit.fake.violations, []);
      const keyed = kit.fake.requests.filter((r) => r.method !== 'GET' && JSON.stringify(r.headers).includes(`kessai:${key}`));
      assert.ok(keyed.length >= 1, 'the PSP request carries our key as its idempotency key');
      assert.equal(await store.countOrders(), 1);
    });

    it('an answer lost to a timeout: the retry with the same key gets the PSP’s first payment, not a second', async () => {
      const { kit, store, origin } = await shop({ timeoutMs: 500 });
      const key = uuid();
      const release = kit.fake.hold(); // the PSP creates the payment, but its answer never arrives
      const lost = await post(`${origin}/api/checkout`, requestBody(kit), key);
      assert.equal(lost.status, 502);
      release();
      const retry = await post(`${origin}/api/checkout`, requestBody(kit), key);
      assert.equal(retry.status, 200, await retry.clone().text());
      assert.equal(kit.fake.payments.size, 1, 'one PSP payment');
      assert.equal(await store.countOrders(), 1);
      assert.deepEqual(kit.fake.violations, []);
    });

    it('notifications: valid → paid; replayed/duplicated → once; tampered → 401; out of order and unknown types → recorded, nothing moves', async () => {
      const { kit, store, events, origin } = await shop();
      const placed = await post(`${origin}/api/checkout`, requestBody(kit));
      const { orderId } = (await placed.json()) as { orderId: string };
      const order = await store.getOrder(orderId);
      const pspPaymentId = order!.pspPaymentId!;

      // Tampered: a valid signature over another body.
      const paid = signed(kit, 'paid', pspPaymentId);
      const forged = kit.tamper ? kit.tamper(paid) : { body: paid.body.replace(/3240/g, '1'), headers: paid.headers };
      const tampered = await kit.fake.deliver(forged.body, forged.headers);
      assert.equal(tampered.status, 401);
      const unsigned = await kit.fake.deliver(paid.body, {});
      assert.equal(unsigned.status, 401);
      assert.equal((await store.getOrder(orderId))!.status, order!.status);

      const ok = await kit.fake.deliver(paid.body, paid.headers);
      assert.equal(ok.status, 200, ok.body);
      const applied = JSON.parse(ok.body) as Answer & Record<string, string>;
      assert.equal(applied.outcome, 'applied');
      assert.equal(applied.orderStatus, 'paid');
      for (const [k, v] of Object.entries(kit.acknowledgement ?? {})) assert.equal(applied[k], v);
      assert.ok(events.some((e) => e.type === 'order.paid' && e.order?.id === orderId));

      // The PSP delivers the same notification again (retry after a lost 2xx; a replay by someone who recorded it).
      const dup = await kit.fake.deliver(paid.body, paid.headers);
      assert.equal(dup.status, 200);
      assert.equal((JSON.parse(dup.body) as Answer).outcome, 'duplicate');

      // Out of order: an expiry notified after the payment: the order stays paid, and the merchant is told.
      const expired = signed(kit, 'expired', pspPaymentId);
      const late = JSON.parse((await kit.fake.deliver(expired.body, expired.headers)).body) as Answer;
      assert.equal(late.outcome, 'ignored');
      assert.equal(late.orderStatus, 'paid');
      assert.ok(events.some((e) => e.type === 'notification.ignored'));

      const unknown = signed(kit, 'unknown', pspPaymentId);
      const u = await kit.fake.deliver(unknown.body, unknown.headers);
      assert.equal(u.status, 200);
      assert.equal((JSON.parse(u.body) as Answer).outcome, 'unknown_type');

      const order2 = await store.getOrder(orderId);
      assert.equal(order2!.status, 'paid');
      assert.match(order2!.paidAt!, /\+09:00$/);
      const log = await store.listNotifications();
      assert.equal(log.length, 3, 'paid, the late expiry and the unknown type are recorded once each');
      assert.deepEqual(kit.fake.violations, []);
    });

    it('retrievePayment reads the payment back from the PSP', async () => {
      const { kit, store, origin } = await shop();
      const placed = await post(`${origin}/api/checkout`, requestBody(kit));
      const { orderId } = (await placed.json()) as { orderId: string };
      const order = await store.getOrder(orderId);
      const p = await kit.adapter.retrievePayment!(order!.pspPaymentId!);
      assert.equal(p.pspPaymentId, order!.pspPaymentId);
      assert.equal(p.amount, 3240);
      if (p.expiresAt) assert.match(p.expiresAt, /\+09:00$/);
    });

    it('never logs a secret (every console line of the tests above, PSP errors included)', async () => {
      const { kit, origin } = await shop();
      // A PSP failure is logged (onError): its message must not carry the key either.
      await kit.fake.close();
      const r = await post(`${origin}/api/checkout`, requestBody(kit));
      assert.equal(r.status, 502);
      assert.ok(logs.length > 0);
      for (const s of secrets) for (const line of logs) assert.ok(!line.includes(s), 'a log line holds a secret');
    });
  });
}
