/**
 * The in-memory store: for tests and single-process demos. Every operation
 * runs without an `await` inside, so it is atomic within one process.
 */
import type { BeginKeyInput, BeginResult, KeyRecord, Lease, NotificationResult, RefundRecord, Store, StoredAuditEntry, StoredNotification, StoredResponse, SweptOrder } from './store.js';
import { deadlineMs } from './store.js';
import { decideBegin, decideNotification, decideRefund, fullyRefunded, refusedRefund, settlementInput, type KeyRow } from './store-logic.js';
import { nextOrderStatus } from './transitions.js';
import type { NewOrder, Order, OrderSettlement, PspEvent } from './types.js';

interface OrderRow {
  order: Order;
  updatedMs: number;
  expiresMs: number | null;
  seq: number;
}

const clone = <T>(v: T): T => structuredClone(v);

export function createMemoryStore(): Store {
  const keys = new Map<string, KeyRow>();
  const orders = new Map<string, OrderRow>();
  const byPsp = new Map<string, string>();
  const notifications = new Map<string, StoredNotification>();
  const refunds = new Map<string, RefundRecord>();
  let audit: StoredAuditEntry[] = [];
  let seq = 0;
  let closed = false;
  const id = (scope: string, key: string) => `${scope}\u0000${key}`;
  const current = (lease: Lease) => {
    const row = keys.get(id(lease.scope, lease.key));
    return row && row.state === 'processing' && row.version === lease.version && row.orderId === lease.orderId ? row : undefined;
  };
  const check = () => {
    if (closed) throw new Error('store is closed');
  };

  const store: Store = {
    kind: 'memory',

    async beginKey(input: BeginKeyInput): Promise<BeginResult> {
      check();
      const k = id(input.scope, input.key);
      const d = decideBegin(keys.get(k), input);
      if (d.write === 'none') return d.result.kind === 'replay' ? { ...d.result, response: clone(d.result.response) } : d.result;
      const { lease } = d.result;
      keys.set(k, {
        fingerprint: input.fingerprint,
        state: 'processing',
        version: lease.version,
        lockedAt: input.now,
        expiresAt: d.write === 'takeover' ? keys.get(k)!.expiresAt : input.now + input.ttlMs,
        orderId: lease.orderId,
        response: null,
      });
      return d.result;
    },

    async readKey(scope, key): Promise<KeyRecord | undefined> {
      check();
      const r = keys.get(id(scope, key));
      return r && { state: r.state, version: r.version, orderId: r.orderId, response: r.response && clone(r.response) };
    },

    async createOrder(lease, o: NewOrder) {
      check();
      if (!current(lease)) return false;
      const existing = orders.get(o.id);
      if (existing && existing.order.status !== 'processing' && existing.order.status !== 'abandoned') return false;
      const order: Order = {
        id: o.id, idempotencyKey: o.idempotencyKey, reference: o.reference, description: o.description, amount: o.amount,
        currency: 'JPY', method: o.method, konbiniStore: o.konbiniStore ?? null, status: existing?.order.status ?? 'processing',
        customer: clone(o.customer), address: o.address ? clone(o.address) : null, cardBrand: o.cardBrand ?? null,
        cardLast4: o.cardLast4 ?? null, psp: o.psp, pspPaymentId: null, sandbox: o.sandbox, instructions: null, expiresAt: null,
        createdAt: existing?.order.createdAt ?? o.at, updatedAt: o.at, paidAt: null, refundedAmount: 0,
      };
      orders.set(o.id, { order, updatedMs: Date.parse(o.at), expiresMs: null, seq: existing?.seq ?? ++seq });
      return true;
    },

    async completeKey(lease, response: StoredResponse, s?: OrderSettlement) {
      check();
      const row = current(lease);
      if (!row) return false;
      if (s) {
        const o = orders.get(lease.orderId);
        if (!o) return false;
        const t = nextOrderStatus(o.order.status, settlementInput(s.status));
        if (!t) return false;
        if (byPsp.has(s.pspPaymentId) && byPsp.get(s.pspPaymentId) !== o.order.id) return false;
        o.order.status = t.to;
        o.order.pspPaymentId = s.pspPaymentId;
        o.order.instructions = s.instructions ? clone(s.instructions) : null;
        o.order.expiresAt = (s.instructions && 'expiresAt' in s.instructions && s.instructions.expiresAt) || null;
        o.order.updatedAt = s.at;
        if (s.psp) o.order.psp = s.psp;
        if (t.to === 'succeeded') o.order.paidAt = s.at;
        o.expiresMs = deadlineMs(s.instructions);
        o.updatedMs = Date.parse(s.at);
        byPsp.set(s.pspPaymentId, o.order.id);
      }
      row.state = 'completed';
      row.response = clone(response);
      return true;
    },

    async releaseKey(lease) {
      check();
      if (!current(lease)) return false;
      keys.delete(id(lease.scope, lease.key));
      const o = orders.get(lease.orderId);
      if (o && (o.order.status === 'processing' || o.order.status === 'abandoned')) orders.delete(lease.orderId);
      return true;
    },

    async purgeExpiredKeys(now) {
      check();
      let n = 0;
      for (const [k, r] of keys) {
        if (r.expiresAt > now) continue;
        keys.delete(k);
        n++;
      }
      return n;
    },

    async getOrder(orderId) {
      check();
      const o = orders.get(orderId);
      return o && clone(o.order);
    },
    async findOrderByPspPaymentId(pspPaymentId) {
      check();
      const orderId = byPsp.get(pspPaymentId);
      return orderId ? store.getOrder(orderId) : undefined;
    },
    async listOrders(limit = 100) {
      check();
      return [...orders.values()].sort((a, b) => b.seq - a.seq).slice(0, limit).map((o) => clone(o.order));
    },
    async countOrders() {
      check();
      return orders.size;
    },

    async applyNotification(event: PspEvent, at: string): Promise<NotificationResult> {
      check();
      const seen = notifications.get(event.id);
      const orderId = event.pspPaymentId ? byPsp.get(event.pspPaymentId) : undefined;
      const row = orderId ? orders.get(orderId) : undefined;
      if (seen) return { outcome: 'duplicate', order: row && clone(row.order) };
      const d = decideNotification(row?.order, event);
      const previousStatus = row?.order.status;
      if (row && d.to) {
        row.order.status = d.to;
        row.order.updatedAt = at;
        row.updatedMs = Date.parse(at);
        if (d.to === 'paid' || d.to === 'paid_after_expiry') row.order.paidAt = at;
      }
      notifications.set(event.id, {
        id: event.id, type: event.type, pspPaymentId: event.pspPaymentId ?? null, orderId: row?.order.id ?? null, outcome: d.outcome, receivedAt: at,
      });
      return { outcome: d.outcome, order: row && clone(row.order), previousStatus, report: d.report };
    },
    async listNotifications(limit = 100) {
      check();
      return [...notifications.values()].reverse().slice(0, limit).map(clone);
    },

    async beginRefund(input) {
      check();
      const row = orders.get(input.orderId);
      const mine = [...refunds.values()].filter((r) => r.orderId === input.orderId);
      const existing = mine.find((r) => r.key === input.key);
      const reserved = mine.filter((r) => r !== existing && r.status !== 'failed').reduce((n, r) => n + r.amount, 0);
      const d = decideRefund(row?.order, existing, reserved, input);
      if (d.write === 'none') return clone(refusedRefund(d, row?.order, existing));
      const refund: RefundRecord = existing
        ? Object.assign(existing, { amount: d.amount, status: 'pending', updatedAt: input.at })
        : { id: input.id, orderId: input.orderId, key: input.key, amount: d.amount, status: 'pending', psp: row!.order.psp, pspRefundId: null, reason: input.reason ?? null, createdAt: input.at, updatedAt: input.at };
      refunds.set(refund.id, refund);
      return { kind: existing ? 'retry' : 'new', refund: clone(refund), order: clone(row!.order) };
    },
    async finishRefund(id, outcome, at) {
      check();
      const refund = refunds.get(id);
      if (!refund) throw new Error(`no refund ${id}`);
      Object.assign(refund, { status: outcome.status, updatedAt: at }, outcome.status === 'succeeded' ? { pspRefundId: outcome.pspRefundId } : {});
      const row = orders.get(refund.orderId)!;
      const succeeded = [...refunds.values()].filter((r) => r.orderId === refund.orderId && r.status === 'succeeded').reduce((n, r) => n + r.amount, 0);
      let previousStatus;
      row.order.refundedAmount = succeeded;
      if (outcome.status === 'succeeded' && fullyRefunded(row.order, succeeded)) {
        previousStatus = row.order.status;
        row.order.status = nextOrderStatus(row.order.status, 'payment.refunded')!.to;
        row.order.updatedAt = at;
        row.updatedMs = Date.parse(at);
      }
      return { refund: clone(refund), order: clone(row.order), previousStatus };
    },
    async listRefunds(orderId) {
      check();
      return [...refunds.values()].filter((r) => r.orderId === orderId).map(clone);
    },

    async appendAudit(entry) {
      check();
      audit.push({ ...clone(entry), seq: audit.length ? audit[audit.length - 1].seq + 1 : 1 });
    },
    async listAudit({ orderId, requestId, limit = 1000 }) {
      check();
      return audit.filter((e) => (orderId === undefined || e.orderId === orderId) && (requestId === undefined || e.requestId === requestId)).slice(0, limit).map(clone);
    },
    async purgeAudit(beforeMs) {
      check();
      const kept = audit.filter((e) => Date.parse(e.at) >= beforeMs);
      const n = audit.length - kept.length;
      audit = kept;
      return n;
    },

    async listOrdersCreatedBetween(fromJst, toJst) {
      check();
      return [...orders.values()].filter((o) => o.order.createdAt >= fromJst && o.order.createdAt < toJst).sort((a, b) => a.seq - b.seq).map((o) => clone(o.order));
    },

    async expireOverdue(now, at) {
      check();
      const out: SweptOrder[] = [];
      for (const row of orders.values()) {
        if (row.expiresMs === null || row.expiresMs + 1000 > now) continue;
        const t = nextOrderStatus(row.order.status, 'deadline.passed');
        if (!t) continue;
        const previousStatus = row.order.status;
        row.order.status = t.to;
        row.order.updatedAt = at;
        row.updatedMs = now;
        out.push({ order: clone(row.order), previousStatus });
      }
      return out;
    },
    async abandonStale(now, staleAfterMs, at) {
      check();
      const out: SweptOrder[] = [];
      for (const row of orders.values()) {
        if (row.order.status !== 'processing' || row.updatedMs > now - staleAfterMs) continue;
        row.order.status = 'abandoned';
        row.order.updatedAt = at;
        row.updatedMs = now;
        out.push({ order: clone(row.order), previousStatus: 'processing' });
      }
      return out;
    },

    async close() {
      closed = true;
    },
  };
  return store;
}
