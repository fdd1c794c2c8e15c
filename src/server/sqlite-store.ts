/**
 * `kessai/server/sqlite`: the embedded default store, on better-sqlite3 (an
 * optional peer dependency: only this module imports it). One file, WAL mode;
 * every operation is one `BEGIN IMMEDIATE` transaction, so several processes
 * on one file stay right too (they wait up to `busyTimeoutMs` for each other).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { BeginKeyInput, BeginResult, FinishRefundResult, KeyRecord, Lease, NotificationResult, Store, StoredNotification, StoredResponse, SweptOrder } from './store.js';
import { deadlineMs } from './store.js';
import { decideBegin, decideNotification, decideRefund, fullyRefunded, refusedRefund, settlementInput, type KeyRow } from './store-logic.js';
import { nextOrderStatus } from './transitions.js';
import {
  AUDIT_INSERT_COLUMNS, auditValues, ORDER_COLUMNS, reservedSum, SCHEMA_VERSION, schemaSql, succeededSum, toAudit, toOrder, toRefund,
  type AuditRow, type OrderRow, type RefundRow,
} from './sql.js';
import type { NewOrder, OrderSettlement, PspEvent } from './types.js';

export interface SqliteStoreOptions {
  /** The database file (created with its folder), or `:memory:`. */
  path: string;
  /** How long a write waits for another process holding the file (default 5000 ms). */
  busyTimeoutMs?: number;
}

interface RawKeyRow {
  fingerprint: string;
  state: 'processing' | 'completed';
  version: number;
  locked_at: number;
  expires_at: number;
  order_id: string | null;
  status: number | null;
  content_type: string | null;
  body: Uint8Array | null;
}

const toKeyRow = (r: RawKeyRow): KeyRow => ({
  fingerprint: r.fingerprint,
  state: r.state,
  version: r.version,
  lockedAt: r.locked_at,
  expiresAt: r.expires_at,
  orderId: r.order_id,
  response: r.state === 'completed' ? { status: r.status!, contentType: r.content_type!, body: new Uint8Array(r.body!) } : null,
});

/** Opens (creates, migrates) the SQLite store. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const { path } = options;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db: Database = new BetterSqlite3(path, { timeout: options.busyTimeoutMs ?? 5000 });
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);

  const tx = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const q = {
    key: db.prepare('SELECT * FROM kessai_idempotency WHERE scope = ? AND key = ?'),
    insertKey: db.prepare(
      "INSERT INTO kessai_idempotency (scope, key, fingerprint, state, version, locked_at, expires_at, order_id) VALUES (?, ?, ?, 'processing', ?, ?, ?, ?)",
    ),
    replaceKey: db.prepare(
      "UPDATE kessai_idempotency SET fingerprint = ?, state = 'processing', version = ?, locked_at = ?, expires_at = ?, order_id = ?, status = NULL, content_type = NULL, body = NULL WHERE scope = ? AND key = ?",
    ),
    takeover: db.prepare('UPDATE kessai_idempotency SET version = ?, locked_at = ? WHERE scope = ? AND key = ? AND version = ?'),
    current: db.prepare("SELECT 1 FROM kessai_idempotency WHERE scope = ? AND key = ? AND version = ? AND order_id = ? AND state = 'processing'"),
    completeKey: db.prepare("UPDATE kessai_idempotency SET state = 'completed', status = ?, content_type = ?, body = ? WHERE scope = ? AND key = ?"),
    deleteKey: db.prepare('DELETE FROM kessai_idempotency WHERE scope = ? AND key = ?'),
    purge: db.prepare('DELETE FROM kessai_idempotency WHERE expires_at <= ?'),
    order: db.prepare(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE id = ?`),
    orderByPsp: db.prepare(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE psp_payment_id = ?`),
    upsertOrder: db.prepare(
      `INSERT INTO kessai_orders (id, idempotency_key, reference, description, amount, currency, method, konbini_store, status,
         customer_json, address_json, card_brand, card_last4, psp, sandbox, created_at, updated_at, updated_ms)
       VALUES (?, ?, ?, ?, ?, 'JPY', ?, ?, 'processing', ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, updated_ms = excluded.updated_ms
         WHERE kessai_orders.status IN ('processing', 'abandoned')`,
    ),
    settle: db.prepare(
      `UPDATE kessai_orders SET status = ?, psp_payment_id = ?, instructions_json = ?, expires_at = ?, expires_ms = ?, updated_at = ?, updated_ms = ?,
         paid_at = CASE WHEN ? = 'succeeded' THEN ? ELSE paid_at END, psp = COALESCE(?, psp) WHERE id = ?`,
    ),
    deleteUnfinished: db.prepare("DELETE FROM kessai_orders WHERE id = ? AND status IN ('processing', 'abandoned')"),
    setStatus: db.prepare(
      "UPDATE kessai_orders SET status = ?, updated_at = ?, updated_ms = ?, paid_at = CASE WHEN ? IN ('paid', 'paid_after_expiry') THEN ? ELSE paid_at END WHERE id = ?",
    ),
    list: db.prepare(`SELECT ${ORDER_COLUMNS} FROM kessai_orders ORDER BY rowid DESC LIMIT ?`),
    count: db.prepare('SELECT COUNT(*) AS n FROM kessai_orders'),
    seen: db.prepare('SELECT 1 FROM kessai_notifications WHERE id = ?'),
    logNotification: db.prepare(
      'INSERT INTO kessai_notifications (id, type, psp_payment_id, order_id, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    notifications: db.prepare('SELECT * FROM kessai_notifications ORDER BY rowid DESC LIMIT ?'),
    due: db.prepare(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE status = 'pending' AND expires_ms IS NOT NULL AND expires_ms <= ?`),
    refunds: db.prepare('SELECT * FROM kessai_refunds WHERE order_id = ? ORDER BY seq'),
    refund: db.prepare('SELECT * FROM kessai_refunds WHERE id = ?'),
    insertRefund: db.prepare(
      "INSERT INTO kessai_refunds (id, seq, order_id, key, amount, status, psp, reason, created_at, updated_at) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM kessai_refunds), ?, ?, ?, 'pending', ?, ?, ?, ?)",
    ),
    retryRefund: db.prepare("UPDATE kessai_refunds SET amount = ?, status = 'pending', updated_at = ? WHERE id = ?"),
    setRefunded: db.prepare('UPDATE kessai_orders SET refunded_amount = ? WHERE id = ?'),
    finishRefund: db.prepare('UPDATE kessai_refunds SET status = ?, psp_refund_id = COALESCE(?, psp_refund_id), updated_at = ? WHERE id = ?'),
    insertAudit: db.prepare(`INSERT INTO kessai_audit (${AUDIT_INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    auditByOrder: db.prepare('SELECT * FROM kessai_audit WHERE order_id = ? ORDER BY seq LIMIT ?'),
    auditByRequest: db.prepare('SELECT * FROM kessai_audit WHERE request_id = ? ORDER BY seq LIMIT ?'),
    auditAll: db.prepare('SELECT * FROM kessai_audit ORDER BY seq LIMIT ?'),
    purgeAudit: db.prepare('DELETE FROM kessai_audit WHERE at_ms < ?'),
    createdBetween: db.prepare(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE created_at >= ? AND created_at < ? ORDER BY rowid`),
    stale: db.prepare(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE status = 'processing' AND updated_ms <= ?`),
  };
  const isCurrent = (l: Lease) => q.current.get(l.scope, l.key, l.version, l.orderId) !== undefined;
  const getOrder = (id: string) => {
    const r = q.order.get(id) as OrderRow | undefined;
    return r && toOrder(r);
  };

  return {
    kind: 'sqlite',

    async beginKey(input: BeginKeyInput): Promise<BeginResult> {
      return tx(() => {
        const raw = q.key.get(input.scope, input.key) as RawKeyRow | undefined;
        const d = decideBegin(raw && toKeyRow(raw), input);
        const { scope, key, fingerprint, now, ttlMs } = input;
        if (d.write === 'insert') q.insertKey.run(scope, key, fingerprint, d.result.lease.version, now, now + ttlMs, d.result.lease.orderId);
        else if (d.write === 'replace') q.replaceKey.run(fingerprint, d.result.lease.version, now, now + ttlMs, d.result.lease.orderId, scope, key);
        else if (d.write === 'takeover') q.takeover.run(d.result.lease.version, now, scope, key, raw!.version);
        return d.result;
      });
    },

    async readKey(scope, key): Promise<KeyRecord | undefined> {
      const raw = q.key.get(scope, key) as RawKeyRow | undefined;
      if (!raw) return undefined;
      const r = toKeyRow(raw);
      return { state: r.state, version: r.version, orderId: r.orderId, response: r.response };
    },

    async createOrder(lease, o: NewOrder) {
      return tx(() => {
        if (!isCurrent(lease)) return false;
        const r = q.upsertOrder.run(
          o.id, o.idempotencyKey, o.reference, o.description, o.amount, o.method, o.konbiniStore ?? null,
          JSON.stringify(o.customer), o.address ? JSON.stringify(o.address) : null, o.cardBrand ?? null, o.cardLast4 ?? null,
          o.psp, o.sandbox ? 1 : 0, o.at, o.at, Date.parse(o.at),
        );
        return r.changes === 1;
      });
    },

    async completeKey(lease, response: StoredResponse, s?: OrderSettlement) {
      return tx(() => {
        if (!isCurrent(lease)) return false;
        if (s) {
          const order = getOrder(lease.orderId);
          const t = order && nextOrderStatus(order.status, settlementInput(s.status));
          if (!t) return false;
          const expiresAt = (s.instructions && 'expiresAt' in s.instructions && s.instructions.expiresAt) || null;
          q.settle.run(
            t.to, s.pspPaymentId, s.instructions ? JSON.stringify(s.instructions) : null, expiresAt, deadlineMs(s.instructions),
            s.at, Date.parse(s.at), t.to, s.at, s.psp ?? null, lease.orderId,
          );
        }
        q.completeKey.run(response.status, response.contentType, Buffer.from(response.body), lease.scope, lease.key);
        return true;
      });
    },

    async releaseKey(lease) {
      return tx(() => {
        if (!isCurrent(lease)) return false;
        q.deleteKey.run(lease.scope, lease.key);
        q.deleteUnfinished.run(lease.orderId);
        return true;
      });
    },

    async purgeExpiredKeys(now) {
      return q.purge.run(now).changes;
    },

    async getOrder(id) {
      return getOrder(id);
    },
    async findOrderByPspPaymentId(pspPaymentId) {
      const r = q.orderByPsp.get(pspPaymentId) as OrderRow | undefined;
      return r && toOrder(r);
    },
    async listOrders(limit = 100) {
      return (q.list.all(limit) as OrderRow[]).map(toOrder);
    },
    async countOrders() {
      return (q.count.get() as { n: number }).n;
    },

    async applyNotification(event: PspEvent, at: string): Promise<NotificationResult> {
      return tx((): NotificationResult => {
        const row = event.pspPaymentId ? (q.orderByPsp.get(event.pspPaymentId) as OrderRow | undefined) : undefined;
        const order = row && toOrder(row);
        if (q.seen.get(event.id)) return { outcome: 'duplicate', order };
        const d = decideNotification(order, event);
        if (order && d.to) q.setStatus.run(d.to, at, Date.parse(at), d.to, at, order.id);
        q.logNotification.run(event.id, event.type, event.pspPaymentId ?? null, order?.id ?? null, d.outcome, at);
        return { outcome: d.outcome, order: order && getOrder(order.id), previousStatus: order?.status, report: d.report };
      });
    },
    async listNotifications(limit = 100) {
      return (q.notifications.all(limit) as Array<Record<string, string | null>>).map(
        (r): StoredNotification => ({
          id: r.id!, type: r.type!, pspPaymentId: r.psp_payment_id, orderId: r.order_id,
          outcome: r.outcome as StoredNotification['outcome'], receivedAt: r.received_at!,
        }),
      );
    },

    async beginRefund(input) {
      return tx(() => {
        const order = getOrder(input.orderId);
        const rows = q.refunds.all(input.orderId) as RefundRow[];
        const mine = rows.find((r) => r.key === input.key);
        const existing = mine && toRefund(mine);
        const d = decideRefund(order, existing, reservedSum(rows, mine?.id), input);
        if (d.write === 'none') return refusedRefund(d, order, existing);
        if (d.write === 'insert') q.insertRefund.run(input.id, input.orderId, input.key, d.amount, order!.psp, input.reason ?? null, input.at, input.at);
        else q.retryRefund.run(d.amount, input.at, mine!.id);
        const refund = toRefund(q.refund.get(mine?.id ?? input.id) as RefundRow);
        return { kind: d.write === 'insert' ? 'new' : 'retry', refund, order: order! };
      });
    },
    async finishRefund(id, outcome, at) {
      return tx((): FinishRefundResult => {
        q.finishRefund.run(outcome.status, outcome.status === 'succeeded' ? outcome.pspRefundId : null, at, id);
        const refund = toRefund(q.refund.get(id) as RefundRow);
        const succeeded = succeededSum(q.refunds.all(refund.orderId) as RefundRow[]);
        q.setRefunded.run(succeeded, refund.orderId);
        const order = getOrder(refund.orderId)!;
        if (outcome.status !== 'succeeded' || !fullyRefunded(order, succeeded)) return { refund, order };
        const to = nextOrderStatus(order.status, 'payment.refunded')!.to;
        q.setStatus.run(to, at, Date.parse(at), to, at, order.id);
        return { refund, order: getOrder(order.id)!, previousStatus: order.status };
      });
    },
    async listRefunds(orderId) {
      return (q.refunds.all(orderId) as RefundRow[]).map(toRefund);
    },

    async appendAudit(entry) {
      q.insertAudit.run(...auditValues(entry));
    },
    async listAudit({ orderId, requestId, limit = 1000 }) {
      const rows = orderId !== undefined ? q.auditByOrder.all(orderId, limit) : requestId !== undefined ? q.auditByRequest.all(requestId, limit) : q.auditAll.all(limit);
      return (rows as AuditRow[]).filter((r) => requestId === undefined || r.request_id === requestId).map(toAudit);
    },
    async purgeAudit(beforeMs) {
      return q.purgeAudit.run(beforeMs).changes;
    },

    async listOrdersCreatedBetween(fromJst, toJst) {
      return (q.createdBetween.all(fromJst, toJst) as OrderRow[]).map(toOrder);
    },

    async expireOverdue(now, at) {
      return tx(() => sweep(q.due.all(now - 1000) as OrderRow[], 'deadline.passed', now, at));
    },
    async abandonStale(now, staleAfterMs, at) {
      return tx(() => sweep(q.stale.all(now - staleAfterMs) as OrderRow[], 'lock.expired', now, at));
    },

    async close() {
      db.close();
    },
  };

  function sweep(rows: OrderRow[], input: 'deadline.passed' | 'lock.expired', now: number, at: string): SweptOrder[] {
    const out: SweptOrder[] = [];
    for (const r of rows) {
      const t = nextOrderStatus(r.status, input);
      if (!t) continue;
      q.setStatus.run(t.to, at, now, t.to, at, r.id);
      out.push({ order: getOrder(r.id)!, previousStatus: r.status });
    }
    return out;
  }
}

/** Creates the tables (idempotent), in one immediate transaction: two processes opening one file at once agree. */
function migrate(db: Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS kessai_schema (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM kessai_schema').get() as { version: number } | undefined;
    if (row && row.version >= SCHEMA_VERSION) return;
    for (const sql of schemaSql('sqlite')) db.exec(sql);
    if (row) db.prepare('UPDATE kessai_schema SET version = ?').run(SCHEMA_VERSION);
    else db.prepare('INSERT INTO kessai_schema (version) VALUES (?)').run(SCHEMA_VERSION);
  }).immediate();
}
