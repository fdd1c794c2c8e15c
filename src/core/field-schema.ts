/**
 * One schema for every checkout field: its limit, character rules,
 * normalizer and message ids. The elements (src/components/) and the server's
 * `validateCheckoutRequest` both check a value with {@link checkField}, so the
 * form and the merchant's backend accept, refuse and normalize alike.
 * Pure, no DOM: usable in Node, Deno, workers and browsers.
 *
 * Limits are in code points after normalizing (what a person counts; 𠮷 is one).
 * See docs/contract.md ("Field rules") for why each limit is what it is.
 */
import { KONBINI_STORES } from './contract.js';
import { normalizeEmail, validateEmail } from './email.js';
import { toKatakana, halfwidthKanaToFullwidth, isKatakanaReading } from './kana.js';
import { normalizePhone, validatePhone } from './phone.js';
import { isValidPostalCode, normalizePostalCode } from './postal.js';
import { PREFECTURES } from './prefectures.js';
import { charLength, hasUnsafeChars } from './text.js';

/** The contract path of each checked field (`customer.phone`). */
export type CheckoutFieldPath =
  | 'reference'
  | 'customer.familyName'
  | 'customer.givenName'
  | 'customer.familyNameKana'
  | 'customer.givenNameKana'
  | 'customer.email'
  | 'customer.phone'
  | 'address.postalCode'
  | 'address.prefecture'
  | 'address.prefectureCode'
  | 'address.city'
  | 'address.line1'
  | 'address.line2'
  | 'konbini.store'
  | 'card.token'
  | 'card.brand'
  | 'card.last4';

/** A field's character or format rule: an error code, or null when the value passes. */
export type FieldRuleCheck = (value: string) => string | null;

/** What one field accepts. */
export interface FieldSchema {
  readonly path: CheckoutFieldPath;
  /** An empty value (after normalizing) is refused with `required`. */
  readonly required: boolean;
  /** Longest accepted value, in code points, after normalizing (`tooLong`). */
  readonly maxLength: number;
  /** What the value is sent and stored as (the input keeps what was typed). */
  readonly normalize: (raw: string) => string;
  /** Character and format rules on the normalized value, in order; the first error code wins. */
  readonly rules: readonly FieldRuleCheck[];
  /**
   * Message id (locales/ja.xlf) the element shows for each error code of this
   * field. Codes a field can return: `unsafe`, `required`, `tooLong`, plus its rules' codes.
   */
  readonly messages: Readonly<Record<string, string>>;
}

/** The result of {@link checkField}: the normalized value, or the first error code. */
export type FieldCheck = { ok: true; value: string } | { ok: false; code: string };

/**
 * Checks one typed or posted value against its field, in one order on both
 * sides: control and bidi characters (`unsafe`, on the raw value, before
 * anything trims them away), then the value is normalized, then `required`,
 * `tooLong` and the field's rules. An empty optional field passes as ''.
 */
export function checkField(field: FieldSchema, raw: string): FieldCheck {
  if (hasUnsafeChars(raw)) return { ok: false, code: 'unsafe' };
  const value = field.normalize(raw);
  if (value === '') return field.required ? { ok: false, code: 'required' } : { ok: true, value };
  if (charLength(value) > field.maxLength) return { ok: false, code: 'tooLong' };
  for (const rule of field.rules) {
    const code = rule(value);
    if (code) return { ok: false, code };
  }
  return { ok: true, value };
}

// ---- character rules ----

/**
 * Symbols that are no part of anyone's name and break the systems a name is
 * passed on to (PSPs, carriers, CSV exports). Letters of any script, spaces,
 * 々 〆 ヶ ・ ー, apostrophes, hyphens and periods (O'Brien, Jean-Luc, Jr.) stay allowed.
 */
const NAME_SYMBOLS = /[<>{}[\]\\|^`"=;$%#@*+_~/:!?&\uFF1C\uFF1E\uFF5B\uFF5D\uFF3B\uFF3D\uFFE5\uFF04\uFF05\uFF03\uFF20\uFF0A\uFF0B\uFF3F\uFF5E\uFF0F\uFF1A\uFF01\uFF1F\uFF06\uFF1D\uFF1B\uFF02\uFF3C\uFF5C\uFF3E\uFF40]/;

/** True when `s` holds a symbol that does not belong in a name. */
export function hasNameSymbols(s: string): boolean {
  return NAME_SYMBOLS.test(s);
}

/** What a name part is sent as: half-width kana made full-width, outer spaces removed. Kanji are kept exactly. */
export function normalizeName(s: string): string {
  return halfwidthKanaToFullwidth(s).trim();
}

/** What a reading is sent as: full-width katakana (hiragana and half-width kana converted), outer spaces removed. */
export function normalizeNameKana(s: string): string {
  return toKatakana(s).trim();
}

const trim = (s: string): string => s.trim();
const asIs = (s: string): string => s;
const nameChars: FieldRuleCheck = (v) => (hasNameSymbols(v) ? 'symbols' : null);
const katakana: FieldRuleCheck = (v) => (isKatakanaReading(v) ? null : 'katakana');
const oneOf =
  (values: readonly string[], code: string): FieldRuleCheck =>
  (v) =>
    values.includes(v) ? null : code;
const matches =
  (re: RegExp, code = 'format'): FieldRuleCheck =>
  (v) =>
    re.test(v) ? null : code;

// ---- limits ----

/**
 * Length limits, in code points after normalizing (see docs/contract.md, "Field rules"):
 * - `name` / `kana` 30: every real Japanese name part fits in far fewer (the
 *   longest family names are 5 kanji, readings about 10 kana), and long
 *   foreign names in katakana still fit; PSPs that take less (Konbini slips
 *   print about 10–20 full-width characters) are given the name by their adapter.
 * - `city` 50: the longest 市区町村 with its 郡 (e.g. 「西臼杵郡日之影町」) is about
 *   10 characters; 50 leaves room for 政令市 wards and 大字 written into it.
 * - `line1` / `line2` 100: 町名・番地 with 字 and 丁目, building names with room numbers.
 * - `email` 254 (RFC 5321 path limit), `phone` 20 digits, `postalCode` 20
 *   (its own rule wants 7 digits; the limit only stops endless input early).
 */
export const FIELD_LIMITS = Object.freeze({
  reference: 100,
  name: 30,
  kana: 30,
  email: 254,
  phone: 20,
  postalCode: 20,
  prefecture: 10,
  prefectureCode: 2,
  city: 50,
  line1: 100,
  line2: 100,
  konbiniStore: 40,
  cardToken: 255,
  cardBrand: 30,
  cardLast4: 4,
});

const UNSAFE = { unsafe: 'common.unsafe' } as const;

const nameField = (path: CheckoutFieldPath, ids: { required: string; tooLong: string; symbols: string }): FieldSchema => ({
  path,
  required: true,
  maxLength: FIELD_LIMITS.name,
  normalize: normalizeName,
  rules: [nameChars],
  messages: { ...UNSAFE, ...ids },
});

const kanaField = (path: CheckoutFieldPath, ids: { required: string; tooLong: string; katakana: string }): FieldSchema => ({
  path,
  required: true,
  maxLength: FIELD_LIMITS.kana,
  normalize: normalizeNameKana,
  rules: [katakana],
  messages: { ...UNSAFE, ...ids },
});

/** Every checked field of the endpoint contract, by contract path. */
export const FIELD_SCHEMA: Readonly<Record<CheckoutFieldPath, FieldSchema>> = Object.freeze({
  reference: { path: 'reference', required: true, maxLength: FIELD_LIMITS.reference, normalize: trim, rules: [], messages: {} },
  'customer.familyName': nameField('customer.familyName', {
    required: 'name.familyName.required',
    tooLong: 'name.familyName.tooLong',
    symbols: 'name.familyName.symbols',
  }),
  'customer.givenName': nameField('customer.givenName', {
    required: 'name.givenName.required',
    tooLong: 'name.givenName.tooLong',
    symbols: 'name.givenName.symbols',
  }),
  'customer.familyNameKana': kanaField('customer.familyNameKana', {
    required: 'name.familyNameKana.required',
    tooLong: 'name.familyNameKana.tooLong',
    katakana: 'name.familyNameKana.katakana',
  }),
  'customer.givenNameKana': kanaField('customer.givenNameKana', {
    required: 'name.givenNameKana.required',
    tooLong: 'name.givenNameKana.tooLong',
    katakana: 'name.givenNameKana.katakana',
  }),
  'customer.email': {
    path: 'customer.email',
    required: true,
    maxLength: FIELD_LIMITS.email,
    normalize: normalizeEmail,
    rules: [(v) => validateEmail(v)],
    messages: { ...UNSAFE, required: 'contact.email.required', tooLong: 'contact.email.tooLong', format: 'contact.email.format' },
  },
  'customer.phone': {
    path: 'customer.phone',
    required: true,
    maxLength: FIELD_LIMITS.phone,
    normalize: normalizePhone,
    rules: [(v) => validatePhone(v)],
    messages: {
      ...UNSAFE,
      required: 'contact.phone.required',
      tooLong: 'contact.phone.format',
      format: 'contact.phone.format',
      length: 'contact.phone.length',
    },
  },
  'address.postalCode': {
    path: 'address.postalCode',
    required: true,
    maxLength: FIELD_LIMITS.postalCode,
    normalize: normalizePostalCode,
    rules: [(v) => (isValidPostalCode(v) ? null : 'format')],
    messages: { ...UNSAFE, required: 'address.postalCode.required', tooLong: 'address.postalCode.tooLong', format: 'address.postalCode.format' },
  },
  'address.prefecture': {
    path: 'address.prefecture',
    required: true,
    maxLength: FIELD_LIMITS.prefecture,
    normalize: trim,
    rules: [oneOf(PREFECTURES.map((p) => p.name), 'unsupported')],
    messages: { ...UNSAFE, required: 'address.prefecture.required', tooLong: 'address.prefecture.required', unsupported: 'address.prefecture.required' },
  },
  'address.prefectureCode': {
    path: 'address.prefectureCode',
    required: true,
    maxLength: FIELD_LIMITS.prefectureCode,
    normalize: trim,
    rules: [matches(/^(0[1-9]|[1-3]\d|4[0-7])$/)],
    messages: {},
  },
  'address.city': {
    path: 'address.city',
    required: true,
    maxLength: FIELD_LIMITS.city,
    normalize: trim,
    rules: [],
    messages: { ...UNSAFE, required: 'address.city.required', tooLong: 'address.city.tooLong' },
  },
  'address.line1': {
    path: 'address.line1',
    required: true,
    maxLength: FIELD_LIMITS.line1,
    normalize: trim,
    rules: [],
    messages: { ...UNSAFE, required: 'address.line1.required', tooLong: 'address.line1.tooLong' },
  },
  'address.line2': {
    path: 'address.line2',
    required: false,
    maxLength: FIELD_LIMITS.line2,
    normalize: trim,
    rules: [],
    messages: { ...UNSAFE, tooLong: 'address.line2.tooLong' },
  },
  'konbini.store': {
    path: 'konbini.store',
    required: true,
    maxLength: FIELD_LIMITS.konbiniStore,
    normalize: asIs,
    rules: [oneOf(KONBINI_STORES, 'unsupported')],
    messages: { required: 'konbini.picker.required', unsupported: 'konbini.picker.unavailable' },
  },
  'card.token': {
    path: 'card.token',
    required: true,
    maxLength: FIELD_LIMITS.cardToken,
    normalize: trim,
    rules: [matches(/^[\x21-\x7E]+$/)],
    messages: {},
  },
  'card.brand': { path: 'card.brand', required: false, maxLength: FIELD_LIMITS.cardBrand, normalize: trim, rules: [matches(/^[A-Za-z0-9 _-]+$/)], messages: {} },
  'card.last4': { path: 'card.last4', required: false, maxLength: FIELD_LIMITS.cardLast4, normalize: trim, rules: [matches(/^\d{4}$/)], messages: {} },
});
