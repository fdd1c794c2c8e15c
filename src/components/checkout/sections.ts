/**
 * The checkout's sections that its first screen does not show, defined when
 * first needed: separate chunks in the script-tag embed (loaded with their SRI
 * hashes) and in an app's bundle. A failed load can be tried again.
 */
const later = {
  'kessai-card-fields': () => import('../../define/card-fields.js'),
  'kessai-payment-instructions': () => import('../../define/payment-instructions.js'),
  'kessai-wallet-qr': () => import('../../define/wallet-qr.js'),
};
export type LaterSection = keyof typeof later;

const loads = new Map<LaterSection, Promise<void>>();

export function defineSection(tag: LaterSection): Promise<void> {
  let p = loads.get(tag);
  if (!p) {
    p = later[tag]().then(() => undefined);
    p.catch(() => loads.delete(tag));
    loads.set(tag, p);
  }
  return p;
}
