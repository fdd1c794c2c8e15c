/**
 * kessai's own message lookup over @lit/localize's extracted templates.
 *
 * @lit/localize keeps ONE global configuration per module instance
 * (`configureLocalization` throws on a second call), so a storefront that
 * localizes itself with @lit/localize and kessai could not both configure it.
 * kessai therefore never calls `configureLocalization`: it uses the `msg` / `str`
 * authoring API and the generated template modules (`lit-localize build`,
 * runtime mode), and resolves messages itself per element: the locale comes
 * from the element's own `lang`, else the nearest ancestor's (through shadow
 * roots), else Japanese.
 */
import type { MsgOptions, StrResult, TemplateLike, TemplateMap } from '@lit/localize';
import type { msg as litMsg } from '@lit/localize';
import { templates as jaTemplates } from './generated/locales/ja.js';

const ja: TemplateMap = jaTemplates;

export { str } from '@lit/localize';

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

const isStr = (t: TemplateLike): t is StrResult => typeof t !== 'string' && 'strTag' in t;

function join(strings: readonly string[], values: readonly unknown[], order?: readonly number[]): string {
  let out = strings[0];
  for (let i = 1; i < strings.length; i++) out += String(values[order ? order[i - 1] : i - 1]) + strings[i];
  return out;
}

function lookup(template: string | StrResult, options?: MsgOptions): string {
  const id = options?.id;
  const localized = current === 'ja' && id ? ja[id] : undefined;
  if (typeof localized === 'string') return localized;
  if (localized && isStr(localized) && isStr(template)) {
    // Translated str templates hold ${n}: the index of the source value to insert.
    return join(localized.strings, template.values, localized.values as number[]);
  }
  return isStr(template) ? join(template.strings, template.values) : template;
}

/**
 * Same signature as @lit/localize's `msg` (so `lit-localize extract` finds the
 * calls). kessai messages are plain strings or `str` templates, each with an `id`.
 */
export const msg = lookup as unknown as typeof litMsg;
