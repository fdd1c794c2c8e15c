/**
 * The locale of a kessai element: its own `lang`, else the nearest ancestor's
 * (through shadow roots), else Japanese; and the locale `msg` uses while an
 * element renders (see localize.ts). No dependency: public types live here.
 */
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
