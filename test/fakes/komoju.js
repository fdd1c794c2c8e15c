// A local fake of KOMOJU's payments API, written from its API reference
// (docs.komoju.com/en/api/resources/payments, doc.komoju.com/docs/webhooks):
// Basic auth with the secret key as user name, POST/GET /api/v1/payments,
// answers shaped like the documented examples (payment_deadline in UTC "Z",
// konbini receipt / confirmation_code / instructions_url), idempotency by
// X-KOMOJU-IDEMPOTENCY, and webhooks signed as KOMOJU signs them:
// X-Komoju-Signature = hex HMAC-SHA256(raw body, webhook secret token).
import { assert, digits, hmacHex, jstEndOfDayDate, randomId, startFake, unauthorized } from './base.js';

const STORES = ['seven-eleven', 'family-mart', 'lawson', 'ministop', 'daily-yamazaki', 'seicomart'];

export async function startKomojuFake({ secretKey = 'sk_test_fake', webhookSecret, now = () => new Date() } = {}) {
  const fake = await startFake({
    name: 'komoju',
    idempotencyKey: (r) => (r.method === 'POST' ? r.headers['x-komoju-idempotency'] ?? null : null),
    authorize(r) {
      if (r.headers.authorization !== `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`) {
        throw unauthorized({ error: { code: 'not_authorized', message: 'API key provided was invalid or missing' } });
      }
    },
    async route(r, f) {
      if (r.method === 'POST' && r.path === '/api/v1/payments') {
        assert(/^application\/json/.test(r.headers['content-type'] ?? ''), 'Content-Type must be application/json');
        assert(r.headers['x-komoju-idempotency'], 'every create carries X-KOMOJU-IDEMPOTENCY');
        const b = JSON.parse(r.raw);
        assert(Number.isInteger(b.amount) && b.amount > 0, 'amount: a positive integer (JPY has no minor unit)');
        assert(b.currency === 'JPY', 'currency JPY');
        assert(typeof b.external_order_num === 'string', 'external_order_num');
        // A card payment sends the token string itself as payment_details.
        const d = typeof b.payment_details === 'string' ? { type: 'token', token: b.payment_details } : b.payment_details ?? {};
        if (d.type !== 'token') assert(typeof d.email === 'string' && d.email.includes('@'), 'payment_details[email]');
        const id = randomId('', 13).slice(0, 25);
        const base = { id, resource: 'payment', amount: b.amount, tax: 0, total: b.amount, currency: 'JPY', external_order_num: b.external_order_num, created_at: now().toISOString().replace(/\.\d+Z$/, 'Z'), captured_at: null, customer: null };
        const deadline = jstEndOfDayDate(now(), 3).toISOString().replace(/\.\d+Z$/, 'Z');
        let payment;
        if (d.type === 'konbini') {
          assert(STORES.includes(d.store), `payment_details[store] one of ${STORES.join(', ')}`);
          assert(typeof d.phone === 'string', 'payment_details[phone]');
          payment = { ...base, status: 'pending', payment_deadline: deadline, payment_details: { type: 'konbini', email: d.email, store: d.store, confirmation_code: d.store === 'seicomart' ? null : d.store === 'family-mart' ? '10001' : digits(6), receipt: digits(d.store === 'family-mart' ? 12 : 11), instructions_url: `https://komoju.com/en/instructions/${id}` } };
        } else if (d.type === 'pay_easy') {
          assert(d.family_name_kana && d.given_name_kana, 'pay_easy needs the kana names');
          payment = { ...base, status: 'pending', payment_deadline: deadline, payment_details: { type: 'pay_easy', email: d.email, bank_id: '58191', customer_id: digits(16), confirmation_id: digits(6), instructions_url: `https://komoju.com/en/instructions/${id}` } };
        } else if (d.type === 'bank_transfer') {
          payment = { ...base, status: 'pending', payment_deadline: jstEndOfDayDate(now(), 7).toISOString().replace(/\.\d+Z$/, 'Z'), payment_details: { type: 'bank_transfer', email: d.email, order_id: digits(8), bank_name: 'みずほ銀行', account_branch_name: '渋谷支店', account_number: digits(7), account_type: '普通', account_name: 'カ）デグチ' } };
        } else if (d.type === 'token') {
          assert(d.token.startsWith('tok_'), 'a card payment sends its token tok_… as payment_details');
          if (d.token.includes('declined')) return { status: 422, json: { error: { code: 'card_declined', message: 'The card was declined.' } } };
          const tds = d.token.includes('3ds');
          payment = { ...base, status: tds ? 'pending' : 'captured', captured_at: tds ? null : base.created_at, redirect_url: tds ? `https://komoju.com/3ds/${id}` : null, payment_details: { type: 'credit_card', brand: 'visa', last_four_digits: '4242' } };
        } else {
          assert(false, `payment_details[type] not supported by the fake: ${d.type}`);
        }
        f.payments.set(id, payment);
        return { json: payment };
      }
      const found = f.read(r, /^\/api\/v1\/payments\/([^/]+)$/, { error: { code: 'not_found', message: 'Resource not found' } });
      assert(found, 'no such route');
      return found;
    },
  });

  /** KOMOJU's event for payment `id`: {id, type, resource: "event", data: payment, created_at}. */
  function event(type, id, patch = {}) {
    const p = fake.patched(id, patch);
    return { id: randomId('', 12), type, resource: 'event', data: { ...p }, created_at: now().toISOString().replace(/\.\d+Z$/, 'Z') };
  }
  const sign = (body, secret = webhookSecret) => ({ 'X-Komoju-Signature': hmacHex(secret, body), 'X-Komoju-Event': JSON.parse(body).type, 'X-Komoju-ID': randomId('', 12) });

  return Object.assign(fake, {
    event,
    sign,
    /** The shopper paid at the register: payment.captured, signed and delivered. */
    async pay(id) {
      const body = JSON.stringify(event('payment.captured', id, { status: 'captured', captured_at: now().toISOString().replace(/\.\d+Z$/, 'Z') }));
      return fake.deliver(body, sign(body));
    },
  });
}
