// A local fake of Stripe's PaymentIntents API, written from Stripe's API
// reference and its Konbini / bank-transfer guides: Bearer secret key, form
// bodies (`a[b][c]=v`), Idempotency-Key (same key + other body → 400
// idempotency_error, as Stripe answers), Konbini next_action
// konbini_display_details with unix expires_at and stores familymart / lawson /
// ministop / seicomart, jp_bank_transfer zengin addresses, card tokens, and
// events signed as Stripe signs them: Stripe-Signature t=<unix>,v1=<hex
// HMAC-SHA256("t.body", whsec_…)>.
import { assert, digits, hmacHex, jstEndOfDayDate, parseForm, randomId, startFake, unauthorized } from './base.js';

export async function startStripeFake({ secretKey = 'sk_test_fake', webhookSecret, now = () => new Date() } = {}) {
  const unix = () => Math.floor(now().getTime() / 1000);
  const customers = new Set();
  const fake = await startFake({
    name: 'stripe',
    idempotencyKey: (r) => (r.method === 'POST' ? r.headers['idempotency-key'] ?? null : null),
    authorize(r) {
      if (r.headers.authorization !== `Bearer ${secretKey}`) throw unauthorized({ error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    },
    async route(r, f) {
      if (r.method === 'POST') {
        assert(r.headers['content-type'] === 'application/x-www-form-urlencoded', 'Stripe takes form-encoded bodies');
        assert(r.headers['idempotency-key'], 'every POST carries Idempotency-Key');
        assert(r.headers['stripe-version'], 'the SDK pins its API version (Stripe-Version)');
      }
      const b = parseForm(r.raw);
      if (r.method === 'POST' && r.path === '/v1/customers') {
        const id = randomId('cus_', 7);
        customers.add(id);
        return { json: { id, object: 'customer', email: b.email, name: b.name } };
      }
      if (r.method === 'POST' && r.path === '/v1/payment_intents') {
        assert(/^\d+$/.test(b.amount) && +b.amount > 0, 'amount: a positive integer (JPY is zero-decimal)');
        assert(b.currency === 'jpy', 'currency=jpy');
        assert(b.confirm === 'true', 'confirm=true');
        const id = randomId('pi_', 12);
        // API 2026-10-28 names the list allowed_payment_method_types; older versions payment_method_types.
        const allowed = b['allowed_payment_method_types[]'] ?? b['payment_method_types[]'];
        const pi = { id, object: 'payment_intent', amount: +b.amount, amount_received: 0, currency: 'jpy', created: unix(), metadata: { order_id: b['metadata[order_id]'] }, payment_method_types: allowed ?? ['card'], next_action: null, last_payment_error: null };
        const type = b['payment_method_data[type]'];
        if (type === 'konbini') {
          assert(allowed?.includes('konbini'), 'allowed_payment_method_types includes konbini');
          assert(b['payment_method_data[billing_details][email]'], 'Konbini needs billing_details[email]');
          assert(b['payment_method_data[billing_details][name]'], 'Konbini needs billing_details[name]');
          const days = Number(b['payment_method_options[konbini][expires_after_days]'] ?? 3);
          assert(days >= 1 && days <= 60, 'expires_after_days 1–60');
          const store = () => ({ payment_code: digits(11), confirmation_number: digits(11) });
          Object.assign(pi, { status: 'requires_action', next_action: { type: 'konbini_display_details', konbini_display_details: { expires_at: Math.floor(jstEndOfDayDate(now(), days).getTime() / 1000), hosted_voucher_url: `https://payments.stripe.com/konbini/voucher/test_${id}`, stores: { familymart: store(), lawson: store(), ministop: store(), seicomart: store() } } } });
        } else if (type === 'customer_balance') {
          assert(customers.has(b.customer), 'customer_balance needs an existing customer');
          assert(b['payment_method_options[customer_balance][funding_type]'] === 'bank_transfer', 'funding_type=bank_transfer');
          assert(b['payment_method_options[customer_balance][bank_transfer][type]'] === 'jp_bank_transfer', 'bank_transfer[type]=jp_bank_transfer');
          Object.assign(pi, { status: 'requires_action', next_action: { type: 'display_bank_transfer_instructions', display_bank_transfer_instructions: { type: 'jp_bank_transfer', amount_remaining: +b.amount, currency: 'jpy', hosted_instructions_url: `https://payments.stripe.com/bank_transfers/instructions/test_${id}`, financial_addresses: [{ type: 'zengin', supported_networks: ['zengin'], zengin: { account_holder_name: 'ストライプジャパン（カ', account_number: digits(7), account_type: 'futsu', bank_code: '0009', bank_name: '三井住友銀行', branch_code: '950', branch_name: 'アオイ' } }] } } });
        } else if (type === 'card') {
          const token = b['payment_method_data[card][token]'];
          assert(token?.startsWith('tok_'), 'payment_method_data[card][token]=tok_…');
          if (token.includes('declined')) return { status: 402, json: { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', payment_intent: { id, object: 'payment_intent', status: 'requires_payment_method' } } } };
          if (token.includes('3ds')) {
            assert(b.return_url?.startsWith('https://'), 'a 3-D Secure card needs return_url');
            Object.assign(pi, { status: 'requires_action', next_action: { type: 'redirect_to_url', redirect_to_url: { url: `https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=${id}`, return_url: b.return_url } } });
          } else Object.assign(pi, { status: 'succeeded', amount_received: +b.amount });
        } else assert(false, `payment_method_data[type] not supported by the fake: ${type}`);
        f.payments.set(id, pi);
        return { json: pi };
      }
      const found = f.read(r, /^\/v1\/payment_intents\/([^/]+)$/, { error: { type: 'invalid_request_error', code: 'resource_missing' } });
      assert(found, 'no such route');
      return found;
    },
  });

  /** A Stripe event `{id, object: "event", type, created, data: {object}}`. */
  function event(type, id, patch = {}) {
    const p = fake.patched(id, patch);
    const object = type.startsWith('charge.') ? { id: randomId('ch_', 12), object: 'charge', amount: p.amount, amount_refunded: p.amount, refunded: true, payment_intent: id } : { ...p };
    return { id: randomId('evt_', 12), object: 'event', api_version: '2024-06-20', created: unix(), livemode: false, pending_webhooks: 1, type, data: { object } };
  }
  /** Stripe-Signature for `body` at `at` (default now); `secrets` signs with each (rotation: several v1). */
  const sign = (body, secret = webhookSecret, at = now()) => {
    const t = Math.floor(at.getTime() / 1000);
    const secrets = Array.isArray(secret) ? secret : [secret];
    return { 'Stripe-Signature': [`t=${t}`, ...secrets.map((s) => `v1=${hmacHex(s, `${t}.${body}`)}`)].join(',') };
  };

  return Object.assign(fake, {
    event,
    sign,
    async pay(id) {
      const p = fake.payments.get(id);
      const body = JSON.stringify(event('payment_intent.succeeded', id, { status: 'succeeded', amount_received: p?.amount, next_action: null }));
      return fake.deliver(body, sign(body));
    },
  });
}
