/**
 * Failover (KOMOJU first, Stripe second, both local fakes) in each fault
 * case, and request ids / structured logs. The rule: the next PSP only when no
 * payment can exist at the first; after an ambiguous outcome only a status
 * check at the same PSP (same idempotency key); never two payments for one order.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createFailoverPsp, refundOrder, referenceOf, type PspAdapter } from 'kessai/server';
import { KomojuPsp } from '../../src/server/psp/komoju.js';
import { StripePsp } from '../../src/server/psp/stripe.js';
import { PayjpPsp } from '../../src/server/psp/payjp.js';
import { startKomojuFake } from '../fakes/komoju.js';
import { startStripeFake } from '../fakes/stripe.js';
import { startPayjpFake } from '../fakes/payjp.js';
import { freePort } from './helpers/instances.js';
import { cardBody, konbiniBody, shop } from './helpers/ops.js';

const TIMEOUT_MS = 400;
const komojuKey = 'sk_test_komoju_failover_0123456789';
const stripeKey = 'sk_test_stripe_failover_0123456789';
const stripeWebhook = 'whsec_failover_0123456789';
const closers: Array<() => Promise<void>> = [];
after(async () => {
  for (const c of closers) await c();
});

async function pair(options: { komojuBase?: string; first?: 'payjp' } = {}) {
  const a = await startKomojuFake({ secretKey: komojuKey });
  const b = await startStripeFake({ secretKey: stripeKey, webhookSecret: stripeWebhook });
  closers.push(a.close, b.close);
  const komoju = new KomojuPsp({ secretKey: komojuKey, baseUrl: options.komojuBase ?? a.baseUrl, timeoutMs: TIMEOUT_MS });
  const stripe = new StripePsp({ secretKey: stripeKey, webhookSecret: stripeWebhook, baseUrl: b.baseUrl, timeoutMs: TIMEOUT_MS });
  const adapters: PspAdapter[] = [komoju, stripe];
  if (options.first === 'payjp') {
    const p = await startPayjpFake({ secretKey: 'sk_test_payjp_failover' });
    closers.push(p.close);
    adapters.unshift(new PayjpPsp({ secretKey: 'sk_test_payjp_failover', baseUrl: p.baseUrl, threeDSecure: false }));
  }
  const failovers: string[] = [];
  const psp = createFailoverPsp(adapters, { onFailover: (f) => void failovers.push(`${f.from}→${f.to}:${f.reason}`) });
  return { a, b, psp, failovers, s: shop(psp) };
}

describe('failover: the next PSP only when no payment can exist', { timeout: 60_000 }, () => {
  it('connection refused → Stripe takes the order; its notification and its refund are routed to Stripe', async () => {
    const { a, b, psp, failovers, s } = await pair({ komojuBase: `http://127.0.0.1:${await freePort()}` });
    const { res, json } = await s.checkout(konbiniBody());
    assert.equal(res.status, 200, JSON.stringify(json));
    const order = (await s.store.getOrder(json.orderId!))!;
    assert.deepEqual([order.psp, a.payments.size, b.payments.size], ['stripe', 0, 1]);
    assert.deepEqual(failovers, ['komoju→stripe:not_created']);
    // The shopper pays at the register: Stripe notifies; the failover adapter finds the verifying PSP.
    b.patched(order.pspPaymentId!, { status: 'succeeded', amount_received: 3240, latest_charge: { id: 'ch_failover', object: 'charge', amount: 3240, amount_refunded: 0, refunded: false } });
    const body = JSON.stringify(b.event('payment_intent.succeeded', order.pspPaymentId!));
    assert.equal((await s.webhook(body, b.sign(body))).status, 200);
    assert.equal((await s.store.getOrder(order.id))!.status, 'paid');
    const r = await refundOrder({ store: s.store, psp, orderId: order.id });
    assert.deepEqual([r.order.status, r.refund.psp], ['refunded', 'stripe']);
    assert.deepEqual([a.violations, b.violations], [[], []]);
  });

  it('503 with no body (a load balancer answered, the PSP never ran) → Stripe', async () => {
    const { a, b, s } = await pair();
    a.inject({ kind: 'unavailable' });
    const { json } = await s.checkout(konbiniBody());
    assert.deepEqual([(await s.store.getOrder(json.orderId!))!.psp, a.payments.size, b.payments.size], ['stripe', 0, 1]);
  });

  it('429 (refused before any work, as the PSPs document rate limits) → Stripe', async () => {
    const { a, b, s } = await pair();
    a.inject({ kind: 'rate_limited', json: { error: { code: 'too_many_requests', message: 'Rate limit exceeded' } } });
    const { json } = await s.checkout(konbiniBody());
    assert.deepEqual([(await s.store.getOrder(json.orderId!))!.psp, a.payments.size, b.payments.size], ['stripe', 0, 1]);
  });

  it('a first PSP without the method (PAY.JP has no Konbini) → the next one', async () => {
    const { a, b, failovers, s } = await pair({ first: 'payjp' });
    const { json } = await s.checkout(konbiniBody());
    assert.deepEqual([(await s.store.getOrder(json.orderId!))!.psp, a.payments.size, b.payments.size], ['komoju', 1, 0]);
    assert.deepEqual(failovers, ['payjp→komoju:method_unsupported']);
  });

  it('a refusal (a declined card) is final: no failover', async () => {
    const { a, b, s } = await pair();
    const { res } = await s.checkout(cardBody('tok_declined'));
    assert.equal(res.status, 402);
    assert.equal(b.requests.filter((r) => r.method === 'POST').length, 0);
    assert.equal(a.payments.size, 0);
  });

  it('KOMOJU created the payment and answered 500: no failover, the status check returns that payment', async () => {
    const { a, b, failovers, s } = await pair();
    a.inject({ kind: 'error_after', status: 500 });
    const { res, json } = await s.checkout(konbiniBody());
    assert.equal(res.status, 200, JSON.stringify(json));
    const order = (await s.store.getOrder(json.orderId!))!;
    assert.deepEqual([order.psp, a.payments.size, b.payments.size, failovers.length], ['komoju', 1, 0, 0]);
    assert.equal(order.pspPaymentId, [...a.payments.keys()][0]);
  });

  it('KOMOJU created the payment and then timed out: exactly one payment, no failover', async () => {
    const { a, b, failovers, s } = await pair();
    a.inject({ kind: 'slow', ms: TIMEOUT_MS * 3 });
    const { res, json } = await s.checkout(konbiniBody());
    assert.equal(res.status, 200, JSON.stringify(json));
    const order = (await s.store.getOrder(json.orderId!))!;
    assert.deepEqual([order.psp, a.payments.size, b.payments.size, failovers.length], ['komoju', 1, 0, 0]);
    assert.equal(order.pspPaymentId, [...a.payments.keys()][0]);
    const sent = a.requests.filter((r) => r.method === 'POST').map((r) => r.headers['x-komoju-idempotency']);
    assert.equal(sent.length, 2);
    assert.equal(sent[0], sent[1], 'the status check is the same request under the same key');
  });

  it('timed out twice: 504 psp_outcome_unknown, the key stays held; the retry is pinned to KOMOJU even when KOMOJU is then unreachable', async () => {
    const { a, b, s } = await pair();
    a.inject({ kind: 'slow', ms: TIMEOUT_MS * 3 });
    a.inject({ kind: 'slow', ms: TIMEOUT_MS * 3 });
    const first = await s.checkout(konbiniBody());
    assert.equal(first.res.status, 504);
    assert.equal(first.json.error!.code, 'psp_outcome_unknown');
    assert.equal(first.json.error!.reference, referenceOf(first.res.headers.get('Request-Id')!));
    assert.equal(first.res.headers.get('Retry-After'), '60');
    const again = await s.checkout(konbiniBody(), first.key);
    assert.equal(again.res.status, 409, 'the key is still held: nothing may start elsewhere');
    await new Promise((r) => setTimeout(r, TIMEOUT_MS * 3));
    // After the lock timeout the retry takes the key over, pinned to KOMOJU. KOMOJU does not answer: still unknown, Stripe untouched.
    s.clock.t += 61_000;
    a.inject({ kind: 'unavailable' });
    const pinned = await s.checkout(konbiniBody(), first.key);
    assert.equal(pinned.res.status, 504, JSON.stringify(pinned.json));
    assert.equal(b.requests.filter((r) => r.method === 'POST').length, 0, 'never Stripe');
    s.clock.t += 61_000;
    const done = await s.checkout(konbiniBody(), first.key);
    assert.equal(done.res.status, 200, JSON.stringify(done.json));
    const order = (await s.store.getOrder(done.json.orderId!))!;
    assert.deepEqual([order.psp, order.pspPaymentId, a.payments.size, b.payments.size], ['komoju', [...a.payments.keys()][0], 1, 0]);
    assert.equal(await s.store.countOrders(), 1, 'one order for the key, all along');
  });
});

describe('request ids and structured logs', { timeout: 30_000 }, () => {
  it('every answer carries Request-Id; errors carry its reference; a well-formed incoming id is kept, another replaced', async () => {
    const { s } = await pair();
    const ok = await s.checkout(cardBody('tok_visa_log_token_123'));
    assert.match(ok.res.headers.get('Request-Id')!, /^req_[0-9a-z]{20}$/);
    assert.equal(ok.json.error, undefined);
    const kept = await s.checkout({ nonsense: true }, undefined, { 'Request-Id': 'edge-2026-12-02-abcdef' });
    assert.equal(kept.res.headers.get('Request-Id'), 'edge-2026-12-02-abcdef');
    assert.equal(kept.json.error!.reference, '02ABCDEF', 'the last 8 letters and digits');
    const replaced = await s.checkout({ nonsense: true }, undefined, { 'X-Request-Id': 'bad id <script>' });
    const id = replaced.res.headers.get('Request-Id')!;
    assert.match(id, /^req_/);
    assert.equal(replaced.json.error!.reference, referenceOf(id));
    assert.match(replaced.json.error!.reference, /^[0-9A-Z]{8}$/);
    // A stored answer (a declined card) replays byte for byte: no reference is added to it, the first time or later.
    const declined = await s.checkout(cardBody('tok_declined'));
    const replay = await s.checkout(cardBody('tok_declined'), declined.key);
    assert.equal(await replay.res.text(), await declined.res.text());
    assert.equal(replay.res.headers.get('Idempotent-Replayed'), 'true');
    assert.ok(replay.res.headers.get('Request-Id'));
    // Every answer is in the audit trail: a refusal by its request id, a replay under its order.
    const refusal = await s.store.listAudit({ requestId: id });
    assert.deepEqual(refusal.map((e) => [e.kind, e.details.status, e.details.code, e.orderId]), [['checkout.answer', 400, 'invalid_field', null]]);
    const trail = await s.store.listAudit({ orderId: (await s.store.listOrders(1))[0].id }); // the declined order, the newest
    assert.deepEqual(trail.map((e) => e.kind).slice(-2), ['checkout.response', 'checkout.replay']);
  });

  it('logs are JSON lines naming the request id; no token, card data or secret in any of them', async () => {
    const { s } = await pair({ komojuBase: `http://127.0.0.1:${await freePort()}` });
    const { res } = await s.checkout(cardBody('tok_visa_log_token_456'));
    await s.checkout({ ...cardBody(), card: { token: '4242 4242 4242 4242' } });
    const lines = s.logs.map((l) => JSON.parse(l.line) as Record<string, unknown>);
    assert.ok(lines.length >= 2);
    assert.ok(lines.every((l) => typeof l.requestId === 'string'));
    assert.ok(lines.some((l) => l.requestId === res.headers.get('Request-Id') && l.status === 200 && typeof l.orderId === 'string'));
    const refused = lines.find((l) => l.status === 400)!;
    assert.match(String(refused.reference), /^[0-9A-Z]{8}$/);
    const all = s.logs.map((l) => l.line).join('\n');
    for (const bad of ['tok_visa_log_token_456', '4242 4242 4242 4242', '4242424242424242', komojuKey, stripeKey, stripeWebhook]) assert.ok(!all.includes(bad), bad);
  });
});
