/**
 * Kana rules for furigana (セイ / メイ): conversion and validation.
 */

/** Hiragana (incl. ゔ ゕ ゖ ゝ ゞ) to katakana; everything else unchanged. */
export function hiraganaToKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/**
 * Half-width katakana (ｱ, ﾊﾟ, ｰ …) to full-width, combining ﾞ/ﾟ with the
 * preceding kana. Only the half-width kana block is touched (NFKC on this
 * range alone), so names keep their exact kanji.
 */
export function halfwidthKanaToFullwidth(s: string): string {
  return s.replace(/[\uFF61-\uFF9F]+/g, (run) => run.normalize('NFKC'));
}

/** What a kana field stores: hiragana and half-width kana become full-width katakana. */
export function toKatakana(s: string): string {
  return hiraganaToKatakana(halfwidthKanaToFullwidth(s));
}

/** True if `s` is non-empty and made only of hiragana (what an IME composes before conversion). */
export function isHiraganaOnly(s: string): boolean {
  return /^[\u3041-\u3096\u309D\u309E\u30FC]+$/.test(s);
}

/**
 * Katakana allowed in a reading: ァ–ヺ (incl. ヴ ヵ ヶ ヷ–ヺ), ・ ー ヽ ヾ, the small
 * katakana extension ㇰ–ㇿ, and ASCII / ideographic spaces between words.
 */
const KATAKANA_READING = /^[\u30A1-\u30FA\u30FB\u30FC\u30FD\u30FE\u31F0-\u31FF \u3000]+$/;

/** True when `s` is a valid katakana reading (spaces allowed only between characters). */
export function isKatakanaReading(s: string): boolean {
  return KATAKANA_READING.test(s) && s.trim() === s && s.replace(/[ \u3000]/g, '').length > 0;
}
