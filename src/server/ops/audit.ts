/**
 * The audit trail: every checkout request and answer, PSP call and
 * notification, refund and cancellation, appended to the store with its
 * instant (UTC and JST), request id, idempotency key and order id. Details are
 * scrubbed first: no card number (any string that holds one), no token, no
 * secret, no signature — only what a chargeback answer needs. Entries are never
 * updated; `purgeAudit` (retention) is the only delete.
 */
import { containsCardNumber } from '../../core/checkout-request.js';
import { toJstIso } from '../http.js';
import type { AuditEntry, RefundRecord, StoredAuditEntry, Store } from '../store.js';
import type { Order } from '../types.js';

/** Keys whose values are never kept, at any depth (case-insensitive, `-`/`_` ignored). */
const SECRET_KEY = /(secret|password|passwd|apikey|authorization|signature|token|cvc|cvv|securitycode|cardnumber|^pan$|^number$|cookie)/;

/** A deep copy of `value` with secrets, tokens, signatures and card numbers replaced by `[redacted]`. */
export function scrubAuditDetails(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (typeof value === 'string') return containsCardNumber(value) ? '[redacted]' : value.length > 2000 ? `${value.slice(0, 2000)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => scrubAuditDetails(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k.toLowerCase().replace(/[-_]/g, '')) ? '[redacted]' : scrubAuditDetails(v, depth + 1);
    return out;
  }
  return value;
}

export interface AuditContext {
  requestId?: string | null;
  idempotencyKey?: string | null;
  orderId?: string | null;
  psp?: string | null;
}

/** An entry at `now`, its details scrubbed. */
export function auditEntry(kind: string, context: AuditContext, details: Record<string, unknown>, now: Date): AuditEntry {
  return {
    kind,
    at: now.toISOString(),
    atJst: toJstIso(now),
    requestId: context.requestId ?? null,
    idempotencyKey: context.idempotencyKey ?? null,
    orderId: context.orderId ?? null,
    psp: context.psp ?? null,
    details: scrubAuditDetails(details) as Record<string, unknown>,
  };
}

/** Appends, reporting (not throwing) a failure: the shopper's answer never waits on the audit trail. */
export async function appendAudit(store: Store, entry: AuditEntry, onError: (e: unknown) => void): Promise<void> {
  try {
    await store.appendAudit(entry);
  } catch (error) {
    onError(error);
  }
}

/** Everything kept about one order, as evidence for a chargeback (JSON). */
export interface OrderEvidence {
  exportedAt: string;
  order: Omit<Order, 'customer' | 'address'> & { customer: Order['customer']; address: Order['address'] };
  refunds: RefundRecord[];
  audit: StoredAuditEntry[];
}

/** `exportOrderEvidence(store, orderId)`: the order, its refunds and its audit trail, oldest first; undefined when no such order. */
export async function exportOrderEvidence(store: Store, orderId: string, now: Date = new Date()): Promise<OrderEvidence | undefined> {
  const order = await store.getOrder(orderId);
  if (!order) return undefined;
  return { exportedAt: toJstIso(now), order, refunds: await store.listRefunds(orderId), audit: await store.listAudit({ orderId, limit: 100_000 }) };
}

/** Retention: deletes audit entries older than `retentionDays` (default 540: card networks allow chargebacks up to 540 days after a sale). */
export function purgeAuditTrail(store: Store, options: { retentionDays?: number; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  return store.purgeAudit(now.getTime() - (options.retentionDays ?? 540) * 86_400_000);
}
