/**
 * The chains' localized names (the picker, the review and the payment
 * instructions show them; the numbers' labels and the steps are in
 * payment-instructions/konbini-steps.ts). Call inside a render (the element's
 * locale is active then).
 */
import type { KonbiniStore } from '../../core/contract.js';
import { msg } from '../../localize.js';

const STORE_NAMES: Record<KonbiniStore, () => string> = {
  'seven-eleven': () => msg('7-Eleven', { id: 'konbini.store.seven-eleven' }),
  familymart: () => msg('FamilyMart', { id: 'konbini.store.familymart' }),
  lawson: () => msg('Lawson', { id: 'konbini.store.lawson' }),
  ministop: () => msg('Ministop', { id: 'konbini.store.ministop' }),
  'daily-yamazaki': () => msg('Daily Yamazaki', { id: 'konbini.store.daily-yamazaki' }),
  seicomart: () => msg('Seicomart', { id: 'konbini.store.seicomart' }),
};

/** The chain's name (セブン-イレブン, 7-Eleven…). */
export function storeName(id: KonbiniStore): string {
  return STORE_NAMES[id]();
}
