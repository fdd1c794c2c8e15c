/**
 * The decisions every store makes the same way, as pure functions: each store
 * reads inside its transaction, asks here, and writes what it is told.
 */
import type { BeginKeyInput, BeginRefundInput, BeginRefundResult, BeginResult, NotificationOutcome, RefundRecord, StoredResponse } from './store.js';
import { KNOWN_EVENT_TYPES, type Order, type OrderEvent, type OrderStatus, type PspEvent } from './types.js';
import { nextOrderStatus, PAID_STATUSES, type OrderInput } from './transitions.js';

export interface KeyRow {
  fingerprint: string;
  state: 'processing' | 'completed';
  version: number;
  lockedAt: number;
  expiresAt: number;
  orderId: string | null;
  response: StoredResponse | null;
}

export type BeginDecision =
  | { write: 'insert'; result: BeginResult & { kind: 'new' } }
  /** An expired record is replaced (version continues, so an old lease never matches again). */
  | { write: 'replace'; result: BeginResult & { kind: 'new' } }
  | { write: 'takeover'; result: BeginResult & { kind: 'new' } }
  | { write: 'none'; result: BeginResult };

export function decideBegin(row: KeyRow | undefined, input: BeginKeyInput): BeginDecision {
  const lease = (version: number, orderId: string, takeover: boolean) => ({
    kind: 'new' as const,
    lease: { scope: input.scope, key: input.key, version, orderId, takeover },
  });
  if (!row) return { write: 'insert', result: lease(1, input.newOrderId, false) };
  if (row.expiresAt <= input.now) return { write: 'replace', result: lease(row.version + 1, input.replacementOrderId ?? input.newOrderId, false) };
  if (row.fingerprint !== input.fingerprint) return { write: 'none', result: { kind: 'mismatch' } };
  if (row.state === 'completed') return { write: 'none', result: { kind: 'replay', response: row.response!, orderId: row.orderId } };
  if (input.now - row.lockedAt < input.lockTimeoutMs) return { write: 'none', result: { kind: 'in_flight' } };
  return { write: 'takeover', result: lease(row.version + 1, row.orderId ?? input.newOrderId, true) };
}

export const isKnownEventType = (type: string): type is (typeof KNOWN_EVENT_TYPES)[number] =>
  (KNOWN_EVENT_TYPES as readonly string[]).includes(type);

export interface NotificationDecision {
  outcome: NotificationOutcome;
  to?: OrderStatus;
  report?: OrderEvent['type'];
}

/** What a first-seen notification does to `order` (undefined: no order has its payment id). */
export function decideNotification(order: { status: OrderStatus; amount: number } | undefined, event: PspEvent): NotificationDecision {
  if (!isKnownEventType(event.type)) return { outcome: 'unknown_type', report: 'notification.unknown_type' };
  if (!order) return { outcome: 'unknown_payment', report: 'notification.unknown_payment' };
  if (event.type === 'payment.succeeded' && event.amount !== undefined && event.amount !== order.amount) {
    return { outcome: 'amount_mismatch', report: 'notification.amount_mismatch' };
  }
  const t = nextOrderStatus(order.status, event.type as OrderInput);
  // A cancellation, failure or expiry of an order whose money is in changes nothing, but the merchant is told.
  if (!t) return PAID_STATUSES.includes(order.status) && event.type !== 'payment.succeeded' ? { outcome: 'ignored', report: 'notification.ignored' } : { outcome: 'ignored' };
  return { outcome: 'applied', to: t.to, report: t.report };
}

/** The transition input for a PSP answer. */
export const settlementInput = (status: 'pending' | 'requires_action' | 'succeeded' | 'declined'): OrderInput => `psp.${status}`;

export type RefundDecision =
  | { write: 'none'; kind: 'done' | 'key_reused' | 'not_found' | 'not_refundable' | 'exceeds'; refundable?: number }
  /** Insert a new pending refund of `amount`. */
  | { write: 'insert'; amount: number }
  /** Set the existing refund (this key) back to pending with `amount`. */
  | { write: 'retry'; amount: number };

/**
 * What `beginRefund` does: `existing` is the order's refund under this key;
 * `reserved` the sum of the order's other refunds that are pending or succeeded.
 */
export function decideRefund(order: Order | undefined, existing: RefundRecord | undefined, reserved: number, input: BeginRefundInput): RefundDecision {
  if (!order) return { write: 'none', kind: 'not_found' };
  if (existing) {
    if (input.amount !== undefined && input.amount !== existing.amount) return { write: 'none', kind: 'key_reused' };
    if (existing.status === 'succeeded') return { write: 'none', kind: 'done' };
    // pending: an earlier attempt got no answer; failed: it was refused. Both ask again under the same PSP key.
  }
  if (!PAID_STATUSES.includes(order.status)) return { write: 'none', kind: 'not_refundable' };
  const refundable = order.amount - reserved;
  const amount = input.amount ?? existing?.amount ?? refundable;
  if (!Number.isInteger(amount) || amount <= 0 || amount > refundable) return { write: 'none', kind: 'exceeds', refundable };
  return existing ? { write: 'retry', amount } : { write: 'insert', amount };
}

/** True when the succeeded refunds make the whole amount: the order becomes `refunded`. */
export const fullyRefunded = (order: Order, succeeded: number) => succeeded >= order.amount && PAID_STATUSES.includes(order.status);

/** The answer of `beginRefund` when the decision writes nothing. */
export function refusedRefund(d: RefundDecision & { write: 'none' }, order: Order | undefined, existing: RefundRecord | undefined): BeginRefundResult {
  switch (d.kind) {
    case 'not_found':
      return { kind: 'not_found' };
    case 'key_reused':
      return { kind: 'key_reused', refund: existing! };
    case 'exceeds':
      return { kind: 'exceeds', order: order!, refundable: d.refundable! };
    case 'done':
      return { kind: 'done', refund: existing!, order: order! };
    default:
      return { kind: 'not_refundable', order: order! };
  }
}
