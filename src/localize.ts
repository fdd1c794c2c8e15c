/**
 * kessai's messages. Source code uses @lit/localize's authoring API —
 * `msg('English', { id })` and `msg(str`…${x}…`, { id })` — so `lit-localize
 * extract` keeps locales/ja.xlf current. Every build (embed, npm, Storybook,
 * tests) then compiles each call (scripts/messages.js) into
 * `msg(ja, en, values)`: Japanese inline, English inline or, in the embed, an
 * index into kessai.en.json, fetched only when an element renders in English.
 * kessai never calls `configureLocalization`, so a storefront may use
 * @lit/localize itself. The locale comes from the element's own `lang`, else the
 * nearest ancestor's (through shadow roots), else Japanese.
 */
import type { msg as litMsg, str as litStr } from '@lit/localize';

export type KessaiLocale = 'ja' | 'en';
export const DEFAULT_LOCALE: KessaiLocale = 'ja';

let current: KessaiLocale = DEFAULT_LOCALE;

/** Runs `fn` with `locale` as the active locale of `msg` (render is synchronous). */
export function withLocale<T>(locale: KessaiLocale, fn: () => T): T {
  const previous = current;
  current = locale;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** The locale `msg` uses right now. */
export function activeLocale(): KessaiLocale {
  return current;
}

/** Maps a BCP 47 tag to a kessai locale: `en…` is English, everything else Japanese. */
export function toKessaiLocale(tag: string | null | undefined): KessaiLocale {
  return tag && /^en\b/i.test(tag) ? 'en' : DEFAULT_LOCALE;
}

/** The locale of `el`: its own or nearest ancestor's `lang`, crossing shadow boundaries. */
export function resolveLocale(el: Element): KessaiLocale {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return toKessaiLocale(lang);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return DEFAULT_LOCALE;
}

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
  const text = current === 'ja' ? ja : typeof en === 'string' ? en : (english?.[en] ?? ja);
  return values ? text.replace(/\{(\d+)\}/g, (_, n: string) => String(values[Number(n)])) : text;
}

/** Typed as @lit/localize's `msg` for the source; the build rewrites every call (see above). */
export const msg = compiled as unknown as typeof litMsg;

/** Only ever seen by `lit-localize extract` and the type checker: the build removes every use. */
export const str = ((): never => {
  throw new Error('kessai: an uncompiled str`` message (build with scripts/messages.js)');
}) as unknown as typeof litStr;
