/**
 * Card number, expiry and security-code rules (formatting and validation only:
 * the number itself goes to the merchant's tokenizer, never to the endpoint).
 *
 * Brand table: the brands Japanese acquirers accept, with IIN ranges, gaps and
 * lengths as in braintree/credit-card-type. That package is not used directly:
 * it is CommonJS only (it does not load in native-ESM pages) and ships about
 * 2.6 KB gzip of brands no Japanese PSP offers (Troy, Elo, Mir, Hipercard…).
 */
import { DASHES, toHalfWidthAscii } from './text.js';

export type CardBrand = 'visa' | 'mastercard' | 'jcb' | 'american-express' | 'diners-club' | 'discover' | 'unionpay';

export interface CardBrandInfo {
  readonly brand: CardBrand;
  /** Display name (brand names are not translated). */
  readonly name: string;
  /** IIN prefixes: a number or an inclusive [low, high] range, compared on as many digits. */
  readonly patterns: ReadonlyArray<number | readonly [number, number]>;
  /** Positions after which a space is shown (Amex 4-6-5: [4, 10]). */
  readonly gaps: readonly number[];
  readonly lengths: readonly number[];
  readonly cvcLength: number;
}

export const CARD_BRANDS: readonly CardBrandInfo[] = [
  { brand: 'visa', name: 'Visa', patterns: [4], gaps: [4, 8, 12], lengths: [16, 18, 19], cvcLength: 3 },
  { brand: 'mastercard', name: 'Mastercard', patterns: [[51, 55], [2221, 2229], [223, 229], [23, 26], [270, 271], 2720], gaps: [4, 8, 12], lengths: [16], cvcLength: 3 },
  { brand: 'jcb', name: 'JCB', patterns: [2131, 1800, [3528, 3589]], gaps: [4, 8, 12], lengths: [16, 17, 18, 19], cvcLength: 3 },
  { brand: 'american-express', name: 'American Express', patterns: [34, 37], gaps: [4, 10], lengths: [15], cvcLength: 4 },
  { brand: 'diners-club', name: 'Diners Club', patterns: [[300, 305], 36, 38, 39], gaps: [4, 10], lengths: [14, 16, 19], cvcLength: 3 },
  { brand: 'discover', name: 'Discover', patterns: [6011, [644, 649], 65], gaps: [4, 8, 12], lengths: [16, 19], cvcLength: 3 },
  { brand: 'unionpay', name: 'UnionPay', patterns: [620, [62100, 62182], [62184, 62187], [62185, 62197], [62200, 62205], [622010, 622999], 622018, [62207, 62209], [623, 626], 6270, 6272, 6276, [627700, 627779], [627781, 627799], [6282, 6289], 6291, 6292, 810, [8110, 8131], [8132, 8151], [8152, 8163], [8164, 8171]], gaps: [4, 8, 12], lengths: [14, 15, 16, 17, 18, 19], cvcLength: 3 },
];

/** Card digits: full-width to ASCII, spaces and dashes removed. */
export function normalizeCardNumber(input: string): string {
  return toHalfWidthAscii(input).replace(DASHES, '').replace(/\s+/g, '');
}

/** Length of the IIN prefix that `digits` matches for pattern `p`, or 0. */
function matchLength(digits: string, p: number | readonly [number, number]): number {
  const [lo, hi] = typeof p === 'number' ? [p, p] : p;
  const len = String(lo).length;
  if (digits.length < len) return 0;
  const head = Number(digits.slice(0, len));
  return head >= lo && head <= hi ? len : 0;
}

/** The brand of a (partial) number: the most specific full IIN match, else null. */
export function detectCardBrand(input: string): CardBrandInfo | null {
  const digits = normalizeCardNumber(input);
  if (!/^\d+$/.test(digits)) return null;
  let best: CardBrandInfo | null = null;
  let bestLen = 0;
  for (const info of CARD_BRANDS) {
    for (const p of info.patterns) {
      const m = matchLength(digits, p);
      if (m > bestLen) {
        best = info;
        bestLen = m;
      }
    }
  }
  return best;
}

/** Luhn (mod 10) checksum. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Digits grouped by the brand's gaps ("3782 822463 10005"); 4-4-4-4 when unknown. */
export function formatCardNumber(input: string): string {
  const digits = normalizeCardNumber(input);
  if (!/^\d*$/.test(digits)) return input;
  const gaps = detectCardBrand(digits)?.gaps ?? [4, 8, 12];
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (gaps.includes(i)) out += ' ';
    out += digits[i];
  }
  return out;
}

export type CardNumberError = 'required' | 'format' | 'length' | 'luhn' | 'brand';

export function validateCardNumber(input: string): CardNumberError | null {
  const digits = normalizeCardNumber(input);
  if (digits === '') return 'required';
  if (!/^\d+$/.test(digits)) return 'format';
  const brand = detectCardBrand(digits);
  if (!brand) return digits.length >= 12 ? 'brand' : 'length';
  if (!brand.lengths.includes(digits.length)) return 'length';
  return luhnValid(digits) ? null : 'luhn';
}

export interface CardExpiry {
  month: number;
  /** Four digits. */
  year: number;
}

/** "12/28", "1228", "12 / 2028", "１２／２８" → { month: 12, year: 2028 }; null when unreadable. */
export function parseCardExpiry(input: string): CardExpiry | null {
  const s = toHalfWidthAscii(input).replace(/\s+/g, '');
  const m = /^(\d{1,2})[/\-.]?(\d{2}|\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const month = Number(m[1]);
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** "MM/YY" while typing: a slash after two month digits. */
export function formatCardExpiry(input: string): string {
  const d = toHalfWidthAscii(input).replace(/\D/g, '').slice(0, 4);
  return d.length > 2 ? `${d.slice(0, 2)}/${d.slice(2)}` : d;
}

export type CardExpiryError = 'required' | 'format' | 'expired' | 'tooFar';

/** Valid through the last day of the month; at most 20 years ahead. */
export function validateCardExpiry(input: string, now: Date = new Date()): CardExpiryError | null {
  if (input.trim() === '') return 'required';
  const e = parseCardExpiry(input);
  if (!e) return 'format';
  const current = now.getFullYear() * 12 + now.getMonth();
  const exp = e.year * 12 + (e.month - 1);
  if (exp < current) return 'expired';
  if (exp > current + 12 * 20) return 'tooFar';
  return null;
}

export type CardCvcError = 'required' | 'format';

export function validateCardCvc(input: string, cardNumber = ''): CardCvcError | null {
  const d = toHalfWidthAscii(input).trim();
  if (d === '') return 'required';
  const size = detectCardBrand(cardNumber)?.cvcLength;
  const ok = size ? new RegExp(`^\\d{${size}}$`).test(d) : /^\d{3,4}$/.test(d);
  return ok ? null : 'format';
}

/** Holder name as embossed: Latin letters, spaces and . ' - (full-width input accepted). */
export function validateCardHolder(input: string): 'required' | 'format' | null {
  const s = toHalfWidthAscii(input).trim();
  if (s === '') return 'required';
  return /^[A-Za-z][A-Za-z .'-]{0,44}$/.test(s) ? null : 'format';
}
