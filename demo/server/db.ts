/**
 * SQLite storage (better-sqlite3): orders, idempotency records and processed
 * webhook events. better-sqlite3 is synchronous, so each step below runs
 * without interleaving inside one Node process; the UNIQUE keys keep it right
 * with several processes on one file too.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { CheckoutAddress, CheckoutCustomer, PaymentInstructions, PaymentMethod } from 'kessai/server';

export type { Database };

/** Opens (and creates) the database at `path`; `:memory:` for tests. */
export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path, { timeout: 5000 });
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** Creates the tables if they are missing (idempotent). */
export function migrate(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS orders (
      id               TEXT PRIMARY KEY,
      idempotency_key  TEXT NOT NULL,
      reference        TEXT NOT NULL,
      description      TEXT NOT NULL,
      amount           INTEGER NOT NULL,
      currency         TEXT NOT NULL,
      method           TEXT NOT NULL,
      konbini_store    TEXT,
      status           TEXT NOT NULL,      -- processing | pending | requires_action | succeeded | paid | expired | failed | declined
      customer_json    TEXT NOT NULL,
      address_json     TEXT,
      card_brand       TEXT,
      card_last4       TEXT,
      psp              TEXT NOT NULL,
      psp_payment_id   TEXT UNIQUE,
      sandbox          INTEGER NOT NULL DEFAULT 0,
      instructions_json TEXT,
      expires_at       TEXT,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      paid_at          TEXT
    );
    CREATE INDEX IF NOT EXISTS orders_idempotency_key ON orders (idempotency_key);
    CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope         TEXT NOT NULL,
      key           TEXT NOT NULL,
      fingerprint   TEXT NOT NULL,          -- SHA-256 of the request body
      state         TEXT NOT NULL,          -- processing | completed
      locked_at     INTEGER NOT NULL,       -- ms since epoch
      expires_at    INTEGER NOT NULL,       -- ms since epoch; after it the key may be used again
      order_id      TEXT,
      status        INTEGER,                -- stored response
      content_type  TEXT,
      body          BLOB,
      PRIMARY KEY (scope, key)
    );
    CREATE TABLE IF NOT EXISTS webhook_events (
      id           TEXT PRIMARY KEY,
      type         TEXT NOT NULL,
      psp_payment_id TEXT NOT NULL,
      order_id     TEXT,
      outcome      TEXT NOT NULL,
      received_at  TEXT NOT NULL
    );
  `);
}

// ─── idempotency ────────────────────────────────────────────────────────────

export interface StoredResponse {
  status: number;
  contentType: string;
  body: Uint8Array;
}

export type BeginResult =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'in_flight' };

interface KeyRow {
  fingerprint: string;
  state: 'processing' | 'completed';
  locked_at: number;
  expires_at: number;
  status: number | null;
  content_type: string | null;
  body: Uint8Array | null;
}

export class IdempotencyStore {
  constructor(
    private readonly db: Database,
    private readonly ttlMs: number,
    private readonly lockTimeoutMs: number,
  ) {}

  /**
   * Looks the key up and, when it is new, locks it for this request, in one
   * transaction. Same fingerprint and completed → replay; other fingerprint →
   * mismatch; still processing → in flight (unless its lock is older than the
   * lock timeout: its process died, the request may run again).
   */
  begin(scope: string, key: string, fingerprint: string, now: number): BeginResult {
    return this.db.transaction((): BeginResult => {
      const row = this.db
        .prepare('SELECT fingerprint, state, locked_at, expires_at, status, content_type, body FROM idempotency_keys WHERE scope = ? AND key = ?')
        .get(scope, key) as KeyRow | undefined;
      if (row && row.expires_at <= now) {
        this.db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ?').run(scope, key);
      } else if (row) {
        if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
        if (row.state === 'completed') {
          return { kind: 'replay', response: { status: row.status!, contentType: row.content_type!, body: row.body! } };
        }
        if (now - row.locked_at < this.lockTimeoutMs) return { kind: 'in_flight' };
        this.db.prepare('UPDATE idempotency_keys SET locked_at = ? WHERE scope = ? AND key = ?').run(now, scope, key);
        return { kind: 'new' };
      }
      this.db
        .prepare("INSERT INTO idempotency_keys (scope, key, fingerprint, state, locked_at, expires_at) VALUES (?, ?, ?, 'processing', ?, ?)")
        .run(scope, key, fingerprint, now, now + this.ttlMs);
      return { kind: 'new' };
    }).immediate();
  }

  /** Stores the final response; later requests with this key get it back byte for byte. */
  complete(scope: string, key: string, response: StoredResponse, orderId: string | null): void {
    this.db
      .prepare("UPDATE idempotency_keys SET state = 'completed', status = ?, content_type = ?, body = ?, order_id = ? WHERE scope = ? AND key = ?")
      .run(response.status, response.contentType, Buffer.from(response.body), orderId, scope, key);
  }

  /** Forgets the key (nothing happened: the request may be sent again with it). */
  release(scope: string, key: string): void {
    this.db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ?').run(scope, key);
  }

  /** Deletes expired records. */
  purgeExpired(now: number): number {
    return this.db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?').run(now).changes;
  }
}

// ─── orders ─────────────────────────────────────────────────────────────────

export type OrderStatus = 'processing' | 'pending' | 'requires_action' | 'succeeded' | 'paid' | 'expired' | 'failed' | 'declined';

export interface Order {
  id: string;
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
  instructions: PaymentInstructions | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  paidAt: string | null;
}

interface OrderRow {
  id: string;
  idempotency_key: string;
  reference: string;
  description: string;
  amount: number;
  currency: 'JPY';
  method: PaymentMethod;
  konbini_store: string | null;
  status: OrderStatus;
  customer_json: string;
  address_json: string | null;
  card_brand: string | null;
  card_last4: string | null;
  psp: string;
  psp_payment_id: string | null;
  sandbox: number;
  instructions_json: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
}

const toOrder = (r: OrderRow): Order => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  reference: r.reference,
  description: r.description,
  amount: r.amount,
  currency: r.currency,
  method: r.method,
  konbiniStore: r.konbini_store,
  status: r.status,
  customer: JSON.parse(r.customer_json) as CheckoutCustomer,
  address: r.address_json ? (JSON.parse(r.address_json) as CheckoutAddress) : null,
  cardBrand: r.card_brand,
  cardLast4: r.card_last4,
  psp: r.psp,
  pspPaymentId: r.psp_payment_id,
  sandbox: r.sandbox === 1,
  instructions: r.instructions_json ? (JSON.parse(r.instructions_json) as PaymentInstructions) : null,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  paidAt: r.paid_at,
});

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
  at: string;
}

export class OrderStore {
  constructor(private readonly db: Database) {}

  /** Inserts an order in state `processing`, before the PSP is called. */
  create(o: NewOrder): void {
    this.db
      .prepare(
        `INSERT INTO orders (id, idempotency_key, reference, description, amount, currency, method, konbini_store, status,
           customer_json, address_json, card_brand, card_last4, psp, sandbox, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'JPY', ?, ?, 'processing', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        o.id, o.idempotencyKey, o.reference, o.description, o.amount, o.method, o.konbiniStore ?? null,
        JSON.stringify(o.customer), o.address ? JSON.stringify(o.address) : null, o.cardBrand ?? null, o.cardLast4 ?? null,
        o.psp, o.sandbox ? 1 : 0, o.at, o.at,
      );
  }

  /** Records what the PSP answered. */
  settle(id: string, u: { status: OrderStatus; pspPaymentId: string; instructions?: PaymentInstructions; at: string }): void {
    const expiresAt = u.instructions && 'expiresAt' in u.instructions ? (u.instructions.expiresAt ?? null) : null;
    this.db
      .prepare(
        `UPDATE orders SET status = ?, psp_payment_id = ?, instructions_json = ?, expires_at = ?, updated_at = ?,
           paid_at = CASE WHEN ? = 'succeeded' THEN ? ELSE paid_at END
         WHERE id = ?`,
      )
      .run(u.status, u.pspPaymentId, u.instructions ? JSON.stringify(u.instructions) : null, expiresAt, u.at, u.status, u.at, id);
  }

  /** Removes an order the PSP never accepted (the PSP call failed; the shopper may retry). */
  delete(id: string): void {
    this.db.prepare("DELETE FROM orders WHERE id = ? AND status = 'processing'").run(id);
  }

  /** Removes the unfinished order of a request whose process died (its key lock timed out). */
  deleteProcessingByKey(idempotencyKey: string): void {
    this.db.prepare("DELETE FROM orders WHERE idempotency_key = ? AND status = 'processing'").run(idempotencyKey);
  }

  get(id: string): Order | undefined {
    const r = this.db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
    return r && toOrder(r);
  }

  byPspPaymentId(pspPaymentId: string): Order | undefined {
    const r = this.db.prepare('SELECT * FROM orders WHERE psp_payment_id = ?').get(pspPaymentId) as OrderRow | undefined;
    return r && toOrder(r);
  }

  list(limit = 100): Order[] {
    return (this.db.prepare('SELECT * FROM orders ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as OrderRow[]).map(toOrder);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
  }

  /**
   * Applies a verified PSP event exactly once: the event id is recorded in the
   * same transaction as the status change, so a duplicate notification (PSPs
   * retry until they get a 2xx, and sometimes send twice anyway) changes nothing.
   */
  applyEvent(
    event: { id: string; type: string; pspPaymentId: string; amount?: number },
    at: string,
  ): { outcome: 'duplicate' | 'applied' | 'ignored' | 'unknown_payment' | 'amount_mismatch'; order?: Order } {
    return this.db.transaction(() => {
      const seen = this.db.prepare('SELECT outcome FROM webhook_events WHERE id = ?').get(event.id) as { outcome: string } | undefined;
      if (seen) return { outcome: 'duplicate' as const, order: this.byPspPaymentId(event.pspPaymentId) };
      const order = this.byPspPaymentId(event.pspPaymentId);
      let outcome: 'applied' | 'ignored' | 'unknown_payment' | 'amount_mismatch' = 'ignored';
      if (!order) outcome = 'unknown_payment';
      else if (event.type === 'payment.succeeded') {
        if (event.amount !== undefined && event.amount !== order.amount) outcome = 'amount_mismatch';
        else if (order.status === 'pending' || order.status === 'requires_action') {
          this.db.prepare("UPDATE orders SET status = 'paid', paid_at = ?, updated_at = ? WHERE id = ?").run(at, at, order.id);
          outcome = 'applied';
        }
      } else if (event.type === 'payment.expired' && order.status === 'pending') {
        this.db.prepare("UPDATE orders SET status = 'expired', updated_at = ? WHERE id = ?").run(at, order.id);
        outcome = 'applied';
      } else if (event.type === 'payment.failed' && order.status === 'requires_action') {
        this.db.prepare("UPDATE orders SET status = 'failed', updated_at = ? WHERE id = ?").run(at, order.id);
        outcome = 'applied';
      }
      this.db
        .prepare('INSERT INTO webhook_events (id, type, psp_payment_id, order_id, outcome, received_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(event.id, event.type, event.pspPaymentId, order?.id ?? null, outcome, at);
      return { outcome, order: order && this.get(order.id) };
    }).immediate();
  }
}
