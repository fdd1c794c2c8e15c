import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PAYMENT_METHODS, type CheckoutAction, type CheckoutRequest, type CheckoutResponse, type InstallmentPlan, type PaymentMethod, type WalletId } from '../../core/contract.js';
import type { SubmitResult } from '../../core/endpoint.js';
import { endpointProblem, newIdempotencyKey } from '../../core/endpoint-url.js';
import { msg, str } from '../../localize.js';
import type { CardTokenizer, KessaiCardFields } from '../card-fields/card-fields.js';
import { findPrefecture } from '../../core/prefectures.js';
import { isOrderId } from '../../core/order-id.js';
import type { OrderStatusView } from '../../core/resume.js';
import { KessaiElement } from '../shared/kessai-element.js';
import type { KessaiWalletResultDetail } from '../wallet-qr/wallet-qr.js';
import { isHandheld, parseWallets, walletName } from '../wallet-qr/wallets.js';
import { formatYen } from '../shared/yen.js';
import { checkoutStyles } from './checkout.styles.js';
import { loadLater, type Later, type LaterSection } from './sections.js';
import { methodLabel } from './labels.js';
import { readItems, renderReview, type OrderItem, type ReviewData } from './review-view.js';
import { KONBINI_MAX_AMOUNT, KONBINI_STORES, type KonbiniStore } from '../../core/contract.js';
import { storeName } from '../shared/konbini-text.js';
import { forgetOrder, orderIdInPage, rememberOrder } from './resume.js';

/** What the checkout needs of each section element (name, contact, address, konbini, card). */
interface Section extends HTMLElement {
  value: unknown;
  readonly validity: ValidityState;
  checkValidity(): boolean;
  reportValidity(): boolean;
  showErrors?(): void;
  focusFirstInvalid?(): void;
  setServerError?(key: string, message: string): void;
  updateComplete?: Promise<unknown>;
}

export interface KessaiSubmitDetail {
  /** The request about to be posted (a card appears only as its token, brand and last 4 digits). */
  request: CheckoutRequest;
}
export interface KessaiSuccessDetail {
  response: CheckoutResponse;
}
export interface KessaiErrorDetail {
  code: string;
  /** The message shown to the shopper (localized). */
  message: string;
  /** True when pressing the button again is safe and may succeed (same key, same body). */
  retryable: boolean;
}

/** `result`: a result screen is shown (after ordering, or read back from the status route: `resuming`); `qr`: a wallet's QR code. */
type Phase = 'idle' | 'review' | 'submitting' | 'redirecting' | 'resuming' | 'result' | 'qr';

/** `items` given as an attribute: JSON. */
const jsonAttribute = {
  fromAttribute(value: string | null): unknown {
    try {
      return value === null ? undefined : JSON.parse(value);
    } catch {
      return 'invalid';
    }
  },
};

/** Which section element owns a contract field path ("customer.phone" → contact / phone). */
const FIELD_OWNER: Record<string, [string, string]> = {
  'customer.familyName': ['name', 'familyName'],
  'customer.givenName': ['name', 'givenName'],
  'customer.familyNameKana': ['name', 'familyNameKana'],
  'customer.givenNameKana': ['name', 'givenNameKana'],
  'customer.email': ['contact', 'email'],
  'customer.phone': ['contact', 'phone'],
  'address.postalCode': ['address', 'postalCode'],
  'address.prefecture': ['address', 'prefecture'],
  'address.prefectureCode': ['address', 'prefecture'],
  'address.city': ['address', 'city'],
  'address.line1': ['address', 'line1'],
  'address.line2': ['address', 'line2'],
  'konbini.store': ['konbini', 'store'],
  'card.token': ['card', 'number'],
};

/**
 * The whole checkout: name, contact, address, the payment method and its
 * fields, and one submit that pays exactly once. It POSTs the contract's JSON
 * to `endpoint` (same origin or https: only) with an Idempotency-Key, retries
 * only when that is safe, and shows the payment instructions after a pending
 * (Konbini, Pay-easy, bank transfer) order.
 *
 * @tagname kessai-checkout
 * @summary Japanese checkout form posting to the merchant's own endpoint.
 * @fires kessai-submit - Before posting (cancelable); detail `{ request }`, never raw card data.
 * @fires kessai-success - After a succeeded, pending or requires_action answer; detail `{ response }`. Cancel it on requires_action to navigate yourself.
 * @fires kessai-error - After a refusal or an unknown outcome; detail `{ code, message, retryable }`.
 * @attr color-scheme - `page` (default: match the page behind the form), `system` (follow the OS), `light` or `dark`.
 * @csspart form - The form.
 * @csspart amount - The amount line.
 * @csspart heading - A section heading.
 * @csspart method - One payment method's label (with its radio button).
 * @csspart submit - The submit button.
 * @csspart alert - The error region.
 * @csspart field - (exported from the sections) wrapper of one label, input, hint and error; likewise `label`, `input`, `select`, `hint`, `error`, `option`.
 * @cssproperty --kessai-color-primary - Submit button background, selection accent.
 * @cssproperty --kessai-color-on-primary - Submit button text.
 * @cssproperty --kessai-color-background - The form's own background (default: transparent in `page` mode, the scheme's Canvas otherwise).
 * @cssproperty --kessai-color-text - Text.
 * @cssproperty --kessai-color-muted - Hints and notes.
 * @cssproperty --kessai-color-border - Borders of inputs and groups.
 * @cssproperty --kessai-color-field - Input background.
 * @cssproperty --kessai-color-field-text - Input text.
 * @cssproperty --kessai-color-error - Error text and borders.
 * @cssproperty --kessai-color-focus - Focus ring.
 * @cssproperty --kessai-focus-ring-width - Focus ring width (default 3px).
 * @cssproperty --kessai-radius - Corner radius.
 * @cssproperty --kessai-font-family - Font family (default: the page's).
 * @cssproperty --kessai-font-size - Base font size (default: the page's).
 * @cssproperty --kessai-spacing - Space between fields (default 0.75rem).
 * @cssproperty --kessai-max-width - Maximum width of the form.
 */
export class KessaiCheckout extends KessaiElement {
  static override styles = checkoutStyles;

  /** The merchant's endpoint (same origin, or https:). Required. */
  @property() endpoint = '';
  /** Amount in yen (integer), for display: the server recomputes it from `reference`. */
  @property({ type: Number }) amount = 0;
  @property() currency = 'JPY';
  /** Space-separated: konbini card pay-easy bank-transfer paypay wallet. */
  @property() methods = 'konbini card pay-easy bank-transfer';
  /** Wallets of the `wallet` method, space-separated (paypay rakuten-pay d-barai au-pay merpay): as the backend's `wallets` option. */
  @property() wallets = '';
  /** 支払回数 the backend allows for cards, space-separated (1 2 3 5 6 10 12 15 18 20 24 bonus revolving): as its `installments` option. */
  @property() installments = '';
  /** Space-separated subset of Konbini store ids. */
  @property({ attribute: 'konbini-stores' }) konbiniStores = '';
  /** The merchant's cart or order id, sent back to the endpoint. */
  @property() reference = '';
  /** Leaves out the address section (digital goods). */
  @property({ type: Boolean, attribute: 'no-address' }) noAddress = false;
  /** Base URL of the postal-code shards (default: `postal/` beside the embed script). */
  @property({ attribute: 'postal-data' }) postalData = '';
  /** Wraps the PSP's token JS: card data → `{ token, brand?, last4? }`. Without it, no card method. */
  @property({ attribute: false }) cardTokenizer?: CardTokenizer;
  /**
   * The final confirmation (最終確認画面): `summary` (default) shows the order's essentials beside
   * the button; `review` makes them a step of their own (注文内容を確認する → 注文を確定する).
   */
  @property() confirmation: 'summary' | 'review' = 'summary';
  /** What is ordered: `[{ name, quantity, price }]`, price per unit in yen, tax included (attribute: JSON). */
  @property({ converter: jsonAttribute }) items: OrderItem[] | unknown = undefined;
  /** Shipping in yen, tax included (shown as 送料; part of `amount`). */
  @property({ type: Number }) shipping?: number;
  /** Fees in yen, tax included, e.g. a cash-on-delivery or Konbini fee (shown as 手数料; part of `amount`). */
  @property({ type: Number }) fee?: number;
  /** When the goods are delivered (引渡時期), e.g. 「ご入金確認後、3営業日以内に発送します。」 */
  @property() delivery = '';
  /** The cancellation / return terms (申込みの撤回・解除), as text; the `terms` slot may hold a link to the full terms. */
  @property() cancellation = '';
  /** Days the shopper has to pay a Konbini, Pay-easy or bank-transfer order (shown before ordering; the exact deadline comes after). */
  @property({ type: Number, attribute: 'payment-days' }) paymentDays?: number;
  /** Per-request timeout in milliseconds. */
  @property({ type: Number, attribute: false }) timeout = 15_000;

  @state() private method: PaymentMethod | '' = '';
  /** The chain picked, kept while another method is shown (the picker is re-created when Konbini comes back). */
  @state() private chosenStore = '';
  @state() private phase: Phase = 'idle';
  /** The error shown above the button: its code (the text is resolved when rendering, in the element's language). */
  @state() private alert?: { code: string; serverMessage?: string; status?: number; reference?: string };
  /** The result screen shown (phase `result`). */
  @state() private result?: OrderStatusView;
  /** Sections whose code could not be loaded (offline, blocked): shown with a way to try again. */
  @state() private unloaded: readonly LaterSection[] = [];
  /** The result screens' templates, once loaded. */
  @state() private resultView?: Later<'result-view'>;
  @state() private wallet: WalletId | '' = '';
  /** A wallet's QR code shown on this page (desktop), with its order. */
  @state() private qr?: { action: CheckoutAction & { type: 'qr' }; orderId: string; wallet: WalletId };

  /** Taken synchronously before anything async: one submission at a time. */
  private locked = false;
  /** The current attempt: its key and the exact bytes, resent on safe retries. */
  private attempt?: { key: string; body: string };
  /** After a definite refusal, the next edit starts a new attempt (new key). */
  private newAttemptOnEdit = false;
  private readonly abort = new AbortController();
  private warned = new Set<string>();
  /** The URL was checked for an order id to resume (once, when the endpoint is known). */
  private resumeChecked = false;
  /** What the result screen shows that the response does not carry: the card's brand and last 4 digits, the e-mail. */
  private placed: { card?: { brand?: string; last4?: string }; email?: string } = {};
  /** `methods` asks for card but no tokenizer is set (yet: pages often set it after upgrade). */
  private get cardHeldBack(): boolean {
    return this.methods.split(/\s+/).includes('card') && typeof this.cardTokenizer !== 'function';
  }

  /** The payment methods offered: `methods` ∩ known, card only with a tokenizer. */
  get availableMethods(): PaymentMethod[] {
    const asked = this.methods.split(/\s+/).filter(Boolean);
    const out: PaymentMethod[] = [];
    for (const m of asked) {
      if (!(PAYMENT_METHODS as readonly string[]).includes(m)) this.warnOnce(`unknown payment method "${m}" in methods is ignored.`);
      else if (m === 'card' && typeof this.cardTokenizer !== 'function') continue;
      else if (m === 'wallet' && !parseWallets(this.wallets).length) this.warnOnce('the wallet method needs the wallets attribute (e.g. wallets="rakuten-pay merpay").');
      else if (!out.includes(m as PaymentMethod)) out.push(m as PaymentMethod);
    }
    return out;
  }

  private warnOnce(text: string): void {
    if (this.warned.has(text)) return;
    this.warned.add(text);
    console.warn(`<kessai-checkout>: ${text}`);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.onPageShow);
    // Report a missing endpoint or tokenizer only once the page has had its chance to set them:
    // after load, when the main thread is idle (React hydrating server-rendered HTML, as in
    // Next.js, sets properties well after the element upgraded).
    const report = () => {
      if (!this.isConnected) return;
      if (!this.endpoint) this.warnOnce('the endpoint attribute is required; the form cannot be sent without it.');
      if (this.cardHeldBack) this.warnOnce('the card method is not offered: set the cardTokenizer property to a function wrapping your PSP’s token JS.');
      // Fetch, while the shopper reads, the sections a later screen may show.
      const methods = this.availableMethods;
      if (methods.includes('card')) void this.need('kessai-card-fields');
      if (methods.some((m) => m === 'konbini' || m === 'pay-easy' || m === 'bank-transfer')) void this.need('kessai-payment-instructions');
      if (methods.some((m) => m === 'paypay' || m === 'wallet')) void this.need('kessai-wallet-qr');
      void this.need('result-view');
      void this.ordering();
    };
    const check = () => (typeof requestIdleCallback == 'function' ? requestIdleCallback(report) : setTimeout(report));
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.onPageShow);
    this.stopSummaryTimer();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.refusal) return;
    const problem = endpointProblem(this.endpoint, location.href);
    if (problem === 'unsafe' || problem === 'invalid') {
      this.refuse('the endpoint must be this site (same origin) or an https: URL.');
      return;
    }
    // Frameworks may set the property from a template string ("1980").
    if (typeof this.amount === 'string') this.amount = Number(this.amount);
    if (changed.has('amount') && (!Number.isInteger(this.amount) || this.amount < 0)) this.warnOnce(`amount must be a whole number of yen, got ${this.amount}.`);
    const methods = this.availableMethods;
    // Over the Konbini limit, the form opens on a method that can take the amount.
    const usable = methods.filter((m) => m !== 'konbini' || this.amount <= KONBINI_MAX_AMOUNT);
    if (!methods.includes(this.method as PaymentMethod) || (changed.has('amount') && !usable.includes(this.method as PaymentMethod) && !this.hasUpdated))
      this.method = usable[0] ?? methods[0] ?? '';
    const wallets = parseWallets(this.wallets);
    if (!wallets.includes(this.wallet as WalletId)) this.wallet = wallets[0] ?? '';
    if (!this.resumeChecked && this.endpoint) {
      this.resumeChecked = true;
      const orderId = orderIdInPage();
      // An order placed earlier from this page (reload, bookmark, new tab, back from a redirect): show its result, never a new form.
      if (orderId) void this.resume(orderId);
    }
    if (this.method === 'card') void this.need('kessai-card-fields');
  }

  /** Loads what is loaded on demand; false (and a notice with a retry) when it could not be loaded. */
  private async need(tag: LaterSection): Promise<boolean> {
    try {
      const loaded = await loadLater(tag);
      if (tag === 'result-view') this.resultView = loaded as Later<'result-view'>;
      if (this.unloaded.includes(tag)) this.unloaded = this.unloaded.filter((t) => t !== tag);
      return true;
    } catch (error) {
      console.error(error);
      if (!this.unloaded.includes(tag)) this.unloaded = [...this.unloaded, tag];
      return false;
    }
  }

  /** Posting and status reads, loaded while the shopper fills the form; undefined when that load failed. */
  private async ordering(): Promise<Later<'ordering'> | undefined> {
    return loadLater('ordering').catch((error: unknown) => void console.error(error));
  }

  private renderUnloaded(tag: LaterSection) {
    if (!this.unloaded.includes(tag)) return nothing;
    return html`<p class="unloaded" role="alert">
      ${msg('This part of the page could not be loaded. Check your connection and try again.', { id: 'checkout.error.load' })}
      <button type="button" part="retry" @click=${() => void this.need(tag)}>${msg('Try again', { id: 'checkout.retry' })}</button>
    </p>`;
  }

  /** Shows the result of `orderId` from the status route. Never posts. */
  private async resume(orderId: string): Promise<void> {
    this.phase = 'resuming';
    this.locked = true;
    this.result = { kind: 'processing', orderId, status: '' };
    void this.need('result-view');
    const ordering = await this.ordering();
    if (!ordering) return this.showResult({ kind: 'unknown', orderId, status: '', problem: 'network' });
    const ask = (o: { while?: Array<'processing' | 'requires_action'>; maxReads?: number } = {}) =>
      ordering.resumeOrder({ endpoint: this.endpoint, orderId, language: this.locale, signal: this.abort.signal, timeoutMs: this.timeout, ...o });
    let view = await ask();
    const action = view.kind === 'requires_action' ? ordering.parseAction(view as unknown as Record<string, unknown>, location.href) : null;
    // A wallet's QR code still waiting (reload, new tab): the same code again, polling its status.
    if (action?.type === 'qr') return this.showQr(action, orderId, view.method === 'wallet' && view.wallet ? view.wallet : 'paypay');
    // Back from 3-D Secure or a wallet's page, the PSP's notification may come a moment after the shopper: ask a few more times.
    if (view.kind === 'requires_action') view = await ask({ while: ['processing', 'requires_action'], maxReads: 4 });
    if (view.kind === 'pending') await this.need('kessai-payment-instructions');
    await this.showResult(view);
  }

  private async showQr(action: CheckoutAction & { type: 'qr' }, orderId: string, wallet: WalletId): Promise<void> {
    rememberOrder(orderId);
    const loaded = await this.need('kessai-wallet-qr');
    this.qr = { action, orderId, wallet };
    this.phase = 'qr';
    await this.updateComplete;
    if (!loaded) return;
    const el = this.renderRoot.querySelector('kessai-wallet-qr');
    await el?.updateComplete;
    el?.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
  }

  private async showResult(view: OrderStatusView): Promise<void> {
    await this.need('result-view');
    this.result = view;
    this.phase = 'result';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.done h2')?.focus());
  }

  /** The shopper starts a new order from a result screen: the form again, a new attempt, no order id in the URL. */
  private restart = (): void => {
    forgetOrder();
    this.result = undefined;
    this.attempt = undefined;
    this.placed = {};
    this.phase = 'idle';
    this.locked = false;
  };

  private backToForm = (): void => {
    this.phase = 'idle';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button[type="submit"]')?.focus());
  };

  private recheck = (): void => {
    const id = this.result?.orderId;
    if (id) void this.resume(id);
  };

  /** Submits like a form's requestSubmit(): validates, then posts once (with `confirmation="review"`: shows the review step first). */
  requestSubmit(): void {
    void this.submit();
  }

  /** The button of the form: with `confirmation="review"`, the review step first; else the order. */
  async submit(): Promise<void> {
    if (this.confirmation === 'review' && this.phase === 'idle' && !this.attempt && !this.locked && !this.refusal) {
      if (!(await this.validate())) return;
      this.phase = 'review';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#review-heading')?.focus();
      return;
    }
    return this.place();
  }

  /** What the final confirmation shows, read from the sections as they are now. */
  private reviewData(): ReviewData {
    const v = (name: string) => (this.section(name)?.value ?? {}) as Record<string, string>;
    const items = readItems(this.items, (t) => this.warnOnce(t)) as OrderItem[];
    const money = (n: number | undefined) => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined);
    const shipping = money(this.shipping);
    const fee = money(this.fee);
    if (items.length) {
      const sum = items.reduce((t, i) => t + i.price * (i.quantity ?? 1), 0) + (shipping ?? 0) + (fee ?? 0);
      if (sum !== this.amount) this.warnOnce(`items, shipping and fee add up to ${sum}, but amount is ${this.amount}; the total shown is amount.`);
    }
    let method = this.method ? methodLabel(this.method) : '';
    const store = this.konbiniStore;
    if (this.method === 'konbini' && store) {
      const chain = storeName(store);
      method = msg(str`Convenience store (${chain})`, { id: 'review.method.konbini' });
    }
    const a = this.noAddress ? {} : v('address');
    const n = v('name');
    const en = this.locale === 'en';
    const code = a.postalCode ? `${a.postalCode.slice(0, 3)}-${a.postalCode.slice(3)}` : '';
    // Japanese order, run together (〒100-0001 東京都千代田区千代田1-1); in English the prefecture romanized.
    const place = en ? [findPrefecture(a.prefectureCode ?? '')?.nameEn, a.city, a.line1].filter(Boolean).join(', ') : [a.prefecture, a.city, a.line1].filter(Boolean).join('');
    const postal = code && !en ? `〒${code}` : code;
    return {
      items,
      amount: this.amount,
      shipping,
      fee,
      method,
      timing: this.timingText(),
      address: [postal, place, a.line2].filter(Boolean).join(' '),
      recipient: [n.familyName, n.givenName].filter(Boolean).join(' '),
      delivery: this.delivery,
      cancellation: this.cancellation,
    };
  }

  private get konbiniStore(): KonbiniStore | '' {
    const value = this.section('konbini')?.value;
    const store = typeof value === 'string' ? value : ((value as Record<string, string> | undefined)?.store ?? this.chosenStore);
    return (KONBINI_STORES as readonly string[]).includes(store) ? (store as KonbiniStore) : '';
  }

  private timingText(): string {
    const days = typeof this.paymentDays === 'number' && Number.isSafeInteger(this.paymentDays) && this.paymentDays > 0 ? this.paymentDays : 0;
    switch (this.method) {
      case 'card':
        return msg('Charged to your card when you place the order.', { id: 'review.timing.card' });
      case 'konbini':
        return days
          ? msg(str`Pay at the store within ${days} days of ordering. The exact deadline is shown when you place the order.`, { id: 'review.timing.konbiniDays' })
          : msg('Pay at the store by the deadline shown when you place the order.', { id: 'review.timing.konbini' });
      case 'pay-easy':
      case 'bank-transfer':
        return days
          ? msg(str`Pay within ${days} days of ordering. The exact deadline and the numbers are shown when you place the order.`, { id: 'review.timing.laterDays' })
          : msg('Pay by the deadline shown, with the numbers shown, when you place the order.', { id: 'review.timing.later' });
      case 'paypay':
      case 'wallet':
        return msg('Pay in the app right after you place the order.', { id: 'review.timing.wallet' });
      default:
        return msg('Choose a payment method.', { id: 'review.timing.none' });
    }
  }

  private section(name: string): Section | null {
    return this.renderRoot.querySelector<Section>(`[data-section="${name}"]`);
  }

  private sections(): Section[] {
    // Only upgraded elements (a section whose tag is not registered cannot validate).
    return Array.from(this.renderRoot.querySelectorAll<Section>('[data-section]')).filter((s) => typeof s.checkValidity === 'function');
  }

  /** Shows every error and focuses the first invalid field; true when all is valid. */
  private async validate(): Promise<boolean> {
    // validity (not checkValidity()): no `invalid` events, the checkout decides what is shown and focused.
    const invalid = this.sections().filter((s) => !s.validity.valid);
    if (!invalid.length) return true;
    if (this.phase === 'review') {
      this.phase = 'idle';
      await this.updateComplete;
    }
    for (const s of invalid) (s.showErrors ?? s.reportValidity).call(s);
    await Promise.all(invalid.map((s) => s.updateComplete));
    const first = invalid[0];
    if (first.focusFirstInvalid) first.focusFirstInvalid();
    else first.focus();
    return false;
  }

  private buildRequest(card?: { token: string; brand?: string; last4?: string; installments?: InstallmentPlan }): CheckoutRequest {
    const v = (name: string) => (this.section(name)?.value ?? {}) as Record<string, string>;
    const method = this.method as PaymentMethod;
    const request: CheckoutRequest = {
      ...(this.reference ? { reference: this.reference } : {}),
      amount: this.amount,
      currency: 'JPY',
      method,
      customer: {
        familyName: v('name').familyName ?? '',
        givenName: v('name').givenName ?? '',
        familyNameKana: v('name').familyNameKana ?? '',
        givenNameKana: v('name').givenNameKana ?? '',
        email: v('contact').email ?? '',
        phone: v('contact').phone ?? '',
      },
    };
    if (!this.noAddress) {
      const a = v('address');
      request.address = {
        postalCode: a.postalCode ?? '',
        prefecture: a.prefecture ?? '',
        prefectureCode: a.prefectureCode ?? '',
        city: a.city ?? '',
        line1: a.line1 ?? '',
        line2: a.line2 ?? '',
        ...(a.confirmed === 'true' ? { confirmed: true } : {}),
      };
    }
    if (method === 'konbini') {
      const store = this.section('konbini')?.value;
      request.konbini = { store: (typeof store === 'string' ? store : ((store as Record<string, string>)?.store ?? '')) as never };
    }
    if (method === 'card' && card) {
      request.card = { token: card.token, ...(card.brand ? { brand: card.brand } : {}), ...(card.last4 ? { last4: card.last4 } : {}), ...(card.installments !== undefined ? { installments: card.installments } : {}) };
    }
    if (method === 'wallet' && this.wallet) request.wallet = { type: this.wallet };
    return request;
  }

  /** The double-submit guard: any number of clicks, Enter presses or requestSubmit() calls post once. */
  private async place(): Promise<void> {
    if (this.locked || this.refusal || this.phase === 'result' || this.phase === 'resuming' || this.phase === 'redirecting') return;
    this.locked = true;
    try {
      // Posting is a part (normally fetched while the shopper typed): loaded beside the checks.
      const loading = this.ordering();
      if (!this.attempt) {
        if (this.method === 'card') {
          if (!(await this.need('kessai-card-fields'))) return this.fail('load_failed', true);
          await this.section('card')?.updateComplete;
        }
        if (!(await this.validate())) return;
        let card: { token: string; brand?: string; last4?: string; installments?: InstallmentPlan } | undefined;
        if (this.method === 'card') {
          try {
            const fields = this.section('card') as unknown as KessaiCardFields;
            card = { ...(await fields.tokenize(this.cardTokenizer!)), installments: fields.selectedInstallments };
          } catch {
            this.fail('tokenize_failed', false);
            return;
          }
        }
        const request = this.buildRequest(card);
        this.placed = { card: card && { brand: card.brand, last4: card.last4 }, email: request.customer.email || undefined };
        const go = this.dispatchEvent(new CustomEvent<KessaiSubmitDetail>('kessai-submit', { detail: { request }, bubbles: true, composed: true, cancelable: true }));
        if (!go) return;
        this.attempt = { key: newIdempotencyKey(), body: JSON.stringify(request) };
        this.newAttemptOnEdit = false;
      }
      this.alert = undefined;
      this.phase = 'submitting';
      const ordering = await loading;
      // Not loaded (offline, blocked): as a request that never left; pressing again sends the same attempt.
      if (!ordering) return this.fail('load_failed', true);
      const result = await ordering.submitCheckout({
        endpoint: this.endpoint,
        body: this.attempt.body,
        idempotencyKey: this.attempt.key,
        timeoutMs: this.timeout,
        signal: this.abort.signal,
        language: this.locale,
      });
      await this.handleResult(result, ordering);
    } finally {
      if (this.phase === 'idle' || this.phase === 'review') this.locked = false;
    }
  }

  private async handleResult(result: SubmitResult, { parseAction }: Later<'ordering'>): Promise<void> {
    if (result.kind === 'success') {
      const response = result.response;
      if (response.status === 'requires_action') {
        const action = parseAction(response, location.href);
        if (!action) {
          this.attempt = undefined;
          this.fail('unsafe_redirect', false);
          return;
        }
        const orderId = isOrderId(response.orderId) ? response.orderId : '';
        if (action.type === 'qr' && orderId && !isHandheld()) {
          // On a desktop the wallet app is on the shopper's phone: show its QR code here.
          await this.showQr(action, orderId, this.method === 'wallet' && this.wallet ? this.wallet : 'paypay');
          this.dispatchSuccess(response);
          return;
        }
        this.phase = 'redirecting';
        // Coming back (the PSP's return URL, Back, bfcache) finds the order in the page's URL: its result, never a new post.
        if (orderId) rememberOrder(orderId);
        if (this.dispatchSuccess(response)) location.assign(action.type === 'qr' ? (action.deeplink ?? action.url) : action.url);
        return;
      }
      // The numbers to pay with: their element is usually loaded by now (fetched while the shopper typed).
      if (response.status === 'pending' && !(await this.need('kessai-payment-instructions'))) await this.need('kessai-payment-instructions');
      const orderId = isOrderId(response.orderId) ? response.orderId : '';
      if (orderId) rememberOrder(orderId);
      await this.showResult({
        kind: response.status,
        orderId,
        status: response.status,
        amount: this.amount,
        method: this.method,
        ...(this.method === 'card' && this.placed.card ? { card: this.placed.card } : {}),
        ...(this.placed.email ? { email: this.placed.email } : {}),
        ...(response.emailSent ? { emailSent: true } : {}),
        ...(response.status === 'pending' ? { instructions: response.instructions } : {}),
      });
      this.dispatchSuccess(response);
      return;
    }
    if (result.kind === 'unknown') {
      // The payment may exist: keep the key and bytes, so pressing again asks the server about the same order.
      this.fail(result.reason, true);
      return;
    }
    if (result.status >= 500) {
      this.fail(result.code, true, { status: result.status, reference: result.reference });
      return;
    }
    // A definite refusal: once the shopper edits anything, the next press is a new attempt.
    this.newAttemptOnEdit = true;
    const owner = result.field ? FIELD_OWNER[result.field] : undefined;
    const target = owner ? this.section(owner[0]) : null;
    if (owner && target?.setServerError) {
      const message = this.inLocale(() => this.errorMessage(result.code, result.message));
      target.setServerError(owner[1], message);
      this.phase = 'idle';
      this.dispatchError(result.code, message, false);
      return;
    }
    this.fail(result.code, false, { serverMessage: result.message, reference: result.reference });
  }

  /**
   * The text for an error code: the element's own message when it knows the code
   * (in the element's language, whatever the server said), else the server's
   * message (the reference backend answers in the Accept-Language sent), else a
   * general one.
   */
  private errorMessage(code: string, serverMessage?: string, status?: number): string {
    switch (code) {
      case 'tokenize_failed':
        return msg('We could not check your card. Check the card number, expiry date and security code.', { id: 'checkout.error.tokenize' });
      case 'unsafe_redirect':
        return msg('We could not open the payment confirmation page. Please contact the shop.', { id: 'checkout.error.redirect' });
      case 'timeout':
      case 'network':
      case 'bad_response':
        return msg('The connection was interrupted, so we could not confirm whether your order went through. Press the button again to check the same order; you will not be charged twice.', {
          id: 'checkout.error.unknown',
        });
      case 'card_declined':
        return msg('Your card was declined. Use another card or another payment method.', { id: 'checkout.error.declined' });
      case 'amount_mismatch':
        return msg('The order amount has changed. Reload the page and check your cart.', { id: 'checkout.error.amount' });
      case 'load_failed':
        return msg('This part of the page could not be loaded. Check your connection and try again.', { id: 'checkout.error.load' });
      case 'wallet_failed':
        return msg('The payment was not completed. Choose a payment method and try again.', { id: 'checkout.error.wallet' });
    }
    if (status !== undefined && status >= 500) {
      return msg('The payment server had a problem. You can press the button again; you will not be charged twice.', { id: 'checkout.error.server' });
    }
    return serverMessage || msg('We could not accept your order. Check what you entered.', { id: 'checkout.error.refused' });
  }

  private fail(code: string, retryable: boolean, from: { serverMessage?: string; status?: number; reference?: string } = {}): void {
    this.phase = 'idle';
    this.alert = { code, ...from };
    this.dispatchError(code, this.inLocale(() => this.alertMessage()), retryable);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button[type="submit"]')?.focus());
  }

  private alertMessage(): string {
    const a = this.alert;
    return a ? this.errorMessage(a.code, a.serverMessage, a.status) : '';
  }

  private dispatchError(code: string, message: string, retryable: boolean): void {
    this.dispatchEvent(new CustomEvent<KessaiErrorDetail>('kessai-error', { detail: { code, message, retryable }, bubbles: true, composed: true }));
  }

  private dispatchSuccess(response: CheckoutResponse): boolean {
    return this.dispatchEvent(new CustomEvent<KessaiSuccessDetail>('kessai-success', { detail: { response }, bubbles: true, composed: true, cancelable: true }));
  }

  /** The wallet's QR code: paid or refused in the app, a new code after expiry, or back to the form. */
  private onWalletResult = (e: CustomEvent<KessaiWalletResultDetail>): void => {
    this.qr = undefined;
    if (e.detail.outcome === 'succeeded') {
      void this.showResult({ ...e.detail.view, amount: e.detail.view.amount ?? this.amount });
      this.dispatchSuccess({ status: 'succeeded', orderId: e.detail.orderId });
      return;
    }
    // Declined in the app: the form again, with what was typed; the next press is a new attempt.
    forgetOrder();
    this.attempt = undefined;
    this.locked = false;
    this.fail('wallet_failed', false);
  };

  private onWalletRestart = (): void => {
    // A code shown again after a reload has no attempt here: back to the form.
    if (!this.attempt) return this.onWalletCancel();
    // A new attempt with a new key: the expired code's order stays as it is.
    this.attempt = { key: newIdempotencyKey(), body: this.attempt.body };
    forgetOrder();
    this.qr = undefined;
    this.phase = 'idle';
    this.locked = false;
    void this.place();
  };

  private onWalletCancel = (): void => {
    forgetOrder();
    this.qr = undefined;
    this.attempt = undefined;
    this.phase = 'idle';
    this.locked = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button[type="submit"]')?.focus());
  };

  /** Back from the back-forward cache (after 3-D Secure or a wallet): the order's result from the status route, never a new post. */
  private onPageShow = (e: PageTransitionEvent): void => {
    if (!e.persisted || (this.phase !== 'redirecting' && this.phase !== 'submitting')) return;
    const orderId = this.phase === 'redirecting' ? orderIdInPage() : null;
    if (orderId) {
      void this.resume(orderId);
      return;
    }
    this.phase = 'idle';
    this.locked = false;
  };

  private summaryTimer?: ReturnType<typeof setTimeout>;
  /** When the summary refreshes if no other keystroke comes (performance.now()). */
  private summaryDue = 0;

  /**
   * The summary beside the button shows the address, name and chain as entered: refreshed when the
   * shopper leaves a field, picks something, or pauses typing (250 ms), not on every keystroke (a
   * keystroke re-renders at most its own field). A keystroke only moves the deadline: one timer per
   * pause, not a clearTimeout and a setTimeout per keystroke.
   */
  private refreshSummary = (e: Event): void => {
    if (this.confirmation === 'review') return;
    if (e.type === 'input') {
      this.summaryDue = performance.now() + 250;
      this.summaryTimer ??= setTimeout(this.summaryPause, 250);
      return;
    }
    this.stopSummaryTimer();
    // Chromium fires focusout when a render removes the focused field (the result replaces the form,
    // another method's fields): that render shows the summary as it is; a refresh would render twice.
    if (this.committing) return;
    this.requestUpdate();
  };

  /** True while a render is being committed to the DOM. */
  private committing = false;

  protected override update(changed: PropertyValues): void {
    this.committing = true;
    try {
      super.update(changed);
    } finally {
      this.committing = false;
    }
  }

  private summaryPause = (): void => {
    const wait = this.summaryDue - performance.now();
    this.summaryTimer = wait > 0 ? setTimeout(this.summaryPause, wait) : undefined;
    if (wait <= 0) this.requestUpdate();
  };

  private stopSummaryTimer(): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = undefined;
  }

  private onEdit = (e: Event): void => {
    this.refreshSummary(e);
    if (this.newAttemptOnEdit) {
      this.attempt = undefined;
      this.newAttemptOnEdit = false;
    }
  };

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type)) {
      e.preventDefault();
      void this.submit();
    }
  };

  /** The picker's value, one object per chain chosen (a new object on every render would reset the picker each time). */
  private storeValueCache: [string, Record<string, string>] = ['', {}];
  private storeValue(): Record<string, string> {
    if (this.storeValueCache[0] !== this.chosenStore) this.storeValueCache = [this.chosenStore, this.chosenStore ? { store: this.chosenStore } : {}];
    return this.storeValueCache[1];
  }

  private renderMethodFields() {
    switch (this.method) {
      case 'konbini':
        return html`<kessai-konbini-picker
          data-section="konbini"
          exportparts="field, label, hint, error, option"
          name="konbini"
          stores=${ifDefined(this.konbiniStores || undefined)}
          amount=${this.amount}
          .value=${this.storeValue()}
          @change=${(e: Event) => (this.chosenStore = ((e.target as Section).value as Record<string, string>)?.store ?? '')}
        ></kessai-konbini-picker>`;
      case 'card':
        return html`${this.renderUnloaded('kessai-card-fields')}<kessai-card-fields data-section="card" exportparts="field, label, input, select, hint, error" installments=${this.installments}></kessai-card-fields>`;
      case 'paypay':
        return html`<p class="note">${msg('After ordering, pay in the PayPay app: scan the QR code shown here, or on a smartphone the app opens.', { id: 'checkout.note.paypay' })}</p>`;
      case 'wallet':
        return this.renderWallets();
      case 'pay-easy':
        return html`<p class="note">${msg('After ordering you get the numbers to pay at a bank ATM or through online banking.', { id: 'checkout.note.pay-easy' })}</p>`;
      case 'bank-transfer':
        return html`<p class="note">${msg('After ordering you get the account to transfer the amount to.', { id: 'checkout.note.bank-transfer' })}</p>`;
      default:
        return nothing;
    }
  }

  private renderWallets() {
    return html`<fieldset class="wallets">
        <legend>${msg('Wallet', { id: 'checkout.wallet.legend' })}</legend>
        ${parseWallets(this.wallets).map(
          (w) => html`<label><input type="radio" name="wallet" .value=${w} .checked=${this.wallet === w} @change=${() => (this.wallet = w)} />${walletName(w)}</label>`,
        )}
      </fieldset>
      <p class="note">${msg('After ordering, pay in the app: scan the QR code shown here, or on a smartphone the app opens.', { id: 'checkout.note.wallet' })}</p>`;
  }

  private amountLine(): string {
    const amount = formatYen(this.amount);
    return msg(str`Amount: ${amount}`, { id: 'checkout.amount' });
  }

  protected override renderContent() {
    if ((this.phase === 'result' || this.phase === 'resuming') && this.result) {
      return html`${this.renderUnloaded('result-view')}${this.renderUnloaded('kessai-payment-instructions')}${this.resultView?.renderResult(this.result, { recheck: this.recheck, restart: this.restart }) ?? nothing}`;
    }
    const busy = this.phase === 'submitting' || this.phase === 'redirecting';
    const methods = this.availableMethods;
    const qr = this.qr;
    const reviewing = !qr && (this.phase === 'review' || (this.confirmation === 'review' && busy && !!this.attempt));
    const review = reviewing || this.confirmation !== 'review' ? renderReview(this.reviewData(), 'review-heading') : nothing;
    // The form stays (hidden) under a QR code or the review step: going back to it keeps what was typed.
    return html`${qr
        ? html`${this.renderUnloaded('kessai-wallet-qr')}<kessai-wallet-qr
            .action=${qr.action}
            endpoint=${this.endpoint}
            order-id=${qr.orderId}
            amount=${this.amount}
            wallet=${qr.wallet}
            @kessai-wallet-result=${this.onWalletResult}
            @kessai-wallet-restart=${this.onWalletRestart}
            @kessai-wallet-cancel=${this.onWalletCancel}
          ></kessai-wallet-qr>`
        : nothing}${reviewing
        ? html`${review}
            <div class="status" role="status">${busy ? msg('Sending…', { id: 'checkout.sending' }) : ''}</div>
            <button type="button" part="submit" class="submit" aria-busy=${busy ? 'true' : 'false'} aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.place()}>
              ${msg('Place order', { id: 'checkout.submit' })}
            </button>
            <button type="button" part="back" class="back" ?hidden=${busy} @click=${this.backToForm}>${msg('Back to edit', { id: 'review.back' })}</button>`
        : nothing}<form part="form" novalidate ?hidden=${reviewing || !!qr} @submit=${(e: Event) => (e.preventDefault(), void this.submit())} @keydown=${this.onKeydown} @input=${this.onEdit} @change=${this.onEdit} @focusout=${this.refreshSummary}>
      <p class="amount" part="amount">${this.amountLine()}</p>
      <h2 part="heading">${msg('Name', { id: 'checkout.section.name' })}</h2>
      <kessai-name-fields data-section="name" exportparts="field, label, input, select, hint, error, option" name="customer"></kessai-name-fields>
      <h2 part="heading">${msg('Contact', { id: 'checkout.section.contact' })}</h2>
      <kessai-contact-fields data-section="contact" exportparts="field, label, input, select, hint, error, option" name="customer"></kessai-contact-fields>
      ${this.noAddress
        ? nothing
        : html`<h2 part="heading">${msg('Address', { id: 'checkout.section.address' })}</h2>
            <kessai-address-fields data-section="address" exportparts="field, label, input, select, hint, error, option" name="address" postal-data=${ifDefined(this.postalData || undefined)}></kessai-address-fields>`}
      <fieldset>
        <legend>${msg('Payment method', { id: 'checkout.section.method' })}</legend>
        <div class="methods">
          ${methods.map(
            (m) => html`<label part="method"
              ><input
                type="radio"
                name="method"
                .value=${m}
                .checked=${this.method === m}
                @change=${() => (this.method = m)}
              />${methodLabel(m)}</label
            >`,
          )}
        </div>
        ${this.renderMethodFields()}
      </fieldset>
      ${this.confirmation === 'review' ? nothing : review}
      <div class="alert" part="alert" role="alert">${this.alertMessage()}${this.alert?.reference ? html`<span class="reference">${msg(str`Reference: ${this.alert.reference}`, { id: 'checkout.error.reference' })}</span>` : nothing}</div>
      <div class="status" role="status">${busy ? msg('Sending…', { id: 'checkout.sending' }) : ''}</div>
      <button type="submit" part="submit" class="submit" aria-busy=${busy ? 'true' : 'false'} aria-disabled=${busy ? 'true' : 'false'}>
        ${this.confirmation === 'review' ? msg('Review your order', { id: 'checkout.review' }) : msg('Place order', { id: 'checkout.submit' })}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kessai-checkout': KessaiCheckout;
  }
  interface GlobalEventHandlersEventMap {
    'kessai-submit': CustomEvent<KessaiSubmitDetail>;
    'kessai-success': CustomEvent<KessaiSuccessDetail>;
    'kessai-error': CustomEvent<KessaiErrorDetail>;
  }
}
