// A local fake of PAY.JP's charges API (v1), written from its API reference
// (pay.jp/docs/api, pay.jp/docs/charge-tds, pay.jp/docs/webhook): Basic auth
// with the secret key as user name, form bodies, POST/GET /v1/charges with a
// card token, 3-D Secure answered `three_d_secure_status: "unverified"`, a
// decline as HTTP 402 card_error, Idempotency-Key honoured, and events sent
// as PAY.JP sends them: the fixed token in X-Payjp-Webhook-Token.
import { assert, parseForm, randomId, startFake, unauthorized } from './base.js';

export async function startPayjpFake({ secretKey = 'sk_test_fake', webhookSecret, now = () => new Date() } = {}) {
  const unix = () => Math.floor(now().getTime() / 1000);
  const fake = await startFake({
    name: 'payjp',
    idempotencyKey: (r) => (r.method === 'POST' ? r.headers['idempotency-key'] ?? null : null),
    authorize(r) {
      if (r.headers.authorization !== `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`) {
        throw unauthorized({ error: { code: 'invalid_api_key', message: 'Invalid API Key', status: 401, type: 'auth_error' } });
      }
    },
    async route(r, f) {
      if (r.method === 'POST' && r.path === '/v1/charges') {
        assert(r.headers['content-type'] === 'application/x-www-form-urlencoded', 'PAY.JP takes form-encoded bodies');
        assert(r.headers['idempotency-key'], 'every charge carries Idempotency-Key');
        const b = parseForm(r.raw);
        assert(/^\d+$/.test(b.amount) && +b.amount >= 50, 'amount: an integer ≥ 50 yen');
        assert(b.currency === 'jpy', 'currency=jpy');
        assert(b.card?.startsWith('tok_'), 'card=tok_…');
        if (b.card.includes('declined')) return { status: 402, json: { error: { code: 'card_declined', message: 'Card declined', status: 402, type: 'card_error' } } };
        const tds = b.three_d_secure === 'true';
        const id = randomId('ch_', 14);
        const charge = { id, object: 'charge', amount: +b.amount, currency: 'jpy', created: unix(), livemode: false, paid: !tds, captured: !tds, captured_at: tds ? null : unix(), refunded: false, amount_refunded: 0, failure_code: null, three_d_secure_status: tds ? 'unverified' : null, metadata: { order_id: b['metadata[order_id]'] }, card: { id: randomId('car_', 14), object: 'card', brand: 'Visa', last4: '4242' } };
        f.payments.set(id, charge);
        return { json: charge };
      }
      const found = f.read(r, /^\/v1\/charges\/([^/]+)$/, { error: { code: 'invalid_id', status: 404, type: 'client_error' } });
      assert(found, 'no such route');
      return found;
    },
  });

  /** PAY.JP's event `{id: "evnt_…", object: "event", type, created, data: charge, livemode, pending_webhooks}`. */
  function event(type, id, patch = {}) {
    const c = fake.patched(id, patch);
    return { id: randomId('evnt_', 14), object: 'event', livemode: false, type, created: unix(), data: { ...c }, pending_webhooks: 1 };
  }
  const sign = (_body, token = webhookSecret) => ({ 'X-Payjp-Webhook-Token': token });
  return Object.assign(fake, {
    event,
    sign,
    async pay(id) {
      const body = JSON.stringify(event('charge.succeeded', id, { paid: true, captured: true, captured_at: unix(), three_d_secure_status: 'verified' }));
      return fake.deliver(body, sign(body));
    },
    async refund(id) {
      const c = fake.payments.get(id);
      const body = JSON.stringify(event('charge.refunded', id, { refunded: true, amount_refunded: c?.amount }));
      return fake.deliver(body, sign(body));
    },
  });
}
