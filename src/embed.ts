/** Script-tag entry: registers every kessai element. */
import './define/all.js';
import { setDefaultPostalData } from './components/address-fields/postal-source.js';
import { setEnglishSource } from './localize.js';

/** Set by the build (vite.config.ts): the English table's file name and its sha384 integrity. */
declare const __KESSAI_EN__: { file: string; integrity: string };

// Postal shards and the English messages live beside this script (postal-data
// overrides the shards). currentScript is only set while the script first runs.
const script = document.currentScript;
const base = script instanceof HTMLScriptElement && script.src ? script.src : undefined;
if (base) setDefaultPostalData(new URL('postal/', base).href);
setEnglishSource(async () => {
  if (!base) throw new Error('the embed was not loaded by a <script src>, so kessai.en.json cannot be located');
  const res = await fetch(new URL(__KESSAI_EN__.file, base), { integrity: __KESSAI_EN__.integrity, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status}`);
  return (await res.json()) as string[];
});
