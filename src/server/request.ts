/**
 * Request-level helpers of the endpoint contract: idempotency-key parsing (one
 * canonical form), a body fingerprint and the contract's error bodies with
 * messages in the request's language (Japanese or English, from
 * `Accept-Language`). No DOM and no Node-only API (Web Crypto only).
 */
import type { CheckoutErrorBody } from '../core/contract.js';
import type { CheckoutFieldError } from '../core/checkout-request.js';
import { CHECKOUT_LIMITS } from '../core/checkout-request.js';

/** The languages the server's messages are written in; Japanese unless the request prefers English. */
export type ServerLocale = 'ja' | 'en';

/**
 * The language to answer in, from an `Accept-Language` header (RFC 9110):
 * the preferred of `ja` and `en` by quality (ties: the header's order);
 * Japanese when neither is named, or without a header.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): ServerLocale {
  let best: ServerLocale = 'ja';
  let bestQ = 0;
  for (const part of (header ?? '').slice(0, 1000).split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const lang = range.trim().split('-')[0];
    if (lang !== 'ja' && lang !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > bestQ)) continue;
    best = lang;
    bestQ = q;
  }
  return best;
}

/** A field error with its message (in the request's language). */
export interface CheckoutFieldErrorWithMessage extends CheckoutFieldError {
  message: string;
}

/**
 * The contract's error body (`error`), plus `errors`: every refused field when
 * validation failed (the first one is also `error`).
 */
export type CheckoutErrorResponse = CheckoutErrorBody & { errors?: CheckoutFieldErrorWithMessage[] };

const FIELD_LABELS: Record<string, string> = {
  body: 'リクエスト',
  reference: 'ご注文の商品',
  amount: '金額',
  currency: '通貨',
  method: 'お支払い方法',
  customer: 'お客様情報',
  'customer.familyName': '姓',
  'customer.givenName': '名',
  'customer.familyNameKana': 'セイ',
  'customer.givenNameKana': 'メイ',
  'customer.email': 'メールアドレス',
  'customer.phone': '電話番号',
  address: '住所',
  'address.postalCode': '郵便番号',
  'address.prefecture': '都道府県',
  'address.prefectureCode': '都道府県',
  'address.city': '市区町村',
  'address.line1': '町名・番地',
  'address.line2': '建物名・部屋番号',
  konbini: 'コンビニ',
  'konbini.store': 'お支払いに使うコンビニ',
  card: 'カード情報',
  'card.token': 'カード情報',
  'card.brand': 'カードブランド',
  'card.last4': 'カード番号の下4桁',
};

const FIELD_LABELS_EN: Record<string, string> = {
  body: 'the request',
  reference: 'the item ordered',
  amount: 'the amount',
  currency: 'the currency',
  method: 'a payment method',
  customer: 'your details',
  'customer.familyName': 'your family name',
  'customer.givenName': 'your given name',
  'customer.familyNameKana': 'the reading of your family name',
  'customer.givenNameKana': 'the reading of your given name',
  'customer.email': 'your email address',
  'customer.phone': 'your phone number',
  address: 'your address',
  'address.postalCode': 'your postal code',
  'address.prefecture': 'your prefecture',
  'address.prefectureCode': 'your prefecture',
  'address.city': 'your city, ward, town or village',
  'address.line1': 'the town and block number',
  'address.line2': 'the building and room',
  konbini: 'a convenience store',
  'konbini.store': 'the convenience store where you will pay',
  card: 'your card details',
  'card.token': 'your card details',
  'card.brand': 'the card brand',
  'card.last4': 'the last 4 digits of the card number',
};

/** Fields chosen from a list, not typed: "…を選択してください". */
const CHOSEN = new Set(['method', 'address.prefecture', 'address.prefectureCode', 'konbini.store']);

/** Whole sentences for specific field + code pairs. */
const SPECIFIC: Record<string, string> = {
  'customer.email:format': 'メールアドレスの形式が正しくありません。',
  'customer.phone:format': '電話番号は半角数字で入力してください。',
  'customer.phone:length': '電話番号の桁数が正しくありません。',
  'address.postalCode:format': '郵便番号は7桁の数字で入力してください。',
  'address.prefecture:unsupported': '都道府県を一覧から選択してください。',
  'address.prefecture:mismatch': '都道府県と都道府県コードが一致しません。',
  'address.prefectureCode:format': '都道府県コードが正しくありません。',
  'address.postalCode:postal_unknown': 'この郵便番号は見つかりませんでした。郵便番号をご確認ください。',
  'address.postalCode:postal_mismatch': '郵便番号と都道府県・市区町村が一致しません。郵便番号をご確認ください。',
  'address.line1:town_missing': '町名から番地までを入力してください。',
  'address.line1:town_required': 'この郵便番号には複数の地域があります。地域を選んでください。',
  'address.confirmed:type': '住所の確認欄の値が正しくありません。',
  'konbini.store:unsupported': 'このコンビニはご利用いただけません。',
  'method:unsupported': 'このお支払い方法はご利用いただけません。',
  'currency:unsupported': 'お支払いは日本円（JPY）のみです。',
  'amount:integer': '金額は1円単位の整数で指定してください。',
  'amount:range': '金額が正しくありません。',
  'card.token:required': 'カード情報を入力してください。',
  'card.token:format': 'カード情報を確認できませんでした。もう一度入力してください。',
  'card.last4:format': 'カード番号の下4桁が正しくありません。',
  'card.installments:unsupported': 'この支払回数はご利用いただけません。別の支払回数を選んでください。',
  'card.installments:type': '支払回数の指定が正しくありません。',
  'wallet.type:required': 'お支払いに使うウォレットを選択してください。',
  'wallet.type:unsupported': 'このウォレットはご利用いただけません。',
  'body:type': 'リクエストの形式が正しくありません。',
};

const SPECIFIC_EN: Record<string, string> = {
  'customer.email:format': 'Enter the email address in the form name@example.jp.',
  'customer.phone:format': 'Enter the phone number in digits, e.g. 090-1234-5678.',
  'customer.phone:length': 'The phone number has the wrong number of digits.',
  'address.postalCode:format': 'Enter the postal code as 7 digits, e.g. 100-0001.',
  'address.prefecture:unsupported': 'Choose your prefecture from the list.',
  'address.prefecture:mismatch': 'The prefecture does not match its code.',
  'address.prefectureCode:format': 'The prefecture code is not valid.',
  'konbini.store:unsupported': 'This convenience store cannot be used.',
  'method:unsupported': 'This payment method cannot be used.',
  'currency:unsupported': 'Payments are in Japanese yen (JPY) only.',
  'amount:integer': 'The amount must be a whole number of yen.',
  'amount:range': 'The amount is not valid.',
  'card.token:required': 'Enter your card details.',
  'card.token:format': 'We could not check your card details. Enter them again.',
  'card.last4:format': 'The last 4 digits of the card number are not valid.',
  'body:type': 'The request is not in the expected format.',
};

const MAX_BY_FIELD: Record<string, number> = {
  reference: CHECKOUT_LIMITS.reference,
  'customer.familyName': CHECKOUT_LIMITS.name,
  'customer.givenName': CHECKOUT_LIMITS.name,
  'customer.familyNameKana': CHECKOUT_LIMITS.kana,
  'customer.givenNameKana': CHECKOUT_LIMITS.kana,
  'customer.email': 254,
  'address.city': CHECKOUT_LIMITS.city,
  'address.line1': CHECKOUT_LIMITS.line1,
  'address.line2': CHECKOUT_LIMITS.line2,
};

/** English sentences start with a capital letter. */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The message for a refused field (`customer.phone`, `length` →
 * 「電話番号の桁数が正しくありません。」, or in English "The phone number has the wrong number of digits.").
 */
export function checkoutFieldMessage(field: string, code: string, locale: ServerLocale = 'ja'): string {
  if (locale === 'en') return checkoutFieldMessageEn(field, code);
  const specific = SPECIFIC[`${field}:${code}`];
  if (specific) return specific;
  const label = FIELD_LABELS[field] ?? '入力内容';
  switch (code) {
    case 'required':
      return CHOSEN.has(field) ? `${label}を選択してください。` : `${label}を入力してください。`;
    case 'katakana':
      return `${label}はカタカナで入力してください。`;
    case 'tooLong':
      return MAX_BY_FIELD[field] ? `${label}は${MAX_BY_FIELD[field]}文字以内で入力してください。` : `${label}が長すぎます。`;
    case 'unsafe':
      return `${label}に使用できない文字が含まれています。`;
    case 'unexpected':
      return '選んだお支払い方法に関係のない情報が含まれています。';
    case 'raw_card_data':
      return CHECKOUT_ERROR_MESSAGES.raw_card_data;
    default:
      return `${label}の内容が正しくありません。`;
  }
}

function checkoutFieldMessageEn(field: string, code: string): string {
  const specific = SPECIFIC_EN[`${field}:${code}`];
  if (specific) return specific;
  const label = FIELD_LABELS_EN[field] ?? 'this entry';
  switch (code) {
    case 'required':
      return CHOSEN.has(field) ? `Choose ${label}.` : `Enter ${label}.`;
    case 'katakana':
      return `Enter ${label} in katakana.`;
    case 'tooLong':
      return MAX_BY_FIELD[field] ? `Enter ${label} in ${MAX_BY_FIELD[field]} characters or fewer.` : `${sentence(label)} is too long.`;
    case 'unsafe':
      return `${sentence(label)} contains characters that cannot be used.`;
    case 'unexpected':
      return 'The request contains details that do not belong to the chosen payment method.';
    case 'raw_card_data':
      return CHECKOUT_ERROR_MESSAGES_EN.raw_card_data;
    default:
      return `${sentence(label)} is not valid.`;
  }
}

/**
 * Japanese messages of the error codes the reference backend answers with
 * (`error.code`). A backend may use its own codes; these are the documented ones.
 */
export const CHECKOUT_ERROR_MESSAGES: Readonly<Record<string, string>> = Object.freeze({
  invalid_field: '入力内容をご確認ください。',
  invalid_json: 'リクエストの形式が正しくありません。',
  unsupported_media_type: 'Content-Type は application/json にしてください。',
  payload_too_large: 'リクエストが大きすぎます。',
  raw_card_data: 'カード番号などのカード情報は送信できません。カード情報はトークンに置き換えて送信してください。',
  idempotency_key_missing: 'Idempotency-Key ヘッダーがありません。',
  idempotency_key_invalid: 'Idempotency-Key ヘッダーの形式が正しくありません（UUID を指定してください）。',
  idempotency_key_reused: 'この Idempotency-Key は別の内容の注文に使われています。新しいキーで送信してください。',
  request_in_progress: '同じご注文を処理しています。しばらくしてからもう一度お試しください。',
  reference_required: 'ご注文の商品が指定されていません。ページを再読み込みしてください。',
  unknown_reference: 'ご注文の商品が見つかりません。ページを再読み込みしてください。',
  amount_mismatch: 'お支払い金額が変わりました。ページを再読み込みして金額をご確認ください。',
  amount_over_method_limit: 'このお支払い方法でお支払いできる金額を超えています。別のお支払い方法を選んでください。',
  method_unavailable: 'このお支払い方法はご利用いただけません。',
  installments_unavailable: 'この支払回数はご利用いただけません。別の支払回数を選んでください。',
  card_declined: 'このカードはご利用いただけませんでした。別のカードかお支払い方法をお選びください。',
  psp_unavailable: '決済サービスに接続できませんでした。しばらくしてからもう一度お試しください。',
  psp_outcome_unknown: '決済の結果を確認しています。二重のお支払いにならないよう、1分ほど待ってから同じ内容でもう一度お試しください。',
  not_found: 'ページが見つかりません。',
  method_not_allowed: 'このメソッドは使用できません。',
  invalid_signature: '署名を確認できませんでした。',
  webhook_disabled: 'Webhook の署名シークレットが設定されていません。',
  internal_error: 'エラーが発生しました。しばらくしてからもう一度お試しください。',
});

/** English messages of the same codes (answered when `Accept-Language` prefers English). */
export const CHECKOUT_ERROR_MESSAGES_EN: Readonly<Record<string, string>> = Object.freeze({
  invalid_field: 'Check what you entered.',
  invalid_json: 'The request is not in the expected format.',
  unsupported_media_type: 'Send the request with Content-Type application/json.',
  payload_too_large: 'The request is too large.',
  raw_card_data: 'Card numbers and other card data cannot be sent. Replace the card data with a token.',
  idempotency_key_missing: 'The Idempotency-Key header is missing.',
  idempotency_key_invalid: 'The Idempotency-Key header is not valid (send a UUID).',
  idempotency_key_reused: 'This Idempotency-Key was used for a different order. Send with a new key.',
  request_in_progress: 'The same order is being processed. Try again in a moment.',
  reference_required: 'The item ordered is missing. Reload the page.',
  unknown_reference: 'The item ordered was not found. Reload the page.',
  amount_mismatch: 'The amount to pay has changed. Reload the page and check the amount.',
  amount_over_method_limit: 'The amount is over the limit of this payment method. Choose another payment method.',
  method_unavailable: 'This payment method cannot be used.',
  installments_unavailable: 'This number of installments cannot be used. Choose another one.',
  card_declined: 'This card was declined. Choose another card or payment method.',
  psp_unavailable: 'We could not reach the payment service. Try again in a moment.',
  psp_outcome_unknown: 'We are checking the result of the payment. To avoid paying twice, wait about a minute, then try again with the same details.',
  not_found: 'Not found.',
  method_not_allowed: 'This method is not allowed.',
  invalid_signature: 'The signature could not be verified.',
  webhook_disabled: 'No webhook signing secret is configured.',
  internal_error: 'Something went wrong. Try again in a moment.',
});

/** The message of an error code in `locale` (the internal error's for an unknown code). */
export function checkoutErrorMessage(code: string, locale: ServerLocale = 'ja'): string {
  const table = locale === 'en' ? CHECKOUT_ERROR_MESSAGES_EN : CHECKOUT_ERROR_MESSAGES;
  return table[code] ?? table.internal_error;
}

/**
 * Builds the contract's error body, its messages in `locale` (default ja). With `fields` (from
 * `validateCheckoutRequest`), `error.field` and `error.message` name the first
 * refused field and `errors` lists them all, each with its message.
 */
export function checkoutErrorBody(
  code: string,
  options: { message?: string; field?: string; fields?: readonly CheckoutFieldError[]; locale?: ServerLocale } = {},
): CheckoutErrorResponse {
  const locale = options.locale ?? 'ja';
  const fields = options.fields?.map((f) => ({ field: f.field, code: f.code, message: checkoutFieldMessage(f.field, f.code, locale) }));
  const first = fields?.[0];
  const error: CheckoutErrorBody['error'] = {
    code,
    message: options.message ?? first?.message ?? checkoutErrorMessage(code, locale),
  };
  const field = options.field ?? first?.field;
  if (field) error.field = field;
  return fields ? { error, errors: fields } : { error };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type IdempotencyKeyParse = { ok: true; key: string } | { ok: false; code: 'idempotency_key_missing' | 'idempotency_key_invalid' };

/**
 * Reads an `Idempotency-Key` header value. The IETF draft ("The
 * Idempotency-Key HTTP Header Field") makes it a Structured Field String
 * (`"8e03978e-40d5-43e8-bc93-6894a57f9324"`); the bare form most clients send is
 * accepted too. The contract requires a UUID; anything else is invalid.
 *
 * The key comes back in one canonical form (lower case): UUIDs are
 * case-insensitive (RFC 9562), so `8E03978E-…` and `8e03978e-…` are one key.
 */
export function parseIdempotencyKey(header: string | null | undefined): IdempotencyKeyParse {
  const raw = (header ?? '').trim();
  if (raw === '') return { ok: false, code: 'idempotency_key_missing' };
  const m = /^"([^"\\]*)"$/.exec(raw);
  const key = m ? m[1] : raw;
  return UUID.test(key) ? { ok: true, key: key.toLowerCase() } : { ok: false, code: 'idempotency_key_invalid' };
}

/** Lower-case hex SHA-256 of the request body as received (the idempotency fingerprint). */
export async function bodyFingerprint(body: Uint8Array | ArrayBuffer | string): Promise<string> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body instanceof Uint8Array ? body : new Uint8Array(body);
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
