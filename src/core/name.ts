/**
 * Rules for a person's name (姓 / 名) and its reading (セイ / メイ), shared by
 * kessai-name-fields and the merchant's backend. Pure, no DOM.
 */
import { toKatakana, halfwidthKanaToFullwidth, isKatakanaReading } from './kana.js';
import { maxLength, noUnsafeChars, required, type Validator } from './validators.js';

/** Longest accepted part (family or given name, kanji or kana), in characters. */
export const NAME_MAX_LENGTH = 30;

/**
 * Symbols that are no part of anyone's name and break the systems a name is
 * passed on to (PSPs, carriers, CSV exports). Letters of any script, spaces,
 * 々 〆 ヶ ・ ー, apostrophes, hyphens and periods (O'Brien, Jean-Luc, Jr.) stay allowed.
 */
const NAME_SYMBOLS = /[<>{}[\]\\|^`"=;$%#@*+_~/:!?&\uFF1C\uFF1E\uFF5B\uFF5D\uFF3B\uFF3D\uFFE5\uFF04\uFF05\uFF03\uFF20\uFF0A\uFF0B\uFF3F\uFF5E\uFF0F\uFF1A\uFF01\uFF1F\uFF06\uFF1D\uFF1B\uFF02\uFF3C\uFF5C\uFF3E\uFF40]/;

/** True when `s` holds a symbol that does not belong in a name. */
export function hasNameSymbols(s: string): boolean {
  return NAME_SYMBOLS.test(s);
}

/** What a name part is sent as: half-width kana made full-width, outer spaces removed. Kanji are kept exactly. */
export function normalizeName(s: string): string {
  return halfwidthKanaToFullwidth(s).trim();
}

/** What a reading is sent as: full-width katakana (hiragana and half-width kana converted), outer spaces removed. */
export function normalizeNameKana(s: string): string {
  return toKatakana(s).trim();
}

/** Error code `symbols` for a name part holding symbols. */
export const nameChars: Validator = {
  name: 'nameChars',
  validate: (v) => (hasNameSymbols(v) ? 'symbols' : null),
};

/** Error code `katakana` unless the reading, as it will be sent, is katakana only (ー ・ and inner spaces allowed). */
export const nameKana: Validator = {
  name: 'nameKana',
  validate: (v) => {
    const n = normalizeNameKana(v);
    return n === '' || isKatakanaReading(n) ? null : 'katakana';
  },
};

/** Validators of 姓 / 名, in the order their messages take precedence. */
export const nameValidators: readonly Validator[] = [required, noUnsafeChars, maxLength(NAME_MAX_LENGTH), nameChars];

/** Validators of セイ / メイ. */
export const nameKanaValidators: readonly Validator[] = [required, noUnsafeChars, maxLength(NAME_MAX_LENGTH), nameKana];
