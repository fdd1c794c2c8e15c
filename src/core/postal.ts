import { DASHES, toHalfWidthAscii } from './text.js';

/**
 * Postal code as digits only: drops 〒 / 〶 marks, spaces and every dash
 * variant (incl. the ー an IME types), full-width digits to ASCII.
 * Returns what remains, which may still contain non-digits (the caller validates).
 */
export function normalizePostalCode(input: string): string {
  return toHalfWidthAscii(input)
    .replace(/[\u3012\u3036\u3020]/g, '')
    .replace(DASHES, '')
    .replace(/\s+/g, '');
}

/** True when the normalized code has exactly seven digits. */
export function isValidPostalCode(input: string): boolean {
  return /^\d{7}$/.test(normalizePostalCode(input));
}

/** NNN-NNNN for a valid code; the normalized digits otherwise (never loses input). */
export function formatPostalCode(input: string): string {
  const d = normalizePostalCode(input);
  return /^\d{7}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3)}` : d;
}
