/**
 * The reference merchant backend: the endpoint contract of kessai
 * (`POST /api/checkout`) on Hono, web standards only (Request → Response), so
 * the same app runs under Node (demo/serve.js, @hono/node-server), the test
 * run's dev server, or any runtime Hono supports (with another database).
 *
 * Order of checks for POST /api/checkout:
 *  1. Content-Type application/json (415) — also what makes a cross-site form
 *     post impossible without a CORS preflight this app never answers;
 *  2. Idempotency-Key present (400 idempotency_key_missing) and a UUID (400 idempotency_key_invalid);
 *  3. body ≤ 64 KiB (413), UTF-8 JSON (400 invalid_json);
 *  4. every field with kessai's own validators (400 invalid_field, 400 raw_card_data);
 *  5. idempotency: SHA-256 of the body as received; same key + same body →
 *     the stored response, byte for byte; same key + other body → 422; same
 *     key still running → 409 with Retry-After;
 *  6. the amount recomputed from `reference` via the catalogue (never the
 *     client's): unknown → 422 unknown_reference, different → 422 amount_mismatch;
 *  7. the PSP (through the adapter), then the order is stored with its result.
 *
 * A response is stored under its key only once the PSP ran (2xx, and a card
 * decline 402). Anything refused before (steps 1–6) or a PSP failure (502)
 * stores nothing: nothing happened, and the same key may be sent again.
 */
import { Hono, type Context } from 'hono';
import {
  bodyFingerprint,
  checkoutErrorBody,
  KONBINI_MAX_AMOUNT,
  parseIdempotencyKey,
  validateCheckoutRequest,
  type CheckoutRequest,
  type CheckoutResponse,
  type CheckoutErrorResponse,
  type PaymentInstructions,
} from 'kessai/server';
import type { Catalog } from './catalog.js';
import { IdempotencyStore, OrderStore, type Database, type StoredResponse } from './db.js';
import { toJstIso } from './jst.js';
import { WebhookNotConfiguredError, type PaymentRequest, type PspAdapter } from './psp.js';

export interface CheckoutAppOptions {
  /** An open better-sqlite3 database (see `openDatabase`); tables are created if missing. */
  db: Database;
  /** The payment service provider adapter (`SandboxPsp` in the demo). */
  psp: PspAdapter;
  /** Prices orders from `reference`. */
  catalog: Catalog;
  /** How long a key's stored response is kept (default 24 h); after it the key is free again. */
  idempotencyTtlMs?: number;
  /** A key locked longer than this is taken over (its process died; default 60 s). */
  lockTimeoutMs?: number;
  /** Largest accepted body (default 64 KiB). */
  maxBodyBytes?: number;
  /** The clock (default: the real one). */
  now?: () => Date;
  /** Where unexpected errors are reported (default console.error). Never receives request bodies. */
  onError?: (error: unknown) => void;
}

/** The idempotency scope of the checkout endpoint: keys are unique per endpoint. */
const CHECKOUT_SCOPE = 'POST /api/checkout';
const JSON_TYPE = 'application/json; charset=utf-8';

const yen = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}円`;

function randomId(prefix: string): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  return prefix + Array.from(crypto.getRandomValues(new Uint8Array(20)), (b) => alphabet[b % 32]).join('');
}

class BodyTooLarge extends Error {}

/** Reads the whole body as bytes, refusing more than `max`. */
async function readBody(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw new BodyTooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

interface Reply {
  status: number;
  body: Uint8Array;
  headers?: Record<string, string>;
}

const reply = (status: number, json: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: new TextEncoder().encode(JSON.stringify(json)),
  headers,
});

const fail = (status: number, code: string, options?: Parameters<typeof checkoutErrorBody>[1], headers?: Record<string, string>) =>
  reply(status, checkoutErrorBody(code, options) satisfies CheckoutErrorResponse, headers);

function send(r: Reply, extra: Record<string, string> = {}): Response {
  return new Response(r.body as Uint8Array<ArrayBuffer>, {
    status: r.status,
    headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...r.headers, ...extra },
  });
}

/** Creates the Hono app serving `POST /api/checkout` (and `POST /api/psp-webhook` when the PSP adapter verifies webhooks). */
export function createCheckoutApp(options: CheckoutAppOptions): Hono {
  const { db, psp, catalog } = options;
  const now = options.now ?? (() => new Date());
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const onError = options.onError ?? ((e: unknown) => console.error('[kessai checkout]', e));
  const keys = new IdempotencyStore(db, options.idempotencyTtlMs ?? 24 * 60 * 60 * 1000, options.lockTimeoutMs ?? 60_000);
  const orders = new OrderStore(db);
  let requests = 0;

  /** Steps 6 and 7, for a new key. `store` tells whether the reply is kept under the key. */
  async function placeOrder(value: CheckoutRequest, key: string): Promise<Reply & { store: boolean; orderId?: string }> {
    if (!value.reference) return { ...fail(400, 'reference_required', { field: 'reference' }), store: false };
    const item = await catalog.lookup(value.reference);
    if (!item) return { ...fail(422, 'unknown_reference', { field: 'reference' }), store: false };
    if (item.shipping && !value.address) {
      return { ...fail(400, 'invalid_field', { fields: [{ field: 'address', code: 'required' }] }), store: false };
    }
    if (value.amount !== item.amount) {
      const message = `お支払い金額が変わりました。正しい金額は${yen(item.amount)}です。ページを再読み込みして金額をご確認ください。`;
      return { ...fail(422, 'amount_mismatch', { field: 'amount', message }), store: false };
    }
    if (value.method === 'konbini' && item.amount > KONBINI_MAX_AMOUNT) {
      const message = `コンビニ払いは1回${yen(KONBINI_MAX_AMOUNT)}までです。別のお支払い方法を選んでください。`;
      return { ...fail(422, 'amount_over_method_limit', { field: 'method', message }), store: false };
    }

    const orderId = randomId('ord_');
    const at = toJstIso(now());
    orders.create({
      id: orderId,
      idempotencyKey: key,
      reference: item.reference,
      description: item.name,
      amount: item.amount,
      method: value.method,
      konbiniStore: value.konbini?.store,
      customer: value.customer,
      address: value.address,
      cardBrand: value.card?.brand,
      cardLast4: value.card?.last4,
      psp: psp.name,
      sandbox: psp.sandbox,
      at,
    });
    const payment: PaymentRequest = {
      orderId,
      amount: item.amount,
      currency: 'JPY',
      description: item.name,
      customer: value.customer,
      // Derived from the shopper's key: a retry after a PSP timeout is deduplicated by the PSP.
      idempotencyKey: `checkout:${key}`,
    };

    const marked = <T extends object>(o: T) => (psp.sandbox ? { ...o, sandbox: true } : o);
    try {
      let pending: { pspPaymentId: string; instructions: PaymentInstructions } | undefined;
      switch (value.method) {
        case 'konbini':
          pending = await psp.createKonbiniPayment(payment, value.konbini!.store);
          break;
        case 'pay-easy':
          pending = await psp.createPayEasyPayment(payment);
          break;
        case 'bank-transfer':
          pending = await psp.createBankTransfer(payment);
          break;
        case 'card': {
          const r = await psp.chargeCard(payment, value.card!);
          const done = toJstIso(now());
          if (r.status === 'declined') {
            orders.settle(orderId, { status: 'declined', pspPaymentId: r.pspPaymentId, at: done });
            return { ...fail(402, 'card_declined', { field: 'card.token' }), store: true, orderId };
          }
          orders.settle(orderId, { status: r.status, pspPaymentId: r.pspPaymentId, at: done });
          const body: CheckoutResponse =
            r.status === 'succeeded'
              ? { status: 'succeeded', orderId }
              : ({ status: 'requires_action', orderId, redirectUrl: r.redirectUrl } as CheckoutResponse);
          return { ...reply(200, marked(body)), store: true, orderId };
        }
      }
      orders.settle(orderId, { status: 'pending', pspPaymentId: pending.pspPaymentId, instructions: pending.instructions, at: toJstIso(now()) });
      const body: CheckoutResponse = { status: 'pending', orderId, instructions: pending.instructions };
      return { ...reply(200, marked(body)), store: true, orderId };
    } catch (error) {
      // The PSP call failed (network, 5xx): nothing was stored, the shopper may retry with the same key.
      orders.delete(orderId);
      onError(error);
      return { ...fail(502, 'psp_unavailable'), store: false };
    }
  }

  const app = new Hono();

  app.post('/api/checkout', async (c: Context) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) return send(fail(415, 'unsupported_media_type'));

    const parsedKey = parseIdempotencyKey(c.req.header('idempotency-key'));
    if (!parsedKey.ok) return send(fail(400, parsedKey.code));
    const key = parsedKey.key;

    let bytes: Uint8Array;
    try {
      bytes = await readBody(c.req.raw, maxBody);
    } catch (e) {
      if (e instanceof BodyTooLarge) return send(fail(413, 'payload_too_large'));
      throw e;
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return send(fail(400, 'invalid_json'));
    }

    const checked = validateCheckoutRequest(json);
    if (!checked.ok) {
      const rawCard = checked.errors.filter((e) => e.code === 'raw_card_data');
      return send(rawCard.length ? fail(400, 'raw_card_data', { fields: rawCard }) : fail(400, 'invalid_field', { fields: checked.errors }));
    }

    const fingerprint = await bodyFingerprint(bytes);
    const t = now().getTime();
    if (++requests % 100 === 0) keys.purgeExpired(t);
    const begun = keys.begin(CHECKOUT_SCOPE, key, fingerprint, t);
    if (begun.kind === 'mismatch') return send(fail(422, 'idempotency_key_reused'));
    if (begun.kind === 'in_flight') return send(fail(409, 'request_in_progress', {}, { 'Retry-After': '1' }));
    if (begun.kind === 'replay') {
      const r: StoredResponse = begun.response;
      return new Response(r.body as Uint8Array<ArrayBuffer>, {
        status: r.status,
        headers: { 'Content-Type': r.contentType, 'Cache-Control': 'no-store', 'Idempotent-Replayed': 'true' },
      });
    }

    orders.deleteProcessingByKey(key); // only present when a dead process's lock was taken over
    let result: Awaited<ReturnType<typeof placeOrder>>;
    try {
      result = await placeOrder(checked.value, key);
    } catch (error) {
      keys.release(CHECKOUT_SCOPE, key);
      throw error;
    }
    if (result.store) keys.complete(CHECKOUT_SCOPE, key, { status: result.status, contentType: JSON_TYPE, body: result.body }, result.orderId ?? null);
    else keys.release(CHECKOUT_SCOPE, key);
    return send(result);
  });

  app.post('/api/psp-webhook', async (c: Context) => {
    if (!psp.parseWebhook) return send(fail(404, 'not_found'));
    let bytes: Uint8Array;
    try {
      bytes = await readBody(c.req.raw, maxBody);
    } catch (e) {
      if (e instanceof BodyTooLarge) return send(fail(413, 'payload_too_large'));
      throw e;
    }
    let event;
    try {
      event = await psp.parseWebhook(bytes, c.req.raw.headers);
    } catch (e) {
      if (e instanceof WebhookNotConfiguredError) return send(fail(503, 'webhook_disabled', { message: 'Webhook の署名シークレットが設定されていません。' }));
      throw e;
    }
    if (!event) return send(fail(401, 'invalid_signature', { message: '署名を確認できませんでした。' }));
    const { outcome, order } = orders.applyEvent(event, toJstIso(now()));
    // 200 even for an unknown payment: the PSP would otherwise retry forever.
    return send(reply(200, { received: true, outcome, orderId: order?.id ?? null, orderStatus: order?.status ?? null }));
  });

  app.all('/api/checkout', () => send(fail(405, 'method_not_allowed'), { Allow: 'POST' }));
  app.all('/api/psp-webhook', () => send(fail(405, 'method_not_allowed'), { Allow: 'POST' }));
  app.notFound(() => send(fail(404, 'not_found')));
  app.onError((error) => {
    onError(error);
    return send(fail(500, 'internal_error'));
  });
  return app;
}
