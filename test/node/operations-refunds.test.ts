/**
 * Refunds and cancellations through each adapter against its local fake:
 * partial then full, a retried refund (also after a PSP timeout) that refunds
 * once, a cancelled unpaid Konbini payment, one call for a paid_after_expiry
 * order, and the audit export of one order (no token, no secret).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { cancelOrder, exportOrderEvidence, KessaiOperationError, reconcile, refundOrder, refundPaidAfterExpiry, scrubAuditDetails, sweepOrders, toJstIso, type PspAdapter } from 'kessai/server';
import { KomojuPsp } from '../../src/server/psp/komoju.js';
import { StripePsp } from '../../src/server/psp/stripe.js';
import { PayjpPsp } from '../../src/server/psp/payjp.js';
import { FincodePsp } from '../../src/server/psp/fincode.js';
import { startKomojuFake } from '../fakes/komoju.js';
import { startStripeFake } from '../fakes/stripe.js';
import { startPayjpFake } from '../fakes/payjp.js';
import { startFincodeFake } from '../fakes/fincode.js';
import type { PspFake } from '../fakes/base.js';
import { cardBody, konbiniBody, shop } from './helpers/ops.js';

const TIMEOUT_MS = 500;

interface Kit {
  name: string;
  fake: PspFake;
  adapter: PspAdapter;
  secrets: string[];
  /** Yen the PSP says it gave back for this payment. */
  refunded(pspPaymentId: string): number;
  konbini: boolean;
}

const kits: Record<string, () => Promise<Kit>> = {
  async komoju() {
    const secretKey = 'sk_test_komoju_ops_0123456789';
    const webhookSecret = 'komoju-ops-webhook-secret-0123';
    const fake = await startKomojuFake({ secretKey, webhookSecret });
    const adapter = new KomojuPsp({ secretKey, webhookSecret, baseUrl: fake.baseUrl, timeoutMs: TIMEOUT_MS });
    return { name: 'komoju', fake, adapter, secrets: [secretKey, webhookSecret], konbini: true, refunded: (id) => Number(fake.payments.get(id)?.amount_refunded ?? 0) };
  },
  async stripe() {
    const secretKey = 'sk_test_stripe_ops_0123456789';
    const webhookSecret = 'whsec_stripe_ops_0123456789';
    const fake = await startStripeFake({ secretKey, webhookSecret });
    const adapter = new StripePsp({ secretKey, webhookSecret, baseUrl: fake.baseUrl, timeoutMs: TIMEOUT_MS, returnUrl: 'https://shop.test/return' });
    return { name: 'stripe', fake, adapter, secrets: [secretKey, webhookSecret], konbini: true, refunded: (id) => Number((fake.payments.get(id)?.latest_charge as { amount_refunded?: number })?.amount_refunded ?? 0) };
  },
  async payjp() {
    const secretKey = 'sk_test_payjp_ops_0123456789';
    const fake = await startPayjpFake({ secretKey, webhookSecret: 'payjp-ops-token' });
    const adapter = new PayjpPsp({ secretKey, baseUrl: fake.baseUrl, timeoutMs: TIMEOUT_MS, threeDSecure: false });
    return { name: 'payjp', fake, adapter, secrets: [secretKey], konbini: false, refunded: (id) => Number(fake.payments.get(id)?.amount_refunded ?? 0) };
  },
  async fincode() {
    const secretKey = 'm_test_fincode_ops_0123456789';
    const fake = await startFincodeFake({ secretKey, webhookSecret: 'fincode-ops-signature' });
    const adapter = new FincodePsp({ secretKey, baseUrl: fake.baseUrl, timeoutMs: TIMEOUT_MS, returnUrl: 'https://shop.test/return' });
    // fincode refunds by lowering the amount (or cancelling): what it gave back is what the amount went down by.
    const refunded = (id: string) => {
      const p = fake.payments.get(id.slice(id.indexOf('/') + 1))!;
      return p.status === 'CANCELED' ? 3240 : 3240 - Number(p.amount);
    };
    return { name: 'fincode', fake, adapter, secrets: [secretKey], konbini: true, refunded };
  },
};

const closers: Array<() => Promise<void>> = [];
after(async () => {
  for (const c of closers) await c();
});
async function kit(name: string) {
  const k = await kits[name]();
  closers.push(k.fake.close);
  return k;
}
const refundRequests = (k: Kit) => k.fake.requests.filter((r) => r.method !== 'GET' && /refund|cancel|change/.test(r.path)).length;

for (const name of Object.keys(kits)) {
  describe(`refunds through ${name}`, { timeout: 60_000 }, () => {
    it('partial then full: recorded on the order, refunded at the full amount; a retried key refunds nothing more', async () => {
      const k = await kit(name);
      const s = shop(k.adapter);
      const placed = await s.checkout(cardBody());
      assert.equal(placed.res.status, 200, JSON.stringify(placed.json));
      const orderId = placed.json.orderId!;
      const pspPaymentId = (await s.store.getOrder(orderId))!.pspPaymentId!;

      const part = await refundOrder({ store: s.store, psp: k.adapter, orderId, amount: 1000, key: 'r-1' });
      assert.deepEqual([part.refund.status, part.refund.amount, part.order.status, part.refundedTotal, part.replayed], ['succeeded', 1000, 'succeeded', 1000, false]);
      assert.equal(k.refunded(pspPaymentId), 1000);
      assert.equal((await s.store.getOrder(orderId))!.refundedAmount, 1000, 'recorded on the order');

      const retried = await refundOrder({ store: s.store, psp: k.adapter, orderId, amount: 1000, key: 'r-1' });
      assert.equal(retried.replayed, true);
      assert.equal(retried.refund.id, part.refund.id);
      assert.equal(refundRequests(k), 1, 'the retry never reached the PSP');

      await assert.rejects(refundOrder({ store: s.store, psp: k.adapter, orderId, amount: 5000, key: 'too-much' }), (e: KessaiOperationError) => e.code === 'exceeds_refundable' && e.details.refundable === 2240);

      const told: string[] = [];
      const rest = await refundOrder({ store: s.store, psp: k.adapter, orderId, onEvent: (e) => void told.push(e.type) });
      assert.deepEqual(told, ['order.refunded']);
      assert.deepEqual([rest.refund.amount, rest.order.status, rest.refundedTotal], [2240, 'refunded', 3240]);
      assert.equal(k.refunded(pspPaymentId), 3240);
      assert.deepEqual(k.fake.violations, []);
    });

    it('a refund whose answer timed out stays pending; the retry with the same key refunds exactly once', async () => {
      const k = await kit(name);
      const s = shop(k.adapter);
      const { json } = await s.checkout(cardBody());
      const orderId = json.orderId!;
      const pspPaymentId = (await s.store.getOrder(orderId))!.pspPaymentId!;
      k.fake.inject({ kind: 'slow', ms: TIMEOUT_MS * 3 });
      try {
        await refundOrder({ store: s.store, psp: k.adapter, orderId, amount: 700, key: 'slow-1' });
        // Stripe's SDK retries a timed-out request itself (same idempotency key): it may already have the answer.
      } catch (e) {
        assert.equal((e as KessaiOperationError).code, 'psp_unavailable');
        assert.equal((e as KessaiOperationError).retryable, true);
        assert.equal((await s.store.listRefunds(orderId))[0].status, 'pending', 'the amount stays reserved');
      }
      await new Promise((r) => setTimeout(r, TIMEOUT_MS * 3));
      const again = await refundOrder({ store: s.store, psp: k.adapter, orderId, amount: 700, key: 'slow-1' });
      assert.equal(again.refund.status, 'succeeded');
      assert.equal(k.refunded(pspPaymentId), 700, 'the PSP refunded once');
      assert.deepEqual(k.fake.violations, []);
    });

    it('reconciliation through this PSP’s list: a paid card order matches, and still matches once refunded in full', async () => {
      const k = await kit(name);
      const s = shop(k.adapter);
      const { json } = await s.checkout(cardBody());
      const today = toJstIso(new Date()).slice(0, 10);
      const first = await reconcile({ store: s.store, psp: k.adapter, from: today, to: today });
      assert.deepEqual([first.ok, first.orders, first.payments], [true, 1, 1], JSON.stringify(first.differences));
      await refundOrder({ store: s.store, psp: k.adapter, orderId: json.orderId! });
      const second = await reconcile({ store: s.store, psp: k.adapter, from: today, to: today });
      assert.equal(second.ok, true, JSON.stringify(second.differences));
      assert.deepEqual(k.fake.violations, []);
    });

    if (name !== 'payjp') it('cancels an unpaid Konbini payment at the PSP; the order becomes canceled; a card order is not cancelled', async () => {
      const k = await kit(name);
      const s = shop(k.adapter);
      const { json } = await s.checkout(konbiniBody());
      assert.equal(json.status, 'pending', JSON.stringify(json));
      const order = await cancelOrder({ store: s.store, psp: k.adapter, orderId: json.orderId! });
      assert.equal(order.status, 'canceled');
      assert.equal((await k.adapter.retrievePayment!(order.pspPaymentId!)).status, 'canceled');
      assert.equal((await cancelOrder({ store: s.store, psp: k.adapter, orderId: json.orderId! })).status, 'canceled', 'twice: no second call');
      const card = await s.checkout(cardBody());
      await assert.rejects(cancelOrder({ store: s.store, psp: k.adapter, orderId: card.json.orderId! }), (e: KessaiOperationError) => e.code === 'not_cancelable');
      assert.deepEqual(k.fake.violations, []);
    });
  });
}

describe('a paid_after_expiry order, and its evidence', { timeout: 60_000 }, () => {
  it('one call refunds money that came after the deadline; the audit export tells the whole story without a token or a secret', async () => {
    const k = await kit('komoju');
    const s = shop(k.adapter);
    const placed = await s.checkout(konbiniBody(), undefined, { 'X-Request-Id': 'lb-7f3a9c21-0001' });
    assert.equal(placed.res.headers.get('Request-Id'), 'lb-7f3a9c21-0001');
    const orderId = placed.json.orderId!;
    const order = (await s.store.getOrder(orderId))!;
    // The deadline passes unpaid; then the money arrives anyway.
    await sweepOrders({ store: s.store, now: () => new Date(Date.parse(order.expiresAt!) + 2000) });
    assert.equal((await s.store.getOrder(orderId))!.status, 'expired');
    const body = JSON.stringify(k.fake.event('payment.captured', order.pspPaymentId!, { status: 'captured', captured_at: new Date().toISOString() }));
    assert.equal((await s.webhook(body, k.fake.sign(body))).status, 200);
    assert.equal((await s.store.getOrder(orderId))!.status, 'paid_after_expiry');

    const r = await refundPaidAfterExpiry({ store: s.store, psp: k.adapter, orderId, requestId: 'ops-refund-0001' });
    assert.deepEqual([r.order.status, r.refund.amount], ['refunded', 3240]);
    assert.equal(k.fake.payments.get(order.pspPaymentId!)?.status, 'refunded');

    const evidence = await exportOrderEvidence(s.store, orderId);
    const kinds = evidence!.audit.map((e) => e.kind);
    for (const kind of ['checkout.request', 'psp.call', 'psp.result', 'checkout.response', 'notification', 'refund.request', 'refund.result']) assert.ok(kinds.includes(kind), kind);
    assert.ok(kinds.indexOf('checkout.request') < kinds.indexOf('notification') && kinds.indexOf('notification') < kinds.indexOf('refund.result'), 'oldest first');
    const request = evidence!.audit.find((e) => e.kind === 'checkout.request')!;
    assert.equal(request.requestId, 'lb-7f3a9c21-0001');
    assert.match(request.idempotencyKey!, /^[0-9a-f-]{36}$/);
    assert.match(request.atJst, /\+09:00$/);
    assert.equal(Math.floor(Date.parse(request.at) / 1000) * 1000, Date.parse(request.atJst), 'the same instant, read in JST');
    assert.equal(evidence!.refunds[0].key, 'paid_after_expiry');
    const text = JSON.stringify(evidence);
    for (const secret of k.secrets) assert.ok(!text.includes(secret), 'no secret in the evidence');
    assert.ok(!text.includes(k.fake.sign(body)['X-Komoju-Signature']), 'no signature');
  });

  it('scrubs details: tokens, secrets, signatures and card numbers at any depth; brand, last4 and ids stay', () => {
    const scrubbed = scrubAuditDetails({
      card: { token: 'tok_live_abc', brand: 'visa', last4: '4242', number: '4111111111111111' },
      headers: { Authorization: 'Basic c2tfbGl2ZQ==', 'Stripe-Signature': 't=1,v1=abc', 'x-komoju-signature': 'ff' },
      note: 'card 4111-1111-1111-1111 by phone',
      list: [{ api_key: 'sk_live_x', secretKey: 'sk_live_y', password: 'p' }],
      idempotencyKey: 'kessai:5f0c…', pspPaymentId: 'pay_123', amount: 3240,
    }) as Record<string, Record<string, unknown>>;
    assert.deepEqual(scrubbed.card, { token: '[redacted]', brand: 'visa', last4: '4242', number: '[redacted]' });
    assert.deepEqual(Object.values(scrubbed.headers), ['[redacted]', '[redacted]', '[redacted]']);
    assert.equal(scrubbed.note, '[redacted]');
    assert.deepEqual(scrubbed.list, [{ api_key: '[redacted]', secretKey: '[redacted]', password: '[redacted]' }]);
    assert.deepEqual([scrubbed.idempotencyKey, scrubbed.pspPaymentId, scrubbed.amount], ['kessai:5f0c…', 'pay_123', 3240]);
  });

  it('retention: sweepOrders({ auditRetentionDays }) deletes only entries older than that', async () => {
    const k = await kit('komoju');
    const s = shop(k.adapter);
    const { json } = await s.checkout(cardBody());
    const kept = await sweepOrders({ store: s.store, auditRetentionDays: 540 });
    assert.equal(kept.auditPurged, 0);
    assert.ok((await s.store.listAudit({ orderId: json.orderId! })).length >= 4);
    const later = await sweepOrders({ store: s.store, auditRetentionDays: 540, now: () => new Date(Date.now() + 541 * 86_400_000) });
    assert.ok(later.auditPurged >= 4);
    assert.deepEqual(await s.store.listAudit({ orderId: json.orderId! }), []);
  });

  it('a card order’s evidence keeps brand and last4, never the token', async () => {
    const k = await kit('komoju');
    const s = shop(k.adapter);
    const { json } = await s.checkout(cardBody('tok_visa_secret_token_123'));
    const text = JSON.stringify(await exportOrderEvidence(s.store, json.orderId!));
    assert.ok(!text.includes('tok_visa_secret_token_123'));
    assert.ok(text.includes('"last4":"4242"') && text.includes('"brand":"visa"'));
  });
});
