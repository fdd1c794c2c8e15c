/** fincode adapter against test/fakes/fincode.js: register + execute, barcode Konbini, offset-less JST times, the fixed signature string. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FincodePsp } from '../../src/server/psp/fincode.js';
import { jstFromFincode } from '../../src/server/psp/shared.js';
import { fincodeTime, startFincodeFake } from '../fakes/fincode.js';
import { pspConformance } from './helpers/psp-suite.js';
import { customer } from './helpers/orders.js';

const secretKey = 'm_test_fincode_secret_0123456789';
const webhookSignature = 'fincode-signature-0123456789';

async function kit({ now = () => new Date(), timeoutMs }: { now?: () => Date; timeoutMs?: number } = {}) {
  const fake = await startFincodeFake({ secretKey, webhookSecret: webhookSignature, now });
  const adapter = new FincodePsp({ timeoutMs, secretKey, webhookSignature, baseUrl: fake.baseUrl, returnUrl: 'https://shop.example/return', barcodePageUrl: (id) => `https://shop.example/konbini/${encodeURIComponent(id)}` });
  return { fake, adapter };
}

pspConformance('fincode', async (options) => {
  const { fake, adapter } = await kit(options);
  return {
    fake,
    adapter,
    secrets: [secretKey, webhookSignature],
    order: { method: 'konbini', store: 'lawson' },
    acknowledgement: { receive: '0' },
    // fincode notifies no expiry: the late notification is a cancellation.
    events: { paid: 'payments.konbini.complete', expired: 'payments.konbini.cancel', unknown: 'payments.konbini.exec' },
    patches: { paid: { status: 'CAPTURED' }, expired: { status: 'CANCELED' } },
    tamper: (s) => ({ body: s.body, headers: fake.sign(s.body, 'fincode-signature-guess') }),
  };
});

const payment = (key = crypto.randomUUID()) => ({ orderId: 'ord_test', amount: 3240, currency: 'JPY' as const, description: '宇治抹茶セット', customer, idempotencyKey: `kessai:${key}` });
const bytes = (s: string) => new TextEncoder().encode(s);

describe('fincode specifics', { timeout: 60_000 }, () => {
  it('reads "yyyy/MM/dd HH:mm:ss.SSS" as Japan time, not the server’s zone (TZ=America/Los_Angeles here)', () => {
    assert.equal(process.env.TZ, 'America/Los_Angeles');
    assert.equal(jstFromFincode('2026/12/04 23:59:59.000'), '2026-12-04T23:59:59+09:00');
    assert.equal(jstFromFincode('2026/12/31 15:00:00'), '2026-12-31T15:00:00+09:00');
    assert.notEqual(new Date('2026/12/04 23:59:59').toISOString(), '2026-12-04T14:59:59.000Z', 'the trap: Date() reads it in the server zone');
    assert.equal(jstFromFincode('2026-12-04T23:59:59'), undefined);
    assert.equal(fincodeTime(new Date('2026-12-04T14:59:59.000Z')), '2026/12/04 23:59:59.000');
  });

  it('refuses a public p_ key, naming FINCODE_SECRET_KEY and not the value', () => {
    assert.throws(() => new FincodePsp({ secretKey: 'p_test_abcdef' }), (e: Error) => /FINCODE_SECRET_KEY/.test(e.message) && !e.message.includes('p_test_abcdef'));
  });

  it('Konbini: registered then executed, deadline 23:59:59 JST, a barcode page instead of numbers; FamilyMart and Pay-easy refused; bank transfer and cards', async () => {
    const now = () => new Date('2026-12-01T16:00:00Z'); // 01:00 on 2 December in Tokyo, still 1 December in Los Angeles
    const { fake, adapter } = await kit({ now });
    try {
      const r = await adapter.createKonbiniPayment(payment(), 'seven-eleven');
      assert.equal(r.instructions.expiresAt, '2026-12-05T23:59:59+09:00');
      assert.equal(r.instructions.paymentCode, undefined);
      assert.match(r.instructions.instructionsUrl!, /^https:\/\/shop\.example\/konbini\/Konbini%2Fo_/);
      const [reg, exec] = fake.requests.filter((q) => q.method !== 'GET');
      assert.match(reg.headers.idempotent_key!, /^kessai:[0-9a-f-]{36}:register$/);
      assert.match(exec.headers.idempotent_key!, /^kessai:.*:execute$/);
      await assert.rejects(adapter.createKonbiniPayment(payment(), 'familymart'), { name: 'PspUnsupportedMethodError' });
      await assert.rejects(adapter.createPayEasyPayment(payment()), { name: 'PspUnsupportedMethodError' });
      const bank = await adapter.createBankTransfer(payment());
      assert.equal(bank.instructions.bankName, 'GMOあおぞらネット銀行');
      assert.equal(bank.instructions.expiresAt, '2026-12-09T23:59:59+09:00');
      assert.equal((await adapter.chargeCard(payment(), { token: 'tok_visa' })).status, 'succeeded');
      assert.equal((await adapter.chargeCard(payment(), { token: 'tok_3ds' })).status, 'requires_action');
      assert.equal((await adapter.chargeCard(payment(), { token: 'tok_declined' })).status, 'declined');
      assert.deepEqual(fake.violations, []);
      const e = await adapter.parseWebhook(bytes(JSON.stringify(fake.event('payments.konbini.complete', r.pspPaymentId, { status: 'CAPTURED' }))), new Headers(fake.sign('')));
      assert.equal(e!.type, 'payment.succeeded');
      assert.equal(e!.occurredAt, '2026-12-02T01:00:00+09:00');
      assert.equal(e!.amount, 3240);
    } finally {
      await fake.close();
    }
  });
});
