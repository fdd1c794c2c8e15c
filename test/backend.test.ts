/**
 * The reference merchant backend (demo/server) through real HTTP: the test
 * run's dev server mounts the Hono app under /test-api/shop/<id>/ (see
 * test/server/test-api.js); each shop has its own in-memory SQLite and sandbox PSP.
 * The browsers run in America/Los_Angeles and so does the server process, so
 * every JST deadline below is really computed, not read off a Tokyo clock.
 */
import { expect } from '@open-wc/testing';
import { validOrder, type Body } from './helpers/orders.js';
import { until } from './helpers/dom.js';

interface ShopOptions {
  pspDelayMs?: number;
  /** The sandbox PSP fails this many calls first (an outage). */
  pspFailures?: number;
  now?: string;
  expiryDays?: number | { konbini?: number; payEasy?: number; bankTransfer?: number };
}

interface StoredOrder {
  id: string;
  reference: string;
  amount: number;
  method: string;
  konbiniStore: string | null;
  status: string;
  pspPaymentId: string;
  sandbox: boolean;
  instructions: Record<string, string> | null;
  expiresAt: string | null;
  paidAt: string | null;
  customer: Record<string, string>;
  cardLast4: string | null;
}

async function newShop(options: ShopOptions = {}): Promise<string> {
  const r = await fetch('/test-api/shop/new', { method: 'POST', body: JSON.stringify(options) });
  expect(r.status).to.equal(200);
  return ((await r.json()) as { base: string }).base;
}

async function ordersOf(base: string): Promise<{ count: number; orders: StoredOrder[] }> {
  return (await fetch(`${base}/orders`)).json();
}

const order = validOrder;

const cardOrder = (card: unknown, overrides: Body = {}): Body => {
  const { konbini: _k, ...rest } = order({ method: 'card', card, ...overrides });
  return rest;
};

/** Sets `path` (a.b.c) in a copy; `undefined` deletes it. */
function withField(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let o = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  if (value === undefined) delete o[keys[keys.length - 1]];
  else o[keys[keys.length - 1]] = value;
  return copy;
}

async function checkout(
  base: string,
  body: Body | string,
  { key = crypto.randomUUID() as string | null, headers = {} as Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${base}/api/checkout`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      // The checkout sends its language; the backend answers in it (ja unless told otherwise).
      'Accept-Language': 'ja',
      ...(key === null ? {} : { 'Idempotency-Key': key }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface ErrorBody {
  error: { code: string; message: string; field?: string };
  errors?: Array<{ field: string; code: string; message: string }>;
}

async function expectError(r: Response, status: number, code: string, field?: string): Promise<ErrorBody> {
  const body = (await r.json()) as ErrorBody;
  expect(r.status, JSON.stringify(body)).to.equal(status);
  expect(r.headers.get('content-type')).to.match(/^application\/json/);
  expect(body.error.code).to.equal(code);
  if (field !== undefined) expect(body.error.field).to.equal(field);
  // Every error carries a Japanese sentence the page can show as is.
  expect(body.error.message).to.match(/[\u3040-\u30FF\u4E00-\u9FFF]/);
  return body;
}

// 2026-11-25T15:30:00Z is 00:30 on 26 November in Tokyo, still the 25th in Los Angeles and in UTC.
const JUST_AFTER_MIDNIGHT_JST = '2026-11-25T15:30:00Z';
// 23:59:59 on 25 November in Tokyo.
const JUST_BEFORE_MIDNIGHT_JST = '2026-11-25T14:59:59Z';

describe('reference backend: Konbini, Pay-easy and bank transfer (sandbox)', () => {
  const chains: Array<[string, RegExp, RegExp | null, boolean]> = [
    // store, paymentCode, confirmationNumber, instructionsUrl
    ['seven-eleven', /^\d{13}$/, null, true], // 払込票番号
    ['familymart', /^\d{5}$/, /^\d{12}$/, false], // 企業コード + 注文番号
    ['lawson', /^\d{11}$/, /^\d{6}$/, false], // お客様番号 + 確認番号
    ['ministop', /^\d{11}$/, /^\d{6}$/, false],
    ['seicomart', /^\d{11}$/, null, false], // オンライン決済番号
    ['daily-yamazaki', /^\d{11}$/, null, false],
  ];
  for (const [store, code, confirmation, url] of chains) {
    it(`${store}: pending with the chain's numbers, a 23:59:59 JST deadline three days ahead, and the order stored`, async () => {
      const base = await newShop({ now: JUST_AFTER_MIDNIGHT_JST });
      const r = await checkout(base, order({ konbini: { store } }));
      expect(r.status).to.equal(200);
      expect(r.headers.get('cache-control')).to.equal('no-store');
      const body = await r.json();
      expect(body.status).to.equal('pending');
      expect(body.sandbox).to.equal(true);
      expect(body.orderId).to.match(/^ord_[0-9a-z]{20}$/);
      const ins = body.instructions;
      expect(ins.method).to.equal('konbini');
      expect(ins.store).to.equal(store);
      expect(ins.paymentCode).to.match(code);
      if (confirmation) expect(ins.confirmationNumber).to.match(confirmation);
      else expect(ins).not.to.have.property('confirmationNumber');
      if (url) expect(new URL(ins.instructionsUrl).protocol).to.equal('https:');
      else expect(ins).not.to.have.property('instructionsUrl');
      expect(ins.expiresAt).to.equal('2026-11-29T23:59:59+09:00');

      const { count, orders } = await ordersOf(base);
      expect(count).to.equal(1);
      expect(orders[0]).to.include({ id: body.orderId, reference: 'matcha-set', amount: 3240, method: 'konbini', konbiniStore: store, status: 'pending', sandbox: true });
      expect(orders[0].instructions).to.deep.equal(ins);
      expect(orders[0].expiresAt).to.equal('2026-11-29T23:59:59+09:00');
    });
  }

  it('counts days from the date in Japan: one second before midnight JST is still that day', async () => {
    const base = await newShop({ now: JUST_BEFORE_MIDNIGHT_JST, expiryDays: 3 });
    const body = await (await checkout(base, order())).json();
    expect(body.instructions.expiresAt).to.equal('2026-11-28T23:59:59+09:00');
  });

  it('takes the number of days from the configuration', async () => {
    const base = await newShop({ now: JUST_AFTER_MIDNIGHT_JST, expiryDays: { konbini: 1 } });
    const body = await (await checkout(base, order())).json();
    expect(body.instructions.expiresAt).to.equal('2026-11-27T23:59:59+09:00');
  });

  it('Pay-easy: 収納機関番号 (5 digits), お客様番号, 確認番号 and a JST deadline', async () => {
    const base = await newShop({ now: JUST_AFTER_MIDNIGHT_JST });
    const { konbini: _k, ...rest } = order({ method: 'pay-easy' });
    const r = await checkout(base, rest);
    expect(r.status).to.equal(200);
    const body = await r.json();
    expect(body).to.include({ status: 'pending', sandbox: true });
    expect(body.instructions.method).to.equal('pay-easy');
    expect(body.instructions.institutionNumber).to.match(/^\d{5}$/);
    expect(body.instructions.customerNumber).to.match(/^\d{16}$/);
    expect(body.instructions.confirmationNumber).to.match(/^\d{6}$/);
    expect(body.instructions.expiresAt).to.equal('2026-11-29T23:59:59+09:00');
    expect((await ordersOf(base)).orders[0]).to.include({ method: 'pay-easy', status: 'pending' });
  });

  it('bank transfer: a sandbox bank, a per-order account and a deadline seven days ahead across the month end', async () => {
    const base = await newShop({ now: JUST_AFTER_MIDNIGHT_JST });
    const { konbini: _k, ...rest } = order({ method: 'bank-transfer' });
    const body = await (await checkout(base, rest)).json();
    expect(body.status).to.equal('pending');
    const ins = body.instructions;
    expect(ins).to.include({ method: 'bank-transfer', bankName: 'サンドボックス銀行', accountType: '普通' });
    expect(ins.branchName).to.be.a('string').and.not.equal('');
    expect(ins.accountNumber).to.match(/^\d{7}$/);
    expect(ins.accountHolder).to.match(/^[\u30A0-\u30FF）()]+$/);
    expect(ins.expiresAt).to.equal('2026-12-03T23:59:59+09:00');
  });

  it('gives every order its own numbers', async () => {
    const base = await newShop();
    const a = await (await checkout(base, order({ konbini: { store: 'seven-eleven' } }))).json();
    const b = await (await checkout(base, order({ konbini: { store: 'seven-eleven' } }))).json();
    expect(a.orderId).not.to.equal(b.orderId);
    expect(a.instructions.paymentCode).not.to.equal(b.instructions.paymentCode);
    expect((await ordersOf(base)).count).to.equal(2);
  });
});

describe('reference backend: cards (tokens only)', () => {
  it('charges a demo token: succeeded, order stored with brand and last4 only', async () => {
    const base = await newShop();
    const r = await checkout(base, cardOrder({ token: 'tok_demo_visa', brand: 'visa', last4: '4242' }));
    expect(r.status).to.equal(200);
    const body = await r.json();
    expect(body).to.include({ status: 'succeeded', sandbox: true });
    const { orders } = await ordersOf(base);
    expect(orders[0]).to.include({ id: body.orderId, method: 'card', status: 'succeeded', cardLast4: '4242' });
    expect(orders[0].paidAt).to.match(/\+09:00$/);
    expect(JSON.stringify(orders[0])).not.to.include('tok_demo_visa');
  });

  it('answers requires_action with an https redirect for the 3-D Secure test token', async () => {
    const base = await newShop();
    const body = await (await checkout(base, cardOrder({ token: 'tok_demo_3ds' }))).json();
    expect(body.status).to.equal('requires_action');
    expect(new URL(body.redirectUrl).protocol).to.equal('https:');
    expect((await ordersOf(base)).orders[0].status).to.equal('requires_action');
  });

  it('answers 402 card_declined for a declined token, and keeps that answer for the key', async () => {
    const base = await newShop();
    const key = crypto.randomUUID();
    const first = await checkout(base, cardOrder({ token: 'tok_demo_declined' }), { key });
    await expectError(first, 402, 'card_declined');
    const again = await checkout(base, cardOrder({ token: 'tok_demo_declined' }), { key });
    expect(again.status).to.equal(402);
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect((await ordersOf(base)).orders.map((o) => o.status)).to.deep.equal(['declined']);
  });

  const raw: Array<[string, Body, string]> = [
    ['a card number', cardOrder({ token: 'tok_demo_visa', number: '4242424242424242' }), 'card.number'],
    ['a security code', cardOrder({ token: 'tok_demo_visa', cvc: '123' }), 'card.cvc'],
    ['an expiry', cardOrder({ token: 'tok_demo_visa', exp_month: 12, exp_year: 2030 }), 'card.exp_month'],
    ['a card number instead of a token', cardOrder({ token: '4111 1111 1111 1111' }), 'card.token'],
    ['a card number in the address', withField(order(), 'address.line2', '4242-4242-4242-4242'), 'address.line2'],
  ];
  for (const [what, body, field] of raw) {
    it(`refuses ${what} (非保持化) and stores nothing`, async () => {
      const base = await newShop();
      const err = await expectError(await checkout(base, body), 400, 'raw_card_data', field);
      expect(err.error.message).to.include('カード');
      expect((await ordersOf(base)).count).to.equal(0);
    });
  }
});

describe('reference backend: idempotency (IETF Idempotency-Key draft)', () => {
  it('replays the stored response byte for byte and creates no second order', async () => {
    const base = await newShop();
    const key = crypto.randomUUID();
    const body = JSON.stringify(order({ konbini: { store: 'familymart' } }));
    const first = await checkout(base, body, { key });
    const firstBytes = new Uint8Array(await first.arrayBuffer());
    const again = await checkout(base, body, { key });
    const againBytes = new Uint8Array(await again.arrayBuffer());
    expect(again.status).to.equal(first.status);
    expect(again.headers.get('content-type')).to.equal(first.headers.get('content-type'));
    expect(again.headers.get('idempotent-replayed')).to.equal('true');
    expect(first.headers.get('idempotent-replayed')).to.equal(null);
    expect(Array.from(againBytes)).to.deep.equal(Array.from(firstBytes));
    expect(firstBytes.length).to.be.greaterThan(100);
    const { count, orders } = await ordersOf(base);
    expect(count).to.equal(1);
    expect(orders[0].id).to.equal(JSON.parse(new TextDecoder().decode(firstBytes)).orderId);
  });

  it('compares keys in one canonical form: the same UUID in upper case replays, one order (issue 13)', async () => {
    const base = await newShop();
    const key = crypto.randomUUID();
    const first = await checkout(base, order(), { key });
    const bytes = await first.text();
    const upper = await checkout(base, order(), { key: key.toUpperCase() });
    expect(upper.headers.get('idempotent-replayed')).to.equal('true');
    expect(await upper.text()).to.equal(bytes);
    expect((await ordersOf(base)).count).to.equal(1);
  });

  it('accepts the key as the draft writes it, a quoted Structured Field string', async () => {
    const base = await newShop();
    const key = crypto.randomUUID();
    const body = JSON.stringify(order());
    const bare = await (await checkout(base, body, { key })).text();
    const quoted = await checkout(base, body, { key: `"${key}"` });
    expect(quoted.headers.get('idempotent-replayed')).to.equal('true');
    expect(await quoted.text()).to.equal(bare);
    expect((await ordersOf(base)).count).to.equal(1);
  });

  it('answers 422 when the same key comes with another body (even the same JSON written differently)', async () => {
    const base = await newShop();
    const key = crypto.randomUUID();
    expect((await checkout(base, order(), { key })).status).to.equal(200);
    await expectError(await checkout(base, order({ konbini: { store: 'ministop' } }), { key }), 422, 'idempotency_key_reused');
    await expectError(await checkout(base, JSON.stringify(order(), null, 2), { key }), 422, 'idempotency_key_reused');
    expect((await ordersOf(base)).count).to.equal(1);
  });

  it('answers 409 with Retry-After to a double click while the first request is still running', async () => {
    const base = await newShop({ pspDelayMs: 1500 });
    const key = crypto.randomUUID();
    const body = JSON.stringify(order());
    const [a, b] = await Promise.all([checkout(base, body, { key }), checkout(base, body, { key })]);
    const [done, busy] = a.status === 200 ? [a, b] : [b, a];
    expect(done.status).to.equal(200);
    await expectError(busy, 409, 'request_in_progress');
    expect(busy.headers.get('retry-after')).to.equal('1');
    const doneText = await done.text();
    // After the first one finished, the retry gets its response.
    const retry = await checkout(base, body, { key });
    expect(retry.status).to.equal(200);
    expect(await retry.text()).to.equal(doneText);
    expect((await ordersOf(base)).count).to.equal(1);
  });

  it('answers 422, not 409, to another body with a key still in flight', async () => {
    const base = await newShop({ pspDelayMs: 1200 });
    const key = crypto.randomUUID();
    const slow = checkout(base, order(), { key });
    // Wait until the first request holds the key (its order exists, still processing).
    await until(async () => (await ordersOf(base)).count > 0);
    expect((await ordersOf(base)).orders[0].status).to.equal('processing');
    await expectError(await checkout(base, order({ konbini: { store: 'seicomart' } }), { key }), 422, 'idempotency_key_reused');
    expect((await slow).status).to.equal(200);
  });

  it('answers 400 without a key, and with a key that is not a UUID; nothing is stored', async () => {
    const base = await newShop();
    await expectError(await checkout(base, order(), { key: null }), 400, 'idempotency_key_missing');
    await expectError(await checkout(base, order(), { key: '' }), 400, 'idempotency_key_missing');
    await expectError(await checkout(base, order(), { key: 'order-1' }), 400, 'idempotency_key_invalid');
    await expectError(await checkout(base, order(), { key: `${crypto.randomUUID()}0` }), 400, 'idempotency_key_invalid');
    expect((await ordersOf(base)).count).to.equal(0);
  });

  it('keeps nothing when the PSP is down (502): the retry with the same key places one order', async () => {
    const base = await newShop({ pspFailures: 1 });
    const key = crypto.randomUUID();
    const body = JSON.stringify(order());
    await expectError(await checkout(base, body, { key }), 502, 'psp_unavailable');
    expect((await ordersOf(base)).count).to.equal(0);
    const retry = await checkout(base, body, { key });
    expect(retry.status).to.equal(200);
    expect(retry.headers.get('idempotent-replayed')).to.equal(null);
    expect((await ordersOf(base)).orders.map((o) => o.status)).to.deep.equal(['pending']);
  });

  it('keeps nothing for a refused request: the same key works once the shopper fixed the field', async () => {
    const base = await newShop();
    const key = crypto.randomUUID();
    await expectError(await checkout(base, withField(order(), 'customer.phone', '0901234'), { key }), 400, 'invalid_field', 'customer.phone');
    const ok = await checkout(base, order(), { key });
    expect(ok.status).to.equal(200);
    expect(ok.headers.get('idempotent-replayed')).to.equal(null);
    expect((await ordersOf(base)).count).to.equal(1);
  });
});

describe('reference backend: the amount comes from the catalogue', () => {
  it('refuses a tampered amount with amount_mismatch and the right price, and stores nothing', async () => {
    const base = await newShop();
    const err = await expectError(await checkout(base, order({ amount: 1 })), 422, 'amount_mismatch', 'amount');
    expect(err.error.message).to.include('3,240円');
    await expectError(await checkout(base, order({ amount: 3241 })), 422, 'amount_mismatch');
    expect((await ordersOf(base)).count).to.equal(0);
  });

  it('stores the catalogue price, not a number the page sent', async () => {
    const base = await newShop();
    const { konbini: _k, ...rest } = order({ reference: 'furoshiki', amount: 1980, method: 'pay-easy' });
    expect((await checkout(base, rest)).status).to.equal(200);
    expect((await ordersOf(base)).orders[0]).to.include({ reference: 'furoshiki', amount: 1980 });
  });

  it('refuses an unknown or missing reference', async () => {
    const base = await newShop();
    await expectError(await checkout(base, order({ reference: 'no-such-item' })), 422, 'unknown_reference', 'reference');
    const { reference: _r, ...noRef } = order();
    await expectError(await checkout(base, noRef), 400, 'reference_required', 'reference');
    expect((await ordersOf(base)).count).to.equal(0);
  });

  it('refuses Konbini above ¥300,000 but lets the card pay it', async () => {
    const base = await newShop();
    await expectError(await checkout(base, order({ reference: 'arita-vase', amount: 330000 })), 422, 'amount_over_method_limit', 'method');
    const card = await checkout(base, cardOrder({ token: 'tok_demo_visa' }, { reference: 'arita-vase', amount: 330000 }));
    expect(card.status).to.equal(200);
    expect((await ordersOf(base)).orders.map((o) => o.amount)).to.deep.equal([330000]);
  });

  it('requires an address for goods that ship, not for a digital gift', async () => {
    const base = await newShop();
    const { address: _a, ...noAddress } = order();
    await expectError(await checkout(base, noAddress), 400, 'invalid_field', 'address');
    const gift = await checkout(base, { ...noAddress, reference: 'e-gift-5000', amount: 5000 });
    expect(gift.status).to.equal(200);
  });
});

describe('reference backend: every field re-validated with kessai/server', () => {
  let base: string;
  before(async () => {
    base = await newShop();
  });
  after(async () => {
    expect((await ordersOf(base)).count).to.equal(0);
  });

  // [path, value (undefined deletes), field, code, the message shown]
  const cases: Array<[string, unknown, string, string, string]> = [
    ['customer.familyName', '', 'customer.familyName', 'required', '姓を入力してください。'],
    ['customer.givenName', '太\u202E郎', 'customer.givenName', 'unsafe', '名に使用できない文字が含まれています。'],
    ['customer.familyNameKana', 'yamada', 'customer.familyNameKana', 'katakana', 'セイはカタカナで入力してください。'],
    ['customer.givenNameKana', undefined, 'customer.givenNameKana', 'required', 'メイを入力してください。'],
    ['customer.email', 'taro@example', 'customer.email', 'format', 'メールアドレスの形式が正しくありません。'],
    ['customer.phone', '090-1234-567', 'customer.phone', 'length', '電話番号の桁数が正しくありません。'],
    ['address.postalCode', '100-000', 'address.postalCode', 'format', '郵便番号は7桁の数字で入力してください。'],
    ['address.prefecture', '大阪府', 'address.prefecture', 'mismatch', '都道府県と都道府県コードが一致しません。'],
    ['address.city', '', 'address.city', 'required', '市区町村を入力してください。'],
    ['address.line1', '町'.repeat(101), 'address.line1', 'tooLong', '町名・番地は100文字以内で入力してください。'],
    ['address.line2', 'ハイツ\u0000', 'address.line2', 'unsafe', '建物名・部屋番号に使用できない文字が含まれています。'],
    ['konbini.store', 'circle-k', 'konbini.store', 'unsupported', 'このコンビニはご利用いただけません。'],
    ['konbini', undefined, 'konbini.store', 'required', 'お支払いに使うコンビニを選択してください。'],
    ['amount', '3240', 'amount', 'type', '金額の内容が正しくありません。'],
    ['currency', 'USD', 'currency', 'unsupported', 'お支払いは日本円（JPY）のみです。'],
    ['method', 'cash-on-delivery', 'method', 'unsupported', 'このお支払い方法はご利用いただけません。'],
  ];
  for (const [path, value, field, code, message] of cases) {
    it(`${path} = ${JSON.stringify(value)?.slice(0, 24) ?? 'missing'} → 400 ${field} ${code}`, async () => {
      const err = await expectError(await checkout(base, withField(order(), path, value)), 400, 'invalid_field', field);
      expect(err.error.message).to.equal(message);
      expect(err.errors).to.deep.equal([{ field, code, message }]);
    });
  }

  it('card.token missing → 400 card.token required', async () => {
    const err = await expectError(await checkout(base, cardOrder(undefined)), 400, 'invalid_field', 'card.token');
    expect(err.error.message).to.equal('カード情報を入力してください。');
  });

  it('lists every refused field, the first one in `error`', async () => {
    let body = withField(order(), 'customer.email', 'x');
    body = withField(body, 'customer.phone', '');
    body = withField(body, 'address.postalCode', 'abc');
    const err = await expectError(await checkout(base, body), 400, 'invalid_field', 'customer.email');
    expect(err.errors!.map((e) => e.field)).to.deep.equal(['customer.email', 'customer.phone', 'address.postalCode']);
  });

  it('refuses a body that is not JSON (400), not JSON-typed (415), too large (413), or a GET (405)', async () => {
    await expectError(await checkout(base, '{"reference":'), 400, 'invalid_json');
    await expectError(await checkout(base, JSON.stringify(order()), { headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
    await expectError(await checkout(base, order({ note: 'あ'.repeat(30_000) })), 413, 'payload_too_large');
    const get = await fetch(`${base}/api/checkout`, { headers: { 'Accept-Language': 'ja' } });
    await expectError(get, 405, 'method_not_allowed');
    expect(get.headers.get('allow')).to.equal('POST');
  });

  it('refuses markup in a name with the form’s own rule (symbols), stores nothing and runs nothing', async () => {
    const shop = await newShop();
    const name = '<img src=x onerror="alert(1)">';
    const body = await expectError(await checkout(shop, withField(order(), 'customer.familyName', name)), 400, 'invalid_field', 'customer.familyName');
    expect(body.errors?.[0].code).to.equal('symbols');
    expect((await ordersOf(shop)).orders).to.have.length(0);
  });
});

describe('reference backend: PSP notifications (webhook)', () => {
  async function placed(base: string): Promise<string> {
    return ((await (await checkout(base, order())).json()) as { orderId: string }).orderId;
  }
  const notify = async (base: string, body: Body) =>
    (await fetch(`${base}/simulate-webhook`, { method: 'POST', body: JSON.stringify(body) })).json() as Promise<{
      status: number;
      body: { outcome: string; orderStatus: string };
    }>;

  it('marks the order paid once; a duplicate notification changes nothing', async () => {
    const base = await newShop();
    const orderId = await placed(base);
    const first = await notify(base, { orderId, eventId: 'evt_1' });
    expect(first.status).to.equal(200);
    expect(first.body).to.include({ outcome: 'applied', orderStatus: 'paid' });
    const paid = (await ordersOf(base)).orders[0];
    expect(paid.status).to.equal('paid');
    expect(paid.paidAt).to.match(/\+09:00$/);

    const dup = await notify(base, { orderId, eventId: 'evt_1' });
    expect(dup.status).to.equal(200);
    expect(dup.body.outcome).to.equal('duplicate');
    // A second event for a payment already recorded is ignored too.
    expect((await notify(base, { orderId, eventId: 'evt_2' })).body.outcome).to.equal('ignored');
    const after = (await ordersOf(base)).orders[0];
    expect(after.status).to.equal('paid');
    expect(after.paidAt).to.equal(paid.paidAt);
  });

  it('refuses a notification without a valid signature (the secret is only on the server)', async () => {
    const base = await newShop();
    const orderId = await placed(base);
    const pspPaymentId = (await ordersOf(base)).orders[0].pspPaymentId;
    const forged = JSON.stringify({ id: 'evt_forged', type: 'payment.succeeded', pspPaymentId, amount: 3240 });
    const unsigned = await fetch(`${base}/api/psp-webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: forged });
    await expectError(unsigned, 401, 'invalid_signature');
    const badSig = await fetch(`${base}/api/psp-webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Kessai-Sandbox-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
      body: forged,
    });
    await expectError(badSig, 401, 'invalid_signature');
    expect((await ordersOf(base)).orders[0]).to.include({ id: orderId, status: 'pending' });
  });

  it('keeps money that arrives after expiry: paid_after_expiry, reported (issue 13)', async () => {
    const base = await newShop();
    const orderId = await placed(base);
    expect((await notify(base, { orderId, type: 'payment.expired' })).body.orderStatus).to.equal('expired');
    const late = await notify(base, { orderId, type: 'payment.succeeded' });
    expect(late.body).to.include({ outcome: 'applied', orderStatus: 'paid_after_expiry' });
    const { events } = (await ordersOf(base)) as unknown as { events: Array<{ type: string; orderId: string }> };
    expect(events.map((e) => e.type)).to.deep.equal(['order.expired', 'order.paid_after_expiry']);
  });

  it('acknowledges a validly signed notification of an unknown type and changes nothing (issue 13)', async () => {
    const base = await newShop();
    const orderId = await placed(base);
    const r = await notify(base, { orderId, type: 'charge.dispute.created' });
    expect(r.status).to.equal(200);
    expect(r.body.outcome).to.equal('unknown_type');
    expect((await ordersOf(base)).orders[0].status).to.equal('pending');
  });

  it('expires an unpaid order at its JST deadline by the sweep, and the status route says so', async () => {
    const base = await newShop({ now: JUST_AFTER_MIDNIGHT_JST });
    const orderId = await placed(base);
    const sweep = async (now: string) => (await fetch(`${base}/sweep`, { method: 'POST', body: JSON.stringify({ now }) })).json();
    expect((await sweep('2026-11-29T14:59:59.500Z')).expired).to.deep.equal([]);
    expect((await sweep('2026-11-29T15:00:00Z')).expired).to.deep.equal([orderId]);
    const status = await (await fetch(`${base}/api/checkout/${orderId}`)).json();
    expect(status).to.include({ orderId, status: 'expired', expiresAt: '2026-11-29T23:59:59+09:00' });
    expect(status).not.to.have.property('customer');
  });

  it('does not mark an order paid when the notified amount differs', async () => {
    const base = await newShop();
    const orderId = await placed(base);
    const r = await notify(base, { orderId, eventId: 'evt_short', amount: 324 });
    expect(r.body.outcome).to.equal('amount_mismatch');
    expect((await ordersOf(base)).orders[0].status).to.equal('pending');
  });
});

describe('reference backend: the shopper’s language', () => {
  it('answers its error messages in English when Accept-Language prefers English, with no Japanese', async () => {
    const base = await newShop();
    const r = await checkout(base, withField(validOrder(), 'customer.familyName', ''), { headers: { 'Accept-Language': 'en-US,en;q=0.9,ja;q=0.5' } });
    const body = (await r.json()) as ErrorBody;
    expect(r.status).to.equal(400);
    expect(body.error.message).to.equal('Enter your family name.');
    for (const e of body.errors ?? []) expect(e.message).not.to.match(/[\u3040-\u30FF\u4E00-\u9FFF]/);
  });
});
