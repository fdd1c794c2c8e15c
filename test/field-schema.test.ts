/**
 * The form and the server agree, case by case: each input is typed into (or
 * picked in) its element and posted to `validateCheckoutRequest`; both must
 * refuse it with the same code, or accept it as the same normalized value, and
 * the element must show the message the schema names for that code.
 */
import { expect, fixture } from '@open-wc/testing';
import '../src/define/address-fields.js';
import '../src/define/contact-fields.js';
import '../src/define/konbini-picker.js';
import '../src/define/name-fields.js';
import { validateCheckoutRequest } from '../src/core/checkout-request.js';
import { checkField, FIELD_LIMITS, FIELD_SCHEMA, type CheckoutFieldPath } from '../src/core/field-schema.js';
import { findPrefecture } from '../src/core/prefectures.js';
import type { FormFieldsElement } from '../src/components/shared/form-fields.js';
import { blur, errorOf, typeInto } from './helpers/dom.js';
import { validOrder } from './helpers/orders.js';

/** [what, input, expected: an error code, or the normalized value as `{ value }`]. */
type Case = [string, string, string | { value: string }];

const ok = (value: string) => ({ value });
const rep = (s: string, n: number) => s.repeat(n);
const NUL = '\u0000';
const RLO = '\u202E';
const ZWSP = '\u200B';

/** Cases every required text field shares: emptiness, control and bidi characters, endless input. */
const common = (valid: string, filler = valid): Case[] => [
  ['empty', '', 'required'],
  ['spaces only (half- and full-width)', ' \u3000 ', 'required'],
  ['NUL inside', valid.slice(0, 1) + NUL + valid.slice(1), 'unsafe'],
  ['RLO (bidi override) inside', valid + RLO, 'unsafe'],
  ['zero-width space', ZWSP + valid, 'unsafe'],
  ['BOM alone', '\uFEFF', 'unsafe'],
  ['10,000 characters', rep(filler, Math.ceil(10_000 / filler.length)).slice(0, 10_000), 'tooLong'],
];

const nameCases = (): Case[] => [
  ...common('山田'),
  ['kanji', '山田', ok('山田')],
  ['outer spaces trimmed', ' 山田\u3000', ok('山田')],
  ['ideographic variants kept exactly', '髙﨑', ok('髙﨑')],
  ['half-width kana made full-width', 'ﾔﾏﾀﾞ', ok('ヤマダ')],
  ['Latin with apostrophe, hyphen, period', "O'Brien-Smith Jr.", ok("O'Brien-Smith Jr.")],
  [`${FIELD_LIMITS.name} characters`, rep('山', FIELD_LIMITS.name), ok(rep('山', FIELD_LIMITS.name))],
  [`${FIELD_LIMITS.name + 1} characters`, rep('山', FIELD_LIMITS.name + 1), 'tooLong'],
  [`${FIELD_LIMITS.name} astral characters count as ${FIELD_LIMITS.name}`, rep('𠮷', FIELD_LIMITS.name), ok(rep('𠮷', FIELD_LIMITS.name))],
  ['markup', '<img src=x>', 'symbols'],
  ['full-width symbol', '山田＜', 'symbols'],
  ['template braces', '{{name}}', 'symbols'],
];

const kanaCases = (): Case[] => [
  ...common('ヤマダ'),
  ['katakana', 'ヤマダ', ok('ヤマダ')],
  ['hiragana becomes katakana', 'やまだ', ok('ヤマダ')],
  ['half-width kana becomes full-width', 'ﾀﾛｳ', ok('タロウ')],
  ['ー ・ and inner spaces', 'ジョン・スミス　ヤマダ', ok('ジョン・スミス　ヤマダ')],
  ['small and rare kana', 'ヴァヵヶㇰ', ok('ヴァヵヶㇰ')],
  [`${FIELD_LIMITS.kana} characters`, rep('ア', FIELD_LIMITS.kana), ok(rep('ア', FIELD_LIMITS.kana))],
  [`${FIELD_LIMITS.kana + 1} characters`, rep('ア', FIELD_LIMITS.kana + 1), 'tooLong'],
  ['kanji', '山田', 'katakana'],
  ['Latin', 'Yamada', 'katakana'],
  ['digits', 'ヤマダ1', 'katakana'],
];

const local = (n: number) => rep('a', n);
const emailCases = (): Case[] => [
  ...common('taro@example.jp'),
  ['plain', 'taro@example.jp', ok('taro@example.jp')],
  ['full-width made half-width', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', ok('taro@example.jp')],
  ['no dot in the domain', 'taro@example', 'format'],
  ['two @', 'taro@@example.jp', 'format'],
  [`${FIELD_LIMITS.email} characters`, `${local(64)}@${rep('b', 63)}.${rep('c', 63)}.${rep('d', 58)}.jp`, ok(`${local(64)}@${rep('b', 63)}.${rep('c', 63)}.${rep('d', 58)}.jp`)],
  [`${FIELD_LIMITS.email + 1} characters`, `${local(64)}@${rep('b', 63)}.${rep('c', 63)}.${rep('d', 59)}.jp`, 'tooLong'],
];

const phoneCases = (): Case[] => [
  // Runs of ones and nines hold no Luhn-valid 13–19 digit window: the server's raw-card-data check stays out of it.
  ...common('09012345678', '1'),
  ['mobile with hyphens', '090-1234-5678', ok('09012345678')],
  ['+81 and spaces', '+81 90-1234-5678', ok('09012345678')],
  ['full-width digits and dash', '０３－１２３４－５６７８', ok('0312345678')],
  ['one digit short', '090-1234-567', 'length'],
  ['letters', 'abc', 'format'],
  [`${FIELD_LIMITS.phone} digits`, '0' + rep('9', FIELD_LIMITS.phone - 1), 'length'],
  [`${FIELD_LIMITS.phone + 1} digits`, '0' + rep('9', FIELD_LIMITS.phone), 'tooLong'],
];

const postalCases = (): Case[] => [
  ...common('1000001', '1'),
  ['seven digits', '1000001', ok('1000001')],
  ['〒, full-width digits and dash', '〒１００－０００１', ok('1000001')],
  ['IME long-vowel mark as dash', '100ー0001', ok('1000001')],
  ['six digits', '100-000', 'format'],
  [`${FIELD_LIMITS.postalCode + 1} digits`, rep('1', FIELD_LIMITS.postalCode + 1), 'tooLong'],
];

/** `unit`: one character that repeats up to the limit. */
const textCases = (max: number, unit: string, required: boolean): Case[] => [
  ...(required ? common(`${unit}1-1`) : common(`${unit}1-1`).map(([w, i, e]): Case => [w, i, e === 'required' ? ok('') : e])),
  ['outer spaces trimmed', ` ${unit}1-1\u3000`, ok(`${unit}1-1`)],
  ['half-width kana kept as typed', 'ｱｲｳ', ok('ｱｲｳ')],
  [`${max} characters`, rep(unit, max), ok(rep(unit, max))],
  [`${max + 1} characters`, rep(unit, max + 1), 'tooLong'],
];

interface Target {
  tag: string;
  key: string;
  path: CheckoutFieldPath;
  cases: Case[];
  /** How the shopper enters a value: typed (default) or picked (prefilled: a select or radio group). */
  picked?: boolean;
}

const TARGETS: Target[] = [
  { tag: 'kessai-name-fields', key: 'familyName', path: 'customer.familyName', cases: nameCases() },
  { tag: 'kessai-name-fields', key: 'givenName', path: 'customer.givenName', cases: nameCases() },
  { tag: 'kessai-name-fields', key: 'familyNameKana', path: 'customer.familyNameKana', cases: kanaCases() },
  { tag: 'kessai-name-fields', key: 'givenNameKana', path: 'customer.givenNameKana', cases: kanaCases() },
  { tag: 'kessai-contact-fields', key: 'email', path: 'customer.email', cases: emailCases() },
  { tag: 'kessai-contact-fields', key: 'phone', path: 'customer.phone', cases: phoneCases() },
  { tag: 'kessai-address-fields', key: 'postalCode', path: 'address.postalCode', cases: postalCases() },
  { tag: 'kessai-address-fields', key: 'city', path: 'address.city', cases: textCases(FIELD_LIMITS.city, '区', true) },
  { tag: 'kessai-address-fields', key: 'line1', path: 'address.line1', cases: textCases(FIELD_LIMITS.line1, '町', true) },
  { tag: 'kessai-address-fields', key: 'line2', path: 'address.line2', cases: textCases(FIELD_LIMITS.line2, '室', false) },
  {
    tag: 'kessai-address-fields',
    key: 'prefecture',
    path: 'address.prefecture',
    picked: true,
    cases: [
      ['a prefecture', '東京都', ok('東京都')],
      ['the last prefecture', '沖縄県', ok('沖縄県')],
      ['none chosen', '', 'required'],
    ],
  },
  {
    tag: 'kessai-konbini-picker',
    key: 'store',
    path: 'konbini.store',
    picked: true,
    cases: [
      ['a chain', 'lawson', ok('lawson')],
      ['another chain', 'daily-yamazaki', ok('daily-yamazaki')],
      ['none chosen', '', 'required'],
      ['a chain kessai does not know', 'am-pm', 'unsupported'],
    ],
  },
];

/** The server's verdict on a valid order with `path` set to `input`. */
function serverVerdict(path: CheckoutFieldPath, input: string): string | { value: string } {
  const body = structuredClone(validOrder()) as Record<string, Record<string, string>>;
  const [block, key] = path.split('.');
  body[block][key] = input;
  if (path === 'address.prefecture') body.address.prefectureCode = findPrefecture(input)?.code ?? '';
  const r = validateCheckoutRequest(body);
  if (!r.ok) {
    const e = r.errors.find((x) => x.field === path);
    return e ? e.code : `other field refused: ${JSON.stringify(r.errors)}`;
  }
  return ok((r.value as unknown as Record<string, Record<string, string>>)[block][key]);
}

/** The element's verdict, and the message it shows, after the shopper entered `input`. */
async function elementVerdict(t: Target, input: string): Promise<{ verdict: string | { value: string }; shown: string }> {
  const el = await fixture<FormFieldsElement>(`<${t.tag}></${t.tag}>`);
  await el.updateComplete;
  if (t.picked) {
    el.value = { [t.key]: input };
  } else {
    const field = el.shadowRoot!.getElementById(t.key) as HTMLInputElement;
    typeInto(field, input);
    blur(field);
  }
  await el.updateComplete;
  const code = el.errors().find(([k]) => k === t.key)?.[1];
  el.showErrors();
  await el.updateComplete;
  const shown = errorOf(el.shadowRoot!.getElementById(t.key)!);
  return { verdict: code ?? ok(el.value[t.key]), shown };
}

/** Japanese message text by id, from locales/ja.xlf (what the compiled elements show). */
let catalog: Map<string, string> | undefined;
async function japanese(id: string): Promise<string> {
  if (!catalog) {
    const xlf = new DOMParser().parseFromString(await (await fetch('/locales/ja.xlf')).text(), 'application/xml');
    catalog = new Map(Array.from(xlf.querySelectorAll('trans-unit'), (u) => [u.id, u.querySelector('target')?.textContent ?? '']));
  }
  const text = catalog.get(id);
  if (text === undefined) throw new Error(`no message ${id} in locales/ja.xlf`);
  return text;
}

describe('field schema: the form and the server agree', () => {
  for (const t of TARGETS) {
    describe(`${t.path} (<${t.tag}> ${t.key})`, () => {
      for (const [what, input, expected] of t.cases) {
        it(`${what} → ${typeof expected === 'string' ? expected : 'accepted'}`, async () => {
          const server = serverVerdict(t.path, input);
          const { verdict, shown } = await elementVerdict(t, input);
          expect(server, 'server').to.deep.equal(expected);
          expect(verdict, 'element').to.deep.equal(expected);
          expect(checkField(FIELD_SCHEMA[t.path], input), 'schema').to.deep.equal(
            typeof expected === 'string' ? { ok: false, code: expected } : { ok: true, value: expected.value },
          );
          if (typeof expected === 'string') {
            const id = FIELD_SCHEMA[t.path].messages[expected];
            expect(id, `message id of ${expected}`).to.be.a('string');
            expect(shown).to.equal(await japanese(id));
          } else {
            expect(shown).to.equal('');
          }
        });
      }
    });
  }

  it('every message id of the schema has a Japanese translation', async () => {
    for (const field of Object.values(FIELD_SCHEMA)) for (const id of Object.values(field.messages)) expect(await japanese(id)).to.not.equal('');
  });
});
