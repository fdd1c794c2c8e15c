/**
 * kessai's messages. Source code uses @lit/localize's authoring API —
 * `msg('English', { id })` and `msg(str`…${x}…`, { id })` — so `lit-localize
 * extract` keeps locales/ja.xlf current. Every build (embed, npm, Storybook,
 * tests) then compiles each call (scripts/compile-source.js) into
 * `msg(ja, en, values)`: Japanese inline, English inline or, in the embed, an
 * index into kessai.en.json, fetched only when an element renders in English.
 * kessai never calls `configureLocalization`, so a storefront may use
 * @lit/localize itself. Which locale: locale.ts. @lit/localize is a build tool
 * here (types and `lit-localize extract`), not a runtime dependency.
 */
import type { msg as litMsg, str as litStr } from '@lit/localize';
import { activeLocale } from './locale.js';

let english: readonly string[] | undefined;

let loadEnglish: (() => Promise<readonly string[]>) | undefined;
let englishLoad: Promise<void> | undefined;

/** The embed: English messages come from `load` (kessai.en.json), on first need. */
export function setEnglishSource(load: () => Promise<readonly string[]>): void {
  loadEnglish = load;
}

/**
 * Undefined when English can be rendered now; else a promise that settles when it
 * can (the table loaded, or failed to load: then Japanese is shown, and said once).
 */
export function englishReady(): Promise<void> | undefined {
  if (english || !loadEnglish) return undefined;
  return (englishLoad ??= loadEnglish().then(
    (table) => void (english = table),
    (error: unknown) => {
      console.error('kessai: English messages could not be loaded; showing Japanese.', error);
      english = [];
    },
  ));
}

/** A compiled message: `{N}` in the text is replaced by `values[N]`, in one pass. */
function compiled(ja: string, en: string | number, values?: readonly unknown[]): string {
  const text = activeLocale() === 'ja' ? ja : typeof en === 'string' ? en : (english?.[en] ?? ja);
  return values ? text.replace(/\{(\d+)\}/g, (_, n: string) => String(values[Number(n)])) : text;
}

/** Typed as @lit/localize's `msg` for the source; the build rewrites every call (see above). */
export const msg = compiled as unknown as typeof litMsg;

/** Only ever seen by `lit-localize extract` and the type checker: the build removes every use. */
export const str = ((): never => {
  throw new Error('kessai: an uncompiled str`` message (build with scripts/messages.js)');
}) as unknown as typeof litStr;
