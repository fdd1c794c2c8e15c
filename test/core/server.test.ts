import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  bodyFingerprint,
  CHECKOUT_ERROR_MESSAGES,
  checkoutErrorBody,
  checkoutFieldMessage,
  parseIdempotencyKey,
  validateCheckoutRequest,
} from '../../src/server.js';

describe('kessai/server: parseIdempotencyKey', () => {
  const uuid = '8e03978e-40d5-43e8-bc93-6894a57f9324';
  const cases: Array<[string | null | undefined, ReturnType<typeof parseIdempotencyKey>]> = [
    [uuid, { ok: true, key: uuid }],
    [`"${uuid}"`, { ok: true, key: uuid }], // the draft's Structured Field String
    [` ${uuid} `, { ok: true, key: uuid }],
    // One canonical form: UUIDs are case-insensitive, so upper case is the same key (issue 13).
    [uuid.toUpperCase(), { ok: true, key: uuid }],
    [`"${uuid.toUpperCase()}"`, { ok: true, key: uuid }],
    [null, { ok: false, code: 'idempotency_key_missing' }],
    [undefined, { ok: false, code: 'idempotency_key_missing' }],
    ['', { ok: false, code: 'idempotency_key_missing' }],
    ['   ', { ok: false, code: 'idempotency_key_missing' }],
    ['abc', { ok: false, code: 'idempotency_key_invalid' }],
    [`"${uuid}`, { ok: false, code: 'idempotency_key_invalid' }],
    [`${uuid}x`, { ok: false, code: 'idempotency_key_invalid' }],
    ['8e03978e40d543e8bc936894a57f9324', { ok: false, code: 'idempotency_key_invalid' }],
    [`"${uuid}";a=1`, { ok: false, code: 'idempotency_key_invalid' }],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected.ok ? 'key' : expected.code}`, () => {
      expect(parseIdempotencyKey(header)).to.deep.equal(expected);
    });
  }

  it('accepts every UUID the browser makes, bare or quoted (property)', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.boolean(), (u, quoted) => {
        expect(parseIdempotencyKey(quoted ? `"${u}"` : u)).to.deep.equal({ ok: true, key: u });
      }),
    );
    expect(parseIdempotencyKey(crypto.randomUUID()).ok).to.equal(true);
  });
});

describe('kessai/server: bodyFingerprint', () => {
  it('is the SHA-256 of the bytes, in lower-case hex', async () => {
    expect(await bodyFingerprint('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await bodyFingerprint(new TextEncoder().encode('abc'))).to.equal(await bodyFingerprint('abc'));
    expect(await bodyFingerprint(new Uint8Array(0))).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('differs for the same JSON written differently (the whole body counts)', async () => {
    expect(await bodyFingerprint('{"a":1,"b":2}')).not.to.equal(await bodyFingerprint('{"b":2,"a":1}'));
    expect(await bodyFingerprint('{"a":1}')).not.to.equal(await bodyFingerprint('{"a": 1}'));
  });
});

describe('kessai/server: Japanese error messages', () => {
  const table: Array<[string, string, string]> = [
    ['customer.familyName', 'required', '姓を入力してください。'],
    ['customer.givenNameKana', 'katakana', 'メイはカタカナで入力してください。'],
    ['customer.email', 'format', 'メールアドレスの形式が正しくありません。'],
    ['customer.phone', 'length', '電話番号の桁数が正しくありません。'],
    ['address.postalCode', 'format', '郵便番号は7桁の数字で入力してください。'],
    ['address.prefecture', 'required', '都道府県を選択してください。'],
    ['address.line1', 'tooLong', '町名・番地は100文字以内で入力してください。'],
    ['address.line2', 'unsafe', '建物名・部屋番号に使用できない文字が含まれています。'],
    ['konbini.store', 'required', 'お支払いに使うコンビニを選択してください。'],
    ['card.token', 'required', 'カード情報を入力してください。'],
  ];
  for (const [field, code, message] of table) {
    it(`${field} ${code} → ${message}`, () => expect(checkoutFieldMessage(field, code)).to.equal(message));
  }

  it('gives a Japanese sentence for every error validateCheckoutRequest can report (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.constantFrom('customer', 'address', 'konbini', 'card', 'amount', 'method'), fc.jsonValue()), (j, d) => {
        const r = validateCheckoutRequest(typeof j === 'object' && j && !Array.isArray(j) ? { ...j, ...d } : d);
        if (r.ok) return;
        for (const e of r.errors) {
          const m = checkoutFieldMessage(e.field, e.code);
          expect(m).to.match(/[\u3040-\u30FF\u4E00-\u9FFF]/);
          expect(m).to.match(/。$/);
          expect(m).not.to.include('undefined');
        }
      }),
    );
  });

  it('builds the contract error body: the first field in `error`, all of them in `errors`', () => {
    const body = checkoutErrorBody('invalid_field', {
      fields: [
        { field: 'customer.phone', code: 'length' },
        { field: 'address.postalCode', code: 'format' },
      ],
    });
    expect(body).to.deep.equal({
      error: { code: 'invalid_field', message: '電話番号の桁数が正しくありません。', field: 'customer.phone' },
      errors: [
        { field: 'customer.phone', code: 'length', message: '電話番号の桁数が正しくありません。' },
        { field: 'address.postalCode', code: 'format', message: '郵便番号は7桁の数字で入力してください。' },
      ],
    });
    expect(checkoutErrorBody('idempotency_key_missing')).to.deep.equal({
      error: { code: 'idempotency_key_missing', message: CHECKOUT_ERROR_MESSAGES.idempotency_key_missing },
    });
    expect(checkoutErrorBody('no_such_code').error.message).to.equal(CHECKOUT_ERROR_MESSAGES.internal_error);
  });
});
