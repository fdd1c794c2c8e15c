/**
 * Does an address agree with its postal code? One rule set for the address
 * element and the server (kessai/server `postalLookup`), beside the per-field
 * schema (field-schema.ts): the fields may each be valid and still not belong
 * together. Pure, no DOM.
 */
import type { PostalAddress } from './postal-data.js';
import { toHalfWidthAscii } from './text.js';

/**
 * - `postal_unknown`: no such code in the data (a typo, or a code newer than the data);
 * - `postal_mismatch`: the code belongs to another prefecture or city than the one entered;
 * - `town_missing`: the code has one town and 町名・番地 does not start with it (e.g. 「1-2-3」 alone);
 * - `town_required`: the code covers several towns and 町名・番地 names none of them.
 *
 * The first three may be confirmed by the shopper (`address.confirmed: true`: "I checked, it is
 * right": data can be older than a new code or town); `town_required` needs a town.
 */
export type AddressIssueCode = 'postal_unknown' | 'postal_mismatch' | 'town_missing' | 'town_required';

export interface AddressIssue {
  code: AddressIssueCode;
  /** The contract field the issue is reported on. */
  field: 'address.postalCode' | 'address.line1';
  /** What the code stands for (for the message: 「100-0001 は 東京都千代田区 の郵便番号です」). */
  expected: readonly PostalAddress[];
}

export const CONFIRMABLE_ISSUES: readonly AddressIssueCode[] = ['postal_unknown', 'postal_mismatch', 'town_missing'];

/** Spaces removed, full-width ASCII to half-width, ヶ/ヵ/ケ/カ folded: how 「霞ヶ関」 and 「霞ケ関」 compare equal. */
export function foldAddressText(s: string): string {
  return toHalfWidthAscii(s)
    .replace(/\s+/g, '')
    .replace(/[ヶヵケ]/g, 'ケ');
}

/**
 * The first issue of `address` against `candidates` (every address of its
 * postal code; empty when the code is unknown), or null when they agree.
 */
export function checkAddressAgainstPostal(
  address: { prefectureCode: string; city: string; line1: string },
  candidates: readonly PostalAddress[],
): AddressIssue | null {
  if (candidates.length === 0) return { code: 'postal_unknown', field: 'address.postalCode', expected: [] };
  const city = foldAddressText(address.city);
  const here = candidates.filter((c) => c.prefectureCode === address.prefectureCode && foldAddressText(c.city) === city);
  if (here.length === 0) return { code: 'postal_mismatch', field: 'address.postalCode', expected: candidates };
  const towns = [...new Set(here.map((c) => foldAddressText(c.town)).filter(Boolean))];
  // A code that covers the whole city (no town) or a town the data leaves empty: nothing to compare.
  if (towns.length === 0 || here.some((c) => c.town === '')) return null;
  const line1 = foldAddressText(address.line1);
  if (towns.some((t) => line1.startsWith(t))) return null;
  return towns.length > 1
    ? { code: 'town_required', field: 'address.line1', expected: here }
    : { code: 'town_missing', field: 'address.line1', expected: here };
}

/** True when the issue stands even though the shopper confirmed the address. */
export function blocksOrder(issue: AddressIssue | null, confirmed: boolean): boolean {
  return !!issue && !(confirmed && CONFIRMABLE_ISSUES.includes(issue.code));
}
