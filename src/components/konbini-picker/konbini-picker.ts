import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { KONBINI_MAX_AMOUNT, type KonbiniStore } from '../../core/contract.js';
import { exceedsKonbiniLimit, parseStoreList, parseYenAmount } from '../../core/konbini.js';
import { FIELD_SCHEMA } from '../../core/field-schema.js';
import { type Validator } from '../../core/validators.js';
import { msg, str } from '../../localize.js';
import { FormFieldsElement, schemaField, type FieldSpec } from '../shared/form-fields.js';
import { storeName } from '../shared/konbini-text.js';
import { konbiniPickerStyles } from './konbini-picker.styles.js';
import { groupDigits } from '../../core/text.js';


/**
 * The convenience-store chain a Konbini payment will be made at: a radio
 * group (role radiogroup, roving tabindex; arrow keys move and select and
 * wrap, Home / End go to the first / last chain, Space selects), each chain
 * marked with its colours. Form-associated: FormData entry `store` (under the
 * `name` prefix); required, with an inline Japanese message. With `amount`
 * over ¥300,000 (the Konbini limit per payment) every chain is disabled and
 * the group is invalid with a message asking for another payment method.
 *
 * @tagname kessai-konbini-picker
 * @summary Radio group of convenience-store chains for Konbini payment.
 * @fires change - The shopper picked a chain (bubbles); read `value.store`.
 * @csspart field - Wrapper of the label, group, hint and error.
 * @csspart label - The group's visible label.
 * @csspart group - The radiogroup.
 * @csspart option - One chain (role radio); also `option-<store id>`.
 * @csspart swatch - The band of the chain's colours.
 * @csspart hint - The note of the amount limit.
 * @csspart error - Inline error text, linked to the group by aria-describedby.
 * @cssproperty --kessai-color-accent - Border of the chosen chain.
 * @cssproperty --kessai-color-error - Error text colour.
 * @cssproperty --kessai-color-border - Border of a chain.
 * @cssproperty --kessai-color-focus - Focus ring colour.
 * @cssproperty --kessai-radius - Corner radius.
 */
export class KessaiKonbiniPicker extends FormFieldsElement {
  static override styles = konbiniPickerStyles;

  /** Space-separated store ids offered (default: every chain); unknown ids are ignored with a console warning. */
  @property() stores?: string;

  /** Order amount in yen; over ¥300,000 Konbini payment is refused. */
  @property({ type: Number }) amount?: number;

  private available: KonbiniStore[] = parseStoreList(undefined).stores;

  private readonly limit: Validator = { name: 'konbiniLimit', validate: () => (this.overLimit ? 'overLimit' : null) };
  private readonly offered: Validator = {
    name: 'konbiniStore',
    validate: (v) => ((this.available as string[]).includes(v) ? null : 'unavailable'),
  };
  private readonly specs: readonly FieldSpec[] = [
    (({ validators, ...spec }) => ({ ...spec, validators: [this.limit, ...validators, this.offered] }))(schemaField('store', FIELD_SCHEMA['konbini.store'])),
  ];

  protected get fields(): readonly FieldSpec[] {
    return this.specs;
  }

  /** True when `amount` is over the Konbini limit. */
  get overLimit(): boolean {
    const amount = parseYenAmount(this.amount);
    return amount !== null && exceedsKonbiniLimit(amount);
  }

  protected errorMessage(_key: string, code: string): string {
    if (code === 'overLimit') {
      const amount = groupDigits(parseYenAmount(this.amount) ?? 0);
      const limit = groupDigits(KONBINI_MAX_AMOUNT);
      return msg(str`The amount of ¥${amount} is over the limit of ¥${limit} for a convenience-store payment. Choose another payment method.`, {
        id: 'konbini.picker.overLimit',
      });
    }
    if (code === 'unavailable' || code === 'unsupported')
      return msg('This convenience store cannot be used. Choose another one.', { id: 'konbini.picker.unavailable' });
    return msg('Choose the convenience store where you will pay.', { id: 'konbini.picker.required' });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('stores')) {
      const { stores, unknown } = parseStoreList(this.stores);
      this.available = stores;
      if (unknown.length)
        console.warn(
          `<kessai-konbini-picker> stores: unknown store id(s) ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(', ')} ignored; ` +
            `known ids are seven-eleven familymart lawson ministop daily-yamazaki seicomart.`,
        );
    }
    if (changed.has('amount') && this.amount !== undefined && this.amount !== null && parseYenAmount(this.amount) === null)
      console.warn(`<kessai-konbini-picker> amount: ${JSON.stringify(String(this.amount).slice(0, 40))} is not a yen amount (a whole number); ignored.`);
  }

  private get selected(): string {
    return this.values.store ?? '';
  }

  private get locked(): boolean {
    return this.isDisabled || this.overLimit;
  }

  /** The radio that Tab lands on: the checked chain, else the first. */
  private get tabStop(): KonbiniStore | null {
    if (this.locked) return null;
    return this.available.find((s) => s === this.selected) ?? this.available[0] ?? null;
  }

  // The focus target of validity and of focusFirstInvalid: the tab stop, or
  // the group itself when every chain is disabled (its description says why).
  protected override inputFor(): HTMLInputElement | null {
    const root = this.renderRoot;
    if (!root) return null;
    const stop = this.tabStop;
    const target = stop ? root.querySelector(`#store-${stop}`) : root.querySelector('[role="radiogroup"]');
    return target as HTMLInputElement | null; // an HTMLElement: only focused and used as validity anchor
  }

  private pick(store: KonbiniStore, focus: boolean): void {
    if (this.locked) return;
    const changed = store !== this.selected;
    if (changed) this.setField('store', store, true);
    void this.updateComplete.then(() => {
      if (focus) (this.renderRoot.querySelector(`#store-${store}`) as HTMLElement | null)?.focus();
      if (changed) this.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.locked || e.altKey || e.ctrlKey || e.metaKey) return;
    const radio = (e.target as HTMLElement).closest('[role="radio"]');
    const list = this.available;
    const current = radio ? list.indexOf(radio.id.slice('store-'.length) as KonbiniStore) : -1;
    if (current < 0) return;
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = (current + 1) % list.length;
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = (current - 1 + list.length) % list.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = list.length - 1;
        break;
      case ' ':
      case 'Spacebar':
        next = current;
        break;
      case 'Enter':
        // As on a native radio button: Enter picks the chain and submits the form it is in.
        if (e.isComposing) return;
        e.preventDefault();
        this.pick(list[current], true);
        void this.updateComplete.then(() => this.internals.form?.requestSubmit());
        return;
      default:
        return;
    }
    e.preventDefault();
    this.pick(list[next], true);
  }

  private onFocusOut(e: FocusEvent): void {
    // A chain that becomes disabled while focused loses focus during the render: not a visit.
    if (this.locked) return;
    const group = e.currentTarget as HTMLElement;
    // Focus may leave during a render (a focused chain removed by `stores`): record the visit after it.
    if (!group.contains(e.relatedTarget as Node | null)) queueMicrotask(() => this.onFieldBlur('store'));
  }

  // Over the limit the refusal shows at once, not only after a submit.
  protected override shownError(key: string): string | null {
    return this.overLimit ? 'overLimit' : super.shownError(key);
  }

  protected override renderContent() {
    const error = this.shownError('store');
    const locked = this.locked;
    const stop = this.tabStop;
    const limit = groupDigits(KONBINI_MAX_AMOUNT);
    return html`<div class="field" part="field">
      <span id="store-label" class="label" part="label"
        >${msg('Convenience store to pay at', { id: 'konbini.picker.label' })}<span class="req" aria-hidden="true">*</span></span
      >
      <div
        role="radiogroup"
        id="store"
        part="group"
        aria-labelledby="store-label"
        aria-describedby="store-hint store-error"
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-disabled=${locked ? 'true' : 'false'}
        tabindex=${ifDefined(this.overLimit && !this.isDisabled ? -1 : undefined)}
        @keydown=${this.onKeyDown}
        @focusout=${this.onFocusOut}
      >
        ${this.available.map(
          (s) =>
            html`<div
              role="radio"
              id="store-${s}"
              class="option ${s}"
              part="option option-${s}"
              aria-checked=${s === this.selected ? 'true' : 'false'}
              aria-disabled=${locked ? 'true' : 'false'}
              tabindex=${ifDefined(locked ? undefined : s === stop ? 0 : -1)}
              @click=${() => this.pick(s, true)}
            >
              <span class="swatch" part="swatch" aria-hidden="true"></span><span class="name">${storeName(s)}</span>
            </div>`,
        )}
      </div>
      <p id="store-hint" class="hint" part="hint">
        ${msg(str`Convenience-store payments are limited to ¥${limit} per payment.`, { id: 'konbini.picker.limitNote' })}
      </p>
      <p id="store-error" class="error" part="error" aria-live="polite">${error ? this.messageFor('store', error) : nothing}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kessai-konbini-picker': KessaiKonbiniPicker;
  }
}
