/** Stripe adapter against test/fakes/stripe.js; the 300 s tolerance with an injected clock (no waiting). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StripePsp } from '../../src/server/psp/stripe.js';
import { startStripeFake } from '../fakes/stripe.js';
import { pspConformance } from './helpers/psp-suite.js';
import { customer } from './helpers/orders.js';

const secretKey = 'sk_test_stripe_secret_0123456789';
const webhookSecret = 'whsec_stripe_0123456789abcdef';

async function kit({ now = () => new Date(), timeoutMs }: { now?: () => Date; timeoutMs?: number } = {}) {
  const fake = await startStripeFake({ secretKey, webhookSecret, now });
  const adapter = new StripePsp({ timeoutMs, secretKey, webhookSecret, baseUrl: fake.baseUrl, returnUrl: 'https://shop.example/return', now });
  return { fake, adapter };
}

pspConformance('Stripe', async (options) => ({
  ...(await kit(options)),
  secrets: [secretKey, webhookSecret],
  order: { method: 'konbini', store: 'lawson' },
  events: { paid: 'payment_intent.succeeded', expired: 'payment_intent.payment_failed', unknown: 'payment_intent.partially_funded' },
  patches: { paid: { amount_received: 3240 } },
}));

const payment = (key = crypto.randomUUID()) => ({ orderId: 'ord_test', amount: 3240, currency: 'JPY' as const, description: '宇治抹茶セット', customer, idempotencyKey: `kessai:${key}` });
const bytes = (s: string) => new TextEncoder().encode(s);

describe('Stripe specifics', { timeout: 60_000 }, () => {
  it('refuses a publishable key, naming STRIPE_SECRET_KEY and not the value', () => {
    assert.throws(() => new StripePsp({ secretKey: 'pk_test_123456' }), (e: Error) => /STRIPE_SECRET_KEY/.test(e.message) && !e.message.includes('pk_test_123456'));
    assert.throws(() => new StripePsp({ secretKey: 'whsec_abc' }), /STRIPE_SECRET_KEY/);
    assert.ok(new StripePsp({ secretKey: 'rk_test_abc' }).sandbox);
  });

  it('Konbini: the chain’s payment code and confirmation number, the unix expires_at shown in JST; 7-Eleven and Pay-easy are refused', async () => {
    const { fake, adapter } = await kit();
    try {
      const r = await adapter.createKonbiniPayment(payment(), 'familymart');
      assert.match(r.instructions.paymentCode!, /^\d{11}$/);
      assert.match(r.instructions.confirmationNumber!, /^\d{11}$/);
      assert.match(r.instructions.expiresAt!, /T23:59:59\+09:00$/);
      assert.match(r.instructions.instructionsUrl!, /^https:\/\/payments\.stripe\.com\//);
      await assert.rejects(adapter.createKonbiniPayment(payment(), 'seven-eleven'), { name: 'PspUnsupportedMethodError' });
      await assert.rejects(adapter.createPayEasyPayment(payment()), { name: 'PspUnsupportedMethodError' });
      const bank = await adapter.createBankTransfer(payment());
      assert.equal(bank.instructions.bankName, '三井住友銀行');
      assert.equal(bank.instructions.accountType, '普通');
      assert.equal((await adapter.chargeCard(payment(), { token: 'tok_visa' })).status, 'succeeded');
      const tds = await adapter.chargeCard(payment(), { token: 'tok_3ds' });
      assert.equal(tds.status, 'requires_action');
      const declined = await adapter.chargeCard(payment(), { token: 'tok_declined' });
      assert.deepEqual([declined.status, (declined as { declineCode: string }).declineCode], ['declined', 'generic_decline']);
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.close();
    }
  });

  it('Stripe-Signature: 300 s tolerance on an injected clock, several v1 while the secret rotates, a wrong secret refused', async () => {
    let clock = Date.parse('2026-12-01T03:00:00Z');
    const { fake, adapter } = await kit({ now: () => new Date(clock) });
    try {
      const p = await adapter.createKonbiniPayment(payment(), 'lawson');
      const body = JSON.stringify(fake.event('payment_intent.succeeded', p.pspPaymentId, { amount_received: 3240 }));
      const signedAt = new Date(clock);
      const headers = new Headers(fake.sign(body, webhookSecret, signedAt));
      clock += 300_000; // exactly at the tolerance: accepted
      assert.equal((await adapter.parseWebhook(bytes(body), headers))!.type, 'payment.succeeded');
      clock += 1_000; // 301 s later: a replay, refused
      assert.equal(await adapter.parseWebhook(bytes(body), headers), null);
      clock = signedAt.getTime() - 301_000; // from the future: refused too
      assert.equal(await adapter.parseWebhook(bytes(body), headers), null);
      clock = signedAt.getTime();
      const rotating = new Headers(fake.sign(body, ['whsec_old_secret', webhookSecret], signedAt));
      assert.ok(await adapter.parseWebhook(bytes(body), rotating));
      assert.equal(await adapter.parseWebhook(bytes(body), new Headers(fake.sign(body, 'whsec_other', signedAt))), null);
      assert.equal(await adapter.parseWebhook(bytes(body), new Headers({ 'Stripe-Signature': `t=${Math.floor(clock / 1000)}` })), null);
      const e = await adapter.parseWebhook(bytes(body), headers);
      assert.equal(e!.amount, 3240);
      assert.equal(e!.occurredAt, '2026-12-01T12:00:00+09:00');
      const refund = JSON.stringify(fake.event('charge.refunded', p.pspPaymentId));
      assert.deepEqual((await adapter.parseWebhook(bytes(refund), new Headers(fake.sign(refund, webhookSecret, signedAt))))!.type, 'payment.refunded');
    } finally {
      await fake.close();
    }
  });
});
