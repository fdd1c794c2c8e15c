// A local fake of fincode's payments API, written from fincode's API reference
// (docs.fincode.jp/api) and @fincode/node's types: Bearer secret key, JSON
// bodies with amounts as strings, the idempotent_key header, register
// (POST /v1/payments → id, access_id) then execute (PUT /v1/payments/{id}),
// GET /v1/payments/{id}?pay_type=…, times as "yyyy/MM/dd HH:mm:ss.SSS" in JST
// without an offset, and webhooks as fincode sends them: the payment's fields
// with `event`, the fixed string in Fincode-Signature, answered {"receive":"0"}.
import { assert, digits, jstEndOfDayDate, randomId, startFake, unauthorized } from './base.js';

/** An instant as fincode writes it: Japan time, no offset. */
export function fincodeTime(date) {
  const t = new Date(date.getTime() + 9 * 3600_000).toISOString(); // 2026-12-04T23:59:59.000Z, shifted to JST
  return `${t.slice(0, 10).replace(/-/g, '/')} ${t.slice(11, 23)}`;
}

const PAY_TYPES = ['Card', 'Konbini', 'Virtualaccount'];

export async function startFincodeFake({ secretKey = 'm_test_fake', webhookSecret, now = () => new Date() } = {}) {
  const fake = await startFake({
    name: 'fincode',
    idempotencyKey: (r) => (r.method !== 'GET' ? r.headers.idempotent_key ?? null : null),
    authorize(r) {
      if (r.headers.authorization !== `Bearer ${secretKey}`) throw unauthorized({ errors: [{ error_code: 'E01100001', error_message: '認証に失敗しました。' }] });
    },
    async route(r, f) {
      if (r.method !== 'GET') {
        assert(/^application\/json/.test(r.headers['content-type'] ?? ''), 'fincode takes JSON bodies');
        assert(r.headers.idempotent_key, 'every registration and execution carries idempotent_key');
      }
      if (r.method === 'POST' && r.path === '/v1/payments') {
        const b = JSON.parse(r.raw);
        assert(PAY_TYPES.includes(b.pay_type), `pay_type one of ${PAY_TYPES}`);
        const amount = b.pay_type === 'Virtualaccount' ? b.billing_amount : b.amount;
        assert(typeof amount === 'string' && /^\d+$/.test(amount), 'amounts are strings of digits');
        if (b.pay_type === 'Card') assert(b.job_code === 'CAPTURE' || b.job_code === 'AUTH', 'a card payment names its job_code');
        const id = `o_${randomId('', 11)}`;
        const p = { shop_id: 's_test_fake', id, pay_type: b.pay_type, status: 'UNPROCESSED', access_id: randomId('a_', 11), process_date: fincodeTime(now()), amount: b.pay_type === 'Virtualaccount' ? null : +amount, billing_amount: b.pay_type === 'Virtualaccount' ? +amount : null, tax: 0, client_field_1: b.client_field_1 ?? null, created: fincodeTime(now()), updated: fincodeTime(now()) };
        f.payments.set(id, p);
        return { json: p };
      }
      const m = /^\/v1\/payments\/([^/]+)$/.exec(r.path);
      const p = m && f.payments.get(m[1]);
      if (m && !p) return { status: 404, json: { errors: [{ error_code: 'E01050002', error_message: '該当する決済情報が存在しません。' }] } };
      if (r.method === 'PUT' && p) {
        const b = JSON.parse(r.raw);
        assert(b.pay_type === p.pay_type, 'the execution names the registered pay_type');
        assert(b.access_id === p.access_id, 'the execution carries the access_id');
        if (p.pay_type === 'Konbini' || p.pay_type === 'Virtualaccount') {
          const days = Number(b.payment_term_day);
          assert(Number.isInteger(days) && days >= 0 && days <= 14, 'payment_term_day 0–14 (a string)');
          Object.assign(p, { status: 'AWAITING_CUSTOMER_PAYMENT', payment_term: fincodeTime(jstEndOfDayDate(now(), days)), payment_term_day: String(days) });
          if (p.pay_type === 'Konbini') Object.assign(p, { barcode: 'iVBORw0KGgo=', barcode_format: 'png', order_serial: digits(10), invoice_id: digits(12) });
          else Object.assign(p, { va_bank_name: 'GMOあおぞらネット銀行', va_branch_name: 'フィンコード支店', va_branch_code: '301', va_account_number: digits(7), va_account_name: 'フインコ－ド' });
        } else {
          assert(b.token, 'a card execution carries the token');
          assert(b.method === '1' || b.method === '2', 'method 1 (lump sum) or 2');
          if (b.token.includes('declined')) return { status: 400, json: { errors: [{ error_code: 'E01240002', error_message: 'カードが利用できません。' }] } };
          if (b.token.includes('3ds')) Object.assign(p, { status: 'AUTHENTICATED', redirect_url: `https://api.test.fincode.jp/v1/secure2/${p.access_id}` });
          else Object.assign(p, { status: 'CAPTURED', transaction_id: randomId('', 10), approve: digits(7) });
        }
        return { json: p };
      }
      if (r.method === 'GET' && p) {
        assert(r.query.pay_type === p.pay_type, 'GET /v1/payments/{id} needs ?pay_type=');
        return { json: p };
      }
      assert(false, 'no such route');
    },
  });

  /** The notification fincode POSTs: the payment's fields plus `event`. */
  function event(type, id, patch = {}) {
    const p = fake.patched(id.includes('/') ? id.slice(id.indexOf('/') + 1) : id, patch);
    return { shop_id: p.shop_id, access_id: p.access_id, order_id: p.id, pay_type: p.pay_type, status: p.status, amount: String(p.amount ?? p.billing_amount), tax: '0', currency: 'JPY', event: type, transaction_date: fincodeTime(now()), payment_date: p.status === 'CAPTURED' ? fincodeTime(now()) : null, konbini_code: p.pay_type === 'Konbini' ? '00020' : null };
  }
  const sign = (_body, signature = webhookSecret) => ({ 'Fincode-Signature': signature });
  return Object.assign(fake, {
    event,
    sign,
    async pay(id) {
      const body = JSON.stringify(event('payments.konbini.complete', id, { status: 'CAPTURED' }));
      return fake.deliver(body, sign(body));
    },
  });
}
