import { DASHES, toHalfWidthAscii } from './text.js';

/**
 * Japanese phone number as domestic digits: full-width to ASCII, hyphens,
 * dashes, spaces, dots and parentheses dropped, +81 (or 0081) to a leading 0.
 */
export function normalizePhone(input: string): string {
  let s = toHalfWidthAscii(input).replace(DASHES, '').replace(/[\s().]/g, '');
  if (s.startsWith('+81')) s = '0' + s.slice(3).replace(/^0/, '');
  else if (s.startsWith('0081')) s = '0' + s.slice(4).replace(/^0/, '');
  return s;
}

export type PhoneError = 'required' | 'format' | 'length';

/** Number of digits a domestic number must have, judged by its prefix. */
function expectedLength(d: string): number {
  if (/^0(?:[789]0|20|60|50|800)/.test(d)) return 11; // mobile, M2M, IP phone, 0800 toll-free
  return 10; // landline, 0120, 0570
}

/** `null` when `input` is a valid Japanese number, else why it is not. */
export function validatePhone(input: string): PhoneError | null {
  const d = normalizePhone(input);
  if (d === '') return 'required';
  if (!/^0\d+$/.test(d)) return 'format';
  return d.length === expectedLength(d) ? null : 'length';
}
