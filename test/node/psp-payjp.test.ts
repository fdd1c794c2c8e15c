/** PAY.JP adapter against test/fakes/payjp.js: cards only (PAY.JP's v1 API has no Konbini), the fixed webhook token. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PayjpPsp } from '../../src/server/psp/payjp.js';
import { startPayjpFake } from '../fakes/payjp.js';
import { pspConformance } from './helpers/psp-suite.js';
import { customer } from './helpers/orders.js';

const secretKey = 'sk_test_payjp_secret_0123456789';
const webhookToken = 'whook_payjp_token_0123456789';
const publicKey = 'pk_test_payjp_public';

async function kit({ now = () => new Date(), timeoutMs }: { now?: () => Date; timeoutMs?: number } = {}) {
  const fake = await startPayjpFake({ secretKey, webhookSecret: webhookToken, now });
  const adapter = new PayjpPsp({ timeoutMs, secretKey, webhookToken, publicKey, returnUrl: 'https://shop.example/return', baseUrl: fake.baseUrl });
  return { fake, adapter };
}

pspConformance('PAY.JP', async (options) => {
  const { fake, adapter } = await kit(options);
  return {
    fake,
    adapter,
    secrets: [secretKey, webhookToken],
    order: { method: 'card', token: 'tok_3ds_visa' },
    events: { paid: 'charge.succeeded', expired: 'charge.failed', unknown: 'charge.updated' },
    patches: { paid: { paid: true, captured: true } },
    tamper: (s) => ({ body: s.body, headers: fake.sign(s.body, `${webhookToken}x`) }),
  };
});

const payment = (key = crypto.randomUUID()) => ({ orderId: 'ord_test', amount: 3240, currency: 'JPY' as const, description: '宇治抹茶セット', customer, idempotencyKey: `kessai:${key}` });
const bytes = (s: string) => new TextEncoder().encode(s);

describe('PAY.JP specifics', { timeout: 60_000 }, () => {
  it('refuses a public key, naming PAYJP_SECRET_KEY and not the value', () => {
    assert.throws(() => new PayjpPsp({ secretKey: 'pk_live_0000' }), (e: Error) => /PAYJP_SECRET_KEY/.test(e.message) && !e.message.includes('pk_live_0000'));
  });

  it('cards: succeeded, 3-D Secure → the tds start URL, declined; Konbini / Pay-easy / bank transfer refused', async () => {
    const { fake, adapter } = await kit();
    try {
      const tds = await adapter.chargeCard(payment(), { token: 'tok_3ds' });
      assert.equal(tds.status, 'requires_action');
      const url = new URL((tds as { redirectUrl: string }).redirectUrl);
      assert.equal(url.origin, 'https://api.pay.jp');
      assert.equal(url.pathname, `/v1/tds/${tds.pspPaymentId}/start`);
      assert.equal(url.searchParams.get('publickey'), publicKey);
      assert.equal(url.searchParams.get('back_url')!.split('.').length, 3, 'back_url is a JWS');
      const plain = new PayjpPsp({ secretKey, baseUrl: fake.baseUrl, threeDSecure: false });
      assert.equal((await plain.chargeCard(payment(), { token: 'tok_visa' })).status, 'succeeded');
      assert.equal((await adapter.chargeCard(payment(), { token: 'tok_declined' })).status, 'declined');
      await assert.rejects(adapter.createKonbiniPayment(), { name: 'PspUnsupportedMethodError' });
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.close();
    }
  });

  it('the token proves the sender only: the amount of charge.succeeded is read back from PAY.JP; a full refund is payment.refunded', async () => {
    const { fake, adapter } = await kit();
    try {
      const c = await adapter.chargeCard(payment(), { token: 'tok_3ds' });
      const lying = JSON.stringify({ ...fake.event('charge.succeeded', c.pspPaymentId, { paid: true }), data: { ...fake.payments.get(c.pspPaymentId), amount: 1 } });
      const e = await adapter.parseWebhook(bytes(lying), new Headers(fake.sign(lying)));
      assert.equal(e!.amount, 3240);
      assert.match(e!.occurredAt!, /\+09:00$/);
      const refund = JSON.stringify(fake.event('charge.refunded', c.pspPaymentId, { refunded: true, amount_refunded: 3240 }));
      assert.equal((await adapter.parseWebhook(bytes(refund), new Headers(fake.sign(refund))))!.type, 'payment.refunded');
      const partial = JSON.stringify(fake.event('charge.refunded', c.pspPaymentId, { refunded: true, amount_refunded: 100 }));
      assert.equal((await adapter.parseWebhook(bytes(partial), new Headers(fake.sign(partial))))!.type, 'charge.refunded');
    } finally {
      await fake.close();
    }
  });
});
