/**
 * What the checkout's first screen does not show, loaded when first needed:
 * separate parts in the script-tag embed (loaded with their SRI hashes) and
 * chunks in an app's bundle. A failed load can be tried again.
 */
const later = {
  'kessai-card-fields': () => import('../../define/card-fields.js'),
  'kessai-payment-instructions': () => import('../../define/payment-instructions.js'),
  'kessai-wallet-qr': () => import('../../define/wallet-qr.js'),
  /** Posting the order and reading its status (fetched while the shopper fills the form). */
  ordering: () => import('./ordering.js'),
  /** The result screens (after an order, or an order read back from the page's URL). */
  'result-view': () => import('./result-view.js'),
};
export type LaterSection = keyof typeof later;
export type Later<K extends LaterSection> = Awaited<ReturnType<(typeof later)[K]>>;

const loads = new Map<LaterSection, Promise<unknown>>();

export function loadLater<K extends LaterSection>(key: K): Promise<Later<K>> {
  let p = loads.get(key);
  if (!p) {
    p = later[key]();
    p.catch(() => loads.delete(key));
    loads.set(key, p);
  }
  return p as Promise<Later<K>>;
}
