/**
 * The one storage interface of kessai/server: idempotency records, orders and
 * the notification log. Three implementations pass one conformance suite:
 * `createMemoryStore()` (tests, one process), `createSqliteStore()` from
 * `kessai/server/sqlite` (the embedded default) and `createPostgresStore()`
 * from `kessai/server/postgres` (several instances behind a load balancer).
 *
 * Fencing: a key is held under a lease whose version grows by one at every
 * take-over (a lock older than the lock timeout). Every write made on behalf
 * of a request names its lease (version and order id: a record purged and
 * made anew gets a new order id) and happens only while that lease is
 * current, in the same transaction; a late writer gets `false` and writes nothing.
 */
import type { NewOrder, Order, OrderEvent, OrderSettlement, OrderStatus, PspEvent } from './types.js';

/** A response kept under its key and replayed byte for byte. */
export interface StoredResponse {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/** The right to write for one key, until someone takes it over. */
export interface Lease {
  scope: string;
  key: string;
  /** 1 for the first request; +1 at every take-over. */
  version: number;
  /** The order id of this key: the same across take-overs (and so is the PSP's idempotency key). */
  orderId: string;
  /** True when this lease took a timed-out lock over. */
  takeover: boolean;
}

export interface BeginKeyInput {
  scope: string;
  /** Canonical form (see `parseIdempotencyKey`). */
  key: string;
  /** SHA-256 of the body as received. */
  fingerprint: string;
  /** ms since epoch. */
  now: number;
  /** How long the record is kept; after it the key is free again. */
  ttlMs: number;
  /** A lock older than this is taken over (its holder died or hangs). */
  lockTimeoutMs: number;
  /** The order id to use when the key is new. */
  newOrderId: string;
  /** The order id when an expired record of the key is replaced (its old order stays): default `newOrderId`. */
  replacementOrderId?: string;
}

export type BeginResult =
  | { kind: 'new'; lease: Lease }
  | { kind: 'replay'; response: StoredResponse; orderId: string | null }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

export interface KeyRecord {
  state: 'processing' | 'completed';
  version: number;
  orderId: string | null;
  response: StoredResponse | null;
}

export type NotificationOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown_payment' | 'unknown_type' | 'amount_mismatch';

export interface NotificationResult {
  outcome: NotificationOutcome;
  order?: Order;
  previousStatus?: OrderStatus;
  /** What to tell the merchant (onEvent), if anything. */
  report?: OrderEvent['type'];
}

export interface StoredNotification {
  id: string;
  type: string;
  pspPaymentId: string | null;
  orderId: string | null;
  outcome: NotificationOutcome;
  /** ISO 8601 in JST. */
  receivedAt: string;
}

// ─── refunds ────────────────────────────────────────────────────────────────

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

/** One refund of an order, under the merchant's refund key (unique per order). */
export interface RefundRecord {
  id: string;
  orderId: string;
  /** The merchant's refund key: the same key is the same refund (a retry). */
  key: string;
  amount: number;
  /** `pending` from before the PSP is called until it answered (counted against what may still be refunded). */
  status: RefundStatus;
  psp: string;
  pspRefundId: string | null;
  reason: string | null;
  /** ISO 8601 in JST. */
  createdAt: string;
  updatedAt: string;
}

export interface BeginRefundInput {
  orderId: string;
  key: string;
  /** Yen; undefined: all that is not yet refunded. */
  amount?: number;
  /** The id for a new refund record (rf_…). */
  id: string;
  reason?: string;
  /** ISO 8601 in JST. */
  at: string;
}

export type BeginRefundResult =
  /** Reserved (status pending): call the PSP. `retry`: this key's earlier attempt failed or never got an answer; call again with the same key. */
  | { kind: 'new' | 'retry'; refund: RefundRecord; order: Order }
  /** This key's refund already succeeded: return it, call nothing. */
  | { kind: 'done'; refund: RefundRecord; order: Order }
  | { kind: 'key_reused'; refund: RefundRecord }
  | { kind: 'not_found' }
  | { kind: 'not_refundable'; order: Order }
  | { kind: 'exceeds'; order: Order; refundable: number };

export interface FinishRefundResult {
  refund: RefundRecord;
  order: Order;
  /** The order's status before, when this refund completed the full amount and moved it to `refunded`. */
  previousStatus?: OrderStatus;
}

// ─── audit ──────────────────────────────────────────────────────────────────

/** One line of the append-only audit trail. Details are scrubbed before they are stored (`scrubAuditDetails`). */
export interface AuditEntry {
  /** e.g. `checkout.request`, `checkout.response`, `psp.call`, `psp.result`, `notification`, `refund`, `cancel`. */
  kind: string;
  /** The instant, ISO 8601 UTC (`…Z`). */
  at: string;
  /** The same instant read in JST (`…+09:00`). */
  atJst: string;
  requestId: string | null;
  idempotencyKey: string | null;
  orderId: string | null;
  psp: string | null;
  details: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntry {
  /** Order of writing (grows). */
  seq: number;
}

/** An order the sweep moved, with where it came from. */
export interface SweptOrder {
  order: Order;
  previousStatus: OrderStatus;
}

export interface Store {
  /** `memory`, `sqlite` or `postgres`. */
  readonly kind: string;

  // ─── idempotency ───
  /**
   * Looks the key up and locks it when it is new (or its lock timed out), in
   * one transaction: same fingerprint and completed → replay; other
   * fingerprint → mismatch; processing under a live lock → in flight; expired
   * record → treated as new.
   */
  beginKey(input: BeginKeyInput): Promise<BeginResult>;
  /** The key's record as it is now. */
  readKey(scope: string, key: string): Promise<KeyRecord | undefined>;
  /** Writes the order in state `processing` (or resumes an abandoned one) if `lease` is current. */
  createOrder(lease: Lease, order: NewOrder): Promise<boolean>;
  /**
   * If `lease` is current: applies the PSP's answer to the order (through the
   * transition table) and stores `response` under the key, in one
   * transaction. Returns false, having written nothing, when the lease was lost.
   */
  completeKey(lease: Lease, response: StoredResponse, settlement?: OrderSettlement): Promise<boolean>;
  /** If `lease` is current: forgets the key and its `processing` order (nothing happened; the key may be sent again). */
  releaseKey(lease: Lease): Promise<boolean>;
  /** Deletes records past their TTL; returns how many. */
  purgeExpiredKeys(now: number): Promise<number>;

  // ─── orders ───
  getOrder(id: string): Promise<Order | undefined>;
  findOrderByPspPaymentId(pspPaymentId: string): Promise<Order | undefined>;
  /** Newest first. */
  listOrders(limit?: number): Promise<Order[]>;
  countOrders(): Promise<number>;

  // ─── notifications ───
  /**
   * Applies a verified notification exactly once (de-duplicated by event id)
   * through the transition table, and records it in the notification log, in
   * one transaction. Unknown types are recorded as `unknown_type` and change nothing.
   */
  applyNotification(event: PspEvent, at: string): Promise<NotificationResult>;
  /** Newest first. */
  listNotifications(limit?: number): Promise<StoredNotification[]>;

  // ─── refunds (refundOrder) ───
  /**
   * In one transaction: finds the order's refund under `key` (a retry) or
   * reserves a new one, never letting pending + succeeded refunds exceed the
   * amount paid. Only paid orders (succeeded, paid, paid_after_expiry) refund.
   */
  beginRefund(input: BeginRefundInput): Promise<BeginRefundResult>;
  /**
   * Records the PSP's answer. A success that makes the refunded total the
   * amount paid moves the order to `refunded` through the transition table,
   * in the same transaction.
   */
  finishRefund(id: string, outcome: { status: 'succeeded'; pspRefundId: string } | { status: 'failed' }, at: string): Promise<FinishRefundResult>;
  /** Oldest first. */
  listRefunds(orderId: string): Promise<RefundRecord[]>;

  // ─── audit trail (append-only) ───
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Oldest first; by order or by request id. */
  listAudit(query: { orderId?: string; requestId?: string; limit?: number }): Promise<StoredAuditEntry[]>;
  /** Retention: deletes entries older than `beforeMs` (the only delete there is); returns how many. */
  purgeAudit(beforeMs: number): Promise<number>;

  // ─── reconciliation ───
  /** Orders created in [fromJst, toJst) (ISO 8601 in JST), oldest first. */
  listOrdersCreatedBetween(fromJst: string, toJst: string): Promise<Order[]>;

  // ─── sweeps ───
  /**
   * Moves unpaid `pending` orders whose deadline has passed to `expired`. A
   * deadline is stated to the second and includes that second (23:59:59 JST
   * may still pay): an order expires once `deadline + 1 s <= now`.
   */
  expireOverdue(now: number, at: string): Promise<SweptOrder[]>;
  /** Moves `processing` orders not written since `now - staleAfterMs` to `abandoned`. */
  abandonStale(now: number, staleAfterMs: number, at: string): Promise<SweptOrder[]>;

  close(): Promise<void>;
}

/** Deadline of instructions, in ms since epoch, or null. */
export function deadlineMs(instructions: { expiresAt?: string } | null | undefined): number | null {
  const s = instructions?.expiresAt;
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}
