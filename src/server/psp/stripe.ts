/**
 * Stripe adapter (plain fetch over Stripe's REST API; see docs/psp.md for why
 * not the `stripe` package).
 *
 * Read from Stripe's API reference and guides (docs.stripe.com: payment_intents,
 * payments/konbini/accept-a-payment, payments/bank-transfers, webhooks/signatures)
 * and stripe-node's `Webhooks.constructEvent`:
 * - `https://api.stripe.com/v1`, `Authorization: Bearer sk_…`, form-encoded bodies,
 *   `Idempotency-Key` header;
 * - Konbini: `POST /v1/payment_intents` with `payment_method_types[]=konbini`,
 *   `payment_method_data[type]=konbini`, `confirm=true` → `next_action.konbini_display_details`
 *   { `expires_at` (unix), `hosted_voucher_url`, `stores.{familymart,lawson,ministop,seicomart}`
 *   { `payment_code`, `confirmation_number` } }. Stripe has no Seven-Eleven or Daily Yamazaki
 *   and no Pay-easy;
 * - bank transfer: a Customer, then `customer_balance` with `funding_type=bank_transfer`,
 *   `bank_transfer[type]=jp_bank_transfer` → `next_action.display_bank_transfer_instructions.financial_addresses[].zengin`;
 * - card: `payment_method_data[card][token]=tok_…`, `confirm=true`, `return_url` →
 *   `status` `succeeded` | `requires_action` (`next_action.redirect_to_url.url`); a decline is HTTP 402 `card_error`;
 * - webhooks: `Stripe-Signature: t=…,v1=…[,v1=…]`, HMAC-SHA256 of `t.rawBody` with `whsec_…`,
 *   300 s tolerance; every `v1` is tried (several while a secret rotates).
 */
import type { BankTransferInstructions, KonbiniInstructions, KonbiniStore, PayEasyInstructions } from '../../core/contract.js';
import { jstEndOfDay } from '../http.js';
import {
  PspUnsupportedMethodError,
  WebhookNotConfiguredError,
  type CardResult,
  type PaymentRequest,
  type PendingResult,
  type PspAdapter,
  type PspEvent,
  type PspPayment,
} from '../types.js';
import { clean, concatBytes, jstFromUnix, parseJsonBody, pspHttp, PspHttpError, requireSecret, verifyHmacSha256Hex, type PspHttpOptions, type PspJson } from './shared.js';

export interface StripePspOptions extends Partial<PspHttpOptions> {
  /** `sk_live_…` / `sk_test_…` or a restricted `rk_…` key (STRIPE_SECRET_KEY). A publishable `pk_…` key is refused. */
  secretKey: string | undefined;
  /** The endpoint's signing secret `whsec_…` (STRIPE_WEBHOOK_SECRET). */
  webhookSecret?: string;
  /** Where Stripe sends the shopper back after 3-D Secure (required for card payments). */
  returnUrl?: string;
  /** Signatures older or newer than this are refused (default 300 s, as Stripe's libraries). */
  toleranceSeconds?: number;
  /** Days until Konbini vouchers expire (Stripe: 1–60, default 3 → 23:59:59 JST). */
  konbiniExpiresAfterDays?: number;
  /** Stripe bank transfers have no deadline of their own: the one shown (and swept) is ours, this many days (default 7). */
  bankTransferDays?: number;
  /** The clock (signature tolerance). */
  now?: () => Date;
}

export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';
const KONBINI_STORES: Partial<Record<KonbiniStore, string>> = { familymart: 'familymart', lawson: 'lawson', ministop: 'ministop', seicomart: 'seicomart' };

interface PaymentIntent {
  id: string;
  status: 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'succeeded' | 'canceled' | 'requires_capture';
  amount: number;
  amount_received?: number;
  payment_method_types?: string[];
  next_action?: {
    type: string;
    konbini_display_details?: { expires_at: number; hosted_voucher_url?: string; stores: Record<string, { payment_code: string; confirmation_number?: string } | undefined> };
    display_bank_transfer_instructions?: { financial_addresses?: Array<{ type: string; zengin?: Record<string, string> }>; hosted_instructions_url?: string };
    redirect_to_url?: { url: string };
  } | null;
  last_payment_error?: { code?: string; decline_code?: string } | null;
}

const stripeError = (b: PspJson): string | undefined => b?.error?.decline_code ?? b?.error?.code ?? b?.error?.type;

export class StripePsp implements PspAdapter {
  readonly name = 'stripe';
  readonly sandbox: boolean;
  private readonly call;
  private readonly o: StripePspOptions;
  private readonly now: () => Date;

  constructor(options: StripePspOptions) {
    const secretKey = requireSecret('STRIPE_SECRET_KEY', options.secretKey, { refuse: /^pk_/, expect: /^(sk|rk)_/, what: 'Stripe' });
    this.sandbox = /^(sk|rk)_test_/.test(secretKey);
    this.o = options;
    this.now = options.now ?? (() => new Date());
    this.call = pspHttp('stripe', { baseUrl: options.baseUrl ?? 'https://api.stripe.com', timeoutMs: options.timeoutMs, fetch: options.fetch }, { Authorization: `Bearer ${secretKey}` });
  }

  private createIntent(payment: PaymentRequest, params: Record<string, unknown>, keySuffix = ''): Promise<PaymentIntent> {
    return this.call<PaymentIntent>(
      {
        method: 'POST',
        path: '/v1/payment_intents',
        headers: { 'Idempotency-Key': payment.idempotencyKey + keySuffix },
        form: true,
        body: { amount: payment.amount, currency: 'jpy', confirm: true, description: payment.description, metadata: { order_id: payment.orderId }, ...params },
      },
      stripeError,
    );
  }

  private billing(payment: PaymentRequest) {
    const c = payment.customer;
    return { name: `${c.familyName} ${c.givenName}`, email: c.email, phone: c.phone };
  }

  async createKonbiniPayment(payment: PaymentRequest, store: KonbiniStore): Promise<PendingResult<KonbiniInstructions>> {
    const key = KONBINI_STORES[store];
    if (!key) throw new PspUnsupportedMethodError('stripe', `konbini at ${store}`);
    const pi = await this.createIntent(payment, {
      payment_method_types: ['konbini'],
      payment_method_data: { type: 'konbini', billing_details: this.billing(payment) },
      payment_method_options: { konbini: { expires_after_days: this.o.konbiniExpiresAfterDays ?? 3, product_description: payment.description.slice(0, 22) } },
    });
    const d = pi.next_action?.konbini_display_details;
    const s = d?.stores?.[key];
    if (!d || !s) throw new Error('stripe: the konbini PaymentIntent has no display details');
    const instructions: KonbiniInstructions = clean({
      method: 'konbini',
      store,
      paymentCode: s.payment_code,
      confirmationNumber: s.confirmation_number,
      expiresAt: jstFromUnix(d.expires_at),
      instructionsUrl: d.hosted_voucher_url,
    });
    return { status: 'pending', pspPaymentId: pi.id, sandbox: this.sandbox, instructions };
  }

  createPayEasyPayment(_payment: PaymentRequest): Promise<PendingResult<PayEasyInstructions>> {
    return Promise.reject(new PspUnsupportedMethodError('stripe', 'pay-easy'));
  }

  async createBankTransfer(payment: PaymentRequest): Promise<PendingResult<BankTransferInstructions>> {
    // A bank transfer is credited to a Customer's balance: one Customer per order, under its own key.
    const c = payment.customer;
    const customer = await this.call<{ id: string }>(
      { method: 'POST', path: '/v1/customers', headers: { 'Idempotency-Key': `${payment.idempotencyKey}:customer` }, form: true, body: { name: `${c.familyName} ${c.givenName}`, email: c.email, metadata: { order_id: payment.orderId } } },
      stripeError,
    );
    const pi = await this.createIntent(payment, {
      customer: customer.id,
      payment_method_types: ['customer_balance'],
      payment_method_data: { type: 'customer_balance' },
      payment_method_options: { customer_balance: { funding_type: 'bank_transfer', bank_transfer: { type: 'jp_bank_transfer' } } },
    });
    const d = pi.next_action?.display_bank_transfer_instructions;
    const z = d?.financial_addresses?.find((a) => a.type === 'zengin')?.zengin;
    if (!z) throw new Error('stripe: the bank transfer PaymentIntent has no zengin account');
    const instructions: BankTransferInstructions = clean({
      method: 'bank-transfer',
      bankName: z.bank_name,
      branchName: z.branch_name,
      accountType: z.account_type === 'futsu' ? '普通' : z.account_type === 'toza' ? '当座' : z.account_type,
      accountNumber: z.account_number,
      accountHolder: z.account_holder_name,
      expiresAt: jstEndOfDay(this.now(), this.o.bankTransferDays ?? 7),
      instructionsUrl: d?.hosted_instructions_url,
    });
    return { status: 'pending', pspPaymentId: pi.id, sandbox: this.sandbox, instructions };
  }

  async chargeCard(payment: PaymentRequest, card: { token: string }): Promise<CardResult> {
    let pi: PaymentIntent;
    try {
      pi = await this.createIntent(payment, { payment_method_data: { type: 'card', card: { token: card.token } }, return_url: this.o.returnUrl });
    } catch (e) {
      if (e instanceof PspHttpError && e.status === 402) {
        const id = (e.body as PspJson)?.error?.payment_intent?.id ?? `stripe:declined:${payment.orderId}`;
        return { status: 'declined', pspPaymentId: id, sandbox: this.sandbox, declineCode: e.code ?? 'card_declined' };
      }
      throw e;
    }
    if (pi.status === 'succeeded' || pi.status === 'processing') return { status: 'succeeded', pspPaymentId: pi.id, sandbox: this.sandbox };
    const url = pi.next_action?.redirect_to_url?.url;
    if (pi.status === 'requires_action' && url?.startsWith('https://')) return { status: 'requires_action', pspPaymentId: pi.id, sandbox: this.sandbox, redirectUrl: url };
    return { status: 'declined', pspPaymentId: pi.id, sandbox: this.sandbox, declineCode: pi.last_payment_error?.decline_code ?? pi.status };
  }

  async retrievePayment(pspPaymentId: string): Promise<PspPayment> {
    const pi = await this.call<PaymentIntent>({ method: 'GET', path: `/v1/payment_intents/${encodeURIComponent(pspPaymentId)}` }, stripeError);
    const status = ({ succeeded: 'succeeded', canceled: 'canceled', requires_action: 'pending', processing: 'pending', requires_payment_method: 'failed' } as const)[pi.status as string] ?? 'pending';
    return clean({ pspPaymentId: pi.id, status, amount: pi.amount, expiresAt: jstFromUnix(pi.next_action?.konbini_display_details?.expires_at) });
  }

  /** Verifies `Stripe-Signature` as stripe-node's constructEvent does, then normalizes the event. */
  async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null> {
    const secret = this.o.webhookSecret;
    if (!secret) throw new WebhookNotConfiguredError();
    const parts = (headers.get(STRIPE_SIGNATURE_HEADER) ?? '').split(',').map((p) => p.trim().split('='));
    const t = Number(parts.find(([k]) => k === 't')?.[1]);
    const v1 = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v);
    if (!Number.isInteger(t) || v1.length === 0) return null;
    if (Math.abs(this.now().getTime() / 1000 - t) > (this.o.toleranceSeconds ?? 300)) return null;
    const signed = concatBytes(new TextEncoder().encode(`${t}.`), rawBody);
    let ok = false;
    for (const sig of v1) ok = (await verifyHmacSha256Hex(secret, signed, sig)) || ok; // every v1, no early exit
    if (!ok) return null;
    const e = parseJsonBody(rawBody);
    if (typeof e?.id !== 'string' || typeof e.type !== 'string') return null;
    const o = e.data?.object ?? {};
    const base = { id: e.id, occurredAt: jstFromUnix(e.created) };
    switch (e.type) {
      case 'payment_intent.succeeded':
        return clean({ ...base, type: 'payment.succeeded', pspPaymentId: o.id, amount: o.amount_received ?? o.amount });
      case 'payment_intent.payment_failed':
        // A Konbini voucher that was not paid by its expires_at fails this way (Stripe's Konbini guide): for us it expired.
        return clean({ ...base, type: o.payment_method_types?.includes('konbini') ? 'payment.expired' : 'payment.failed', pspPaymentId: o.id });
      case 'payment_intent.canceled':
        return clean({ ...base, type: 'payment.canceled', pspPaymentId: o.id });
      case 'charge.refunded':
        // Only a full refund is `payment.refunded`; a partial one keeps Stripe's name (recorded, nothing moves).
        return clean({ ...base, type: o.refunded === true ? 'payment.refunded' : 'charge.refunded.partial', pspPaymentId: o.payment_intent });
      default:
        return clean({ ...base, type: e.type, pspPaymentId: typeof o.id === 'string' && o.object === 'payment_intent' ? o.id : undefined });
    }
  }
}
