/**
 * The payment service provider (PSP) adapter: the only place that talks to a
 * PSP. The checkout app calls it after validating the request, pricing the
 * order and locking the idempotency key; it never sees a card number.
 *
 * A real adapter wraps the PSP's server SDK or REST API with the PSP's SECRET
 * key, read from the server's environment (never sent to the page):
 *
 *     class MyPsp implements PspAdapter {
 *       constructor(private secretKey = process.env.PSP_SECRET_KEY!) {}
 *       async chargeCard(payment, card) {
 *         // card.token came from the PSP's token JS in the shopper's browser
 *         // (kessai-checkout's `cardTokenizer`); exchange it for a charge:
 *         const r = await pspSdk.charges.create({ amount: payment.amount, currency: 'jpy',
 *           token: card.token, capture: true }, { idempotencyKey: payment.idempotencyKey });
 *         return r.three_d_secure_url
 *           ? { status: 'requires_action', pspPaymentId: r.id, redirectUrl: r.three_d_secure_url }
 *           : { status: 'succeeded', pspPaymentId: r.id };
 *       }
 *       …
 *     }
 *
 * Pass `payment.idempotencyKey` on to the PSP: if the PSP call times out and
 * the shopper's retry runs it again, the PSP returns the first payment instead
 * of creating a second one.
 */
import type {
  BankTransferInstructions,
  CheckoutCustomer,
  KonbiniInstructions,
  KonbiniStore,
  PayEasyInstructions,
} from 'kessai/server';

/** What the PSP is asked to collect. */
export interface PaymentRequest {
  /** The merchant's order id (ord_…), also sent to the PSP as its order reference. */
  orderId: string;
  /** Yen, computed by the server from the catalogue. */
  amount: number;
  currency: 'JPY';
  /** Shown on the Konbini slip / bank statement (e.g. the product name). */
  description: string;
  customer: CheckoutCustomer;
  /** Stable per checkout attempt: derived from the shopper's Idempotency-Key. */
  idempotencyKey: string;
}

interface PspResultBase {
  /** The PSP's id of this payment (used to match webhooks to orders). */
  pspPaymentId: string;
  /** True for every result of a sandbox adapter: no money moves. */
  sandbox: boolean;
}

export type PendingResult<I> = PspResultBase & { status: 'pending'; instructions: I };

export type CardResult =
  | (PspResultBase & { status: 'succeeded' })
  | (PspResultBase & { status: 'requires_action'; redirectUrl: string })
  | (PspResultBase & { status: 'declined'; declineCode: string });

/** A payment event the PSP notified (webhook), after its signature was verified. */
export interface PspEvent {
  /** The PSP's event id: the same id is delivered again on retries. */
  id: string;
  type: 'payment.succeeded' | 'payment.expired' | 'payment.failed';
  pspPaymentId: string;
  /** Yen actually paid (payment.succeeded). */
  amount?: number;
}

export interface PspAdapter {
  /** Shown in logs and stored with each order. */
  readonly name: string;
  /** True when no real money moves (responses are marked `sandbox: true`). */
  readonly sandbox: boolean;
  createKonbiniPayment(payment: PaymentRequest, store: KonbiniStore): Promise<PendingResult<KonbiniInstructions>>;
  createPayEasyPayment(payment: PaymentRequest): Promise<PendingResult<PayEasyInstructions>>;
  createBankTransfer(payment: PaymentRequest): Promise<PendingResult<BankTransferInstructions>>;
  /** Charges a one-time token from the PSP's token JS. Raw card data never reaches this code. */
  chargeCard(payment: PaymentRequest, card: { token: string; brand?: string; last4?: string }): Promise<CardResult>;
  /**
   * Verifies a webhook's signature with the PSP's signing secret (server-only)
   * and returns the event, or `null` when the signature is missing or wrong.
   * Throws `WebhookNotConfiguredError` when no secret is configured.
   */
  parseWebhook?(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null>;
}

/** The adapter has no webhook signing secret: notifications cannot be trusted, so none is accepted. */
export class WebhookNotConfiguredError extends Error {
  constructor() {
    super('webhook signing secret is not configured');
    this.name = 'WebhookNotConfiguredError';
  }
}
