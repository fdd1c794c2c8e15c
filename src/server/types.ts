/**
 * The types a merchant's backend plugs into kessai/server: the payment
 * service provider adapter, the catalogue and the stored order.
 */
import type {
  BankTransferInstructions,
  CheckoutAction,
  InstallmentPlan,
  WalletId,
  CheckoutAddress,
  CheckoutCustomer,
  KonbiniInstructions,
  KonbiniStore,
  PayEasyInstructions,
  PaymentInstructions,
  PaymentMethod,
} from '../core/contract.js';

// ─── catalogue ──────────────────────────────────────────────────────────────

export interface CatalogItem {
  /** The `reference` the page sends (product, cart or order id). */
  reference: string;
  /** Shown on the Konbini slip and in the order list. */
  name: string;
  /** Yen, tax included (税込). */
  amount: number;
  /** Physical goods: the request must carry an `address`. */
  shipping: boolean;
}

/** The server's source of truth for prices: orders are priced from `reference`, never from the page's amount. */
export interface Catalog {
  /** The priced item for `reference`, or undefined when unknown. May be async (a database, a cart service). */
  lookup(reference: string): CatalogItem | undefined | Promise<CatalogItem | undefined>;
}

/** A catalogue over a fixed list (in a real shop, look the cart up in your database). */
export function createCatalog(items: readonly CatalogItem[]): Catalog {
  const byRef = new Map(items.map((i) => [i.reference, i]));
  return { lookup: (reference) => byRef.get(reference) };
}

// ─── PSP adapter ────────────────────────────────────────────────────────────

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
  /**
   * Pass it to the PSP as ITS idempotency key: derived from the shopper's
   * canonical Idempotency-Key, so a request that takes over a timed-out lock
   * (or a retry after a PSP timeout) gets the PSP's first payment back instead
   * of a second one.
   */
  idempotencyKey: string;
  /** Failover only: the one PSP an earlier attempt of this order reached with an unknown outcome; no other may be asked. */
  pinnedPsp?: string;
  /** Where the PSP sends the shopper back after 3-D Secure or a wallet's page (the handler's `returnUrl` option, with the order id). */
  returnUrl?: string;
}

interface PspResultBase {
  /** The PSP's id of this payment (used to match notifications to orders). */
  pspPaymentId: string;
  /** The name of the adapter that holds the payment, when it is not the one called (`createFailoverPsp`): stored with the order. */
  psp?: string;
  /** True for every result of a sandbox adapter: no money moves. */
  sandbox: boolean;
}

export type PendingResult<I> = PspResultBase & { status: 'pending'; instructions: I };

export type CardResult =
  | (PspResultBase & { status: 'succeeded' })
  | (PspResultBase & { status: 'requires_action'; redirectUrl: string })
  | (PspResultBase & { status: 'declined'; declineCode: string });

/** A wallet payment waiting for the shopper: a page to go to, or a QR code to scan before `expiresAt`. */
export type WalletResult = PspResultBase & { status: 'requires_action'; action: CheckoutAction };

/** What the order keeps of a wallet payment's action (as its `instructions`), so the status route can show it again. */
export interface WalletActionRecord {
  method: 'wallet';
  wallet: WalletId;
  action: CheckoutAction;
  /** The QR code's deadline (the order is `expired` by the PSP's notification after it). */
  expiresAt?: string;
}

/**
 * The notification types the transition table knows. Any other verified type is acknowledged, recorded and changes nothing.
 * `payment.refunded` is a full refund (partial refunds keep the PSP's own type: recorded, reported, nothing moves);
 * `payment.canceled` is the merchant's or the PSP's cancellation of a payment not yet made.
 */
export const KNOWN_EVENT_TYPES = ['payment.succeeded', 'payment.expired', 'payment.failed', 'payment.refunded', 'payment.canceled'] as const;
export type KnownEventType = (typeof KNOWN_EVENT_TYPES)[number];

/** A payment event the PSP notified (webhook), after its signature was verified. */
export interface PspEvent {
  /** The PSP's event id: the same id is delivered again on retries. */
  id: string;
  /** One of {@link KNOWN_EVENT_TYPES}, or any other type the PSP sends (recorded, acknowledged). */
  type: KnownEventType | (string & {});
  /** The PSP's payment id; may be absent for events that are not about a payment. */
  pspPaymentId?: string;
  /** Yen actually paid (payment.succeeded). */
  amount?: number;
  /** When the PSP says it happened: ISO 8601 in JST (`…+09:00`), whatever zone the PSP wrote it in. */
  occurredAt?: string;
}

/** A payment as the PSP holds it now (`retrievePayment`): for reconciliation and for checking a notification against the source. */
export interface PspPayment {
  pspPaymentId: string;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'expired' | 'canceled' | 'refunded';
  /** Yen. */
  amount: number;
  /** The payment deadline, ISO 8601 in JST, for Konbini / Pay-easy / bank transfer. */
  expiresAt?: string;
  /** When the money arrived, ISO 8601 in JST. */
  paidAt?: string;
  /** The merchant's order id as the PSP holds it (external_order_num, metadata.order_id, client_field_1). */
  orderId?: string;
  /** When the PSP created it, ISO 8601 in JST. */
  createdAt?: string;
  /** Yen refunded so far, when the PSP says. */
  amountRefunded?: number;
}

/** A refund asked of the PSP (`refundOrder`). */
export interface RefundRequest {
  pspPaymentId: string;
  /** The merchant's order id. */
  orderId: string;
  /** Yen to give back (≤ what was paid minus earlier refunds; kessai checks before calling). */
  amount: number;
  /** Passed to the PSP as ITS idempotency key: a retried refund returns the first one. */
  idempotencyKey: string;
  /** Yen that stays paid once this refund is done (for PSPs that refund by lowering the amount: fincode). */
  remainingAfter: number;
  reason?: string;
}

/** The PSP's answer to a refund. */
export interface PspRefund {
  /** The PSP's id of the refund (for a PSP without refund objects, the payment's id and the refunded total). */
  pspRefundId: string;
  amount: number;
  /** `pending`: accepted, money on its way (bank-transfer refunds). */
  status: 'succeeded' | 'pending';
}

/** A JST-day range for `listPayments`: instants as ISO 8601, `from` inclusive, `to` exclusive. */
export interface PspListRange {
  from: string;
  to: string;
}

/** The adapter's PSP does not offer this payment method (the checkout answers 422 method_unavailable). */
export class PspUnsupportedMethodError extends Error {
  constructor(
    readonly psp: string,
    readonly method: string,
  ) {
    super(`${psp} does not support ${method}`);
    this.name = 'PspUnsupportedMethodError';
  }
}

export interface PspAdapter {
  /** Shown in logs and stored with each order. */
  readonly name: string;
  /** True when no real money moves (responses are marked `sandbox: true`). */
  readonly sandbox: boolean;
  createKonbiniPayment(payment: PaymentRequest, store: KonbiniStore): Promise<PendingResult<KonbiniInstructions>>;
  createPayEasyPayment(payment: PaymentRequest): Promise<PendingResult<PayEasyInstructions>>;
  createBankTransfer(payment: PaymentRequest): Promise<PendingResult<BankTransferInstructions>>;
  /**
   * Charges a one-time token from the PSP's token JS. Raw card data never reaches this code.
   * `installments` (支払回数) is set only when the adapter lists `installmentPlans` and the plan is one of them.
   */
  chargeCard(payment: PaymentRequest, card: { token: string; brand?: string; last4?: string; installments?: InstallmentPlan }): Promise<CardResult>;
  /** 支払回数 this adapter can pass to its PSP (besides 1, 一括). Without it, an order in installments is refused (422 method_unavailable). */
  readonly installmentPlans?: readonly InstallmentPlan[];
  /** Starts a wallet payment (PayPay, 楽天ペイ …). Without it, wallet orders are refused (422 method_unavailable). */
  createWalletPayment?(payment: PaymentRequest, wallet: WalletId): Promise<WalletResult>;
  /**
   * Verifies a notification's signature with the PSP's signing secret
   * (server-only, in constant time) and returns the event — whatever its type —
   * or `null` when the signature is missing or wrong. Throws
   * `WebhookNotConfiguredError` when no secret is configured.
   */
  parseWebhook?(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null>;
  /** The payment as the PSP holds it now. */
  retrievePayment?(pspPaymentId: string): Promise<PspPayment>;
  /** Refunds all or part of a paid payment, under our idempotency key (`refundOrder`). */
  refundPayment?(refund: RefundRequest): Promise<PspRefund>;
  /** Cancels a payment not yet made (an unpaid Konbini / Pay-easy / bank-transfer payment: `cancelOrder`). */
  cancelPayment?(pspPaymentId: string, idempotencyKey: string): Promise<void>;
  /** Every payment the PSP created in `range` (`reconcile`). */
  listPayments?(range: PspListRange): Promise<PspPayment[]>;
  /** Fields the PSP wants in the 2xx answer to a notification (fincode: `{ receive: '0' }`), merged into the handler's answer. */
  readonly webhookAcknowledgement?: Readonly<Record<string, string>>;
}

/** The adapter has no webhook signing secret: notifications cannot be trusted, so none is accepted. */
export class WebhookNotConfiguredError extends Error {
  constructor() {
    super('webhook signing secret is not configured');
    this.name = 'WebhookNotConfiguredError';
  }
}

// ─── orders ─────────────────────────────────────────────────────────────────

/** See `ORDER_TRANSITIONS` (transitions.ts) for how an order moves between them. */
export type OrderStatus =
  | 'processing'
  | 'pending'
  | 'requires_action'
  | 'succeeded'
  | 'paid'
  | 'declined'
  | 'failed'
  | 'expired'
  | 'paid_after_expiry'
  | 'abandoned'
  | 'refunded'
  | 'canceled';

export interface Order {
  id: string;
  /** The canonical Idempotency-Key of the request that placed it. */
  idempotencyKey: string;
  reference: string;
  description: string;
  amount: number;
  currency: 'JPY';
  method: PaymentMethod;
  konbiniStore: string | null;
  status: OrderStatus;
  customer: CheckoutCustomer;
  address: CheckoutAddress | null;
  cardBrand: string | null;
  cardLast4: string | null;
  psp: string;
  pspPaymentId: string | null;
  sandbox: boolean;
  /** Pending orders: the payment instructions; wallet orders: their action ({@link WalletActionRecord}). */
  instructions: PaymentInstructions | WalletActionRecord | null;
  /** The payment deadline (ISO 8601 with offset, as the PSP stated it), for Konbini / Pay-easy / bank transfer. */
  expiresAt: string | null;
  /** ISO 8601 in JST. */
  createdAt: string;
  updatedAt: string;
  paidAt: string | null;
  /** Yen given back so far (succeeded refunds, `refundOrder`); the order is `refunded` once this is `amount`. */
  refundedAmount: number;
}

/** An order as first written, in state `processing`, before the PSP is called. */
export interface NewOrder {
  id: string;
  idempotencyKey: string;
  reference: string;
  description: string;
  amount: number;
  method: PaymentMethod;
  konbiniStore?: string;
  customer: CheckoutCustomer;
  address?: CheckoutAddress;
  cardBrand?: string;
  cardLast4?: string;
  psp: string;
  sandbox: boolean;
  /** ISO 8601 in JST. */
  at: string;
}

/** What the PSP answered, written together with the stored response. */
export interface OrderSettlement {
  status: 'pending' | 'requires_action' | 'succeeded' | 'declined';
  pspPaymentId: string;
  instructions?: PaymentInstructions | WalletActionRecord;
  /** ISO 8601 in JST. */
  at: string;
  /** The adapter that holds the payment, when not the one named at creation (failover). */
  psp?: string;
}

/** Something the merchant must know about (refund or ship? release stock?), reported through `onEvent`. */
export interface OrderEvent {
  type:
    | 'order.paid'
    | 'order.paid_after_expiry'
    | 'order.failed'
    | 'order.expired'
    | 'order.abandoned'
    | 'order.refunded'
    | 'order.canceled'
    | 'notification.unknown_type'
    | 'notification.unknown_payment'
    | 'notification.amount_mismatch'
    | 'notification.ignored';
  order?: Order;
  /** The status before the change, when the order changed. */
  previousStatus?: OrderStatus;
  /** The PSP notification behind it, when there is one. */
  notification?: PspEvent;
}

export type OrderEventHandler = (event: OrderEvent) => void | Promise<void>;
