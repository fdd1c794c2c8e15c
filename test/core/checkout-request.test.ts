import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { luhnValid } from '../../src/core/card.js';
import { containsCardNumber, validateCheckoutRequest, type CheckoutFieldError } from '../../src/core/checkout-request.js';
import { KONBINI_STORES } from '../../src/core/contract.js';
import { PREFECTURES } from '../../src/core/prefectures.js';
import { validOrder, type Body } from '../helpers/orders.js';


const base = (): Body => validOrder();

const cardBody = (card: unknown): Body => {
  const b = base();
  delete b.konbini;
  return { ...b, method: 'card', card };
};

/** Sets `path` (a.b.c) in a copy of `body`; `undefined` deletes it. */
function withField(body: Body, path: string, value: unknown): Body {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let o = copy as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  return copy;
}

function errorsOf(body: unknown, options?: { requireAddress?: boolean }): CheckoutFieldError[] {
  const r = validateCheckoutRequest(body, options);
  return r.ok ? [] : r.errors;
}

describe('core/checkout-request: validateCheckoutRequest', () => {
  it('accepts a complete Konbini request and returns only the contract fields', () => {
    const r = validateCheckoutRequest({ ...base(), extra: 'ignored' });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value).to.deep.equal(base());
  });

  it('normalizes what the form would: e-mail half-width, phone digits, postal digits, readings in katakana, names trimmed', () => {
    let b = withField(base(), 'customer.email', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ');
    b = withField(b, 'customer.phone', '+81 90-1234-5678');
    b = withField(b, 'address.postalCode', '〒１００－０００１');
    b = withField(b, 'customer.familyNameKana', 'やまだ');
    b = withField(b, 'customer.givenNameKana', 'ﾀﾛｳ');
    b = withField(b, 'customer.familyName', ' 山田 ');
    const r = validateCheckoutRequest(b);
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.customer).to.deep.equal({
      familyName: '山田',
      givenName: '太郎',
      familyNameKana: 'ヤマダ',
      givenNameKana: 'タロウ',
      email: 'taro@example.jp',
      phone: '09012345678',
    });
    expect(r.value.address?.postalCode).to.equal('1000001');
  });

  it('accepts a request without address unless the order ships goods', () => {
    expect(errorsOf(withField(base(), 'address', undefined))).to.deep.equal([]);
    expect(errorsOf(withField(base(), 'address', undefined), { requireAddress: true })).to.deep.equal([{ field: 'address', code: 'required' }]);
  });

  it('accepts a card request carrying only a token, brand and last4', () => {
    const r = validateCheckoutRequest(cardBody({ token: 'tok_demo_visa', brand: 'visa', last4: '4242' }));
    expect(r.ok).to.equal(true);
    if (r.ok) expect(r.value.card).to.deep.equal({ token: 'tok_demo_visa', brand: 'visa', last4: '4242' });
  });

  it('treats an empty reference as none', () => {
    const r = validateCheckoutRequest(withField(base(), 'reference', ''));
    expect(r.ok).to.equal(true);
    if (r.ok) expect(r.value).not.to.have.property('reference');
  });

  // [what is changed, value (undefined deletes), expected field, expected code]
  const cases: Array<[string, unknown, string, string]> = [
    ['reference', 42, 'reference', 'type'],
    ['reference', 'r'.repeat(101), 'reference', 'tooLong'],
    ['reference', 'cart\u202E1', 'reference', 'unsafe'],
    ['amount', undefined, 'amount', 'required'],
    ['amount', '3240', 'amount', 'type'],
    ['amount', 3240.5, 'amount', 'integer'],
    ['amount', 0, 'amount', 'range'],
    ['amount', -3240, 'amount', 'range'],
    ['amount', 100_000_000, 'amount', 'range'],
    ['currency', undefined, 'currency', 'required'],
    ['currency', 'USD', 'currency', 'unsupported'],
    ['currency', 392, 'currency', 'type'],
    ['method', undefined, 'method', 'required'],
    ['method', 'cash-on-delivery', 'method', 'unsupported'],
    ['method', ['konbini'], 'method', 'type'],
    ['customer', undefined, 'customer', 'required'],
    ['customer', 'taro', 'customer', 'type'],
    ['customer.familyName', undefined, 'customer.familyName', 'required'],
    ['customer.familyName', '   ', 'customer.familyName', 'required'],
    ['customer.familyName', 7, 'customer.familyName', 'type'],
    ['customer.familyName', '山'.repeat(51), 'customer.familyName', 'tooLong'],
    ['customer.familyName', '山\u202E田', 'customer.familyName', 'unsafe'],
    ['customer.givenName', '太\u0000郎', 'customer.givenName', 'unsafe'],
    ['customer.givenName', '', 'customer.givenName', 'required'],
    ['customer.familyNameKana', 'yamada', 'customer.familyNameKana', 'katakana'],
    ['customer.familyNameKana', '山田', 'customer.familyNameKana', 'katakana'],
    ['customer.givenNameKana', '', 'customer.givenNameKana', 'required'],
    ['customer.email', '', 'customer.email', 'required'],
    ['customer.email', 'taro@', 'customer.email', 'format'],
    ['customer.email', 'taro@example', 'customer.email', 'format'],
    ['customer.phone', '', 'customer.phone', 'required'],
    ['customer.phone', '090-1234-567', 'customer.phone', 'length'],
    ['customer.phone', 'ABC', 'customer.phone', 'format'],
    ['address', 'Tokyo', 'address', 'type'],
    ['address.postalCode', '100-000', 'address.postalCode', 'format'],
    ['address.postalCode', undefined, 'address.postalCode', 'required'],
    ['address.prefecture', '東京', 'address.prefecture', 'unsupported'],
    ['address.prefecture', '大阪府', 'address.prefecture', 'mismatch'],
    ['address.prefectureCode', '48', 'address.prefectureCode', 'format'],
    ['address.prefectureCode', undefined, 'address.prefectureCode', 'required'],
    ['address.city', '', 'address.city', 'required'],
    ['address.line1', undefined, 'address.line1', 'required'],
    ['address.line1', '町'.repeat(101), 'address.line1', 'tooLong'],
    ['address.line2', 12, 'address.line2', 'type'],
    ['address.line2', 'ハイツ\u2066101', 'address.line2', 'unsafe'],
    ['konbini', undefined, 'konbini.store', 'required'],
    ['konbini', 'lawson', 'konbini', 'type'],
    ['konbini.store', undefined, 'konbini.store', 'required'],
    ['konbini.store', 'circle-k', 'konbini.store', 'unsupported'],
    ['card', { token: 'tok_demo_visa' }, 'card', 'unexpected'],
  ];
  for (const [path, value, field, code] of cases) {
    it(`${path} = ${JSON.stringify(value)?.slice(0, 40) ?? 'missing'} → ${field} ${code}`, () => {
      expect(errorsOf(withField(base(), path, value))).to.deep.equal([{ field, code }]);
    });
  }

  const cardCases: Array<[unknown, string, string]> = [
    [undefined, 'card.token', 'required'],
    [{}, 'card.token', 'required'],
    [{ token: '' }, 'card.token', 'required'],
    [{ token: 'tok demo' }, 'card.token', 'format'],
    [{ token: 'tok_demo_visa', last4: '42' }, 'card.last4', 'format'],
    [{ token: 'tok_demo_visa', brand: '<b>' }, 'card.brand', 'format'],
    [{ token: 'tok_demo_visa', nickname: 'main' }, 'card.nickname', 'unexpected'],
    ['tok_demo_visa', 'card', 'type'],
  ];
  for (const [card, field, code] of cardCases) {
    it(`card = ${JSON.stringify(card) ?? 'missing'} → ${field} ${code}`, () => {
      expect(errorsOf(cardBody(card))).to.deep.equal([{ field, code }]);
    });
  }

  it('refuses a Konbini block on a card payment', () => {
    expect(errorsOf({ ...cardBody({ token: 'tok_demo_visa' }), konbini: { store: 'lawson' } })).to.deep.equal([{ field: 'konbini', code: 'unexpected' }]);
  });

  describe('raw card data (非保持化)', () => {
    const refused: Array<[string, Body, string]> = [
      ['card.number', cardBody({ token: 'tok_demo_visa', number: '4242424242424242' }), 'card.number'],
      ['card.cvc', cardBody({ token: 'tok_demo_visa', cvc: '123' }), 'card.cvc'],
      ['card.exp_month', cardBody({ token: 'tok_demo_visa', exp_month: 12 }), 'card.exp_month'],
      ['card.securityCode', cardBody({ token: 'tok_demo_visa', securityCode: '123' }), 'card.securityCode'],
      ['card with only a number', cardBody({ number: '4111 1111 1111 1111', expiry: '12/30' }), 'card.number'],
      ['top-level cardNumber', { ...base(), cardNumber: '4242424242424242' }, 'cardNumber'],
      ['a PAN as the token', cardBody({ token: '4242424242424242' }), 'card.token'],
      ['a PAN in a name', withField(base(), 'customer.familyName', '4242 4242 4242 4242'), 'customer.familyName'],
      ['a PAN in full-width digits in line2', withField(base(), 'address.line2', '４１１１－１１１１－１１１１－１１１１'), 'address.line2'],
      ['cvv on a Konbini request', { ...base(), payment: { cvv: '123' } }, 'payment.cvv'],
    ];
    for (const [name, body, field] of refused) {
      it(`refuses ${name}`, () => {
        const errors = errorsOf(body);
        expect(errors[0]).to.deep.equal({ field, code: 'raw_card_data' });
      });
    }

    it('accepts a token whose digits pass Luhn by chance (a timestamp), and still refuses a card number inside a token', () => {
      // 1764678912346 is a Luhn-valid 13-digit millisecond timestamp; no card brand starts with 17.
      expect(luhnValid('1764678912346')).to.equal(true);
      expect(errorsOf(cardBody({ token: 'tok_demo_3ds_1764678912346' }))).to.deep.equal([]);
      for (const token of ['tok_4242424242424242', 'tok_4242-4242-4242-4242', JSON.stringify({ number: '3530111333300000', cvc_len: 3 })]) {
        expect(errorsOf(cardBody({ token }))[0], token).to.deep.equal({ field: 'card.token', code: 'raw_card_data' });
      }
    });

    it('does not mistake phone numbers, postal codes or a numeric reference for a card number', () => {
      let b = withField(base(), 'reference', '4242424242424242');
      b = withField(b, 'address.line2', 'コーポ1234号 0312345678');
      expect(errorsOf(b)).to.deep.equal([]);
    });

    it('lists raw card data first, each field once', () => {
      const errors = errorsOf({ ...cardBody({ token: '', cvc: '1' }), amount: 'x' });
      expect(errors.map((e) => `${e.field}:${e.code}`)).to.deep.equal(['card.cvc:raw_card_data', 'amount:type', 'card.token:required']);
    });
  });

  it('refuses anything that is not a JSON object', () => {
    for (const body of [null, undefined, [], 'x', 42, true]) {
      expect(errorsOf(body)).to.deep.equal([{ field: 'body', code: 'type' }]);
    }
  });

  it('reports every refused field once, in contract order', () => {
    const errors = errorsOf({ amount: 1, currency: 'JPY', method: 'konbini', customer: {}, konbini: {} });
    expect(errors.map((e) => e.field)).to.deep.equal([
      'customer.familyName',
      'customer.givenName',
      'customer.familyNameKana',
      'customer.givenNameKana',
      'customer.email',
      'customer.phone',
      'konbini.store',
    ]);
  });
});

describe('core/checkout-request: properties', () => {
  const katakana = fc.array(fc.constantFrom(...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴパピプペポー'), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
  const kanji = fc.array(fc.constantFrom(...'山田太郎花子佐藤鈴木高橋渡辺伊藤中村小林加藤吉田髙﨑'), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
  const mobile = fc.tuple(fc.constantFrom('070', '080', '090'), fc.stringMatching(/^\d{8}$/)).map(([p, d]) => p + d);
  const landline = fc.tuple(fc.constantFrom('03', '06', '011', '0120'), fc.stringMatching(/^[2-9]\d{7}$/)).map(([p, d]) => (p + d).slice(0, 10));
  const valid = fc.record({
    method: fc.constantFrom('konbini', 'pay-easy', 'bank-transfer', 'card'),
    store: fc.constantFrom(...KONBINI_STORES),
    pref: fc.constantFrom(...PREFECTURES),
    familyName: kanji,
    givenName: kanji,
    familyNameKana: katakana,
    givenNameKana: katakana,
    local: fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/),
    phone: fc.oneof(mobile, landline),
    postal: fc.stringMatching(/^\d{7}$/),
    amount: fc.integer({ min: 1, max: 99_999_999 }),
    withAddress: fc.boolean(),
  });
  type Valid = typeof valid extends fc.Arbitrary<infer T> ? T : never;
  const toBody = (v: Valid): Body => {
    const body: Body = {
      reference: 'cart-1',
      amount: v.amount,
      currency: 'JPY',
      method: v.method,
      customer: {
        familyName: v.familyName,
        givenName: v.givenName,
        familyNameKana: v.familyNameKana,
        givenNameKana: v.givenNameKana,
        email: `${v.local}@example.co.jp`,
        phone: v.phone,
      },
    };
    if (v.withAddress) {
      body.address = { postalCode: v.postal, prefecture: v.pref.name, prefectureCode: v.pref.code, city: '市', line1: '1-2-3', line2: '' };
    }
    if (v.method === 'konbini') body.konbini = { store: v.store };
    if (v.method === 'card') body.card = { token: 'tok_demo_visa', brand: 'visa', last4: '4242' };
    return body;
  };

  it('accepts every well-formed request, and its value validates to itself (property)', () => {
    fc.assert(
      fc.property(valid, (v) => {
        const r = validateCheckoutRequest(toBody(v));
        expect(r.ok, JSON.stringify(!r.ok && r.errors)).to.equal(true);
        if (!r.ok) return;
        const again = validateCheckoutRequest(JSON.parse(JSON.stringify(r.value)));
        expect(again).to.deep.equal(r);
      }),
    );
  });

  it('never throws on arbitrary JSON and accepts nothing that lacks the required fields (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (j) => {
        const r = validateCheckoutRequest(j);
        expect(r.ok).to.equal(false);
      }),
    );
  });

  it('refuses a Luhn-valid card number put in any string field (property)', () => {
    const pan = fc.stringMatching(/^4\d{14}$/).map((d) => {
      for (let c = 0; c <= 9; c++) if (luhnValid(d + c)) return d + c;
      return d;
    });
    const fields = ['customer.familyName', 'customer.givenName', 'customer.email', 'address.city', 'address.line1', 'address.line2'];
    fc.assert(
      fc.property(valid, pan, fc.constantFrom(...fields), fc.constantFrom('', ' ', '-'), (v, p, field, sep) => {
        const b = toBody({ ...v, withAddress: true, method: 'konbini' });
        const spaced = p.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
        const r = validateCheckoutRequest(withField(b, field, `注文 ${spaced}`));
        expect(r.ok).to.equal(false);
        if (!r.ok) expect(r.errors[0]).to.deep.equal({ field, code: 'raw_card_data' });
      }),
    );
  });

  it('keeps hostile text out of the value: controls and bidi overrides are refused (property)', () => {
    const bad = fc.constantFrom('\u0000', '\u202E', '\u2066', '\u200B', '\u0007', '\n');
    fc.assert(
      fc.property(valid, bad, fc.constantFrom('customer.familyName', 'customer.givenName', 'address.city', 'address.line1'), (v, ch, field) => {
        const b = toBody({ ...v, withAddress: true });
        const r = validateCheckoutRequest(withField(b, field, `山${ch}田`));
        expect(r.ok).to.equal(false);
        if (!r.ok) expect(r.errors).to.deep.include({ field, code: 'unsafe' });
      }),
    );
  });
});

describe('core/checkout-request: raw card data anywhere (issue 13)', () => {
  const base = () => ({
    reference: 'matcha-set', amount: 3240, currency: 'JPY', method: 'konbini', konbini: { store: 'lawson' },
    customer: { familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ', email: 'taro@example.jp', phone: '09012345678' },
  });
  const refused = (body: unknown, field: string) => {
    const r = validateCheckoutRequest(body);
    expect(r.ok, JSON.stringify(body).slice(0, 80)).to.equal(false);
    if (!r.ok) expect(r.errors).to.deep.include({ field, code: 'raw_card_data' });
  };
  it('refuses a card number with separators in an address line', () => {
    const body = { ...base(), address: { postalCode: '1000001', prefecture: '東京都', prefectureCode: '13', city: '千代田区', line1: '4242.4242.4242.4242', line2: '' } };
    refused(body, 'address.line1');
  });
  it('refuses a card number sent as a JSON number, anywhere', () => {
    refused({ ...base(), note: 4242424242424242 }, 'note');
    refused({ ...base(), extra: [{ x: 3530111333300000 }] }, 'extra[0].x');
    refused(JSON.parse(`{"a":{"b":4242424242424242424}}`), 'a.b'); // 19 digits: beyond a double's precision
  });
  it('refuses a card number at any depth (deeper than any fixed limit)', () => {
    let deep: unknown = '3530 1113 3330 0000';
    for (let i = 0; i < 200; i++) deep = { n: deep };
    const r = validateCheckoutRequest({ ...base(), deep });
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.errors[0].code).to.equal('raw_card_data');
  });
  it('refuses a card number used as an object key', () => {
    refused({ ...base(), meta: { '4242-4242-4242-4242': true } }, 'meta.4242-4242-4242-4242');
  });
  it('accepts ordinary numbers (amount, phone, postal code)', () => {
    expect(validateCheckoutRequest({ ...base(), meta: { count: 3, big: 99_999_999 } }).ok).to.equal(true);
  });
});

describe('core/checkout-request: card number detection', () => {
  const cases: Array<[string, boolean]> = [
    ['4242424242424242', true],
    ['4242 4242 4242 4242', true],
    ['4111-1111-1111-1111', true],
    ['５５５５５５５５５５５５４４４４', true],
    ['378282246310005', true], // Amex, 15 digits
    ['tok_4242424242424242', true],
    ['4242424242424241', false], // Luhn fails
    ['09012345678', false],
    ['1000001', false],
    ['', false],
    // Every separator a person or an IME types (issue 13: these were accepted and stored).
    ['4242.4242.4242.4242', true],
    ['3530/1113/3330/0000', true],
    ['4242_4242_4242_4242', true],
    ['4242\u00A04242\u00A04242\u00A04242', true], // NBSP
    ['4242\u20134242\u20134242\u20134242', true], // en dash
    ['４２４２ー４２４２ー４２４２ー４２４２', true], // full-width digits, long-vowel mark
    ['４２４２－４２４２－４２４２－４２４２', true],
    ['4242\u3000・4242・4242・4242', true],
    ['4242 - 4242 - 4242 - 4242', true],
    ['カード4242,4242,4242,4242です', true],
    ['xx4242424242424242xx', true],
    ['4242a4242b4242c4242', false], // letters end a run
    ['4242    4242    4242    4242', false], // four separators in a row end a run
    ['〒100-0001 東京都千代田区1-2-3', false],
    ['2026.11.25 14:30', false],
  ];
  for (const [s, expected] of cases) {
    it(`${JSON.stringify(s)} → ${expected}`, () => expect(containsCardNumber(s)).to.equal(expected));
  }

  it('finds exactly what a brute-force scan finds (property)', () => {
    const luhn = (d: string) =>
      d.split('').reverse().map(Number).reduce((sum, n, i) => sum + (i % 2 ? (n * 2 > 9 ? n * 2 - 9 : n * 2) : n), 0) % 10 === 0;
    // Runs of digits joined by at most three separators; letters end a run.
    const reference = (s: string) => {
      const runs: string[] = [];
      let cur = '';
      let seps = 0;
      for (const ch of s) {
        if (/[0-9]/.test(ch)) (cur += ch), (seps = 0);
        else if (/[a-z]/i.test(ch)) cur && runs.push(cur), (cur = '');
        else if (cur && ++seps > 3) runs.push(cur), (cur = '');
      }
      if (cur) runs.push(cur);
      return runs.some((run) => {
        if (run.length >= 13 && run.length <= 19) return luhn(run);
        if (run.length < 13) return false;
        for (let len = 13; len <= 19; len++) for (let i = 0; i + len <= run.length; i++) if (luhn(run.slice(i, i + len))) return true;
        return false;
      });
    };
    const char = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 1, arbitrary: fc.constantFrom(' ', '.', '-', '/', 'a') });
    fc.assert(
      fc.property(fc.array(char, { maxLength: 45 }).map((a) => a.join('')), (s) => {
        expect(containsCardNumber(s), JSON.stringify(s)).to.equal(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('scans in linear time: 60 KB of digits costs a small constant times 60 KB of letters, and twice the digits twice the work', () => {
    // Work is counted (characters read + Luhn windows checked), not timed: the machine may be busy.
    // "1" repeated never contains a Luhn-valid window, so the whole string is scanned.
    const work = (s: string) => {
      const w = { units: 0 };
      expect(containsCardNumber(s, w)).to.equal(false);
      return w.units;
    };
    const letters = work('a'.repeat(60_000));
    const digits = work('1'.repeat(60_000));
    const digits2 = work('1'.repeat(120_000));
    const separated = work('1.'.repeat(30_000));
    expect(letters).to.equal(60_000);
    expect(digits / letters, 'digits vs letters').to.be.at.most(10);
    expect(separated / letters, 'digits with separators vs letters').to.be.at.most(10);
    expect(digits2 / digits, 'doubling the input').to.be.within(1.9, 2.1);
  });

  it('luhnValid matches the reference algorithm (property)', () => {
    const reference = (d: string) =>
      d
        .split('')
        .reverse()
        .map(Number)
        .reduce((sum, n, i) => sum + (i % 2 ? (n * 2 > 9 ? n * 2 - 9 : n * 2) : n), 0) %
        10 ===
      0;
    fc.assert(fc.property(fc.stringMatching(/^\d{1,19}$/), (d) => {
      expect(luhnValid(d)).to.equal(reference(d));
    }));
  });
});
