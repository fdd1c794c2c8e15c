import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { normalizeEmail, suggestEmail } from '../../core/email.js';
import { FIELD_SCHEMA } from '../../core/field-schema.js';
import { normalizePhone } from '../../core/phone.js';
import { DASHES, hasUnsafeChars, toHalfWidthAscii } from '../../core/text.js';
import { msg, str } from '../../localize.js';
import { FormFieldsElement, schemaField, type FieldSpec } from '../shared/form-fields.js';
import { contactFieldsStyles } from './contact-fields.styles.js';

const FIELDS: readonly FieldSpec[] = [
  schemaField('email', FIELD_SCHEMA['customer.email']),
  schemaField('phone', FIELD_SCHEMA['customer.phone']),
];

/**
 * メールアドレス and 電話番号, validated the Japanese way (full-width input
 * accepted, +81 and hyphens allowed, 10 or 11 digits by prefix).
 * Form-associated: FormData entries `email` and `phone` (digits only) under
 * the `name` prefix.
 *
 * @tagname kessai-contact-fields
 * @summary E-mail address and Japanese phone number.
 * @csspart field - Wrapper of one label, input, hint and error.
 * @csspart label - A field's visible label.
 * @csspart input - A text input.
 * @csspart hint - Help text under an input.
 * @csspart error - Inline error text, linked to its input by aria-describedby.
 * @csspart suggestion - 「もしかして …？」 under the e-mail address, with its button (never blocking).
 * @cssproperty --kessai-color-error - Error text and border colour.
 * @cssproperty --kessai-color-border - Input border colour.
 * @cssproperty --kessai-color-focus - Focus ring colour.
 * @cssproperty --kessai-radius - Input corner radius.
 * @cssproperty --kessai-field-gap - Space between fields.
 */
export class KessaiContactFields extends FormFieldsElement {
  static override styles = contactFieldsStyles;

  /** The address the shopper probably meant (a common domain one typo away), shown after the field is left. */
  @state() private suggestion: string | null = null;

  protected get fields(): readonly FieldSpec[] {
    return FIELDS;
  }

  protected errorMessage(key: string, code: string): string {
    if (code === 'unsafe') return msg('Remove control or direction-changing characters.', { id: 'common.unsafe' });
    if (key === 'email') {
      if (code === 'required') return msg('Enter your email address.', { id: 'contact.email.required' });
      if (code === 'tooLong') return msg('The email address is too long.', { id: 'contact.email.tooLong' });
      return msg('Enter the email address in the form name@example.jp.', { id: 'contact.email.format' });
    }
    if (code === 'required') return msg('Enter your phone number.', { id: 'contact.phone.required' });
    if (code === 'format' && /^[1-9]\d+$/.test(normalizePhone(this.values.phone ?? '')))
      return msg('Japanese phone numbers start with 0 (e.g. 090-1234-5678).', { id: 'contact.phone.prefix' });
    if (code === 'length')
      return msg('Phone numbers have 10 digits (11 for mobile, 050 and 0800 numbers). Check the number of digits.', {
        id: 'contact.phone.length',
      });
    return msg('Enter the phone number in digits, e.g. 090-1234-5678.', { id: 'contact.phone.format' });
  }

  /** On leaving a field: full-width letters and digits are shown half-width; the e-mail is checked for a typo. */
  protected override onFieldBlur(key: string): void {
    super.onFieldBlur(key);
    const raw = this.values[key] ?? '';
    // Control and bidi characters stay for the shopper to see and remove (trimming would hide a BOM): the field schema refuses them.
    if (hasUnsafeChars(raw)) return;
    const shown = key === 'email' ? normalizeEmail(raw) : toHalfWidthAscii(raw).replace(DASHES, '-').trim();
    if (shown !== raw) this.setField(key, shown, true);
    if (key === 'email') this.suggestion = suggestEmail(shown);
  }

  protected override onFieldInput(key: string, e: InputEvent): void {
    super.onFieldInput(key, e);
    if (key === 'email' && this.suggestion) this.suggestion = null;
  }

  private useSuggestion(): void {
    if (!this.suggestion) return;
    this.setField('email', this.suggestion, true);
    this.suggestion = null;
    void this.updateComplete.then(() => this.inputFor('email')?.focus());
  }

  private renderSuggestion() {
    const s = this.suggestion;
    return html`<p id="email-suggestion" class="suggestion" part="suggestion" aria-live="polite">
      ${s
        ? html`${msg(str`Did you mean ${s}?`, { id: 'contact.email.suggest' })}
            <button type="button" @click=${this.useSuggestion}>${msg('Use it', { id: 'contact.email.suggest.use' })}</button>`
        : nothing}
    </p>`;
  }

  /** Each value shows only in its own input (typing re-renders nothing unless an error appears or goes). */
  protected override showsValueOnlyInItsInput(): boolean {
    return true;
  }

  protected override renderContent() {
    return html`${this.renderTextField('email', {
      label: msg('Email address', { id: 'contact.email.label' }),
      type: 'email',
      autocomplete: 'email',
      inputmode: 'email',
      hint: msg('We send the order confirmation here.', { id: 'contact.email.hint' }),
      describedBy: 'email-suggestion',
      after: this.renderSuggestion(),
    })}
    ${this.renderTextField('phone', {
      label: msg('Phone number', { id: 'contact.phone.label' }),
      type: 'tel',
      autocomplete: 'tel-national',
      inputmode: 'tel',
      hint: msg('Hyphens are optional.', { id: 'contact.phone.hint' }),
    })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kessai-contact-fields': KessaiContactFields;
  }
}
