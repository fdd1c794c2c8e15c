import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  detectCardBrand,
  formatCardExpiry,
  formatCardNumber,
  normalizeCardNumber,
  parseCardExpiry,
  validateCardCvc,
  validateCardExpiry,
  validateCardHolder,
  validateCardNumber,
} from '../../core/card.js';
import { parseInstallmentPlan, type InstallmentPlan } from '../../core/contract.js';
import { checkField, FIELD_SCHEMA } from '../../core/field-schema.js';
import { toHalfWidthAscii } from '../../core/text.js';
import { noUnsafeChars, type Validator } from '../../core/validators.js';
import { msg, str } from '../../localize.js';
import { FormFieldsElement, type FieldSpec } from '../shared/form-fields.js';
import { cardFieldsStyles } from './card-fields.styles.js';

/** What the merchant's tokenizer receives (raw card data: it must go to the PSP only). */
export interface CardTokenizerInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  name: string;
}

/** What the tokenizer returns; only this is posted to the endpoint. */
export interface CardToken {
  token: string;
  brand?: string;
  last4?: string;
}

export type CardTokenizer = (card: CardTokenizerInput) => Promise<CardToken> | CardToken;

/** Events that would carry typed card characters out of the shadow root. */
const CONTAINED_EVENTS = ['input', 'beforeinput', 'change', 'keydown', 'keyup', 'keypress', 'paste', 'copy', 'cut', 'compositionstart', 'compositionupdate', 'compositionend', 'textInput'];

/**
 * カード番号, 有効期限, セキュリティコード and 名義 in one shadow root (so
 * browser autofill fills all four), formatted and validated (brand detection
 * incl. JCB, Amex 4-6-5, Diners; Luhn; full-width digits accepted). Raw card
 * data never enters FormData, attributes, events or storage: the only way out
 * is `tokenize(tokenizer)`, which hands it to the merchant's PSP tokenizer.
 * The data is wiped when the element disconnects.
 *
 * @tagname kessai-card-fields
 * @summary Card entry handed to a tokenizer (非保持化).
 * @csspart field - Wrapper of one label, input, hint and error.
 * @csspart label - A field's visible label.
 * @csspart input - A text input.
 * @csspart select - The 支払回数 (number of payments) select.
 * @csspart hint - Help text under an input.
 * @csspart error - Inline error text.
 * @cssproperty --kessai-color-error - Error text and border colour.
 */
export class KessaiCardFields extends FormFieldsElement {
  static override styles = cardFieldsStyles;

  /**
   * 支払回数 the merchant's backend allows, space-separated: numbers of payments
   * (`1` = 一括, 2 3 5 6 10 12 15 18 20 24), `bonus` (ボーナス一括), `revolving` (リボ).
   * A 支払回数 select appears when it lists any plan besides 1; 一括 is always first.
   */
  @property() installments = '';
  @state() private plan: InstallmentPlan = 1;

  /** The plans offered (一括 first), or none when only 一括 is possible. */
  get installmentPlans(): InstallmentPlan[] {
    const plans: InstallmentPlan[] = [1];
    for (const t of this.installments.split(/\s+/).filter(Boolean)) {
      const p = parseInstallmentPlan(t);
      if (p === null) console.warn(`<kessai-card-fields>: unknown installment plan "${t}" is ignored.`);
      else if (!plans.includes(p)) plans.push(p);
    }
    return plans.length > 1 ? plans : [];
  }

  /** The chosen 支払回数 (sent as `card.installments`), or undefined when no choice is offered. */
  get selectedInstallments(): InstallmentPlan | undefined {
    const plans = this.installmentPlans;
    return plans.length ? (plans.includes(this.plan) ? this.plan : 1) : undefined;
  }

  private readonly specs: readonly FieldSpec[] = [
    { key: 'number', validators: [noUnsafeChars, { name: 'card', validate: (v) => validateCardNumber(v) }] },
    { key: 'exp', validators: [noUnsafeChars, { name: 'expiry', validate: (v) => validateCardExpiry(v) }] },
    { key: 'cvc', validators: [noUnsafeChars, { name: 'cvc', validate: (v) => validateCardCvc(v, this.values.number ?? '') } as Validator] },
    { key: 'name', validators: [noUnsafeChars, { name: 'holder', validate: (v) => validateCardHolder(v) }] },
  ];

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    for (const type of CONTAINED_EVENTS) {
      root.addEventListener(type, (e) => {
        // Named keys (Enter, Tab, arrows) may bubble: the checkout submits on Enter.
        if (e instanceof KeyboardEvent && e.key.length > 1) return;
        e.stopPropagation();
      });
    }
    return root;
  }

  protected get fields(): readonly FieldSpec[] {
    return this.specs;
  }

  /** Card data never goes into the form's FormData. */
  protected override formEntries(): FormData | null {
    return null;
  }

  /** Only what may be shown: the brand and last four digits of a complete number. */
  override get value(): Record<string, string> {
    const digits = normalizeCardNumber(this.values.number ?? '');
    if (validateCardNumber(digits)) return {};
    return { brand: detectCardBrand(digits)?.brand ?? '', last4: digits.slice(-4) };
  }
  override set value(_v: Record<string, string> | null | undefined) {
    // Card data cannot be prefilled from script.
  }

  /** Hands the card to the merchant's tokenizer; resolves to the token, or rejects. */
  async tokenize(tokenizer: CardTokenizer): Promise<CardToken> {
    if (this.errors().length) throw new Error('card fields are not valid');
    const exp = parseCardExpiry(this.values.exp ?? '')!;
    const number = normalizeCardNumber(this.values.number ?? '');
    const result = await tokenizer({
      number,
      expMonth: exp.month,
      expYear: exp.year,
      cvc: toHalfWidthAscii(this.values.cvc ?? '').trim(),
      name: toHalfWidthAscii(this.values.name ?? '').trim().toUpperCase(),
    });
    // The token must pass the server's own rule (field schema), or the order would only be refused there.
    const token = checkField(FIELD_SCHEMA['card.token'], typeof result?.token === 'string' ? result.token : '');
    if (!token.ok) throw new Error(`tokenizer returned no usable token (${token.code})`);
    const given = typeof result.brand === 'string' ? checkField(FIELD_SCHEMA['card.brand'], result.brand) : undefined;
    const brand = given?.ok && given.value ? given.value : detectCardBrand(number)?.brand;
    const last4 = typeof result.last4 === 'string' && checkField(FIELD_SCHEMA['card.last4'], result.last4).ok && result.last4 ? result.last4 : number.slice(-4);
    return { token: token.value, brand, last4 };
  }

  /** Forgets every card value (also on disconnect). */
  wipe(): void {
    this.values = {};
    this.plan = 1;
    this.renderRoot?.querySelectorAll('input').forEach((i) => (i.value = ''));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.wipe();
  }

  protected override onFieldInput(key: string, e: InputEvent): void {
    const input = e.target as HTMLInputElement;
    if (e.isComposing || (key !== 'number' && key !== 'exp')) return super.onFieldInput(key, e);
    // Reformat, keeping the caret after the same number of digits.
    const caret = input.selectionStart ?? input.value.length;
    const digitsBefore = toHalfWidthAscii(input.value.slice(0, caret)).replace(/\D/g, '').length;
    const formatted = key === 'number' ? formatCardNumber(input.value) : formatCardExpiry(input.value);
    if (formatted !== input.value && /^[\d /]*$/.test(formatted)) {
      const atEnd = caret >= input.value.length;
      input.value = formatted;
      let pos = formatted.length;
      if (!atEnd) {
        pos = 0;
        for (let seen = 0; pos < formatted.length && seen < digitsBefore; pos++) if (/\d/.test(formatted[pos])) seen++;
      }
      input.setSelectionRange(pos, pos);
    }
    super.onFieldInput(key, e);
  }

  protected errorMessage(key: string, code: string): string {
    if (code === 'unsafe') return msg('Remove control or direction-changing characters.', { id: 'common.unsafe' });
    switch (`${key}.${code}`) {
      case 'number.required':
        return msg('Enter the card number.', { id: 'card.number.required' });
      case 'number.format':
        return msg('Enter the card number in digits.', { id: 'card.number.format' });
      case 'number.length':
        return msg('The card number has the wrong number of digits.', { id: 'card.number.length' });
      case 'number.luhn':
        return msg('The card number is not valid. Please check it again.', { id: 'card.number.luhn' });
      case 'number.brand':
        return msg('This card cannot be used. Use Visa, Mastercard, JCB, American Express or Diners Club.', { id: 'card.number.brand' });
      case 'exp.required':
        return msg('Enter the expiry date.', { id: 'card.exp.required' });
      case 'exp.expired':
        return msg('This card has expired.', { id: 'card.exp.expired' });
      case 'exp.tooFar':
        return msg('Check the expiry date.', { id: 'card.exp.tooFar' });
      case 'exp.format':
        return msg('Enter the expiry date as month/year, e.g. 04/28.', { id: 'card.exp.format' });
      case 'cvc.required':
        return msg('Enter the security code.', { id: 'card.cvc.required' });
      case 'cvc.format':
        return msg('Enter the security code: 3 digits on the back (4 on the front for American Express).', { id: 'card.cvc.format' });
      case 'name.required':
        return msg('Enter the cardholder name.', { id: 'card.name.required' });
      default:
        return msg('Enter the name in Latin letters as printed on the card, e.g. TARO YAMADA.', { id: 'card.name.format' });
    }
  }

  private planLabel(p: InstallmentPlan): string {
    if (p === 1) return msg('Pay in full (one payment)', { id: 'card.installments.one' });
    if (p === 'bonus') return msg('Bonus-month lump sum', { id: 'card.installments.bonus' });
    if (p === 'revolving') return msg('Revolving payments', { id: 'card.installments.revolving' });
    return msg(str`${p} installments`, { id: 'card.installments.count' });
  }

  private renderInstallments() {
    const plans = this.installmentPlans;
    if (!plans.length) return nothing;
    const current = String(this.selectedInstallments);
    return html`<div class="field" part="field installments-field">
      <label for="installments" part="label">${msg('Number of payments', { id: 'card.installments.label' })}</label>
      <select
        id="installments"
        part="select"
        aria-describedby="installments-hint"
        ?disabled=${this.isDisabled}
        @change=${(e: Event) => (this.plan = parseInstallmentPlan((e.target as HTMLSelectElement).value) ?? 1)}
      >
        ${plans.map((p) => html`<option value=${String(p)} ?selected=${String(p) === current}>${this.planLabel(p)}</option>`)}
      </select>
      <p id="installments-hint" class="hint" part="hint">${msg('Fees for installments and revolving payments follow your card company’s terms.', { id: 'card.installments.hint' })}</p>
    </div>`;
  }

  protected override renderContent() {
    const brand = detectCardBrand(this.values.number ?? '');
    return html`<p class="note" part="hint">
        ${msg('Your card details go straight to the payment company and are not stored by this shop.', { id: 'card.note' })}
      </p>
      ${this.renderTextField('number', {
        label: msg('Card number', { id: 'card.number.label' }),
        autocomplete: 'cc-number',
        inputmode: 'numeric',
        maxlength: 40,
        hint: brand
          ? msg(str`Card brand: ${brand.name}`, { id: 'card.number.brand-detected' })
          : msg('Visa, Mastercard, JCB, American Express, Diners Club', { id: 'card.number.hint' }),
      })}
      <div class="row">
        ${this.renderTextField('exp', {
          label: msg('Expiry date', { id: 'card.exp.label' }),
          autocomplete: 'cc-exp',
          inputmode: 'numeric',
          placeholder: msg('MM/YY', { id: 'card.exp.placeholder' }),
          maxlength: 10,
          hint: msg('Month/year', { id: 'card.exp.hint' }),
        })}
        ${this.renderTextField('cvc', {
          label: msg('Security code', { id: 'card.cvc.label' }),
          autocomplete: 'cc-csc',
          inputmode: 'numeric',
          maxlength: 8,
          hint: msg('3 or 4 digits on the card', { id: 'card.cvc.hint' }),
        })}
      </div>
      ${this.renderTextField('name', {
        label: msg('Cardholder name', { id: 'card.name.label' }),
        autocomplete: 'cc-name',
        maxlength: 60,
        hint: msg('As printed on the card', { id: 'card.name.hint' }),
      })}
      ${this.renderInstallments()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kessai-card-fields': KessaiCardFields;
  }
}
