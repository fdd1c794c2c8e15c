import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { furiganaReducer, initialFurigana, readingOf, type FuriganaEvent, type FuriganaState } from '../../core/furigana.js';
import { toKatakana } from '../../core/kana.js';
import { FIELD_SCHEMA } from '../../core/field-schema.js';
import { msg } from '../../localize.js';
import { FormFieldsElement, schemaField, type FieldSpec } from '../shared/form-fields.js';
import { nameFieldsStyles } from './name-fields.styles.js';

type NameKey = 'familyName' | 'givenName';
type KanaKey = 'familyNameKana' | 'givenNameKana';
const KANA_OF: Record<NameKey, KanaKey> = { familyName: 'familyNameKana', givenName: 'givenNameKana' };
const KANA_KEYS: readonly KanaKey[] = ['familyNameKana', 'givenNameKana'];

const FIELDS: readonly FieldSpec[] = [
  schemaField('familyName', FIELD_SCHEMA['customer.familyName']),
  schemaField('givenName', FIELD_SCHEMA['customer.givenName']),
  schemaField('familyNameKana', FIELD_SCHEMA['customer.familyNameKana']),
  schemaField('givenNameKana', FIELD_SCHEMA['customer.givenNameKana']),
];

/**
 * 姓 / 名 and their reading セイ / メイ, with the reading filled in from the
 * Japanese IME while the shopper types the name: the hiragana typed before
 * conversion (やまだ → 山田) becomes the katakana reading (ヤマダ). Nothing is
 * guessed from paste or autofill, the reading follows deletions, and a reading
 * the shopper edited is never overwritten. Hiragana and half-width kana typed
 * into セイ / メイ become full-width katakana.
 * Form-associated: FormData entries `familyName`, `givenName`,
 * `familyNameKana`, `givenNameKana` under the `name` prefix.
 *
 * @tagname kessai-name-fields
 * @summary Family and given name in kanji and katakana, with furigana from the IME.
 * @csspart row - A row of two fields (姓 名, then セイ メイ).
 * @csspart field - Wrapper of one label, input and error.
 * @csspart label - A field's visible label.
 * @csspart input - A text input.
 * @csspart hint - The note under the katakana row.
 * @csspart error - Inline error text, linked to its input by aria-describedby.
 * @cssproperty --kessai-color-error - Error text and border colour.
 * @cssproperty --kessai-color-border - Input border colour.
 * @cssproperty --kessai-color-focus - Focus ring colour.
 * @cssproperty --kessai-radius - Input corner radius.
 * @cssproperty --kessai-field-gap - Space between fields.
 */
export class KessaiNameFields extends FormFieldsElement {
  static override styles = nameFieldsStyles;

  /** Furigana state of 姓 and 名. */
  private furigana: Record<NameKey, FuriganaState> = { familyName: initialFurigana(), givenName: initialFurigana() };
  /** Reading fields the shopper (or the browser's autofill) filled: never written again. */
  private ownKana = new Set<KanaKey>();
  /** Reading fields with a composition in progress. */
  private kanaComposing = new Set<KanaKey>();

  protected get fields(): readonly FieldSpec[] {
    return FIELDS;
  }

  /** `{ familyName, givenName, familyNameKana, givenNameKana }` as sent (see `normalizeName`, `normalizeNameKana`). */
  override get value(): Record<string, string> {
    return super.value;
  }

  /** Prefills the fields; a prefilled reading is kept as given (converted to katakana). */
  override set value(v: Record<string, string> | null | undefined) {
    const next: Record<string, string> = { ...(v ?? {}) };
    for (const k of KANA_KEYS) if (typeof next[k] === 'string') next[k] = toKatakana(next[k]);
    super.value = next;
    this.furigana = {
      familyName: initialFurigana(this.values.familyName ?? ''),
      givenName: initialFurigana(this.values.givenName ?? ''),
    };
    this.ownKana.clear();
    for (const k of KANA_KEYS) if (this.values[k]) this.ownKana.add(k);
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this.furigana = { familyName: initialFurigana(), givenName: initialFurigana() };
    this.ownKana.clear();
    this.kanaComposing.clear();
  }

  /** Messages name the limit, NAME_MAX_LENGTH (30), as plain text: `str` templates holding Japanese would not survive the ASCII-only embed. */
  protected errorMessage(key: string, code: string): string {
    if (code === 'unsafe') return msg('Remove control or direction-changing characters.', { id: 'common.unsafe' });
    switch (`${key}.${code}`) {
      case 'familyName.required':
        return msg('Enter your family name.', { id: 'name.familyName.required' });
      case 'familyName.tooLong':
        return msg('The family name is too long. Enter it in 30 characters or fewer.', { id: 'name.familyName.tooLong' });
      case 'familyName.symbols':
        return msg('The family name contains symbols that cannot be used in a name. Remove them.', { id: 'name.familyName.symbols' });
      case 'givenName.required':
        return msg('Enter your given name.', { id: 'name.givenName.required' });
      case 'givenName.tooLong':
        return msg('The given name is too long. Enter it in 30 characters or fewer.', { id: 'name.givenName.tooLong' });
      case 'givenName.symbols':
        return msg('The given name contains symbols that cannot be used in a name. Remove them.', { id: 'name.givenName.symbols' });
      case 'familyNameKana.required':
        return msg('Enter the reading of your family name in full-width katakana (e.g. ヤマダ).', { id: 'name.familyNameKana.required' });
      case 'familyNameKana.tooLong':
        return msg('The family name reading is too long. Enter it in 30 characters or fewer.', { id: 'name.familyNameKana.tooLong' });
      case 'familyNameKana.katakana':
        return msg('The family name reading contains characters other than katakana. Enter it in full-width katakana (e.g. ヤマダ).', {
          id: 'name.familyNameKana.katakana',
        });
      case 'givenNameKana.required':
        return msg('Enter the reading of your given name in full-width katakana (e.g. ハナコ).', { id: 'name.givenNameKana.required' });
      case 'givenNameKana.tooLong':
        return msg('The given name reading is too long. Enter it in 30 characters or fewer.', { id: 'name.givenNameKana.tooLong' });
      default:
        return msg('The given name reading contains characters other than katakana. Enter it in full-width katakana (e.g. ハナコ).', {
          id: 'name.givenNameKana.katakana',
        });
    }
  }

  /** Feeds one event of 姓 or 名 to its furigana state and writes the reading unless the shopper owns it. */
  private feed(key: NameKey, event: FuriganaEvent): void {
    const prev = this.furigana[key];
    const next = furiganaReducer(prev, event);
    if (next === prev) return;
    this.furigana[key] = next;
    const reading = readingOf(next);
    const kanaKey = KANA_OF[key];
    if (reading !== readingOf(prev) && !this.ownKana.has(kanaKey)) this.setField(kanaKey, reading, false);
  }

  private onNameInput(key: NameKey, e: Event): void {
    const input = e.target as HTMLInputElement;
    this.setField(key, input.value, true);
    const ie = e as Partial<InputEvent>;
    this.feed(key, { type: 'input', value: input.value, inputType: ie.inputType, isComposing: ie.isComposing === true });
  }

  private onNameComposition(key: NameKey, e: CompositionEvent): void {
    const input = e.target as HTMLInputElement;
    if (e.type === 'compositionstart') this.feed(key, { type: 'compositionstart' });
    else if (e.type === 'compositionupdate') this.feed(key, { type: 'compositionupdate', data: e.data });
    else {
      if (input.value !== this.values[key]) this.setField(key, input.value, true);
      this.feed(key, { type: 'compositionend', data: e.data, value: input.value });
    }
  }

  private onKanaInput(key: KanaKey, e: Event): void {
    const input = e.target as HTMLInputElement;
    if ((e as Partial<InputEvent>).isComposing !== true && !this.kanaComposing.has(key)) toKatakanaInPlace(input);
    this.takeKana(key, input.value);
  }

  private onKanaComposition(key: KanaKey, e: CompositionEvent): void {
    const input = e.target as HTMLInputElement;
    if (e.type === 'compositionstart') {
      this.kanaComposing.add(key);
      return;
    }
    this.kanaComposing.delete(key);
    toKatakanaInPlace(input);
    this.takeKana(key, input.value);
  }

  /** The shopper typed in a reading field: it is theirs from now on (until they empty it). */
  private takeKana(key: KanaKey, value: string): void {
    this.setField(key, value, true);
    if (value === '') this.ownKana.delete(key);
    else this.ownKana.add(key);
  }

  /** Each value shows only in its own input (typing re-renders nothing unless an error appears or goes). */
  protected override showsValueOnlyInItsInput(): boolean {
    return true;
  }

  protected override renderContent() {
    return html`<div class="row" part="row">
        ${this.renderName('familyName', msg('Family name', { id: 'name.familyName.label' }), 'family-name')}
        ${this.renderName('givenName', msg('Given name', { id: 'name.givenName.label' }), 'given-name')}
      </div>
      <div class="row" part="row">
        ${this.renderKana('familyNameKana', msg('Family name (katakana)', { id: 'name.familyNameKana.label' }))}
        ${this.renderKana('givenNameKana', msg('Given name (katakana)', { id: 'name.givenNameKana.label' }))}
      </div>
      <p id="kana-hint" class="hint kana-hint" part="hint">
        ${msg('The katakana reading is filled in as you type your name. If it is wrong, correct it in full-width katakana.', { id: 'name.kana.hint' })}
      </p>`;
  }

  private renderName(key: NameKey, label: string, autocomplete: AutoFill): TemplateResult {
    const input = (e: Event) => this.onNameInput(key, e);
    const composition = (e: CompositionEvent) => this.onNameComposition(key, e);
    return this.renderField(key, label, autocomplete, `${key}-error`, input, composition);
  }

  private renderKana(key: KanaKey, label: string): TemplateResult {
    const input = (e: Event) => this.onKanaInput(key, e);
    const composition = (e: CompositionEvent) => this.onKanaComposition(key, e);
    // No autocomplete token exists for a phonetic name (whatwg/html#5821); a
    // name token here would offer the kanji name, so the browser is told off.
    return this.renderField(key, label, 'off', `kana-hint ${key}-error`, input, composition);
  }

  /** Label, input and error of one field (the shared pattern, plus composition listeners). */
  private renderField(
    key: string,
    label: string,
    autocomplete: AutoFill,
    describedBy: string,
    onInput: (e: Event) => void,
    onComposition: (e: CompositionEvent) => void,
  ): TemplateResult {
    const error = this.shownError(key);
    return html`<div class="field" part="field ${key}-field">
      <label for=${key} part="label">${label}${this.marker(true)}</label>
      <input
        id=${key}
        part="input"
        name=${key}
        type="text"
        .autocomplete=${autocomplete}
        spellcheck="false"
        required
        ?disabled=${this.isDisabled}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${live(this.values[key] ?? '')}
        @input=${onInput}
        @compositionstart=${onComposition}
        @compositionupdate=${onComposition}
        @compositionend=${onComposition}
        @blur=${() => this.onFieldBlur(key)}
      />
      <p id="${key}-error" class="error" part="error" aria-live="polite">${error ? this.messageFor(key, error) : ''}</p>
    </div>`;
  }
}

/** Hiragana and half-width kana in `input` to full-width katakana, keeping the caret where it was. */
function toKatakanaInPlace(input: HTMLInputElement): void {
  const v = input.value;
  const k = toKatakana(v);
  if (k === v) return;
  const caret = input.selectionEnd ?? v.length;
  const at = toKatakana(v.slice(0, caret)).length;
  input.value = k;
  try {
    input.setSelectionRange(at, at);
  } catch {
    /* not a text input any more: nothing to keep */
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kessai-name-fields': KessaiNameFields;
  }
}
