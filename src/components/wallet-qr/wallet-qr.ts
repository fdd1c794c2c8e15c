import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { navigableUrl } from '../../core/action.js';
import { fetchOrderStatus, type OrderStatusView } from '../../core/resume.js';
import type { WalletId } from '../../core/contract.js';
import { msg, str } from '../../localize.js';
import { KessaiElement } from '../shared/kessai-element.js';
import { formatYen } from '../shared/yen.js';
import { walletQrStyles } from './wallet-qr.styles.js';
import { walletName } from './wallets.js';

export interface WalletQrAction {
  url: string;
  expiresAt: string;
  deeplink?: string;
}

export interface KessaiWalletResultDetail {
  /** `succeeded` or `failed` (declined in the app, canceled); an expired code is shown by the element itself. */
  outcome: 'succeeded' | 'failed';
  orderId: string;
  /** The order as the status route told it. */
  view: OrderStatusView;
}

/** Longest wait between two status reads. */
const MAX_POLL_MS = 15_000;

/** The QR code as one SVG path (one square per dark module); lean-qr is loaded only when a code is drawn. */
async function qrPath(text: string): Promise<{ size: number; d: string }> {
  const { generate, correction } = await import('lean-qr/nano');
  const code = generate(text, { minCorrectionLevel: correction.M });
  let d = '';
  for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x} ${y}h1v1h-1z`;
  return { size: code.size, d };
}

/**
 * A wallet payment on a desktop: the QR code to scan with the wallet app, the
 * amount, the wallet's name and a countdown to the code's deadline. While the
 * tab is visible it reads the order's status (`GET {endpoint}/{orderId}`) with
 * a growing pause, and stops at a final state. When the code expires it offers
 * one way on: a new code (a new attempt with a new Idempotency-Key, made by
 * the checkout). The QR code has a text alternative and its URL as a link.
 *
 * @tagname kessai-wallet-qr
 * @summary QR code of a wallet payment (PayPay …) with countdown and status polling.
 * @fires kessai-wallet-result - The payment was made or refused; detail `{ outcome, orderId }`.
 * @fires kessai-wallet-restart - The shopper asks for a new code after expiry.
 * @fires kessai-wallet-cancel - The shopper goes back to choose another payment method.
 * @csspart qr - The QR code (an SVG image).
 * @csspart restart - The "new QR code" button.
 */
export class KessaiWalletQr extends KessaiElement {
  static override styles = walletQrStyles;

  /** The contract's `qr` action: `{ url, expiresAt, deeplink? }`. */
  @property({ attribute: false }) action?: WalletQrAction;
  /** The merchant's endpoint; the status is read at `{endpoint}/{orderId}`. */
  @property() endpoint = '';
  @property({ attribute: 'order-id' }) orderId = '';
  /** Yen, for display. */
  @property({ type: Number }) amount = 0;
  @property() wallet: WalletId = 'paypay';
  /** First pause between status reads (ms); it grows by half each time up to 15 s. */
  @property({ type: Number, attribute: false }) pollInterval = 2000;
  /** The clock of the countdown (for stories and tests; default the real one). */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  @state() private qr?: { size: number; d: string } | null;
  @state() private now = Date.now();
  @state() private expired = false;

  private timer?: ReturnType<typeof setInterval>;
  private run = 0;
  private wake?: () => void;
  private abort?: AbortController;

  private get url(): string | null {
    return navigableUrl(this.action?.url, location.href);
  }

  private get deadline(): number {
    return Date.parse(this.action?.expiresAt ?? '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.hasUpdated) this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('action') || changed.has('orderId') || changed.has('endpoint') || changed.has('clock')) this.start();
  }

  /** (Re)starts the code, the countdown and the status reads for the current action. */
  private start(): void {
    this.stop();
    if (!this.action || !this.orderId || !this.endpoint || !this.isConnected) return;
    const run = ++this.run;
    this.expired = false;
    this.now = this.clock();
    this.qr = undefined;
    const url = this.url;
    if (url) qrPath(url).then((q) => run === this.run && (this.qr = q), () => run === this.run && (this.qr = null));
    else this.qr = null;
    this.timer = setInterval(() => {
      this.now = this.clock();
      if (this.now >= this.deadline) this.wake?.();
    }, 1000);
    void this.poll(run);
  }

  private stop(): void {
    this.run++;
    clearInterval(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.wake?.();
  }

  private onVisibility = (): void => {
    // Back to the tab: read the status now.
    if (document.visibilityState === 'visible') this.wake?.();
  };

  /** Waits `ms`, or less when woken (tab shown again, deadline reached, stopped). */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const t = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async poll(run: number): Promise<void> {
    // A code already past its deadline (the page came back late) is checked at once.
    let delay = this.clock() >= this.deadline ? 0 : this.pollInterval;
    while (run === this.run) {
      await this.pause(delay);
      if (run !== this.run) return;
      // Only while the shopper can see the page: a hidden tab waits until it is shown again.
      if (document.visibilityState !== 'visible') {
        await this.pause(60 * 60_000);
        delay = this.pollInterval;
        continue;
      }
      const pastDeadline = this.clock() >= this.deadline;
      this.abort = new AbortController();
      const view = await fetchOrderStatus({ endpoint: this.endpoint, orderId: this.orderId, pageUrl: location.href, language: this.locale, signal: this.abort.signal });
      if (run !== this.run) return;
      const expired = view.kind === 'failed' && view.status === 'expired';
      if (view.kind === 'succeeded' || (view.kind === 'failed' && !expired)) return this.finish(view);
      // Read once more after the deadline: a payment made in the last second still counts.
      if (expired || pastDeadline) {
        this.stop();
        this.expired = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
        return;
      }
      delay = Math.min(Math.round(delay * 1.5), MAX_POLL_MS);
    }
  }

  private finish(view: OrderStatusView): void {
    this.stop();
    const outcome = view.kind === 'succeeded' ? 'succeeded' : 'failed';
    this.dispatchEvent(new CustomEvent<KessaiWalletResultDetail>('kessai-wallet-result', { detail: { outcome, orderId: this.orderId, view }, bubbles: true, composed: true }));
  }

  private fire(type: 'kessai-wallet-restart' | 'kessai-wallet-cancel'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }

  private renderCode(name: string) {
    const amount = formatYen(this.amount);
    if (this.qr === undefined) return html`<div class="placeholder" role="img" aria-label=${msg('Preparing the QR code…', { id: 'wallet.qr.loading' })}></div>`;
    if (this.qr === null) return html`<p>${msg('The QR code cannot be shown here. Use the link below.', { id: 'wallet.qr.unavailable' })}</p>`;
    const n = this.qr.size + 8;
    return html`<svg part="qr" viewBox="-4 -4 ${n} ${n}" role="img" aria-label=${msg(str`QR code to pay ${amount} with ${name}`, { id: 'wallet.qr.alt' })} shape-rendering="crispEdges"><rect x="-4" y="-4" width=${n} height=${n} fill="#fff"></rect><path d=${this.qr.d} fill="#000"></path></svg>`;
  }

  protected override renderContent() {
    if (!this.action) return nothing;
    const name = walletName(this.wallet);
    const amount = formatYen(this.amount);
    const url = this.url;
    if (this.expired) {
      return html`<section aria-labelledby="heading">
        <h2 id="heading" tabindex="-1">${msg('This QR code has expired.', { id: 'wallet.expired.title' })}</h2>
        <p>${msg(str`The payment with ${name} was not made. To pay, show a new QR code.`, { id: 'wallet.expired.text' })}</p>
        <button class="primary" part="restart" type="button" @click=${() => this.fire('kessai-wallet-restart')}>${msg('Show a new QR code', { id: 'wallet.expired.restart' })}</button>
        <button type="button" @click=${() => this.fire('kessai-wallet-cancel')}>${msg('Choose another payment method', { id: 'wallet.cancel' })}</button>
      </section>`;
    }
    const left = Math.max(0, Math.ceil((this.deadline - this.now) / 1000));
    const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    return html`<section aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${msg(str`Pay with ${name}`, { id: 'wallet.title' })}</h2>
      <p class="amount">${msg(str`Amount: ${amount}`, { id: 'wallet.amount' })}</p>
      <figure>
        ${this.renderCode(name)}
        <figcaption>${msg(str`Open the ${name} app and scan this QR code.`, { id: 'wallet.qr.caption' })}</figcaption>
      </figure>
      ${url ? html`<p>${msg('Cannot scan it?', { id: 'wallet.link.intro' })} <a href=${url} target="_blank" rel="noopener noreferrer">${msg(str`Open the ${name} payment page`, { id: 'wallet.link' })}</a></p>` : nothing}
      <p class="timer" role="timer">${msg(str`Time left: ${time}`, { id: 'wallet.timer' })}</p>
      <p class="muted" role="status">${msg('Waiting for the payment. This page updates by itself once you have paid.', { id: 'wallet.waiting' })}</p>
      <button type="button" @click=${() => this.fire('kessai-wallet-cancel')}>${msg('Choose another payment method', { id: 'wallet.cancel' })}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kessai-wallet-qr': KessaiWalletQr;
  }
  interface GlobalEventHandlersEventMap {
    'kessai-wallet-result': CustomEvent<KessaiWalletResultDetail>;
    'kessai-wallet-restart': CustomEvent<void>;
    'kessai-wallet-cancel': CustomEvent<void>;
  }
}
