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
 * - webhooks: `X-Komoju-Signature` = hex HMAC-SHA256 of the raw body with the
 *   webhook's secret token; events `payment.captured`, `payment.expired`,
 *   `payment.failed`, `payment.cancelled`, `payment.refunded`, … with the payment in `data`.
 */
import type { BankTransferInstructions, KonbiniInstructions, KonbiniStore, PayEasyInstructions } from '../../core/contract.js';
import { WebhookNotConfiguredError, type CardResult, type PaymentRequest, type PendingResult, type PspAdapter, type PspEvent, type PspPayment } from '../types.js';
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
}

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
          return_url: this.returnUrl,
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

  async retrievePayment(pspPaymentId: string): Promise<PspPayment> {
    const p = await this.call<KomojuPayment>({ method: 'GET', path: `/api/v1/payments/${encodeURIComponent(pspPaymentId)}` });
    const status = ({ pending: 'pending', authorized: 'succeeded', captured: 'succeeded', refunded: 'refunded', cancelled: 'canceled', expired: 'expired', failed: 'failed' } as const)[p.status] ?? 'pending';
    return clean({ pspPaymentId: p.id, status, amount: p.amount, expiresAt: jstFromIso(p.payment_deadline), paidAt: jstFromIso(p.captured_at) });
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
