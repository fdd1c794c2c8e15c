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
 * Domains people mean, for typo suggestions (kessai's own short list: the
 * libraries made for this, mailcheck and email-misspelled, are CommonJS or
 * bring several KB of lists a bundler cannot drop): Japanese carriers and providers
 * first (Konbini and Pay-easy numbers are sent to these), then the global ones.
 */
export const EMAIL_DOMAINS: readonly string[] = [
  'docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp', 'i.softbank.jp', 'ymobile.ne.jp', 'disney.ne.jp', 'rakuten.jp',
  'yahoo.co.jp', 'ybb.ne.jp', 'nifty.com', 'biglobe.ne.jp', 'ocn.ne.jp', 'so-net.ne.jp', 'plala.or.jp', 'icloud.com', 'me.com', 'mac.com',
  'gmail.com', 'googlemail.com', 'outlook.com', 'outlook.jp', 'hotmail.com', 'hotmail.co.jp', 'live.jp', 'live.com', 'msn.com',
  'yahoo.com', 'aol.com', 'protonmail.com', 'proton.me',
];

/**
 * Edits between two strings, a swap of neighbours counting as one (optimal
 * string alignment): gmial → gmail is 1, gmail.con → gmail.com is 1.
 */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

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
  if (domain.length > 64) return null;
  let best: string | null = null;
  let bestDistance = 3;
  for (const known of EMAIL_DOMAINS) {
    if (Math.abs(known.length - domain.length) > 2) continue;
    const n = typoDistance(domain, known);
    // Two edits only on longer domains (au.com and ezweb.ne.jp are too close to guess between).
    if (n < bestDistance && (n === 1 || (n === 2 && domain.length >= 8))) [best, bestDistance] = [known, n];
  }
  const typed = normalizeEmail(input);
  return best ? `${typed.slice(0, typed.lastIndexOf('@'))}@${best}` : null;
}
