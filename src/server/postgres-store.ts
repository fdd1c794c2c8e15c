/**
 * `kessai/server/postgres`: the store for several instances behind a load
 * balancer, on `pg` (node-postgres, an optional peer dependency: only this
 * module imports it). Every operation is one transaction; a key's row is
 * locked (`FOR UPDATE`) while it is decided on, a notification is serialized
 * by an advisory lock on its event id, and the schema is created under an
 * advisory lock so instances starting at once do not race.
 */
import pg from 'pg';
import type { BeginKeyInput, BeginResult, FinishRefundResult, KeyRecord, Lease, NotificationResult, Store, StoredNotification, StoredResponse, SweptOrder } from './store.js';
import { deadlineMs } from './store.js';
import { decideBegin, decideNotification, decideRefund, fullyRefunded, refusedRefund, settlementInput, type KeyRow } from './store-logic.js';
import { nextOrderStatus } from './transitions.js';
import {
  AUDIT_INSERT_COLUMNS, auditValues, ORDER_COLUMNS, reservedSum, SCHEMA_VERSION, schemaSql, succeededSum, toAudit, toOrder, toRefund,
  type AuditRow, type OrderRow, type RefundRow,
} from './sql.js';
import type { NewOrder, OrderSettlement, PspEvent } from './types.js';

export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:5432/db` (e.g. `process.env.DATABASE_URL`). */
  connectionString?: string;
  /** An existing pool instead (it is not ended by `close()`). */
  pool?: pg.Pool;
  /** Pool size when the store makes its own (default 10). */
  max?: number;
}

type Client = pg.PoolClient;

interface RawKeyRow {
  fingerprint: string;
  state: 'processing' | 'completed';
  version: string | number;
  locked_at: string | number;
  expires_at: string | number;
  order_id: string | null;
  status: number | null;
  content_type: string | null;
  body: Buffer | null;
}

const toKeyRow = (r: RawKeyRow): KeyRow => ({
  fingerprint: r.fingerprint,
  state: r.state,
  version: Number(r.version),
  lockedAt: Number(r.locked_at),
  expiresAt: Number(r.expires_at),
  orderId: r.order_id,
  response: r.state === 'completed' ? { status: r.status!, contentType: r.content_type!, body: new Uint8Array(r.body!) } : null,
});

/** Arbitrary constant: the advisory lock that serializes schema creation. */
const MIGRATION_LOCK = 0x6b657373; // "kess"

/** Connects, creates or migrates the schema, and returns the store. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const ownPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  // An idle client losing its connection (a restarted server) must not crash the process.
  if (ownPool) pool.on('error', () => {});

  async function tx<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  await tx(async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS kessai_schema (version INTEGER NOT NULL)');
    const { rows } = await c.query<{ version: number }>('SELECT version FROM kessai_schema');
    if (rows[0] && rows[0].version >= SCHEMA_VERSION) return;
    for (const sql of schemaSql('postgres')) await c.query(sql);
    if (rows[0]) await c.query('UPDATE kessai_schema SET version = $1', [SCHEMA_VERSION]);
    else await c.query('INSERT INTO kessai_schema (version) VALUES ($1)', [SCHEMA_VERSION]);
  });

  const isCurrent = async (c: Client, l: Lease) =>
    (
      await c.query(
        "SELECT 1 FROM kessai_idempotency WHERE scope = $1 AND key = $2 AND version = $3 AND order_id = $4 AND state = 'processing' FOR UPDATE",
        [l.scope, l.key, l.version, l.orderId],
      )
    ).rowCount === 1;
  const orderById = async (c: Client | pg.Pool, id: string, lock = false) => {
    const { rows } = await c.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] && toOrder(rows[0]);
  };
  const setStatus = (c: Client, id: string, to: string, at: string, ms: number) =>
    c.query(
      "UPDATE kessai_orders SET status = $1, updated_at = $2, updated_ms = $3, paid_at = CASE WHEN $1 IN ('paid', 'paid_after_expiry') THEN $2 ELSE paid_at END WHERE id = $4",
      [to, at, ms, id],
    );

  const VANISHED = Symbol('vanished');
  async function beginOnce(input: BeginKeyInput): Promise<BeginResult | typeof VANISHED> {
    const { scope, key, fingerprint, now, ttlMs } = input;
    return tx(async (c): Promise<BeginResult | typeof VANISHED> => {
      const inserted = await c.query(
        `INSERT INTO kessai_idempotency (scope, key, fingerprint, state, version, locked_at, expires_at, order_id)
         VALUES ($1, $2, $3, 'processing', 1, $4, $5, $6) ON CONFLICT (scope, key) DO NOTHING`,
        [scope, key, fingerprint, now, now + ttlMs, input.newOrderId],
      );
      if (inserted.rowCount === 1) return { kind: 'new', lease: { scope, key, version: 1, orderId: input.newOrderId, takeover: false } };
      const { rows } = await c.query<RawKeyRow>('SELECT * FROM kessai_idempotency WHERE scope = $1 AND key = $2 FOR UPDATE', [scope, key]);
      const d = decideBegin(rows[0] && toKeyRow(rows[0]), input);
      if (d.write === 'insert') return VANISHED;
      if (d.write === 'replace') {
        await c.query(
          `UPDATE kessai_idempotency SET fingerprint = $1, state = 'processing', version = $2, locked_at = $3, expires_at = $4, order_id = $5,
             status = NULL, content_type = NULL, body = NULL WHERE scope = $6 AND key = $7`,
          [fingerprint, d.result.lease.version, now, now + ttlMs, d.result.lease.orderId, scope, key],
        );
      } else if (d.write === 'takeover') {
        await c.query('UPDATE kessai_idempotency SET version = $1, locked_at = $2 WHERE scope = $3 AND key = $4', [d.result.lease.version, now, scope, key]);
      }
      return d.result;
    });
  }

  async function sweep(sql: string, param: number, input: 'deadline.passed' | 'lock.expired', now: number, at: string): Promise<SweptOrder[]> {
    return tx(async (c) => {
      const { rows } = await c.query<OrderRow>(sql, [param]);
      const out: SweptOrder[] = [];
      for (const r of rows) {
        const t = nextOrderStatus(r.status, input);
        if (!t) continue;
        await setStatus(c, r.id, t.to, at, now);
        out.push({ order: (await orderById(c, r.id))!, previousStatus: r.status });
      }
      return out;
    });
  }

  return {
    kind: 'postgres',

    async beginKey(input: BeginKeyInput): Promise<BeginResult> {
      // A record purged between our INSERT and SELECT: start over (twice at most).
      for (let attempt = 0; ; attempt++) {
        const r = await beginOnce(input);
        if (r !== VANISHED || attempt === 2) return r === VANISHED ? { kind: 'in_flight' } : r;
      }
    },

    async readKey(scope, key): Promise<KeyRecord | undefined> {
      const { rows } = await pool.query<RawKeyRow>('SELECT * FROM kessai_idempotency WHERE scope = $1 AND key = $2', [scope, key]);
      if (!rows[0]) return undefined;
      const r = toKeyRow(rows[0]);
      return { state: r.state, version: r.version, orderId: r.orderId, response: r.response };
    },

    async createOrder(lease, o: NewOrder) {
      return tx(async (c) => {
        if (!(await isCurrent(c, lease))) return false;
        const r = await c.query(
          `INSERT INTO kessai_orders (id, idempotency_key, reference, description, amount, currency, method, konbini_store, status,
             customer_json, address_json, card_brand, card_last4, psp, sandbox, created_at, updated_at, updated_ms)
           VALUES ($1, $2, $3, $4, $5, 'JPY', $6, $7, 'processing', $8, $9, $10, $11, $12, $13, $14, $14, $15)
           ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, updated_ms = excluded.updated_ms
             WHERE kessai_orders.status IN ('processing', 'abandoned')`,
          [
            o.id, o.idempotencyKey, o.reference, o.description, o.amount, o.method, o.konbiniStore ?? null,
            JSON.stringify(o.customer), o.address ? JSON.stringify(o.address) : null, o.cardBrand ?? null, o.cardLast4 ?? null,
            o.psp, o.sandbox ? 1 : 0, o.at, Date.parse(o.at),
          ],
        );
        return r.rowCount === 1;
      });
    },

    async completeKey(lease, response: StoredResponse, s?: OrderSettlement) {
      return tx(async (c) => {
        if (!(await isCurrent(c, lease))) return false;
        if (s) {
          const order = await orderById(c, lease.orderId, true);
          const t = order && nextOrderStatus(order.status, settlementInput(s.status));
          if (!t) return false;
          const expiresAt = (s.instructions && 'expiresAt' in s.instructions && s.instructions.expiresAt) || null;
          await c.query(
            `UPDATE kessai_orders SET status = $1, psp_payment_id = $2, instructions_json = $3, expires_at = $4, expires_ms = $5,
               updated_at = $6, updated_ms = $7, paid_at = CASE WHEN $1 = 'succeeded' THEN $6 ELSE paid_at END, psp = COALESCE($9, psp) WHERE id = $8`,
            [t.to, s.pspPaymentId, s.instructions ? JSON.stringify(s.instructions) : null, expiresAt, deadlineMs(s.instructions), s.at, Date.parse(s.at), lease.orderId, s.psp ?? null],
          );
        }
        await c.query("UPDATE kessai_idempotency SET state = 'completed', status = $1, content_type = $2, body = $3 WHERE scope = $4 AND key = $5", [
          response.status, response.contentType, Buffer.from(response.body), lease.scope, lease.key,
        ]);
        return true;
      });
    },

    async releaseKey(lease) {
      return tx(async (c) => {
        if (!(await isCurrent(c, lease))) return false;
        await c.query('DELETE FROM kessai_idempotency WHERE scope = $1 AND key = $2', [lease.scope, lease.key]);
        await c.query("DELETE FROM kessai_orders WHERE id = $1 AND status IN ('processing', 'abandoned')", [lease.orderId]);
        return true;
      });
    },

    async purgeExpiredKeys(now) {
      return (await pool.query('DELETE FROM kessai_idempotency WHERE expires_at <= $1', [now])).rowCount ?? 0;
    },

    async getOrder(id) {
      return orderById(pool, id);
    },
    async findOrderByPspPaymentId(pspPaymentId) {
      const { rows } = await pool.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE psp_payment_id = $1`, [pspPaymentId]);
      return rows[0] && toOrder(rows[0]);
    },
    async listOrders(limit = 100) {
      const { rows } = await pool.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM kessai_orders ORDER BY seq DESC LIMIT $1`, [limit]);
      return rows.map(toOrder);
    },
    async countOrders() {
      const { rows } = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM kessai_orders');
      return Number(rows[0].n);
    },

    async applyNotification(event: PspEvent, at: string): Promise<NotificationResult> {
      return tx(async (c): Promise<NotificationResult> => {
        await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kessai:notification:${event.id}`]);
        const { rows } = event.pspPaymentId
          ? await c.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE psp_payment_id = $1 FOR UPDATE`, [event.pspPaymentId])
          : { rows: [] as OrderRow[] };
        const order = rows[0] && toOrder(rows[0]);
        if ((await c.query('SELECT 1 FROM kessai_notifications WHERE id = $1', [event.id])).rowCount) return { outcome: 'duplicate', order };
        const d = decideNotification(order, event);
        if (order && d.to) await setStatus(c, order.id, d.to, at, Date.parse(at));
        await c.query('INSERT INTO kessai_notifications (id, type, psp_payment_id, order_id, outcome, received_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          event.id, event.type, event.pspPaymentId ?? null, order?.id ?? null, d.outcome, at,
        ]);
        return { outcome: d.outcome, order: order && (await orderById(c, order.id)), previousStatus: order?.status, report: d.report };
      });
    },
    async listNotifications(limit = 100) {
      const { rows } = await pool.query<Record<string, string | null>>('SELECT * FROM kessai_notifications ORDER BY seq DESC LIMIT $1', [limit]);
      return rows.map(
        (r): StoredNotification => ({
          id: r.id!, type: r.type!, pspPaymentId: r.psp_payment_id, orderId: r.order_id,
          outcome: r.outcome as StoredNotification['outcome'], receivedAt: r.received_at!,
        }),
      );
    },

    async beginRefund(input) {
      return tx(async (c) => {
        // The order's row lock serializes every refund of one order: the sum is checked and reserved in one step.
        const order = await orderById(c, input.orderId, true);
        const { rows } = await c.query<RefundRow>('SELECT * FROM kessai_refunds WHERE order_id = $1 ORDER BY seq', [input.orderId]);
        const mine = rows.find((r) => r.key === input.key);
        const existing = mine && toRefund(mine);
        const d = decideRefund(order, existing, reservedSum(rows, mine?.id), input);
        if (d.write === 'none') return refusedRefund(d, order, existing);
        const written =
          d.write === 'insert'
            ? await c.query<RefundRow>(
                "INSERT INTO kessai_refunds (id, order_id, key, amount, status, psp, reason, created_at, updated_at) VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $7) RETURNING *",
                [input.id, input.orderId, input.key, d.amount, order!.psp, input.reason ?? null, input.at],
              )
            : await c.query<RefundRow>("UPDATE kessai_refunds SET amount = $1, status = 'pending', updated_at = $2 WHERE id = $3 RETURNING *", [d.amount, input.at, mine!.id]);
        return { kind: d.write === 'insert' ? 'new' : 'retry', refund: toRefund(written.rows[0]), order: order! };
      });
    },
    async finishRefund(id, outcome, at) {
      return tx(async (c): Promise<FinishRefundResult> => {
        const { rows } = await c.query<RefundRow>(
          'UPDATE kessai_refunds SET status = $1, psp_refund_id = COALESCE($2, psp_refund_id), updated_at = $3 WHERE id = $4 RETURNING *',
          [outcome.status, outcome.status === 'succeeded' ? outcome.pspRefundId : null, at, id],
        );
        const refund = toRefund(rows[0]);
        await orderById(c, refund.orderId, true);
        const succeeded = succeededSum((await c.query<RefundRow>('SELECT * FROM kessai_refunds WHERE order_id = $1', [refund.orderId])).rows);
        await c.query('UPDATE kessai_orders SET refunded_amount = $1 WHERE id = $2', [succeeded, refund.orderId]);
        const order = (await orderById(c, refund.orderId))!;
        if (outcome.status !== 'succeeded' || !fullyRefunded(order, succeeded)) return { refund, order };
        await setStatus(c, order.id, nextOrderStatus(order.status, 'payment.refunded')!.to, at, Date.parse(at));
        return { refund, order: (await orderById(c, order.id))!, previousStatus: order.status };
      });
    },
    async listRefunds(orderId) {
      const { rows } = await pool.query<RefundRow>('SELECT * FROM kessai_refunds WHERE order_id = $1 ORDER BY seq', [orderId]);
      return rows.map(toRefund);
    },

    async appendAudit(entry) {
      await pool.query(`INSERT INTO kessai_audit (${AUDIT_INSERT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, auditValues(entry));
    },
    async listAudit({ orderId, requestId, limit = 1000 }) {
      const { rows } = await pool.query<AuditRow>(
        'SELECT * FROM kessai_audit WHERE ($1::text IS NULL OR order_id = $1) AND ($2::text IS NULL OR request_id = $2) ORDER BY seq LIMIT $3',
        [orderId ?? null, requestId ?? null, limit],
      );
      return rows.map(toAudit);
    },
    async purgeAudit(beforeMs) {
      return (await pool.query('DELETE FROM kessai_audit WHERE at_ms < $1', [beforeMs])).rowCount ?? 0;
    },

    async listOrdersCreatedBetween(fromJst, toJst) {
      const { rows } = await pool.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE created_at >= $1 AND created_at < $2 ORDER BY seq`, [fromJst, toJst]);
      return rows.map(toOrder);
    },

    async expireOverdue(now, at) {
      const sql = `SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE status = 'pending' AND expires_ms IS NOT NULL AND expires_ms <= $1 FOR UPDATE SKIP LOCKED`;
      return sweep(sql, now - 1000, 'deadline.passed', now, at);
    },
    async abandonStale(now, staleAfterMs, at) {
      const sql = `SELECT ${ORDER_COLUMNS} FROM kessai_orders WHERE status = 'processing' AND updated_ms <= $1 FOR UPDATE SKIP LOCKED`;
      return sweep(sql, now - staleAfterMs, 'lock.expired', now, at);
    },

    async close() {
      if (ownPool) await pool.end();
    },
  };
}
