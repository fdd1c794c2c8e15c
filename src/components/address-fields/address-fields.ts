import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { blocksOrder, checkAddressAgainstPostal, CONFIRMABLE_ISSUES, type AddressIssue } from '../../core/address-check.js';
import { type PostalAddress } from '../../core/postal-data.js';
import { FIELD_SCHEMA } from '../../core/field-schema.js';
import { formatPostalCode, normalizePostalCode } from '../../core/postal.js';
import { findPrefecture, PREFECTURES } from '../../core/prefectures.js';
import { msg, str } from '../../localize.js';
import { FormFieldsElement, schemaField, type FieldSpec } from '../shared/form-fields.js';
import { addressFieldsStyles } from './address-fields.styles.js';
import { DEFAULT_POSTAL_TIMEOUT, lookupPostalCode, PostalLookupError, type PostalLookupFailure } from './postal-source.js';

const FIELDS: readonly FieldSpec[] = [
  schemaField('postalCode', FIELD_SCHEMA['address.postalCode']),
  // The select holds a JIS code; the contract carries the name (and the code beside it).
  schemaField('prefecture', FIELD_SCHEMA['address.prefecture'], (v) => findPrefecture(v)?.name ?? v),
  schemaField('city', FIELD_SCHEMA['address.city']),
  schemaField('line1', FIELD_SCHEMA['address.line1']),
  schemaField('line2', FIELD_SCHEMA['address.line2']),
];

/** What `kessai-address-resolved` carries. */
export interface AddressResolvedDetail {
  /** The looked-up code, seven digits. */
  postalCode: string;
  /**
   * `found`: one address, filled in (also after the shopper picks one of several);
   * `multiple`: several towns or prefectures, the shopper is asked to pick;
   * `not-found`: no such code in the data; `error`: the data could not be loaded.
   */
  status: 'found' | 'multiple' | 'not-found' | 'error';
  /** Every address of the code (empty when not found or on error). */
  candidates: PostalAddress[];
  /** The address filled in, if any. */
  address: PostalAddress | null;
  /** Why the data could not be loaded (status `error`). */
  error?: PostalLookupFailure;
}

type Lookup =
  | { status: 'idle' }
  | { status: 'loading'; code: string }
  | { status: 'found' | 'multiple'; code: string; candidates: PostalAddress[]; chosen: number; kept: boolean }
  | { status: 'not-found' | 'error'; code: string };

type AutoKey = 'prefecture' | 'city' | 'line1';

/** 町名・番地 holding a block number and no town: digits, dashes, 丁目 / 番地 / 番 / 号 / の. */
const BLOCK_NUMBER_ONLY = /^[\s\d\uFF10-\uFF19\-\u2010-\u2015\u2212\u30FC\uFF0D丁目番地号の]+$/;

/**
 * 郵便番号, 都道府県, 市区町村, 町名・番地 and 建物名・部屋番号. Typing a 7-digit
 * postal code (any width, any dash, 〒) fills the prefecture, city and town
 * from shards served by the merchant's own site (`postal-data`); a code with
 * several towns offers a list to pick from; what the shopper typed is never
 * overwritten. Form-associated: FormData entries `postalCode` (7 digits),
 * `prefecture` (name), `prefectureCode` (JIS X 0401), `city`, `line1`,
 * `line2` under the `name` prefix.
 *
 * @tagname kessai-address-fields
 * @summary Japanese address with postal-code lookup from self-hosted data.
 * @fires kessai-address-resolved - After each postal-code lookup and each pick from the list of towns; `detail` is an `AddressResolvedDetail`.
 * @csspart field - Wrapper of one label, input, hint and error.
 * @csspart label - A field's visible label.
 * @csspart input - A text input.
 * @csspart select - The prefecture select.
 * @csspart hint - Help text under an input.
 * @csspart error - Inline error text, linked to its input by aria-describedby.
 * @csspart status - The lookup's status line under the postal code (a live region).
 * @csspart towns - The group of radio buttons offered when a code has several towns.
 * @cssproperty --kessai-color-error - Error text and border colour.
 * @cssproperty --kessai-color-notice - Status text when a code is unknown or the lookup failed.
 * @cssproperty --kessai-color-border - Input border colour.
 * @cssproperty --kessai-color-focus - Focus ring colour.
 * @cssproperty --kessai-radius - Input corner radius.
 * @cssproperty --kessai-field-gap - Space between fields.
 */
export class KessaiAddressFields extends FormFieldsElement {
  static override styles = addressFieldsStyles;

  /** Base URL of the postal shards (`…/postal/`). Default: `postal/` beside the kessai.js script tag, else beside the page. */
  @property({ attribute: 'postal-data' }) postalData = '';

  /** Milliseconds before a shard fetch is given up and manual entry is asked for. */
  @property({ attribute: 'postal-timeout', type: Number }) postalTimeout = DEFAULT_POSTAL_TIMEOUT;

  @state() private lookup: Lookup = { status: 'idle' };
  /** The shopper confirmed an address the postal data does not match (sent as `confirmed`). */
  @state() private confirmed = false;

  /** What the last lookup put in each field: a field is the shopper's once it holds anything else. */
  private auto: Partial<Record<AutoKey, string>> = {};
  private lastCode = '';
  private seq = 0;

  protected get fields(): readonly FieldSpec[] {
    return FIELDS;
  }

  /** Normalized values by key, with `prefectureCode` beside `prefecture`. */
  override get value(): Record<string, string> {
    const v = super.value;
    return {
      postalCode: v.postalCode,
      prefecture: v.prefecture,
      prefectureCode: findPrefecture(this.values.prefecture ?? '')?.code ?? '',
      city: v.city,
      line1: v.line1,
      line2: v.line2,
      ...(this.confirmed && this.issue() ? { confirmed: 'true' } : {}),
    };
  }

  /** How the address disagrees with its postal code (null: it agrees, or the data cannot tell). */
  private issue(): AddressIssue | null {
    const l = this.lookup;
    const code = normalizePostalCode(this.values.postalCode ?? '');
    if (l.status === 'not-found' && l.code === code) return checkAddressAgainstPostal({ prefectureCode: '', city: '', line1: '' }, []);
    if ((l.status !== 'found' && l.status !== 'multiple') || l.code !== code) return null;
    const a = { prefectureCode: this.values.prefecture ?? '', city: this.values.city ?? '', line1: this.values.line1 ?? '' };
    // Judged once the shopper has given what is compared (the empty fields have their own errors).
    if (!a.prefectureCode || !a.city) return null;
    const issue = checkAddressAgainstPostal(a, l.candidates);
    return issue && issue.field === 'address.line1' && !a.line1.trim() ? null : issue;
  }

  /** Field errors, plus the postal check's (on 郵便番号 or 町名・番地) unless the shopper confirmed it. */
  override errors(): Array<[string, string]> {
    const base = super.errors();
    const issue = this.issue();
    if (!blocksOrder(issue, this.confirmed)) return base;
    const key = issue!.field === 'address.line1' ? 'line1' : 'postalCode';
    if (base.some(([k]) => k === key)) return base;
    const order = FIELDS.map((f) => f.key);
    return [...base, [key, issue!.code] as [string, string]].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  }

  /** The postal check's problem goes to where it is solved: the town list, or the confirmation box. */
  override focusFirstInvalid(): void {
    const first = this.errors()[0];
    const target =
      first?.[1] === 'town_required'
        ? this.renderRoot.querySelector<HTMLInputElement>('input[name="town"]')
        : first && CONFIRMABLE_ISSUES.includes(first[1] as never)
          ? this.renderRoot.querySelector<HTMLInputElement>('#confirm')
          : null;
    if (target) target.focus();
    else super.focusFirstInvalid();
  }

  /** Prefills the fields; `prefecture` may be a name ("東京都") or, as `prefectureCode`, a JIS code. */
  override set value(v: Record<string, string> | null | undefined) {
    const pref = findPrefecture(v?.prefectureCode || v?.prefecture || '');
    if (v && (v.prefecture || v.prefectureCode) && !pref) {
      console.warn(`<kessai-address-fields>: unknown prefecture "${String(v.prefecture || v.prefectureCode).slice(0, 20)}" ignored.`);
    }
    super.value = v ? { ...v, prefecture: pref?.code ?? '' } : v;
  }

  protected errorMessage(key: string, code: string): string {
    if (code === 'unsafe') return msg('Remove control or direction-changing characters.', { id: 'common.unsafe' });
    const expected = this.issue()?.expected ?? [];
    switch (code) {
      case 'postal_unknown':
        return msg('This postal code is not in the postal data. Check the postal code; if it is right, tick the box below.', { id: 'address.check.unknown' });
      case 'postal_mismatch': {
        const postal = formatPostalCode(this.values.postalCode ?? '');
        const place = this.placeNames(expected);
        return msg(str`Postal code ${postal} is for ${place}. Check the postal code.`, { id: 'address.check.mismatch' });
      }
      case 'town_missing': {
        const town = expected[0]?.town ?? '';
        return msg(str`Start with the town, ${town}, then the block number.`, { id: 'address.check.townMissing' });
      }
      case 'town_required':
        return msg('This postal code covers several areas. Choose yours from the list.', { id: 'address.check.townRequired' });
    }
    switch (key) {
      case 'postalCode':
        if (code === 'required') return msg('Enter your postal code.', { id: 'address.postalCode.required' });
        if (code === 'tooLong') return msg('The postal code is too long.', { id: 'address.postalCode.tooLong' });
        return msg('Enter the postal code as 7 digits, e.g. 100-0001.', { id: 'address.postalCode.format' });
      case 'prefecture':
        return msg('Choose your prefecture.', { id: 'address.prefecture.required' });
      case 'city':
        if (code === 'required') return msg('Enter your city, ward, town or village.', { id: 'address.city.required' });
        return msg('The city name is too long.', { id: 'address.city.tooLong' });
      case 'line1':
        if (code === 'required') return msg('Enter the town and block number.', { id: 'address.line1.required' });
        return msg('The town and block number are too long.', { id: 'address.line1.tooLong' });
      default:
        return msg('The building and room are too long.', { id: 'address.line2.tooLong' });
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('postalTimeout') && !(this.postalTimeout > 0)) {
      console.warn(`<kessai-address-fields>: postal-timeout must be a positive number of milliseconds; using ${DEFAULT_POSTAL_TIMEOUT}.`);
      this.postalTimeout = DEFAULT_POSTAL_TIMEOUT;
    }
  }

  protected override onFieldInput(key: string, e: InputEvent): void {
    super.onFieldInput(key, e);
    if (key !== 'postalCode') return;
    // The shopper changed the code while it was being looked up: the answer will be dropped, and "looking up" goes now.
    if (this.lookup.status === 'loading' && normalizePostalCode(this.values.postalCode ?? '') !== this.lookup.code) {
      this.lookup = { status: 'idle' };
      this.lastCode = '';
    }
    // An IME is still composing: nothing is looked up until it commits.
    if (!e.isComposing) this.maybeLookUp();
  }

  /** The places a code stands for, as the shopper reads them (「東京都 千代田区」). */
  private placeNames(list: readonly PostalAddress[]): string {
    const en = this.locale === 'en';
    return [...new Set(list.map((c) => `${en ? c.prefectureEn : c.prefecture} ${c.city}`))].join(' / ');
  }

  /**
   * Keyboard focus selects an input's text, so the next keystroke would replace
   * what the lookup filled (神宮前 → 1-2-3): the caret goes after it instead.
   */
  protected override onFieldFocus(key: string, input: HTMLInputElement): void {
    if (key !== 'city' && key !== 'line1') return;
    const auto = this.auto[key];
    if (!auto || !input.value.startsWith(auto)) return;
    const end = () => {
      if (this.renderRoot.querySelector(':focus') === input && input.selectionStart !== input.selectionEnd) input.setSelectionRange(input.value.length, input.value.length);
    };
    end();
    // Engines select on keyboard focus after the focus event: once more when that is done.
    setTimeout(end);
  }

  protected override onFieldBlur(key: string): void {
    super.onFieldBlur(key);
    if (key === 'postalCode') this.formatPostalCode();
  }

  private onCompositionEnd(e: CompositionEvent): void {
    const input = e.target as HTMLInputElement;
    if (input.id !== 'postalCode') return;
    this.setField('postalCode', input.value, true);
    this.formatPostalCode();
    this.maybeLookUp();
  }

  /** NNN-NNNN once the code is valid (on blur and when the IME commits). */
  private formatPostalCode(): void {
    const raw = this.values.postalCode ?? '';
    const formatted = formatPostalCode(raw);
    if (formatted !== raw && formatted.includes('-')) this.setField('postalCode', formatted, true);
  }

  private maybeLookUp(): void {
    const code = normalizePostalCode(this.values.postalCode ?? '');
    if (!/^\d{7}$/.test(code) || code === this.lastCode) return;
    this.lastCode = code;
    void this.runLookup(code);
  }

  private async runLookup(code: string): Promise<void> {
    const seq = ++this.seq;
    this.lookup = { status: 'loading', code };
    this.confirmed = false;
    const stale = () => {
      if (seq !== this.seq) return true; // a newer lookup started
      if (normalizePostalCode(this.values.postalCode ?? '') === code) return false;
      // The shopper changed the code meanwhile (to fewer or more digits): drop the answer.
      this.lookup = { status: 'idle' };
      this.lastCode = '';
      return true;
    };
    let candidates: PostalAddress[];
    try {
      candidates = await lookupPostalCode(code, { base: this.postalData || undefined, timeout: this.postalTimeout });
    } catch (e) {
      if (stale()) return;
      const reason: PostalLookupFailure = e instanceof PostalLookupError ? e.reason : 'network';
      console.warn(`<kessai-address-fields>: postal data unavailable (${e instanceof Error ? e.message : reason}); manual entry stays open.`);
      this.lookup = { status: 'error', code };
      this.lastCode = ''; // the next edit of the code tries again
      this.emit({ postalCode: code, status: 'error', candidates: [], address: null, error: reason });
      return;
    }
    if (stale()) return;
    if (candidates.length === 0) {
      this.lookup = { status: 'not-found', code };
      this.emit({ postalCode: code, status: 'not-found', candidates, address: null });
    } else if (candidates.length === 1) {
      const kept = this.fill(candidates[0]);
      this.lookup = { status: 'found', code, candidates, chosen: 0, kept };
      this.emit({ postalCode: code, status: 'found', candidates, address: candidates[0] });
    } else {
      // Fill what every candidate agrees on; the town waits for the shopper's pick.
      const same = (f: (a: PostalAddress) => string) => candidates.every((c) => f(c) === f(candidates[0]));
      let kept = false;
      if (same((c) => c.prefectureCode)) {
        kept = !this.put('prefecture', candidates[0].prefectureCode) || kept;
        if (same((c) => c.city)) kept = !this.put('city', candidates[0].city) || kept;
      }
      this.lookup = { status: 'multiple', code, candidates, chosen: -1, kept };
      this.emit({ postalCode: code, status: 'multiple', candidates, address: null });
    }
  }

  /** The shopper picked one of several addresses. */
  private pick(index: number): void {
    const l = this.lookup;
    if (l.status !== 'multiple' && l.status !== 'found') return;
    const address = l.candidates[index];
    if (!address) return;
    const kept = this.fill(address);
    this.lookup = { ...l, status: 'multiple', chosen: index, kept };
    this.emit({ postalCode: l.code, status: 'found', candidates: l.candidates, address });
  }

  /** Fills prefecture, city and town where the shopper has not typed; true when a field was kept. */
  private fill(a: PostalAddress): boolean {
    const results = [this.put('prefecture', a.prefectureCode), this.put('city', a.city), this.put('line1', a.town)];
    return results.includes(false);
  }

  /**
   * Puts a looked-up value in a field that is empty or still holds the last
   * looked-up value. In 町名・番地, what the shopper typed after the
   * looked-up town (the 番地) is kept. Returns false when the field is the
   * shopper's and was left alone.
   */
  private put(key: AutoKey, next: string): boolean {
    const current = this.values[key] ?? '';
    const previous = this.auto[key];
    let value: string;
    if (current === '' || current === previous) value = next;
    else if (key === 'line1' && previous && current.startsWith(previous)) value = next + current.slice(previous.length);
    // Only a block number typed before the town was known (「123」, 「1-2-3」, 「4丁目5番」): the town goes in front of it.
    else if (key === 'line1' && next && BLOCK_NUMBER_ONLY.test(current)) value = next + current;
    else return current === next;
    this.auto[key] = next;
    if (value !== current) this.setField(key, value, false);
    return true;
  }

  private emit(detail: AddressResolvedDetail): void {
    this.dispatchEvent(new CustomEvent('kessai-address-resolved', { detail, bubbles: true, composed: true }));
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this.confirmed = false;
    this.auto = {};
    this.lastCode = '';
    this.seq++;
    this.lookup = { status: 'idle' };
  }

  private statusText(): string {
    const l = this.lookup;
    switch (l.status) {
      case 'loading':
        return msg('Looking up the address…', { id: 'address.lookup.loading' });
      case 'found':
      case 'multiple':
        if (l.status === 'multiple' && l.chosen < 0) {
          return msg('This postal code covers several areas. Choose yours from the list.', { id: 'address.lookup.multiple' });
        }
        return l.kept
          ? msg('Address looked up. Fields you had filled in were left as they were.', { id: 'address.lookup.kept' })
          : msg('Address filled in from the postal code. Add the block number.', { id: 'address.lookup.found' });
      case 'not-found':
        return msg('This postal code was not found. Check that it is right.', { id: 'address.lookup.notFound' });
      case 'error':
        return msg('The address could not be looked up. Please enter it yourself.', { id: 'address.lookup.error' });
      default:
        return '';
    }
  }

  /** "I checked: the address is right", offered where a confirmable postal check fails. */
  private renderConfirm(field: AddressIssue['field']) {
    const issue = this.issue();
    if (!issue || issue.field !== field || !CONFIRMABLE_ISSUES.includes(issue.code)) return nothing;
    const key = field === 'address.line1' ? 'line1' : 'postalCode';
    return html`<label class="confirm" part="confirm"
      ><input
        id="confirm"
        type="checkbox"
        aria-describedby="${key}-error"
        ?disabled=${this.isDisabled}
        .checked=${live(this.confirmed)}
        @change=${(e: Event) => (this.confirmed = (e.target as HTMLInputElement).checked)}
      />${msg('I have checked the postal code and the address. Order with them as they are.', { id: 'address.check.confirm' })}</label
    >`;
  }

  private renderTowns() {
    const l = this.lookup;
    if ((l.status !== 'multiple' && l.status !== 'found') || l.candidates.length < 2) return nothing;
    return html`<fieldset class="towns" part="towns">
      <legend>${msg('Choose your area', { id: 'address.towns.legend' })}</legend>
      ${l.candidates.map(
        (c, i) =>
          html`<label class="town"
            ><input
              type="radio"
              name="town"
              value=${i}
              ?disabled=${this.isDisabled}
              .checked=${live(i === l.chosen)}
              @change=${() => this.pick(i)}
            />${[this.locale === 'en' ? c.prefectureEn : c.prefecture, c.city, c.town].filter(Boolean).join(' ')}</label
          >`,
      )}
    </fieldset>`;
  }

  /** Each value shows only in its own input (typing re-renders nothing unless an error appears or goes). */
  protected override showsValueOnlyInItsInput(): boolean {
    return true;
  }

  protected override renderContent() {
    const en = this.locale === 'en';
    return html`<div class="postal" @compositionend=${this.onCompositionEnd}>
        ${this.renderTextField('postalCode', {
          label: msg('Postal code', { id: 'address.postalCode.label' }),
          autocomplete: 'postal-code',
          inputmode: 'numeric',
          placeholder: '100-0001',
          hint: msg('Hyphens are optional. The address is filled in from it.', { id: 'address.postalCode.hint' }),
          describedBy: 'postalCode-status',
        })}
        <p id="postalCode-status" class="status" part="status" role="status" data-state=${this.lookup.status}>${this.statusText()}</p>
        ${this.renderConfirm('address.postalCode')}
      </div>
      ${this.renderTowns()}
      ${this.renderSelectField('prefecture', {
        label: msg('Prefecture', { id: 'address.prefecture.label' }),
        autocomplete: 'address-level1',
        placeholder: msg('Choose', { id: 'address.prefecture.placeholder' }),
        options: PREFECTURES.map((p) => ({ value: p.code, label: en ? p.nameEn : p.name })),
      })}
      ${this.renderTextField('city', {
        label: msg('City, ward, town or village', { id: 'address.city.label' }),
        autocomplete: 'address-level2',
      })}
      ${this.renderTextField('line1', {
        label: msg('Town and block number', { id: 'address.line1.label' }),
        autocomplete: 'address-line1',
        hint: msg('Include the block number, e.g. 千代田1-1.', { id: 'address.line1.hint' }),
      })}
      ${this.renderConfirm('address.line1')}
      ${this.renderTextField('line2', {
        label: msg('Building and room', { id: 'address.line2.label' }),
        autocomplete: 'address-line2',
        hint: msg('Optional: building name and room number.', { id: 'address.line2.hint' }),
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kessai-address-fields': KessaiAddressFields;
  }
  interface GlobalEventHandlersEventMap {
    'kessai-address-resolved': CustomEvent<AddressResolvedDetail>;
  }
}
