/**
 * Script-tag entry: defines the checkout and the elements of its first screen
 * at once; card fields, payment instructions and the wallet QR code come as parts loaded on demand
 * (scripts/embed-chunks.js), when the checkout needs them or when the page has
 * such a tag of its own (an order-complete page showing the payment numbers).
 */
import './define/checkout.js';
import { setDefaultPostalData } from './components/address-fields/postal-source.js';
import { loadLater } from './components/checkout/sections.js';
import { setEnglishSource } from './localize.js';

/** Set by the build (vite.config.ts): the English table's file name and its sha384 integrity. */
declare const __KESSAI_EN__: { file: string; integrity: string };

// Postal shards and the English messages live beside this script (postal-data
// overrides the shards). currentScript is only set while the script first runs;
// an SVG <script> has no src. Resolved by hand: at load, kessai touches no DOM
// interface the first screen does not need (each costs Blink a set-up on first use).
const base = (document.currentScript as HTMLScriptElement | null)?.src || undefined;
const beside = (file: string) => base!.replace(/[?#].*$/, '').replace(/[^/]*$/, file);
if (base) setDefaultPostalData(beside('postal/'));
setEnglishSource(async () => {
  if (!base) throw new Error('the embed was not loaded by a <script src>, so kessai.en.json cannot be located');
  const res = await fetch(beside(__KESSAI_EN__.file), { integrity: __KESSAI_EN__.integrity, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status}`);
  return (await res.json()) as string[];
});

// The page's own <kessai-card-fields> / <kessai-payment-instructions> / <kessai-wallet-qr>: looked
// for once the page is parsed (kessai.js usually runs in the head, before any of them), then
// whenever one is added.
const waiting = new Set(['kessai-card-fields', 'kessai-payment-instructions', 'kessai-wallet-qr'] as const);
let observer: MutationObserver | undefined;
const look = () => {
  for (const tag of waiting) {
    if (!document.getElementsByTagName(tag).length) continue;
    waiting.delete(tag);
    loadLater(tag).catch((error: unknown) => (waiting.add(tag), console.error(error)));
  }
  if (!waiting.size) observer?.disconnect();
};
const watch = () => {
  look();
  if (!waiting.size) return;
  observer = new MutationObserver(look);
  observer.observe(document, { childList: true, subtree: true });
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
else watch();
