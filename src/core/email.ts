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
