/**
 * Stripe adapter on Stripe's official SDK (`stripe`, an optional peer
 * dependency: only this entry point imports it). The SDK is pointed anywhere
 * with `host` / `port` / `protocol` (fakes, failover) and runs on fetch and
 * Web Crypto (`createFetchHttpClient`, `createSubtleCryptoProvider`), so the
 * adapter still needs no `node:` module.
 *
 * Read from Stripe's API reference and guides (docs.stripe.com: payment_intents,
 * payments/konbini/accept-a-payment, payments/bank-transfers, webhooks/signature)
 * and stripe-node's sources:
 * - Konbini: a PaymentIntent with `allowed_payment_method_types: ['konbini']` (API version
 *   2026-10-28; `payment_method_types` before it), `confirm: true` →
 *   `next_action.konbini_display_details` { `expires_at` (unix), `hosted_voucher_url`,
 *   `stores.{familymart,lawson,ministop,seicomart}` { `payment_code`, `confirmation_number` } }.
 *   Stripe has no Seven-Eleven or Daily Yamazaki and no Pay-easy;
 * - bank transfer: a Customer, then `customer_balance` with `funding_type: 'bank_transfer'`,
 *   `bank_transfer.type: 'jp_bank_transfer'` → `display_bank_transfer_instructions.financial_addresses[].zengin`;
 * - card: `payment_method_data.card.token`, `confirm: true`, `return_url` → `succeeded` |
 *   `requires_action` (`next_action.redirect_to_url.url`); a decline throws StripeCardError (402);
 * - our key goes as the SDK's `idempotencyKey` (the `Idempotency-Key` header);
 * - refunds: `refunds.create({ payment_intent, amount })` under our idempotency key; cancelling an unpaid
 *   Konbini / bank-transfer PaymentIntent: `paymentIntents.cancel`; listing: `paymentIntents.list({ created:
 *   { gte, lt }, expand: ['data.latest_charge'] })`, auto-paginated (the charge's `amount_refunded`);
 * - webhooks: `webhooks.constructEventAsync` checks `Stripe-Signature: t=…,v1=…[,v1=…]`
 *   (HMAC-SHA256 of `t.rawBody`, every v1, constant-time compare, 300 s tolerance)
 *   against the injected clock; a timestamp from the future beyond the tolerance is refused here too.
 */
import Stripe from 'stripe';
import type { BankTransferInstructions, KonbiniInstructions, KonbiniStore, PayEasyInstructions } from '../../core/contract.js';
import { jstEndOfDay } from '../http.js';
import { PspUnsupportedMethodError, WebhookNotConfiguredError, type CardResult, type PaymentRequest, type PendingResult, type PspAdapter, type PspEvent, type PspListRange, type PspPayment, type PspRefund, type RefundRequest } from '../types.js';
import { clean, jstFromUnix, requireSecret, type PspHttpOptions, type PspJson } from './shared.js';

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

export class StripePsp implements PspAdapter {
  readonly name = 'stripe';
  readonly sandbox: boolean;
  private readonly stripe: Stripe;
  private readonly o: StripePspOptions;
  private readonly now: () => Date;
  private readonly crypto = Stripe.createSubtleCryptoProvider();

  constructor(options: StripePspOptions) {
    const secretKey = requireSecret('STRIPE_SECRET_KEY', options.secretKey, { refuse: /^pk_/, expect: /^(sk|rk)_/, what: 'Stripe' });
    this.sandbox = /^(sk|rk)_test_/.test(secretKey);
    this.o = options;
    this.now = options.now ?? (() => new Date());
    const base = new URL(options.baseUrl ?? 'https://api.stripe.com');
    this.stripe = new Stripe(secretKey, {
      host: base.hostname,
      port: base.port || (base.protocol === 'http:' ? 80 : 443),
      protocol: base.protocol === 'http:' ? 'http' : 'https',
      httpClient: Stripe.createFetchHttpClient(options.fetch),
      timeout: options.timeoutMs ?? 15_000,
      // A retry after a network error carries the same idempotency key: never a second payment.
      maxNetworkRetries: 1,
      telemetry: false,
    });
  }

  private createIntent(payment: PaymentRequest, params: Partial<Stripe.PaymentIntentCreateParams>): Promise<Stripe.PaymentIntent> {
    return this.stripe.paymentIntents.create(
      { amount: payment.amount, currency: 'jpy', confirm: true, description: payment.description, metadata: { order_id: payment.orderId }, ...params },
      { idempotencyKey: payment.idempotencyKey },
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
      allowed_payment_method_types: ['konbini'],
      payment_method_data: { type: 'konbini', billing_details: this.billing(payment) },
      payment_method_options: { konbini: { expires_after_days: this.o.konbiniExpiresAfterDays ?? 3, product_description: payment.description.slice(0, 22) } },
    });
    const d = pi.next_action?.konbini_display_details;
    const s = d?.stores?.[key as keyof typeof d.stores];
    if (!d || !s) throw new Error('stripe: the konbini PaymentIntent has no display details');
    const instructions: KonbiniInstructions = clean({
      method: 'konbini',
      store,
      paymentCode: s.payment_code,
      confirmationNumber: s.confirmation_number,
      expiresAt: jstFromUnix(d.expires_at),
      instructionsUrl: d.hosted_voucher_url ?? undefined,
    });
    return { status: 'pending', pspPaymentId: pi.id, sandbox: this.sandbox, instructions };
  }

  createPayEasyPayment(_payment: PaymentRequest): Promise<PendingResult<PayEasyInstructions>> {
    return Promise.reject(new PspUnsupportedMethodError('stripe', 'pay-easy'));
  }

  async createBankTransfer(payment: PaymentRequest): Promise<PendingResult<BankTransferInstructions>> {
    // A bank transfer is credited to a Customer's balance: one Customer per order, under its own key.
    const c = payment.customer;
    const customer = await this.stripe.customers.create(
      { name: `${c.familyName} ${c.givenName}`, email: c.email, metadata: { order_id: payment.orderId } },
      { idempotencyKey: `${payment.idempotencyKey}:customer` },
    );
    const pi = await this.createIntent(payment, {
      customer: customer.id,
      allowed_payment_method_types: ['customer_balance'],
      payment_method_data: { type: 'customer_balance' },
      payment_method_options: { customer_balance: { funding_type: 'bank_transfer', bank_transfer: { type: 'jp_bank_transfer' } } },
    });
    const d = pi.next_action?.display_bank_transfer_instructions;
    const z = d?.financial_addresses?.find((a) => a.type === 'zengin')?.zengin as Record<string, string | undefined> | undefined;
    if (!z) throw new Error('stripe: the bank transfer PaymentIntent has no zengin account');
    const instructions: BankTransferInstructions = clean({
      method: 'bank-transfer',
      bankName: z.bank_name,
      branchName: z.branch_name,
      accountType: z.account_type === 'futsu' ? '普通' : z.account_type === 'toza' ? '当座' : z.account_type,
      accountNumber: z.account_number,
      accountHolder: z.account_holder_name,
      expiresAt: jstEndOfDay(this.now(), this.o.bankTransferDays ?? 7),
      instructionsUrl: d?.hosted_instructions_url ?? undefined,
    });
    return { status: 'pending', pspPaymentId: pi.id, sandbox: this.sandbox, instructions };
  }

  async chargeCard(payment: PaymentRequest, card: { token: string }): Promise<CardResult> {
    let pi: Stripe.PaymentIntent;
    try {
      // A token from Stripe.js (tok_…) as the card of a new PaymentMethod.
      const paymentMethodData = { type: 'card', card: { token: card.token } } as unknown as Stripe.PaymentIntentCreateParams.PaymentMethodData;
      pi = await this.createIntent(payment, { payment_method_data: paymentMethodData, return_url: payment.returnUrl ?? this.o.returnUrl });
    } catch (e) {
      if (e instanceof Stripe.errors.StripeCardError) {
        return { status: 'declined', pspPaymentId: e.payment_intent?.id ?? `stripe:declined:${payment.orderId}`, sandbox: this.sandbox, declineCode: e.decline_code ?? e.code ?? 'card_declined' };
      }
      throw e;
    }
    if (pi.status === 'succeeded' || pi.status === 'processing') return { status: 'succeeded', pspPaymentId: pi.id, sandbox: this.sandbox };
    const url = pi.next_action?.redirect_to_url?.url;
    if (pi.status === 'requires_action' && url?.startsWith('https://')) return { status: 'requires_action', pspPaymentId: pi.id, sandbox: this.sandbox, redirectUrl: url };
    return { status: 'declined', pspPaymentId: pi.id, sandbox: this.sandbox, declineCode: pi.last_payment_error?.decline_code ?? pi.status };
  }

  private toPayment(pi: Stripe.PaymentIntent): PspPayment {
    const charge = typeof pi.latest_charge === 'object' && pi.latest_charge ? pi.latest_charge : undefined;
    let status: PspPayment['status'] = ({ succeeded: 'succeeded', canceled: 'canceled', requires_action: 'pending', processing: 'pending', requires_payment_method: 'failed' } as const)[pi.status as string] ?? 'pending';
    if (charge?.refunded) status = 'refunded';
    return clean({
      pspPaymentId: pi.id, status, amount: pi.amount, expiresAt: jstFromUnix(pi.next_action?.konbini_display_details?.expires_at),
      orderId: pi.metadata?.order_id, createdAt: jstFromUnix(pi.created), amountRefunded: charge?.amount_refunded,
    });
  }

  async retrievePayment(pspPaymentId: string): Promise<PspPayment> {
    return this.toPayment(await this.stripe.paymentIntents.retrieve(pspPaymentId, { expand: ['latest_charge'] }));
  }

  async refundPayment(r: RefundRequest): Promise<PspRefund> {
    const refund = await this.stripe.refunds.create(
      { payment_intent: r.pspPaymentId, amount: r.amount, metadata: { order_id: r.orderId } },
      { idempotencyKey: r.idempotencyKey },
    );
    return { pspRefundId: refund.id, amount: refund.amount, status: refund.status === 'succeeded' ? 'succeeded' : 'pending' };
  }

  async cancelPayment(pspPaymentId: string, idempotencyKey: string): Promise<void> {
    await this.stripe.paymentIntents.cancel(pspPaymentId, {}, { idempotencyKey });
  }

  async listPayments(range: PspListRange): Promise<PspPayment[]> {
    const out: PspPayment[] = [];
    const created = { gte: Math.floor(Date.parse(range.from) / 1000), lt: Math.floor(Date.parse(range.to) / 1000) };
    for await (const pi of this.stripe.paymentIntents.list({ created, limit: 100, expand: ['data.latest_charge'] })) out.push(this.toPayment(pi));
    return out;
  }

  /** Verifies `Stripe-Signature` with the SDK (against our clock), then normalizes the event. */
  async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null> {
    const secret = this.o.webhookSecret;
    if (!secret) throw new WebhookNotConfiguredError();
    const header = headers.get(STRIPE_SIGNATURE_HEADER) ?? '';
    const tolerance = this.o.toleranceSeconds ?? 300;
    const now = this.now().getTime();
    const t = Number(/(?:^|,)\s*t=(\d+)/.exec(header)?.[1]);
    if (!(t * 1000 <= now + tolerance * 1000)) return null; // from the future (or no timestamp)
    let e: Stripe.Event;
    try {
      e = await this.stripe.webhooks.constructEventAsync(rawBody, header, secret, tolerance, this.crypto, now);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) return null;
      throw error;
    }
    const o = e.data.object as PspJson;
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
        return clean({ ...base, type: e.type as string, pspPaymentId: typeof o.id === 'string' && o.object === 'payment_intent' ? o.id : undefined });
    }
  }
}
