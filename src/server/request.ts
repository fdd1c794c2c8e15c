/**
 * Request-level helpers of the endpoint contract: idempotency-key parsing (one
 * canonical form), a body fingerprint and the contract's error bodies with
 * Japanese messages. No DOM and no Node-only API (Web Crypto only).
 */
import type { CheckoutErrorBody } from '../core/contract.js';
import type { CheckoutFieldError } from '../core/checkout-request.js';
import { CHECKOUT_LIMITS } from '../core/checkout-request.js';

/** A field error with its Japanese message. */
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

/** The Japanese message for a refused field (`customer.phone`, `length` → 「電話番号の桁数が正しくありません。」). */
export function checkoutFieldMessage(field: string, code: string): string {
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

/**
 * Builds the contract's error body. With `fields` (from
 * `validateCheckoutRequest`), `error.field` and `error.message` name the first
 * refused field and `errors` lists them all, each with its message.
 */
export function checkoutErrorBody(
  code: string,
  options: { message?: string; field?: string; fields?: readonly CheckoutFieldError[] } = {},
): CheckoutErrorResponse {
  const fields = options.fields?.map((f) => ({ field: f.field, code: f.code, message: checkoutFieldMessage(f.field, f.code) }));
  const first = fields?.[0];
  const error: CheckoutErrorBody['error'] = {
    code,
    message: options.message ?? first?.message ?? CHECKOUT_ERROR_MESSAGES[code] ?? CHECKOUT_ERROR_MESSAGES.internal_error,
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
