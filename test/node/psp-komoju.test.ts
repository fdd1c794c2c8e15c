/** KOMOJU adapter against test/fakes/komoju.js (paths, headers and bodies asserted by the fake). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KomojuPsp } from '../../src/server/psp/komoju.js';
import { startKomojuFake } from '../fakes/komoju.js';
import { pspConformance } from './helpers/psp-suite.js';
import { customer } from './helpers/orders.js';

const secretKey = 'sk_test_komoju_secret_0123456789';
const webhookSecret = 'komoju-webhook-token-0123456789';

async function kit({ now = () => new Date(), timeoutMs }: { now?: () => Date; timeoutMs?: number } = {}) {
  const fake = await startKomojuFake({ secretKey, webhookSecret, now });
  const adapter = new KomojuPsp({ timeoutMs, secretKey, webhookSecret, baseUrl: fake.baseUrl });
  return { fake, adapter };
}

pspConformance('KOMOJU', async (options) => ({
  ...(await kit(options)),
  secrets: [secretKey, webhookSecret],
  order: { method: 'konbini', store: 'lawson' },
  events: { paid: 'payment.captured', expired: 'payment.expired', unknown: 'payment.updated' },
}));

const payment = (key = crypto.randomUUID()) => ({ orderId: 'ord_test', amount: 3240, currency: 'JPY' as const, description: '宇治抹茶セット', customer, idempotencyKey: `kessai:${key}` });

describe('KOMOJU specifics', { timeout: 60_000 }, () => {
  it('refuses a publishable key or no key, naming the variable and not the value', () => {
    assert.throws(() => new KomojuPsp({ secretKey: 'pk_test_abcdef' }), (e: Error) => /KOMOJU_SECRET_KEY/.test(e.message) && !e.message.includes('pk_test_abcdef'));
    assert.throws(() => new KomojuPsp({ secretKey: '' }), /KOMOJU_SECRET_KEY is not set/);
  });

  it('Konbini per chain: the numbers under the chain’s labels, the UTC deadline shown as 23:59:59 JST', async () => {
    const { fake, adapter } = await kit();
    try {
      const lawson = await adapter.createKonbiniPayment(payment(), 'lawson');
      assert.match(lawson.instructions.paymentCode!, /^\d{11}$/); // お客様番号
      assert.match(lawson.instructions.confirmationNumber!, /^\d{6}$/); // 確認番号
      assert.match(lawson.instructions.expiresAt!, /T23:59:59\+09:00$/);
      assert.match(lawson.instructions.instructionsUrl!, /^https:\/\/komoju\.com\//);
      const fm = await adapter.createKonbiniPayment(payment(), 'familymart');
      assert.equal(fm.instructions.paymentCode, '10001'); // 企業コード
      assert.match(fm.instructions.confirmationNumber!, /^\d{12}$/); // 注文番号
      const seico = await adapter.createKonbiniPayment(payment(), 'seicomart');
      assert.equal(seico.instructions.confirmationNumber, undefined);
      const sent = JSON.parse(fake.requests.find((r) => r.raw.includes('family-mart'))!.raw);
      assert.equal(sent.payment_details.store, 'family-mart');
      assert.equal(sent.payment_details.type, 'konbini');
      const easy = await adapter.createPayEasyPayment(payment());
      assert.equal(easy.instructions.institutionNumber, '58191');
      const bank = await adapter.createBankTransfer(payment());
      assert.equal(bank.instructions.accountType, '普通');
      assert.equal((await adapter.chargeCard(payment(), { token: 'tok_visa' })).status, 'succeeded');
      const tds = await adapter.chargeCard(payment(), { token: 'tok_3ds' });
      assert.equal(tds.status, 'requires_action');
      assert.equal((await adapter.chargeCard(payment(), { token: 'tok_declined' })).status, 'declined');
      assert.deepEqual(fake.violations, []);
    } finally {
      await fake.close();
    }
  });

  it('maps KOMOJU events: captured → succeeded with the amount, cancelled → canceled, refunded → refunded, times in JST', async () => {
    const { fake, adapter } = await kit();
    try {
      const p = await adapter.createKonbiniPayment(payment(), 'lawson');
      for (const [type, ours] of [['payment.captured', 'payment.succeeded'], ['payment.cancelled', 'payment.canceled'], ['payment.refunded', 'payment.refunded']]) {
        const body = JSON.stringify(fake.event(type, p.pspPaymentId));
        const e = await adapter.parseWebhook(new TextEncoder().encode(body), new Headers(fake.sign(body)));
        assert.equal(e!.type, ours);
        assert.equal(e!.pspPaymentId, p.pspPaymentId);
        assert.equal(e!.amount, 3240);
        assert.match(e!.occurredAt!, /\+09:00$/);
      }
      const body = JSON.stringify(fake.event('payment.captured', p.pspPaymentId));
      assert.equal(await adapter.parseWebhook(new TextEncoder().encode(body), new Headers(fake.sign(body, 'another-secret'))), null);
    } finally {
      await fake.close();
    }
  });
});
