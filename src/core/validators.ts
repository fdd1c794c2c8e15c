import { validateEmail } from './email.js';
import { isKatakanaReading } from './kana.js';
import { validatePhone } from './phone.js';
import { isValidPostalCode } from './postal.js';
import { findPrefecture } from './prefectures.js';
import { charLength, hasUnsafeChars } from './text.js';

/**
 * A validator is a small pure object: it names the rule and returns an error
 * code (a string a component turns into a localized message) or `null`.
 */
export interface Validator {
  readonly name: string;
  validate(value: string): string | null;
}

export const required: Validator = {
  name: 'required',
  validate: (v) => (v.trim() === '' ? 'required' : null),
};

export const maxLength = (max: number): Validator => ({
  name: 'maxLength',
  validate: (v) => (charLength(v) > max ? 'tooLong' : null),
});

export const noUnsafeChars: Validator = {
  name: 'noUnsafeChars',
  validate: (v) => (hasUnsafeChars(v) ? 'unsafe' : null),
};

export const email: Validator = { name: 'email', validate: (v) => validateEmail(v) };
export const phone: Validator = { name: 'phone', validate: (v) => validatePhone(v) };
export const katakana: Validator = {
  name: 'katakana',
  validate: (v) => (v === '' || isKatakanaReading(v) ? null : 'katakana'),
};
export const postalCode: Validator = {
  name: 'postalCode',
  validate: (v) => (isValidPostalCode(v) ? null : 'format'),
};

/** One of the 47 prefectures, by JIS code ("13") or name ("東京都"). */
export const prefecture: Validator = {
  name: 'prefecture',
  validate: (v) => (findPrefecture(v) ? null : 'format'),
};

/** Runs validators in order and returns the first error code. Optional fields skip all rules when empty (white space only; control characters are not emptiness). */
export function runValidators(value: string, validators: readonly Validator[], isRequired = true): string | null {
  if (!isRequired && value.trim() === '' && !hasUnsafeChars(value)) return null;
  for (const v of validators) {
    const err = v.validate(value);
    if (err) return err;
  }
  return null;
}
