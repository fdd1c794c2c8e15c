import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { chainOrGeneric, MAX_NAME_LENGTH, normalizeInstructions, type SafeInstructions } from '../../core/instructions.js';
import { formatJstDateTime, formatRemaining, remainingTime } from '../../core/jst.js';
import { parseYenAmount } from '../../core/konbini.js';
import { msg, str } from '../../localize.js';
import { KessaiElement } from '../shared/kessai-element.js';
import { storeName } from '../shared/konbini-text.js';
import { konbiniLabel, konbiniStep } from './konbini-steps.js';
import { paymentInstructionsStyles } from './payment-instructions.styles.js';
import { cleanText, groupDigits } from '../../core/text.js';

/** One line of the numbers (or account) list. */
interface Row {
  key: string;
  label: () => string;
  value: string | null;
  copy: boolean;
  /** Names (bank, branch, holder) are shown as text, numbers large and monospaced. */
  text?: boolean;
}

/** `instructions` given as an attribute: JSON; malformed JSON is reported and shown as unreadable. */
const jsonAttribute = {
  fromAttribute(value: string | null): unknown {
    if (value === null) return undefined;
    try {
      return JSON.parse(value);
    } catch {
      console.warn('<kessai-payment-instructions> instructions: the attribute is not valid JSON; showing the fallback.');
      return null;
    }
  },
};

/**
 * A long number in groups of four, as on a payment slip (1234 5678 9012), to
 * read and type without losing one's place. The groups are spans spaced by CSS:
 * selecting and copying gives the digits without spaces, as the copy button does.
 */
function grouped(value: string): TemplateResult | string {
  if (!/^\d{9,}$/.test(value)) return value;
  return html`${value.match(/\d{1,4}/g)!.map((g) => html`<span class="group">${g}</span>`)}`;
}
const TICK_MS = 1000;
const STATUS_MS = 6000;

/**
 * What to do after a Konbini, Pay-easy or bank-transfer order: the numbers
 * with the labels the chain uses (払込票番号, お客様番号 + 確認番号, 企業コード +
 * 注文番号, オンライン決済番号…), the steps at the store, the deadline in
 * Japan time with the time left (updated while the page is open), copy
 * buttons with an announced confirmation, and a print-friendly layout.
 * `instructions` is read as untrusted input: whatever cannot be used is shown
 * as unavailable, never as markup; links are kept only when https.
 *
 * @tagname kessai-payment-instructions
 * @summary Payment numbers, steps and deadline (JST) after a Konbini, Pay-easy or bank-transfer order.
 * @csspart base - The whole panel.
 * @csspart band - The stripe of the chain's colours (Konbini).
 * @csspart heading - The title.
 * @csspart summary - Order number, amount and deadline.
 * @csspart deadline - The deadline text.
 * @csspart remaining - The time left.
 * @csspart expired - The notice shown once the deadline has passed.
 * @csspart numbers - The list of numbers (or the bank account).
 * @csspart number - One number's value.
 * @csspart copy-button - A copy button.
 * @csspart status - The announced result of a copy.
 * @csspart steps - The numbered steps.
 * @csspart link - The link to the PSP's page or the payment slip.
 * @cssproperty --kessai-color-border - Panel and button borders.
 * @cssproperty --kessai-color-accent - Copy buttons.
 * @cssproperty --kessai-color-error - The expired notice.
 * @cssproperty --kessai-color-focus - Focus ring colour.
 * @cssproperty --kessai-radius - Corner radius.
 */
export class KessaiPaymentInstructions extends KessaiElement {
  static override styles = paymentInstructionsStyles;

  /** The `instructions` object of a `pending` response (property; as an attribute, JSON). Any shape is accepted. */
  @property({ attribute: 'instructions', converter: jsonAttribute }) instructions: unknown;

  /** The shop's order id, shown for reference (checked like the rest: any value is accepted). */
  @property({ attribute: 'order-id' }) orderId?: string;

  /** Amount to pay in yen (a whole number; anything else is not shown). */
  @property({ type: Number }) amount?: number;

  @state() private now = Date.now();
  @state() private status: { ok: boolean; label: () => string } | null = null;

  private safe: SafeInstructions = { method: 'unknown' };
  private timer?: ReturnType<typeof setInterval>;
  private statusTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.now = Date.now();
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    clearTimeout(this.statusTimer);
    this.timer = this.statusTimer = undefined;
  }

  private get deadline(): Date | null {
    return this.safe.method === 'unknown' ? null : this.safe.expiresAt;
  }

  /** Re-renders only when the minute shown (or expiry) changes. */
  private tick(): void {
    const d = this.deadline;
    if (!d) return;
    const t = Date.now();
    const minute = (n: number) => Math.max(-1, Math.floor((d.getTime() - n) / 60_000));
    if (minute(t) !== minute(this.now) || (d.getTime() <= t) !== (d.getTime() <= this.now)) this.now = t;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('instructions')) {
      this.safe = normalizeInstructions(this.instructions);
      this.now = Date.now();
      if (this.instructions !== undefined && this.safe.method === 'unknown')
        console.warn('<kessai-payment-instructions> instructions: not a konbini, pay-easy or bank-transfer object; showing the fallback.');
    }
  }

  private get expired(): boolean {
    const d = this.deadline;
    return !!d && remainingTime(d, this.now).expired;
  }

  private async copy(row: Row): Promise<void> {
    const value = row.value ?? '';
    let ok = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(value);
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok) this.selectValue(row.key);
    // Empty the live region first, so the same message is announced again.
    this.status = null;
    await this.updateComplete;
    this.status = { ok, label: row.label };
    clearTimeout(this.statusTimer);
    this.statusTimer = setTimeout(() => (this.status = null), STATUS_MS);
  }

  /** Without a clipboard, selects the number so the shopper can copy it by hand. */
  private selectValue(key: string): void {
    const el = this.renderRoot.querySelector(`#value-${key}`);
    try {
      if (el) window.getSelection()?.selectAllChildren(el);
    } catch {
      /* selection inside shadow roots is best effort */
    }
  }

  private rows(): Row[] {
    const s = this.safe;
    if (s.method === 'konbini') {
      const c = chainOrGeneric(s);
      const rows: Row[] = [{ key: 'payment-code', label: () => konbiniLabel(c.paymentCodeLabel), value: s.paymentCode, copy: true }];
      if (c.needsConfirmation || s.confirmationNumber)
        rows.push({ key: 'confirmation', label: () => konbiniLabel(c.confirmationLabel), value: s.confirmationNumber, copy: true });
      return rows;
    }
    if (s.method === 'pay-easy')
      return [
        { key: 'institution', label: () => msg('Institution number', { id: 'pi.payEasy.institution' }), value: s.institutionNumber, copy: true },
        { key: 'customer', label: () => konbiniLabel('konbini.label.customerNumber'), value: s.customerNumber, copy: true },
        { key: 'confirmation', label: () => konbiniLabel('konbini.label.confirmationNumber'), value: s.confirmationNumber, copy: true },
      ];
    if (s.method === 'bank-transfer') {
      const type =
        s.accountType === 'ordinary'
          ? msg('Ordinary (普通)', { id: 'pi.bank.ordinary' })
          : s.accountType === 'current'
            ? msg('Current (当座)', { id: 'pi.bank.current' })
            : s.accountTypeText;
      return [
        { key: 'bank', label: () => msg('Bank', { id: 'pi.bank.bank' }), value: s.bankName, copy: false, text: true },
        { key: 'branch', label: () => msg('Branch', { id: 'pi.bank.branch' }), value: s.branchName, copy: false, text: true },
        { key: 'account-type', label: () => msg('Account type', { id: 'pi.bank.accountType' }), value: type, copy: false, text: true },
        { key: 'account-number', label: () => msg('Account number', { id: 'pi.bank.accountNumber' }), value: s.accountNumber, copy: true },
        {
          key: 'account-holder',
          label: () => msg('Account holder', { id: 'pi.bank.accountHolder' }),
          value: s.accountHolder,
          copy: true,
          text: true,
        },
      ];
    }
    return [];
  }

  private steps(): string[] {
    const s = this.safe;
    if (s.method === 'konbini') return chainOrGeneric(s).steps.map(konbiniStep);
    if (s.method === 'pay-easy')
      return [
        msg('At an ATM with the Pay-easy mark, choose 税金・料金払込み (taxes and bills); in online banking, choose Pay-easy (ペイジー).', {
          id: 'pi.payEasy.step.menu',
        }),
        msg('Enter the institution number, the customer number and the confirmation number.', { id: 'pi.payEasy.step.numbers' }),
        msg('Check the details shown and pay.', { id: 'pi.payEasy.step.pay' }),
      ];
    if (s.method === 'bank-transfer')
      return [
        msg('Transfer to the account above at a bank counter, an ATM or through online banking.', { id: 'pi.bank.step.where' }),
        msg('Transfer exactly the amount of your order.', { id: 'pi.bank.step.amount' }),
      ];
    return [];
  }

  private heading(): string {
    const s = this.safe;
    if (s.method === 'konbini') {
      if (!s.chain) return msg('How to pay at the convenience store', { id: 'pi.heading.konbiniUnknown' });
      const store = storeName(s.chain.id);
      return msg(str`How to pay at ${store}`, { id: 'pi.heading.konbini' });
    }
    if (s.method === 'pay-easy') return msg('How to pay with Pay-easy', { id: 'pi.heading.payEasy' });
    if (s.method === 'bank-transfer') return msg('How to pay by bank transfer', { id: 'pi.heading.bankTransfer' });
    return msg('Payment instructions', { id: 'pi.heading.unknown' });
  }

  private renderSummary(): TemplateResult {
    const given: unknown = this.orderId;
    const raw = typeof given === 'number' && Number.isSafeInteger(given) ? String(given) : given;
    const orderId = cleanText(raw, MAX_NAME_LENGTH);
    const amount = parseYenAmount(this.amount);
    const n = amount === null ? '' : groupDigits(amount);
    const s = this.safe;
    return html`<dl class="summary" part="summary">
      ${orderId
        ? html`<div><dt>${msg('Order number at the shop', { id: 'pi.orderId' })}</dt><dd>${orderId}</dd></div>`
        : nothing}
      ${amount !== null
        ? html`<div><dt>${msg('Amount to pay', { id: 'pi.amount' })}</dt><dd class="amount">${msg(str`¥${n}`, { id: 'pi.amount.value' })}</dd></div>`
        : nothing}
      ${s.method === 'unknown' ? nothing : html`<div><dt>${msg('Payment deadline', { id: 'pi.deadline' })}</dt><dd>${this.renderDeadline()}</dd></div>`}
    </dl>`;
  }

  private renderDeadline(): TemplateResult {
    const d = this.deadline;
    if (!d)
      return html`<span class="muted">${msg('The deadline could not be shown. Check your order confirmation email.', {
        id: 'pi.deadline.unknown',
      })}</span>`;
    const when = formatJstDateTime(d, this.locale);
    const left = remainingTime(d, this.now);
    if (left.expired) return html`<span part="deadline">${msg(str`${when} (Japan time)`, { id: 'pi.deadline.past' })}</span>`;
    const time = formatRemaining(left, this.locale);
    return html`<span part="deadline" class="deadline">${msg(str`By ${when} (Japan time)`, { id: 'pi.deadline.value' })}</span>
      <span part="remaining" class="remaining">${msg(str`${time} left`, { id: 'pi.deadline.remaining' })}</span>`;
  }

  private renderRows(rows: Row[]): TemplateResult {
    return html`<dl class="numbers" part="numbers">
      ${rows.map(
        (r) =>
          html`<div class="row">
            <dt id="label-${r.key}">${r.label()}</dt>
            <dd>
              ${r.value === null
                ? html`<span class="missing">${msg('Not available', { id: 'pi.missing' })}</span>`
                : html`<span class="value ${r.text ? 'text' : 'code'}" id="value-${r.key}" part="number">${r.text ? r.value : grouped(r.value)}</span>${r.copy
                      ? html`<button
                          type="button"
                          class="copy"
                          part="copy-button"
                          aria-label=${this.copyLabel(r)}
                          @click=${() => this.copy(r)}
                        >
                          ${msg('Copy', { id: 'pi.copy' })}
                        </button>`
                      : nothing}`}
            </dd>
          </div>`,
      )}
    </dl>`;
  }

  private copyLabel(r: Row): string {
    const label = r.label();
    return msg(str`Copy ${label}`, { id: 'pi.copy.label' });
  }

  private renderStatus(): TemplateResult {
    const st = this.status;
    let text = '';
    if (st) {
      const label = st.label();
      text = st.ok
        ? msg(str`${label} copied.`, { id: 'pi.copy.done' })
        : msg(str`Could not copy. Select the ${label} and copy it, or write it down.`, { id: 'pi.copy.failed' });
    }
    return html`<p class="status ${st && !st.ok ? 'failed' : ''}" role="status" part="status">${text}</p>`;
  }

  private renderLink(): TemplateResult | typeof nothing {
    const s = this.safe;
    if (s.method === 'unknown' || !s.instructionsUrl) return nothing;
    const slip = s.method === 'konbini' && s.chain?.slip;
    return html`<p class="link">
      <a part="link" href=${s.instructionsUrl} target="_blank" rel="noopener noreferrer"
        >${slip
          ? msg('Show the payment slip (opens in a new tab)', { id: 'pi.link.slip' })
          : msg('Detailed payment instructions (opens in a new tab)', { id: 'pi.link.details' })}</a
      >
    </p>`;
  }

  protected override renderContent() {
    const s = this.safe;
    const chainClass = s.method === 'konbini' ? (s.chain ? s.chain.id : 'unknown-chain') : 'no-chain';
    if (s.method === 'unknown')
      return html`<section class="panel" part="base" aria-labelledby="heading">
        <h2 id="heading" part="heading">${this.heading()}</h2>
        <p>
          ${msg('The payment instructions could not be shown. Check your order confirmation email, or contact the shop.', {
            id: 'pi.unknownMethod',
          })}
        </p>
        ${this.renderSummary()}
      </section>`;
    const expired = this.expired;
    const rows = this.rows();
    const steps = this.steps();
    const bank = s.method === 'bank-transfer';
    return html`<section class="panel ${chainClass}" part="base" aria-labelledby="heading">
      <div class="band" part="band" aria-hidden="true"></div>
      <h2 id="heading" part="heading">${this.heading()}</h2>
      ${expired
        ? html`<div class="expired" part="expired">
            <p class="expired-title">${msg('The payment deadline has passed.', { id: 'pi.expired' })}</p>
            <p>${msg('You can no longer pay with these details. Order again, or contact the shop.', { id: 'pi.expired.detail' })}</p>
          </div>`
        : html`<p class="intro">
            ${bank
              ? msg('Transfer the amount to the account below by the deadline.', { id: 'pi.intro.bank' })
              : msg('Pay by the deadline with the numbers below.', { id: 'pi.intro' })}
          </p>`}
      ${this.renderSummary()}
      ${expired
        ? nothing
        : html`<h3>${bank ? msg('Account to transfer to', { id: 'pi.numbers.bank' }) : msg('Numbers you need', { id: 'pi.numbers' })}</h3>
            ${this.renderRows(rows)} ${this.renderStatus()}
            ${rows.some((r) => r.value === null)
              ? html`<p class="note">
                  ${msg('For any item that is not available, check your order confirmation email or contact the shop.', {
                    id: 'pi.missing.note',
                  })}
                </p>`
              : nothing}
            <h3>
              ${s.method === 'konbini'
                ? msg('Steps at the store', { id: 'pi.steps.store' })
                : bank
                  ? msg('How to transfer', { id: 'pi.steps.bank' })
                  : msg('Steps', { id: 'pi.steps.payEasy' })}
            </h3>
            <ol part="steps">
              ${steps.map((t) => html`<li>${t}</li>`)}
            </ol>
            ${this.renderLink()}`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kessai-payment-instructions': KessaiPaymentInstructions;
  }
}
