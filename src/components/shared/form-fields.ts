import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { checkField, type FieldSchema } from '../../core/field-schema.js';
import { runValidators, type Validator } from '../../core/validators.js';
import { msg } from '../../localize.js';
import { KessaiElement } from './kessai-element.js';

/** One input of a multi-input form-associated element. */
export interface FieldSpec {
  /** FormData key (under the element's `name` prefix) and the inner input's id. */
  readonly key: string;
  readonly validators: readonly Validator[];
  /** Required unless set to false. */
  readonly required?: boolean;
  /** The submitted form of the typed text (the input keeps what was typed). */
  readonly normalize?: (raw: string) => string;
}

/**
 * The input `key` checked by its field in the core schema (the server's rules):
 * one validator running `checkField`, the schema's normalizer for FormData.
 * `toSchema` maps what the input holds to what the contract carries (a
 * prefecture code to its name), when they differ.
 */
export function schemaField(key: string, schema: FieldSchema, toSchema: (raw: string) => string = (v) => v): FieldSpec {
  return {
    key,
    required: schema.required,
    validators: [{ name: schema.path, validate: (v) => { const r = checkField(schema, toSchema(v)); return r.ok ? null : r.code; } }],
    normalize: (v) => schema.normalize(toSchema(v)),
  };
}

export interface TextFieldOptions {
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: AutoFill;
  inputmode?: string;
  maxlength?: number;
  placeholder?: string;
  /** Ids of more elements describing the input (e.g. a status line), after the hint. */
  describedBy?: string;
  /** More content at the end of the field (e.g. a suggestion), inside its wrapper. */
  after?: TemplateResult;
}

export interface SelectFieldOptions {
  label: string;
  hint?: string;
  autocomplete?: AutoFill;
  /** Text of the empty first option ("choose…"). */
  placeholder: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}

type ValidityFlag = 'valueMissing' | 'tooLong' | 'typeMismatch' | 'customError';
const FLAG: Record<string, ValidityFlag> = { required: 'valueMissing', tooLong: 'tooLong', format: 'typeMismatch' };

/**
 * Form-associated base for elements made of several inputs (name, contact,
 * address). It owns the values, FormData entries under a `name` prefix,
 * validity anchored to the first invalid inner input, inline errors linked by
 * `aria-describedby` (shown after touched-and-dirty, prefill or submit), and the
 * reset / restore / disabled callbacks. The browser's bubble is never shown.
 */
export abstract class FormFieldsElement extends KessaiElement {
  static formAssociated = true;

  /** Prefix of this element's FormData entries (`name.key`); entries are bare keys without it. */
  @property({ reflect: true }) name = '';

  /** Disables every input (also set by a disabled `<fieldset>`). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  private currentValues: Record<string, string> = {};
  /** The raw values by key (reactive: assigning re-renders). */
  protected get values(): Record<string, string> {
    return this.currentValues;
  }
  protected set values(v: Record<string, string>) {
    const previous = this.currentValues;
    this.currentValues = v;
    this.requestUpdate('values', previous);
  }
  @state() protected submitted = false;
  /** Errors set by the server (`error.field`), shown until the shopper edits the field. */
  @state() private serverErrors: Record<string, string> = {};
  private touched = new Set<string>();
  private dirty = new Set<string>();
  private prefilled = new Set<string>();
  private formDisabled = false;

  constructor() {
    super();
    this.addEventListener('invalid', this.onInvalid);
  }

  /** The inputs of this element, in visual (and focus) order. */
  protected abstract get fields(): readonly FieldSpec[];

  /** The localized message for an error code of a field. */
  protected abstract errorMessage(key: string, code: string): string;

  /** Normalized values by key (what goes into FormData). */
  get value(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fields) {
      const raw = this.values[f.key] ?? '';
      out[f.key] = f.normalize ? f.normalize(raw) : raw;
    }
    return out;
  }

  /** Prefills inputs (errors of prefilled values show at once). */
  set value(v: Record<string, string> | null | undefined) {
    const next: Record<string, string> = {};
    for (const f of this.fields) {
      const s = v?.[f.key];
      next[f.key] = typeof s === 'string' ? s : '';
      if (next[f.key]) this.prefilled.add(f.key);
      else this.prefilled.delete(f.key);
    }
    this.values = next;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  /** Shows every error and focuses the first invalid input; true when valid. */
  reportValidity(): boolean {
    this.submitted = true;
    const ok = this.internals.checkValidity();
    if (!ok) void this.updateComplete.then(() => this.focusFirstInvalid());
    return ok;
  }

  /** Shows every error (as after a submit) without moving focus. */
  showErrors(): void {
    this.submitted = true;
  }

  private errorCache?: { values: Record<string, string>; errors: Array<[string, string]> };

  /** Error code of each invalid field, in field order (computed once per change of the values). */
  errors(): Array<[string, string]> {
    if (this.errorCache?.values === this.values) return this.errorCache.errors;
    const out: Array<[string, string]> = [];
    for (const f of this.fields) {
      const err = runValidators(this.values[f.key] ?? '', f.validators, f.required !== false);
      if (err) out.push([f.key, err]);
    }
    this.errorCache = { values: this.values, errors: out };
    return out;
  }

  /**
   * Shows `message` (already localized, or the server's text) on field `key`
   * and focuses it; it stays until the shopper edits that field.
   */
  setServerError(key: string, message: string): void {
    this.serverErrors = { ...this.serverErrors, [key]: message };
    void this.updateComplete.then(() => this.inputFor(key)?.focus());
  }

  /** The error code shown for `key`, if it should be visible now. */
  protected shownError(key: string): string | null {
    if (this.serverErrors[key]) return 'server';
    const visible = this.submitted || this.prefilled.has(key) || (this.touched.has(key) && this.dirty.has(key));
    if (!visible) return null;
    return this.errors().find(([k]) => k === key)?.[1] ?? null;
  }

  /** Puts focus on the first input that shows an error. */
  focusFirstInvalid(): void {
    const key = this.fields.find((f) => this.serverErrors[f.key])?.key ?? this.errors()[0]?.[0];
    if (key) this.inputFor(key)?.focus();
  }

  /** The inner input or select of field `key`. */
  protected inputFor(key: string): HTMLInputElement | HTMLSelectElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement | HTMLSelectElement>(`#${key}`) ?? null;
  }

  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /**
   * True when field `key`'s value shows nowhere but in its own input (the
   * default is false: the template may show something derived from it). A
   * keystroke in such a field that makes no error appear or go re-renders
   * nothing: the input shows it already; form value and validity are synced.
   */
  protected showsValueOnlyInItsInput(_key: string): boolean {
    return false;
  }

  /** Sets a field; `byUser`: the shopper typed it (else it counts as prefill). */
  protected setField(key: string, value: string, byUser: boolean): void {
    // A keystroke (the input shows this value already), nothing else pending: re-render only if its error appears or goes.
    const quiet = byUser && this.hasUpdated && !this.isUpdatePending && this.showsValueOnlyInItsInput(key) && this.inputFor(key)?.value === value;
    const shown = quiet ? this.shownError(key) : undefined;
    const previous = this.values;
    this.currentValues = { ...previous, [key]: value };
    if (byUser) {
      if (key in this.serverErrors) {
        const { [key]: _gone, ...rest } = this.serverErrors;
        this.serverErrors = rest;
      }
      this.dirty.add(key);
      this.prefilled.delete(key);
    }
    if (quiet && !this.isUpdatePending && this.shownError(key) === shown) this.syncForm();
    else this.requestUpdate('values', previous);
  }

  protected onFieldInput(key: string, e: InputEvent): void {
    const input = e.target as HTMLInputElement;
    this.setField(key, input.value, true);
  }

  /** A text input got focus (a subclass may place the caret). */
  protected onFieldFocus(_key: string, _input: HTMLInputElement): void {}

  protected onFieldBlur(key: string): void {
    if (this.touched.has(key)) return;
    this.touched.add(key);
    this.requestUpdate();
  }

  private onInvalid = (e: Event): void => {
    // Our inline errors replace the browser's bubble. Outside a form, `invalid` only comes from a
    // script's checkValidity(), which (as for native controls) shows nothing; reportValidity()
    // shows errors itself. In a form, show errors and focus the first invalid control of the form.
    e.preventDefault();
    const form = this.internals.form;
    if (!form) return;
    this.submitted = true;
    const first = Array.from(form.elements).find((el) => el.matches(':invalid'));
    if (first === this) void this.updateComplete.then(() => this.focusFirstInvalid());
  };

  protected override willUpdate(changed: PropertyValues): void {
    // Validators may read properties (amount, stores): recompute once per update.
    this.errorCache = undefined;
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
  }

  /** This element's FormData entries (null: none, as for card data). */
  protected formEntries(): FormData | null {
    const data = new FormData();
    // Every key of `value` (a subclass may add derived entries to it).
    for (const [key, v] of Object.entries(this.value)) data.append(this.name ? `${this.name}.${key}` : key, v);
    return data;
  }

  /** What setValidity was last given (it is not called again with the same: a style invalidation each time). */
  private validitySet?: [string, string, HTMLElement | null];

  private syncForm(): void {
    const data = this.formEntries();
    this.internals.setFormValue(data, data);
    const serverKey = this.fields.find((f) => this.serverErrors[f.key])?.key;
    const first: [string, string] | undefined = serverKey ? [serverKey, 'server'] : this.errors()[0];
    const [key, code] = first ?? ['', ''];
    // The message in this element's language (syncForm also runs outside render).
    const message = code ? this.inLocale(() => this.messageFor(key, code)) : '';
    const next: [string, string, HTMLElement | null] = [code && (FLAG[code] ?? 'customError'), message, code ? this.inputFor(key) : null];
    if (!this.validitySet || next.some((v, i) => v !== this.validitySet![i])) {
      this.validitySet = next;
      this.internals.setValidity(code ? { [next[0]]: true } : {}, next[1], next[2] ?? undefined);
    }
    const showing = this.fields.some((f) => this.shownError(f.key));
    try {
      // Touched only when it changes: a keystroke that shows or hides no error leaves the state alone.
      const states = this.internals.states;
      if (showing !== states.has('user-invalid')) {
        if (showing) states.add('user-invalid');
        else states.delete('user-invalid');
      }
    } catch {
      /* CustomStateSet without this ident in an old engine: styling hook only. */
    }
  }

  /** The text shown for an error code (server errors carry their own text). */
  protected messageFor(key: string, code: string): string {
    return code === 'server' ? this.serverErrors[key] : this.errorMessage(key, code);
  }

  formResetCallback(): void {
    this.serverErrors = {};
    this.values = {};
    this.submitted = false;
    this.touched.clear();
    this.dirty.clear();
    this.prefilled.clear();
  }

  formStateRestoreCallback(state: FormData | string | null): void {
    if (!(state instanceof FormData)) return;
    const restored: Record<string, string> = {};
    for (const [k, v] of state) if (typeof v === 'string') restored[k.slice(k.lastIndexOf('.') + 1)] = v;
    this.value = restored;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    // Setting `disabled` calls this while Lit reflects the attribute, after render: a request now
    // would be lost (the inputs stayed disabled after `disabled = false`), so ask once that update is done.
    if (this.isUpdatePending) void this.updateComplete.then(() => this.requestUpdate());
    else this.requestUpdate();
  }

  /**
   * 必須 / 任意 beside a label, in words (a bare * needs a legend). Hidden from
   * assistive technology: the input's own `required` is announced there.
   */
  protected marker(required: boolean): TemplateResult {
    return required
      ? html`<span class="req" part="required" aria-hidden="true">${msg('Required', { id: 'common.required' })}</span>`
      : html`<span class="opt" part="optional" aria-hidden="true">${msg('Optional', { id: 'common.optional' })}</span>`;
  }

  /** Label, input, hint and error of one field, in this element's shadow root. */
  protected renderTextField(key: string, o: TextFieldOptions): TemplateResult {
    const error = this.shownError(key);
    const spec = this.fields.find((f) => f.key === key);
    const describedBy = [o.hint ? `${key}-hint` : '', o.describedBy ?? '', `${key}-error`].filter(Boolean).join(' ');
    return html`<div class="field" part="field ${key}-field">
      <label for=${key} part="label">${o.label}${this.marker(spec?.required !== false)}</label>
      <input
        id=${key}
        part="input"
        name=${key}
        type=${o.type ?? 'text'}
        .autocomplete=${o.autocomplete ?? ''}
        inputmode=${ifDefined(o.inputmode)}
        placeholder=${ifDefined(o.placeholder)}
        maxlength=${ifDefined(o.maxlength)}
        ?required=${spec?.required !== false}
        ?disabled=${this.isDisabled}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${live(this.values[key] ?? '')}
        @input=${(e: InputEvent) => this.onFieldInput(key, e)}
        @focus=${(e: FocusEvent) => this.onFieldFocus(key, e.target as HTMLInputElement)}
        @blur=${() => this.onFieldBlur(key)}
      />
      ${o.hint ? html`<p id="${key}-hint" class="hint" part="hint">${o.hint}</p>` : nothing}
      <p id="${key}-error" class="error" part="error" aria-live="polite">${error ? this.messageFor(key, error) : nothing}</p>
      ${o.after ?? nothing}
    </div>`;
  }

  /** Label, select, hint and error of one field (same pattern as renderTextField). */
  protected renderSelectField(key: string, o: SelectFieldOptions): TemplateResult {
    const error = this.shownError(key);
    const spec = this.fields.find((f) => f.key === key);
    const current = this.values[key] ?? '';
    const describedBy = [o.hint ? `${key}-hint` : '', `${key}-error`].filter(Boolean).join(' ');
    return html`<div class="field" part="field ${key}-field">
      <label for=${key} part="label">${o.label}${this.marker(spec?.required !== false)}</label>
      <select
        id=${key}
        part="select"
        name=${key}
        .autocomplete=${o.autocomplete ?? ''}
        ?required=${spec?.required !== false}
        ?disabled=${this.isDisabled}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${live(current)}
        @change=${(e: Event) => this.onFieldInput(key, e as InputEvent)}
        @blur=${() => this.onFieldBlur(key)}
      >
        <option value="" ?selected=${current === ''}>${o.placeholder}</option>
        ${guard([current, o.options.length, o.options[0]?.label, o.options.at(-1)?.label], () =>
          o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === current}>${opt.label}</option>`),
        )}
      </select>
      ${o.hint ? html`<p id="${key}-hint" class="hint" part="hint">${o.hint}</p>` : nothing}
      <p id="${key}-error" class="error" part="error" aria-live="polite">${error ? this.messageFor(key, error) : nothing}</p>
    </div>`;
  }
}
