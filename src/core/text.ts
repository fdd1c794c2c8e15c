/**
 * Text hygiene shared by every field: control and bidi characters, width.
 * Pure functions, no DOM: the merchant backend can re-validate with them.
 */

/**
 * C0 and C1 controls, DEL, the bidi embeddings / overrides / isolates and marks,
 * zero-width space and BOM. Tab and newline are controls too: every kessai
 * field is single-line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** True when `s` holds a control or bidi-control character. */
export function hasUnsafeChars(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return found;
}

/** `s` without control and bidi-control characters. */
export function stripUnsafeChars(s: string): string {
  return s.replace(UNSAFE, '');
}

/**
 * Full-width ASCII (！ to ～) and the ideographic space to their ASCII forms.
 * This is the part of NFKC that is always right for e-mail, phone, postal
 * and card input; unlike NFKC it leaves kanji (e.g. 﨑) and kana alone.
 */
export function toHalfWidthAscii(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Dash-like characters people (and IMEs) type between digits. */
export const DASHES = /[-\u2010-\u2015\u2212\u2500\u30FC\uFF0D\uFF70\uFE58\uFE63]/g;

/** Length in code points (what a person counts), not UTF-16 units. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * 12980 → "12,980": a whole yen amount with its digits grouped. No Intl: creating an
 * Intl.NumberFormat costs milliseconds, and this runs on the first screen.
 */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}

const MAX_URL_LENGTH = 2048;

/** `v` as display text: a string, without control / bidi characters, trimmed, at most `max` characters; else `null`. */
export function cleanText(v: unknown, max: number): string | null {
  if (typeof v !== 'string' || v.length > max * 4) return null;
  const s = stripUnsafeChars(v).trim();
  return s === '' || charLength(s) > max ? null : s;
}

/** `v` when it is an absolute https: URL without credentials, normalized by the URL parser; else `null`. */
export function safeHttpsUrl(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(v.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return null;
  return url.href;
}
