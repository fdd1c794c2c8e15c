import emailMisspelled from 'email-misspelled';
import { toHalfWidthAscii } from './text.js';

/** E-mail as typed, full-width ASCII (ｔａｒｏ＠…) to half-width, trimmed. */
export function normalizeEmail(input: string): string {
  return toHalfWidthAscii(input).trim();
}

export type EmailError = 'required' | 'format';

/** Pragmatic check (the WHATWG `type=email` rule plus a dot in the domain, ≤ 254 chars). */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function validateEmail(input: string): EmailError | null {
  const e = normalizeEmail(input);
  if (e === '') return 'required';
  return e.length <= 254 && EMAIL.test(e) ? null : 'format';
}

/**
 * Domains people mean, for typo suggestions: Japanese carriers and providers
 * first (Konbini and Pay-easy numbers are sent to these), then the global ones.
 */
export const EMAIL_DOMAINS: readonly string[] = [
  'docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp', 'i.softbank.jp', 'ymobile.ne.jp', 'disney.ne.jp', 'rakuten.jp',
  'yahoo.co.jp', 'ybb.ne.jp', 'nifty.com', 'biglobe.ne.jp', 'ocn.ne.jp', 'so-net.ne.jp', 'plala.or.jp', 'icloud.com', 'me.com', 'mac.com',
  'gmail.com', 'googlemail.com', 'outlook.com', 'outlook.jp', 'hotmail.com', 'hotmail.co.jp', 'live.jp', 'live.com', 'msn.com',
  'yahoo.com', 'aol.com', 'protonmail.com', 'proton.me',
];

const findTypos = emailMisspelled({ domains: [...EMAIL_DOMAINS], maxMisspelled: 2, lengthDiffMax: 2 });

/**
 * The address the shopper probably meant, when its domain is one typo away
 * from a common one (`gmail.con` → `gmail.com`, `docomo.ne.jpp` → `docomo.ne.jp`);
 * else null. A suggestion, never an error: the address may be right.
 */
export function suggestEmail(input: string): string | null {
  const email = normalizeEmail(input).toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 1 || validateEmail(email) === 'required') return null;
  const domain = email.slice(at + 1);
  if (!domain || EMAIL_DOMAINS.includes(domain)) return null;
  const best = findTypos(email)[0];
  return best ? `${normalizeEmail(input).slice(0, normalizeEmail(input).lastIndexOf('@'))}@${best.suggest}` : null;
}
