/**
 * Server-side validation of the endpoint contract's request body: the
 * merchant's backend runs the form's own field schema (field-schema.ts) on untrusted JSON.
 * Pure (no DOM, no Node API): usable in Node, Deno, workers and browsers.
 */
import {
  PAYMENT_METHODS,
  WALLETS,
  type InstallmentPlan,
  type WalletId,
  type CheckoutAddress,
  type CheckoutCustomer,
  type CheckoutRequest,
  type KonbiniStore,
  type PaymentMethod,
  parseInstallmentPlan,
} from './contract.js';
import { normalizeCardNumber, validateCardNumber } from './card.js';
import { checkField, FIELD_LIMITS, FIELD_SCHEMA, type FieldSchema } from './field-schema.js';
import { findPrefecture } from './prefectures.js';

/** One refused field: `field` is the contract path (`customer.phone`), `code` the rule that failed. */
export interface CheckoutFieldError {
  field: string;
  /**
   * `required`, `type` (wrong JSON type), `tooLong`, `unsafe` (control or bidi
   * characters), `format`, `length` (phone digits), `katakana`, `unsupported`
   * (not in the closed vocabulary), `integer`, `range`, `mismatch` (prefecture
   * vs. its code), `unexpected` (a block that does not belong to the method)
   * or `raw_card_data` (a card number, security code or expiry: refused, 非保持化).
   */
  code: string;
}

export type CheckoutValidation = { ok: true; value: CheckoutRequest } | { ok: false; errors: CheckoutFieldError[] };

export interface CheckoutValidationOptions {
  /** The order ships goods: `address` must be present (default false: the contract makes it optional). */
  requireAddress?: boolean;
  /** 支払回数 the backend accepts in `card.installments` besides 1 (一括, always accepted); default none. */
  installmentPlans?: readonly InstallmentPlan[];
  /** Wallets the backend offers for `method: 'wallet'` (default none). */
  wallets?: readonly WalletId[];
}

/** Largest amount accepted in one order (yen). */
export const CHECKOUT_MAX_AMOUNT = 99_999_999;

/** Length limits, in code points (the field schema's: see `FIELD_LIMITS`). */
export const CHECKOUT_LIMITS = FIELD_LIMITS;

/**
 * Object keys that carry raw card data (PAN, security code, expiry, track data),
 * compared lower-case without `_`, `-` or spaces. Anywhere in the body they
 * make the request refused: the merchant's server must never receive them.
 */
const RAW_CARD_KEYS = new Set([
  'number', 'cardnumber', 'cardno', 'pan', 'primaryaccountnumber', 'ccnumber', 'creditcardnumber',
  'cvc', 'cvv', 'cvc2', 'cvv2', 'cid', 'csc', 'securitycode', 'cardsecuritycode', 'cardcvc',
  'exp', 'expiry', 'expires', 'expiration', 'expirationdate', 'expirydate', 'expmonth', 'expyear',
  'expirymonth', 'expiryyear', 'expirationmonth', 'expirationyear', 'cardexpiry', 'track', 'trackdata',
  'track1', 'track2', 'magstripe', 'pin', 'pinblock',
]);

function isRawCardKey(key: string): boolean {
  return RAW_CARD_KEYS.has(key.toLowerCase().replace(/[\s_-]/g, ''));
}

/** Letters (any script) and non-digit numerals end a run of digits; the long-vowel marks ー/ｰ are typed as dashes, so they do not. */
const RUN_BREAKER = /[\p{L}\p{N}]/u;
/** At most this many separator characters in a row between two digits ("4242 - 4242"). */
const MAX_SEPARATOR_RUN = 3;

/** Work counter of {@link containsCardNumber} (one unit per character read and per Luhn window checked): lets a test prove the scan is linear. */
export interface CardScanWork {
  units: number;
}

/**
 * True when `s` contains something that looks like a card number: 13 to 19
 * digits in a row (ASCII or full-width) that pass the Luhn check, with any
 * separators a person or an IME types between them — spaces (NBSP and the
 * ideographic space too), every dash (en dash, ー, －), `.`, `/`, `_`, `,`,
 * `・`… — up to three in a row. A longer run of digits counts when any 13–19
 * digit window of it passes.
 *
 * One pass, in linear time: each digit costs the same few operations whatever
 * surrounds it (a rolling Luhn sum over prefix sums, seven windows per digit).
 */
export function containsCardNumber(s: string, work?: CardScanWork): boolean {
  // Prefix sums (mod 10) of the current run: E[k] over its first k digits
  // doubling those at odd run indexes (the Luhn weights of a window that ends
  // on an even index), O[k] doubling those at even indexes. The window of the
  // digits k..n-1 passes Luhn when the prefix sums at n and at k are equal.
  let E: Int8Array | undefined;
  let O: Int8Array | undefined;
  let n = 0; // digits in the current run
  let seps = 0; // separators since the last digit
  let units = 0;
  let hit = false;
  /** A run of 13–19 digits counts as a whole; a longer one was checked window by window. */
  const endRun = () => {
    if (n >= 13 && n <= 19) {
      units++;
      if ((n % 2 === 1 ? E! : O!)[n] === 0) hit = true;
    }
    n = 0;
  };
  for (let i = 0; i < s.length && !hit; i++) {
    units++;
    const c = s.charCodeAt(i);
    let d = c - 0x30;
    if (d < 0 || d > 9) {
      d = c - 0xff10; // full-width digits
      if (d < 0 || d > 9) {
        if (n === 0) continue;
        let breaks: boolean;
        if (c < 0x80) breaks = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a); // ASCII letters; the rest separates
        else breaks = c !== 0x30fc && c !== 0xff70 && RUN_BREAKER.test(s[i]);
        if (breaks || ++seps > MAX_SEPARATOR_RUN) endRun();
        continue;
      }
    }
    seps = 0;
    if (!E) {
      E = new Int8Array(s.length + 1);
      O = new Int8Array(s.length + 1);
    }
    const dbl = d < 5 ? d * 2 : d * 2 - 9;
    let e = E[n] + ((n & 1) === 0 ? d : dbl);
    let o = O![n] + ((n & 1) === 0 ? dbl : d);
    if (e >= 10) e -= 10;
    if (o >= 10) o -= 10;
    n++;
    E[n] = e;
    O![n] = o;
    if (n < 20) continue;
    if (n === 20) {
      // Longer than any card number: a number may hide next to other digits,
      // so every 13–19 digit window counts from now on (first those ending earlier).
      for (let end = 13; end < 20 && !hit; end++) {
        const S = end % 2 === 1 ? E : O!;
        for (let len = 13; len <= end && !hit; len++) {
          units++;
          if (S[end] === S[end - len]) hit = true;
        }
      }
    }
    // The seven windows ending on this digit.
    units += 7;
    const S = (n & 1) === 1 ? E : O!;
    const p = S[n];
    if (p === S[n - 13] || p === S[n - 14] || p === S[n - 15] || p === S[n - 16] || p === S[n - 17] || p === S[n - 18] || p === S[n - 19]) hit = true;
  }
  if (!hit) endRun();
  if (work) work.units += units;
  return hit;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number that can only be a card number: an integer of 13–19 digits that passes Luhn, or one too large for a double to hold exactly. */
function isCardNumberValue(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  const abs = Math.abs(n);
  if (abs < 1e12 || abs >= 1e19) return false;
  if (!Number.isSafeInteger(abs)) return abs >= 1e15; // 16–19 digits written as a JSON number: never a price
  return containsCardNumber(String(abs));
}

/**
 * `card.token` is the PSP's opaque token, whose digits (a timestamp, an id) pass the Luhn check one
 * time in ten. There a card number is a run of digits (separators between them allowed) that the
 * card fields themselves would accept (`validateCardNumber`: a brand's prefix and length, Luhn):
 * `tok_1764678912346` is a token, a PAN put in the token (`token: card.number`, or the card as JSON)
 * is still refused.
 */
function tokenHoldsCardNumber(token: string): boolean {
  const runs = token.match(/[0-9０-９](?:[^0-9０-９A-Za-z]{0,3}[0-9０-９])*/g) ?? [];
  return runs.some((run) => validateCardNumber(normalizeCardNumber(run).replace(/\D/g, '')) === null);
}

/**
 * Every key carrying raw card data, and every card-number-looking string or
 * number (keys too) outside `reference`, at any depth. Iterative: a deeply
 * nested body cannot overflow the stack, and each value is visited once.
 */
function findRawCardData(body: Json, out: CheckoutFieldError[]): void {
  // Depth first, in document order, like a recursive walk; `raw` marks a key that is itself the finding.
  const stack: Array<{ value: Json; path: string; raw?: boolean }> = [{ value: body, path: '' }];
  while (stack.length > 0) {
    const { value, path, raw } = stack.pop()!;
    if (raw) out.push({ field: path, code: 'raw_card_data' });
    else if (typeof value === 'string') {
      const found = path === 'card.token' ? tokenHoldsCardNumber(value) : path !== 'reference' && containsCardNumber(value);
      if (found) out.push({ field: path, code: 'raw_card_data' });
    } else if (typeof value === 'number') {
      if (isCardNumberValue(value)) out.push({ field: path, code: 'raw_card_data' });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]` });
    } else if (isObject(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        stack.push({ value: value[k], path: path ? `${path}.${k}` : k, raw: isRawCardKey(k) || containsCardNumber(k) });
      }
    }
  }
}

/** Checks one string field against its schema; returns its normalized value or records an error. */
function checkString(obj: Record<string, Json>, key: string, field: FieldSchema, errors: CheckoutFieldError[]): string {
  const raw = obj[key];
  if (raw === undefined || raw === null) {
    if (field.required) errors.push({ field: field.path, code: 'required' });
    return '';
  }
  if (typeof raw !== 'string') {
    errors.push({ field: field.path, code: 'type' });
    return '';
  }
  const r = checkField(field, raw);
  if (!r.ok) {
    errors.push({ field: field.path, code: r.code });
    return '';
  }
  return r.value;
}

const S = FIELD_SCHEMA;

function checkCustomer(body: Record<string, Json>, errors: CheckoutFieldError[]): CheckoutCustomer | undefined {
  const c = body.customer;
  if (c === undefined || c === null) {
    errors.push({ field: 'customer', code: 'required' });
    return undefined;
  }
  if (!isObject(c)) {
    errors.push({ field: 'customer', code: 'type' });
    return undefined;
  }
  return {
    familyName: checkString(c, 'familyName', S['customer.familyName'], errors),
    givenName: checkString(c, 'givenName', S['customer.givenName'], errors),
    familyNameKana: checkString(c, 'familyNameKana', S['customer.familyNameKana'], errors),
    givenNameKana: checkString(c, 'givenNameKana', S['customer.givenNameKana'], errors),
    email: checkString(c, 'email', S['customer.email'], errors),
    phone: checkString(c, 'phone', S['customer.phone'], errors),
  };
}

function checkAddress(body: Record<string, Json>, requireAddress: boolean, errors: CheckoutFieldError[]): CheckoutAddress | undefined {
  const a = body.address;
  if (a === undefined || a === null) {
    if (requireAddress) errors.push({ field: 'address', code: 'required' });
    return undefined;
  }
  if (!isObject(a)) {
    errors.push({ field: 'address', code: 'type' });
    return undefined;
  }
  const before = errors.length;
  const postal = checkString(a, 'postalCode', S['address.postalCode'], errors);
  const prefecture = checkString(a, 'prefecture', S['address.prefecture'], errors);
  const prefectureCode = checkString(a, 'prefectureCode', S['address.prefectureCode'], errors);
  if (prefecture && prefectureCode && findPrefecture(prefectureCode)?.name !== prefecture) {
    errors.push({ field: 'address.prefecture', code: 'mismatch' });
  }
  const city = checkString(a, 'city', S['address.city'], errors);
  const line1 = checkString(a, 'line1', S['address.line1'], errors);
  const line2 = checkString(a, 'line2', S['address.line2'], errors);
  if (a.confirmed !== undefined && typeof a.confirmed !== 'boolean') errors.push({ field: 'address.confirmed', code: 'type' });
  if (errors.length > before) return undefined;
  return { postalCode: postal, prefecture, prefectureCode, city, line1, line2, ...(a.confirmed === true ? { confirmed: true } : {}) };
}

function checkKonbini(body: Record<string, Json>, method: PaymentMethod | undefined, errors: CheckoutFieldError[]): { store: KonbiniStore } | undefined {
  const k = body.konbini;
  if (method !== 'konbini') {
    if (k !== undefined && k !== null && method) errors.push({ field: 'konbini', code: 'unexpected' });
    return undefined;
  }
  if (k === undefined || k === null) {
    errors.push({ field: 'konbini.store', code: 'required' });
    return undefined;
  }
  if (!isObject(k)) {
    errors.push({ field: 'konbini', code: 'type' });
    return undefined;
  }
  const store = checkString(k, 'store', S['konbini.store'], errors);
  return store ? { store: store as KonbiniStore } : undefined;
}

function checkWallet(body: Record<string, Json>, method: PaymentMethod | undefined, allowed: readonly WalletId[], errors: CheckoutFieldError[]): CheckoutRequest['wallet'] {
  const w = body.wallet;
  if (method !== 'wallet') {
    if (w !== undefined && w !== null && method) errors.push({ field: 'wallet', code: 'unexpected' });
    return undefined;
  }
  if (w === undefined || w === null) errors.push({ field: 'wallet.type', code: 'required' });
  else if (!isObject(w)) errors.push({ field: 'wallet', code: 'type' });
  else if (typeof w.type !== 'string') errors.push({ field: 'wallet.type', code: w.type === undefined ? 'required' : 'type' });
  else if (!(WALLETS as readonly string[]).includes(w.type) || !allowed.includes(w.type as WalletId)) errors.push({ field: 'wallet.type', code: 'unsupported' });
  else return { type: w.type as WalletId };
  return undefined;
}

function checkCard(body: Record<string, Json>, method: PaymentMethod | undefined, plans: readonly InstallmentPlan[], errors: CheckoutFieldError[]): CheckoutRequest['card'] {
  const c = body.card;
  if (method !== 'card') {
    if (c !== undefined && c !== null && method) errors.push({ field: 'card', code: 'unexpected' });
    return undefined;
  }
  if (c === undefined || c === null) {
    errors.push({ field: 'card.token', code: 'required' });
    return undefined;
  }
  if (!isObject(c)) {
    errors.push({ field: 'card', code: 'type' });
    return undefined;
  }
  const before = errors.length;
  for (const k of Object.keys(c)) {
    if (!['token', 'brand', 'last4', 'installments'].includes(k) && !isRawCardKey(k)) errors.push({ field: `card.${k}`, code: 'unexpected' });
  }
  const token = checkString(c, 'token', S['card.token'], errors);
  const brand = checkString(c, 'brand', S['card.brand'], errors);
  const last4 = checkString(c, 'last4', S['card.last4'], errors);
  let installments: InstallmentPlan | undefined;
  if (c.installments !== undefined && c.installments !== null) {
    // Exactly the contract's JSON: a number of payments, "bonus" or "revolving" (no "6" string).
    const plan = typeof c.installments === 'string' && /^\d/.test(c.installments) ? null : parseInstallmentPlan(c.installments);
    if (plan === null) errors.push({ field: 'card.installments', code: typeof c.installments === 'number' || typeof c.installments === 'string' ? 'unsupported' : 'type' });
    else if (plan !== 1 && !plans.includes(plan)) errors.push({ field: 'card.installments', code: 'unsupported' });
    else installments = plan;
  }
  if (errors.length > before) return undefined;
  const card: NonNullable<CheckoutRequest['card']> = { token };
  if (brand) card.brand = brand;
  if (last4) card.last4 = last4;
  if (installments !== undefined) card.installments = installments;
  return card;
}

/**
 * Validates an untrusted request body (parsed JSON) against the endpoint
 * contract with kessai's own rules. On success `value` holds only the
 * contract's fields, normalized as the form sends them: e-mail half-width,
 * phone as domestic digits, postal code as seven digits, readings in katakana,
 * names trimmed. On failure every refused field is listed once (its first
 * failing rule), in the order of the contract.
 *
 * Raw card data (a `number`, `cvc`, `exp…` key anywhere, or a Luhn-valid card
 * number in any string) makes the request fail with `raw_card_data`: a
 * merchant that is not PCI DSS certified must never receive it (非保持化).
 */
export function validateCheckoutRequest(body: unknown, options: CheckoutValidationOptions = {}): CheckoutValidation {
  if (!isObject(body)) return { ok: false, errors: [{ field: 'body', code: 'type' }] };
  const errors: CheckoutFieldError[] = [];
  const rawCard: CheckoutFieldError[] = [];
  findRawCardData(body, rawCard);

  let reference: string | undefined;
  // An empty reference counts as none (the form sends what the page gave it).
  if (body.reference !== undefined && body.reference !== null && body.reference !== '') {
    reference = checkString(body, 'reference', S.reference, errors) || undefined;
  }

  const amount = body.amount;
  if (amount === undefined || amount === null) errors.push({ field: 'amount', code: 'required' });
  else if (typeof amount !== 'number' || !Number.isFinite(amount)) errors.push({ field: 'amount', code: 'type' });
  else if (!Number.isInteger(amount)) errors.push({ field: 'amount', code: 'integer' });
  else if (amount < 1 || amount > CHECKOUT_MAX_AMOUNT) errors.push({ field: 'amount', code: 'range' });

  const currency = body.currency;
  if (currency === undefined || currency === null || currency === '') errors.push({ field: 'currency', code: 'required' });
  else if (currency !== 'JPY') errors.push({ field: 'currency', code: typeof currency === 'string' ? 'unsupported' : 'type' });

  let method: PaymentMethod | undefined;
  const m = body.method;
  if (m === undefined || m === null || m === '') errors.push({ field: 'method', code: 'required' });
  else if (typeof m !== 'string') errors.push({ field: 'method', code: 'type' });
  else if (!(PAYMENT_METHODS as readonly string[]).includes(m)) errors.push({ field: 'method', code: 'unsupported' });
  else method = m as PaymentMethod;

  const customer = checkCustomer(body, errors);
  const address = checkAddress(body, options.requireAddress ?? false, errors);
  const konbini = checkKonbini(body, method, errors);
  const card = checkCard(body, method, options.installmentPlans ?? [], errors);
  const wallet = checkWallet(body, method, options.wallets ?? [], errors);

  // Raw card data first (it is the reason to refuse), then each other field once.
  const all = [...rawCard, ...errors];
  const seen = new Set<string>();
  const unique = all.filter((e) => !seen.has(e.field) && seen.add(e.field));
  if (unique.length > 0) return { ok: false, errors: unique };

  const value: CheckoutRequest = { amount: amount as number, currency: 'JPY', method: method!, customer: customer! };
  if (reference !== undefined) value.reference = reference;
  if (address) value.address = address;
  if (konbini) value.konbini = konbini;
  if (card) value.card = card;
  if (wallet) value.wallet = wallet;
  return { ok: true, value };
}
