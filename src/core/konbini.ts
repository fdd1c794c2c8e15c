/**
 * Konbini (convenience-store) payment: store ids, the amount limit and the
 * `stores` attribute. The chains' numbers and steps are in konbini-chains.ts.
 */
import { KONBINI_MAX_AMOUNT, KONBINI_STORES, type KonbiniStore } from './contract.js';

export function isKonbiniStore(v: unknown): v is KonbiniStore {
  return typeof v === 'string' && (KONBINI_STORES as readonly string[]).includes(v);
}

/**
 * The stores of a `stores` attribute (space-separated ids), in catalogue
 * order, and the tokens that are not store ids. No attribute, or no known id
 * in it, means every store.
 */
export function parseStoreList(attr: string | null | undefined): { stores: KonbiniStore[]; unknown: string[] } {
  const tokens = (attr ?? '').split(/\s+/).filter(Boolean);
  const unknown = [...new Set(tokens.filter((t) => !isKonbiniStore(t)))];
  const stores = KONBINI_STORES.filter((s) => tokens.includes(s));
  return { stores: stores.length ? stores : [...KONBINI_STORES], unknown };
}

/** A yen amount: a non-negative safe integer, or `null`. */
export function parseYenAmount(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** True when `amount` (yen) is over what one Konbini payment may be. */
export function exceedsKonbiniLimit(amount: number): boolean {
  return amount > KONBINI_MAX_AMOUNT;
}
