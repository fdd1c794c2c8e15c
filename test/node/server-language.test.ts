/**
 * The server answers in the request's language: every message a shopper can
 * see (`error.message`, each `errors[].message`) is Japanese by default and
 * English when `Accept-Language` prefers English.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CHECKOUT_ERROR_MESSAGES,
  CHECKOUT_ERROR_MESSAGES_EN,
  checkoutFieldMessage,
  createCheckoutHandler,
  createMemoryStore,
  localeFromAcceptLanguage,
} from 'kessai/server';
import { FIELD_SCHEMA } from 'kessai/core';
import { SandboxPsp } from '../../demo/server/sandbox-psp.js';
import { createDemoCatalog } from '../../demo/server/catalog.js';
import { orderBody } from './helpers/orders.js';

const JAPANESE = /[\u3040-\u30FF\u3400-\u9FFF\uFF00-\uFFEF]/;

function handler() {
  return createCheckoutHandler({ store: createMemoryStore(), psp: new SandboxPsp({ webhookSecret: 's', delayMs: 0 }), catalog: createDemoCatalog(), logger: false });
}

type ErrorBody = { error: { code: string; message: string; field?: string }; errors?: Array<{ field: string; code: string; message: string }> };

async function ask(language: string | null, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: ErrorBody }> {
  const h: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers };
  if (language !== null) h['Accept-Language'] = language;
  const res = await handler()(new Request('http://shop.test/api/checkout', { method: 'POST', headers: h, body: typeof body === 'string' ? body : JSON.stringify(body) }));
  return { status: res.status, json: (await res.json()) as ErrorBody };
}

const invalid = orderBody({ customer: { familyName: '', givenName: '太郎', familyNameKana: 'yamada', givenNameKana: 'タロウ', email: 'taro@', phone: '090-1234-567' } });

describe('the server answers in the request’s language', () => {
  it('reads Accept-Language: the preferred of ja and en by quality, Japanese otherwise', () => {
    const cases: Array<[string | null, 'ja' | 'en']> = [
      [null, 'ja'],
      ['', 'ja'],
      ['en', 'en'],
      ['en-US,en;q=0.9', 'en'],
      ['ja,en;q=0.8', 'ja'],
      ['en-GB;q=0.5,ja;q=0.9', 'ja'],
      ['fr-FR,en;q=0.3', 'en'],
      ['fr, de', 'ja'],
      ['*', 'ja'],
      ['en;q=0', 'ja'],
      ['EN-us', 'en'],
      ['en;q=garbage', 'ja'],
    ];
    for (const [header, want] of cases) assert.equal(localeFromAcceptLanguage(header), want, String(header));
  });

  it('refuses invalid fields in Japanese by default, each message in Japanese', async () => {
    const { status, json } = await ask(null, invalid);
    assert.equal(status, 400);
    assert.equal(json.error.code, 'invalid_field');
    assert.equal(json.error.message, '姓を入力してください。');
    assert.ok(json.errors!.length >= 4);
    for (const e of json.errors!) assert.match(e.message, JAPANESE, `${e.field}: ${e.message}`);
  });

  it('refuses invalid fields in English when the page is English, with no Japanese in any message', async () => {
    const { status, json } = await ask('en-US,en;q=0.9', invalid);
    assert.equal(status, 400);
    assert.equal(json.error.message, 'Enter your family name.');
    assert.deepEqual(
      json.errors!.map((e) => [e.field, e.message]),
      [
        ['customer.familyName', 'Enter your family name.'],
        ['customer.familyNameKana', 'Enter the reading of your family name in katakana.'],
        ['customer.email', 'Enter the email address in the form name@example.jp.'],
        ['customer.phone', 'The phone number has the wrong number of digits.'],
      ],
    );
  });

  it('states the limit of the field schema in both languages', async () => {
    const long = orderBody({ customer: { ...(orderBody().customer as object), givenName: '山'.repeat(FIELD_SCHEMA['customer.givenName'].maxLength + 1) } });
    assert.equal((await ask('ja', long)).json.error.message, `名は${FIELD_SCHEMA['customer.givenName'].maxLength}文字以内で入力してください。`);
    assert.equal((await ask('en', long)).json.error.message, `Enter your given name in ${FIELD_SCHEMA['customer.givenName'].maxLength} characters or fewer.`);
  });

  it('answers the amount check with the right amount in the shopper’s language', async () => {
    const wrong = orderBody({ amount: 1 });
    assert.equal((await ask('ja', wrong)).json.error.message, 'お支払い金額が変わりました。正しい金額は3,240円です。ページを再読み込みして金額をご確認ください。');
    const en = await ask('en', wrong);
    assert.equal(en.status, 422);
    assert.equal(en.json.error.message, 'The amount to pay has changed: it is ¥3,240. Reload the page and check the amount.');
  });

  it('writes request-level errors in the shopper’s language too (bad JSON, missing key, raw card data)', async () => {
    assert.equal((await ask('en', '{')).json.error.message, CHECKOUT_ERROR_MESSAGES_EN.invalid_json);
    assert.equal((await ask('ja', '{')).json.error.message, CHECKOUT_ERROR_MESSAGES.invalid_json);
    assert.equal((await ask('en', orderBody(), { 'Idempotency-Key': '' })).json.error.message, CHECKOUT_ERROR_MESSAGES_EN.idempotency_key_missing);
    const card = await ask('en', orderBody({ method: 'card', konbini: undefined, card: { token: 'tok', number: '4242424242424242' } }));
    assert.equal(card.json.error.code, 'raw_card_data');
    assert.doesNotMatch(card.json.error.message, JAPANESE);
  });

  it('has an English message for every Japanese one, and no Japanese in any English field message', () => {
    assert.deepEqual(Object.keys(CHECKOUT_ERROR_MESSAGES_EN).sort(), Object.keys(CHECKOUT_ERROR_MESSAGES).sort());
    for (const m of Object.values(CHECKOUT_ERROR_MESSAGES_EN)) assert.doesNotMatch(m, JAPANESE, m);
    const codes = ['required', 'type', 'tooLong', 'unsafe', 'format', 'length', 'katakana', 'symbols', 'unsupported', 'integer', 'range', 'mismatch', 'unexpected', 'raw_card_data'];
    const fields = [...Object.keys(FIELD_SCHEMA), 'body', 'amount', 'currency', 'method', 'customer', 'address', 'konbini', 'card'];
    for (const f of fields)
      for (const c of codes) {
        const m = checkoutFieldMessage(f, c, 'en');
        assert.doesNotMatch(m, JAPANESE, `${f}:${c}: ${m}`);
        assert.match(m, /^[A-Z].*\.$/, `${f}:${c}: ${m}`);
      }
  });
});
