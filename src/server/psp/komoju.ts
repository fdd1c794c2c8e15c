/**
 * KOMOJU adapter (plain fetch: KOMOJU publishes no maintained Node SDK).
 *
 * Read from KOMOJU's API reference (doc.komoju.com, docs.komoju.com/en/api):
 * - `https://komoju.com/api/v1`, HTTP Basic with the secret key as user name;
 * - `POST /payments` with `amount`, `currency`, `external_order_num` and
 *   `payment_details[type]` = `konbini` (+ `store`) | `pay_easy` | `bank_transfer`, or
 *   `payment_details` = a card token id (`tok_…`, or a 3-D Secure-verified SecureToken); `GET /payments/:id`;
 * - the payment's `payment_deadline` is UTC (`2018-10-18T14:59:59Z` = 23:59:59 JST);
 *   Konbini numbers in `payment_details.receipt` / `confirmation_code` /
 *   `instructions_url`; Pay-easy `bank_id` / `customer_id` / `confirmation_id`;
 * - idempotency: the `X-KOMOJU-IDEMPOTENCY` header;
 * - refunds: `POST /payments/:id/refund` with `amount` (none: the whole payment; the payment
 *   comes back with its `refunds`), cancellation of an unpaid payment: `POST /payments/:id/cancel`,
 *   listing: `GET /payments?start_time=…&end_time=…&page=…&per_page=…` (ja.doc.komoju.com/reference);
 * - webhooks: `X-Komoju-Signature` = hex HMAC-SHA256 of the raw body with the
 *   webhook's secret token; events `payment.captured`, `payment.expired`,
 *   `payment.failed`, `payment.cancelled`, `payment.refunded`, … with the payment in `data`.
 */
import type { BankTransferInstructions, KonbiniInstructions, KonbiniStore, PayEasyInstructions } from '../../core/contract.js';
import { WebhookNotConfiguredError, type CardResult, type PaymentRequest, type PendingResult, type PspAdapter, type PspEvent, type PspListRange, type PspPayment, type PspRefund, type RefundRequest } from '../types.js';
import { basicAuth, jstFromIso, parseJsonBody, clean, eventType, pspHttp, PspHttpError, requireSecret, verifyHmacSha256Hex, type PspHttpOptions } from './shared.js';

export interface KomojuPspOptions extends Partial<PspHttpOptions> {
  /** `sk_live_…` / `sk_test_…` (KOMOJU_SECRET_KEY). A publishable `pk_…` key is refused. */
  secretKey: string | undefined;
  /** The webhook's secret token (KOMOJU_WEBHOOK_SECRET). Without it no notification is accepted. */
  webhookSecret?: string;
  /** Where KOMOJU sends the shopper back after 3-D Secure. */
  returnUrl?: string;
}

export const KOMOJU_SIGNATURE_HEADER = 'X-Komoju-Signature';

/** Our store ids → KOMOJU's `payment_details[store]`. */
const STORES: Record<KonbiniStore, string> = {
  'seven-eleven': 'seven-eleven',
  familymart: 'family-mart',
  lawson: 'lawson',
  ministop: 'ministop',
  'daily-yamazaki': 'daily-yamazaki',
  seicomart: 'seicomart',
};

interface KomojuPayment {
  id: string;
  status: 'pending' | 'authorized' | 'captured' | 'refunded' | 'cancelled' | 'expired' | 'failed';
  amount: number;
  total?: number;
  payment_deadline?: string | null;
  captured_at?: string | null;
  redirect_url?: string | null;
  payment_details?: Record<string, string | null> | null;
  external_order_num?: string | null;
  created_at?: string | null;
  amount_refunded?: number | null;
  refunds?: Array<{ id: string; amount: number }> | null;
}

const KOMOJU_STATUS = { pending: 'pending', authorized: 'succeeded', captured: 'succeeded', refunded: 'refunded', cancelled: 'canceled', expired: 'expired', failed: 'failed' } as const;

/** KOMOJU's event types → ours; others keep their own name (recorded, nothing moves). */
const EVENT_TYPES: Record<string, PspEvent['type']> = {
  'payment.captured': 'payment.succeeded',
  'payment.expired': 'payment.expired',
  'payment.failed': 'payment.failed',
  'payment.cancelled': 'payment.canceled',
  'payment.refunded': 'payment.refunded',
};

export class KomojuPsp implements PspAdapter {
  readonly name = 'komoju';
  readonly sandbox: boolean;
  private readonly call;
  private readonly webhookSecret?: string;
  private readonly returnUrl?: string;

  constructor(options: KomojuPspOptions) {
    const secretKey = requireSecret('KOMOJU_SECRET_KEY', options.secretKey, { refuse: /^pk_/, what: 'KOMOJU' });
    this.sandbox = secretKey.startsWith('sk_test_');
    this.webhookSecret = options.webhookSecret || undefined;
    this.returnUrl = options.returnUrl;
    this.call = pspHttp('komoju', { baseUrl: options.baseUrl ?? 'https://komoju.com', timeoutMs: options.timeoutMs, fetch: options.fetch }, basicAuth(secretKey));
  }

  /** `details`: the payment_details object (with the shopper's contact merged in), or a token id string. */
  private create(payment: PaymentRequest, details: Record<string, unknown> | string): Promise<KomojuPayment> {
    const c = payment.customer;
    return this.call<KomojuPayment>(
      {
        method: 'POST',
        path: '/api/v1/payments',
        headers: { 'X-KOMOJU-IDEMPOTENCY': payment.idempotencyKey },
        body: {
          amount: payment.amount,
          currency: 'JPY',
          external_order_num: payment.orderId,
          return_url: payment.returnUrl ?? this.returnUrl,
          payment_details:
            typeof details === 'string'
              ? details
              : { email: c.email, phone: c.phone, family_name: c.familyName, given_name: c.givenName, family_name_kana: c.familyNameKana, given_name_kana: c.givenNameKana, ...details },
        },
      },
      (b) => b?.error?.code,
    );
  }

  async createKonbiniPayment(payment: PaymentRequest, store: KonbiniStore): Promise<PendingResult<KonbiniInstructions>> {
    const p = await this.create(payment, { type: 'konbini', store: STORES[store] });
    const d = p.payment_details ?? {};
    const receipt = d.receipt ?? undefined;
    const code = d.confirmation_code ?? undefined;
    // The labels follow the chain (DESIGN.md): FamilyMart's 企業コード is the paymentCode, its 注文番号 the confirmation number.
    const numbers = store === 'familymart' ? { paymentCode: code, confirmationNumber: receipt } : { paymentCode: receipt, confirmationNumber: code };
    const instructions: KonbiniInstructions = {
      method: 'konbini',
      store,
      ...numbers,
      expiresAt: jstFromIso(p.payment_deadline),
      instructionsUrl: d.instructions_url ?? undefined,
    };
    return { status: 'pending', pspPaymentId: p.id, sandbox: this.sandbox, instructions: clean(instructions) };
  }

  async createPayEasyPayment(payment: PaymentRequest): Promise<PendingResult<PayEasyInstructions>> {
    const p = await this.create(payment, { type: 'pay_easy' });
    const d = p.payment_details ?? {};
    const instructions: PayEasyInstructions = {
      method: 'pay-easy',
      institutionNumber: d.bank_id ?? undefined,
      customerNumber: d.customer_id ?? undefined,
      confirmationNumber: d.confirmation_id ?? undefined,
      expiresAt: jstFromIso(p.payment_deadline),
    };
    return { status: 'pending', pspPaymentId: p.id, sandbox: this.sandbox, instructions: clean(instructions) };
  }

  async createBankTransfer(payment: PaymentRequest): Promise<PendingResult<BankTransferInstructions>> {
    const p = await this.create(payment, { type: 'bank_transfer' });
    const d = p.payment_details ?? {};
    const instructions: BankTransferInstructions = {
      method: 'bank-transfer',
      bankName: d.bank_name ?? undefined,
      branchName: d.account_branch_name ?? undefined,
      accountType: d.account_type ?? undefined,
      accountNumber: d.account_number ?? undefined,
      accountHolder: d.account_name ?? undefined,
      expiresAt: jstFromIso(p.payment_deadline),
      instructionsUrl: d.instructions_url ?? undefined,
    };
    return { status: 'pending', pspPaymentId: p.id, sandbox: this.sandbox, instructions: clean(instructions) };
  }

  async chargeCard(payment: PaymentRequest, card: { token: string }): Promise<CardResult> {
    let p: KomojuPayment;
    try {
      // "the token string … used as payment_details" (KOMOJU, Token: Create). 3-D Secure 2 runs before,
      // in the browser, on a SecureToken (authentication_url); its id is sent the same way.
      p = await this.create(payment, card.token);
    } catch (e) {
      if (e instanceof PspHttpError && e.status === 422) return { status: 'declined', pspPaymentId: `komoju:declined:${payment.orderId}`, sandbox: this.sandbox, declineCode: e.code ?? 'card_declined' };
      throw e;
    }
    if (p.status === 'captured' || p.status === 'authorized') return { status: 'succeeded', pspPaymentId: p.id, sandbox: this.sandbox };
    if (p.status === 'pending' && p.redirect_url?.startsWith('https://')) return { status: 'requires_action', pspPaymentId: p.id, sandbox: this.sandbox, redirectUrl: p.redirect_url };
    return { status: 'declined', pspPaymentId: p.id, sandbox: this.sandbox, declineCode: p.status };
  }

  private toPayment(p: KomojuPayment): PspPayment {
    return clean({
      pspPaymentId: p.id, status: KOMOJU_STATUS[p.status] ?? 'pending', amount: p.amount, expiresAt: jstFromIso(p.payment_deadline), paidAt: jstFromIso(p.captured_at),
      orderId: p.external_order_num ?? undefined, createdAt: jstFromIso(p.created_at), amountRefunded: p.amount_refunded ?? undefined,
    });
  }

  async retrievePayment(pspPaymentId: string): Promise<PspPayment> {
    return this.toPayment(await this.call<KomojuPayment>({ method: 'GET', path: `/api/v1/payments/${encodeURIComponent(pspPaymentId)}` }));
  }

  async refundPayment(r: RefundRequest): Promise<PspRefund> {
    const p = await this.call<KomojuPayment>(
      { method: 'POST', path: `/api/v1/payments/${encodeURIComponent(r.pspPaymentId)}/refund`, headers: { 'X-KOMOJU-IDEMPOTENCY': r.idempotencyKey }, body: { amount: r.amount, description: r.reason } },
      (b) => b?.error?.code,
    );
    const last = p.refunds?.[p.refunds.length - 1];
    return { pspRefundId: last?.id ?? `${p.id}:refund:${r.amount}`, amount: r.amount, status: 'succeeded' };
  }

  async cancelPayment(pspPaymentId: string, idempotencyKey: string): Promise<void> {
    await this.call({ method: 'POST', path: `/api/v1/payments/${encodeURIComponent(pspPaymentId)}/cancel`, headers: { 'X-KOMOJU-IDEMPOTENCY': idempotencyKey } }, (b) => b?.error?.code);
  }

  async listPayments(range: PspListRange): Promise<PspPayment[]> {
    const out: PspPayment[] = [];
    for (let page = 1; page <= 1000; page++) {
      const q = new URLSearchParams({ start_time: range.from, end_time: range.to, page: String(page), per_page: '100' });
      const list = await this.call<{ data: KomojuPayment[]; last_page?: number }>({ method: 'GET', path: `/api/v1/payments?${q}` });
      out.push(...list.data.map((p) => this.toPayment(p)));
      if (!list.last_page || page >= list.last_page) break;
    }
    return out;
  }

  async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null> {
    if (!this.webhookSecret) throw new WebhookNotConfiguredError();
    if (!(await verifyHmacSha256Hex(this.webhookSecret, rawBody, headers.get(KOMOJU_SIGNATURE_HEADER) ?? ''))) return null;
    const e = parseJsonBody(rawBody);
    if (typeof e?.id !== 'string' || !e.id || typeof e.type !== 'string') return null;
    const data = e.data && typeof e.data === 'object' ? e.data : {};
    return clean({
      id: e.id,
      type: eventType(EVENT_TYPES, e.type),
      pspPaymentId: typeof data.id === 'string' ? data.id : undefined,
      amount: typeof data.amount === 'number' ? data.amount : undefined,
      occurredAt: jstFromIso(e.created_at),
    });
  }
}
