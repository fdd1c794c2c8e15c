/**
 * What the SQL stores share: the schema (one version, created in a
 * transaction that also records it, so two instances starting at once agree)
 * and the row ↔ order mapping.
 */
import type { CheckoutAddress, CheckoutCustomer, PaymentInstructions, PaymentMethod } from '../core/contract.js';
import type { Order, OrderStatus } from './types.js';
import type { AuditEntry, RefundRecord, StoredAuditEntry } from './store.js';

/** 1: keys, orders, notifications; 2: refunds and the audit trail (new tables only: a version-1 database migrates in place). */
export const SCHEMA_VERSION = 2;

/** Table definitions; `BLOB`/`BIGINT` are spelled per dialect. */
export function schemaSql(dialect: 'sqlite' | 'postgres'): string[] {
  const blob = dialect === 'sqlite' ? 'BLOB' : 'BYTEA';
  const big = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  return [
    `CREATE TABLE IF NOT EXISTS kessai_idempotency (
      scope         TEXT NOT NULL,
      key           TEXT NOT NULL,
      fingerprint   TEXT NOT NULL,
      state         TEXT NOT NULL,
      version       ${big} NOT NULL,
      locked_at     ${big} NOT NULL,
      expires_at    ${big} NOT NULL,
      order_id      TEXT,
      status        INTEGER,
      content_type  TEXT,
      body          ${blob},
      PRIMARY KEY (scope, key)
    )`,
    `CREATE TABLE IF NOT EXISTS kessai_orders (
      id                TEXT PRIMARY KEY,
      seq               ${dialect === 'sqlite' ? 'INTEGER' : 'BIGSERIAL'},
      idempotency_key   TEXT NOT NULL,
      reference         TEXT NOT NULL,
      description       TEXT NOT NULL,
      amount            INTEGER NOT NULL,
      currency          TEXT NOT NULL,
      method            TEXT NOT NULL,
      konbini_store     TEXT,
      status            TEXT NOT NULL,
      customer_json     TEXT NOT NULL,
      address_json      TEXT,
      card_brand        TEXT,
      card_last4        TEXT,
      psp               TEXT NOT NULL,
      psp_payment_id    TEXT UNIQUE,
      sandbox           INTEGER NOT NULL,
      instructions_json TEXT,
      expires_at        TEXT,
      expires_ms        ${big},
      created_at        TEXT NOT NULL,
      updated_at        TEXT NOT NULL,
      updated_ms        ${big} NOT NULL,
      paid_at           TEXT
    )`,
    `CREATE INDEX IF NOT EXISTS kessai_orders_due ON kessai_orders (status, expires_ms)`,
    `CREATE INDEX IF NOT EXISTS kessai_orders_seq ON kessai_orders (seq)`,
    `CREATE TABLE IF NOT EXISTS kessai_notifications (
      id              TEXT PRIMARY KEY,
      seq             ${dialect === 'sqlite' ? 'INTEGER' : 'BIGSERIAL'},
      type            TEXT NOT NULL,
      psp_payment_id  TEXT,
      order_id        TEXT,
      outcome         TEXT NOT NULL,
      received_at     TEXT NOT NULL
    )`,
    // ─── version 2 ───
    `CREATE TABLE IF NOT EXISTS kessai_refunds (
      id              TEXT PRIMARY KEY,
      seq             ${dialect === 'sqlite' ? 'INTEGER' : 'BIGSERIAL'},
      order_id        TEXT NOT NULL,
      key             TEXT NOT NULL,
      amount          INTEGER NOT NULL,
      status          TEXT NOT NULL,
      psp             TEXT NOT NULL,
      psp_refund_id   TEXT,
      reason          TEXT,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      UNIQUE (order_id, key)
    )`,
    `CREATE TABLE IF NOT EXISTS kessai_audit (
      seq             ${dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY'},
      kind            TEXT NOT NULL,
      at              TEXT NOT NULL,
      at_jst          TEXT NOT NULL,
      at_ms           ${big} NOT NULL,
      request_id      TEXT,
      idempotency_key TEXT,
      order_id        TEXT,
      psp             TEXT,
      details_json    TEXT NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS kessai_audit_order ON kessai_audit (order_id, seq)`,
    `CREATE INDEX IF NOT EXISTS kessai_audit_request ON kessai_audit (request_id)`,
    `CREATE INDEX IF NOT EXISTS kessai_audit_at ON kessai_audit (at_ms)`,
    `CREATE INDEX IF NOT EXISTS kessai_orders_created ON kessai_orders (created_at)`,
    // Run once, on the way from version 1 (or on a new database, after the CREATE above).
    `ALTER TABLE kessai_orders ADD COLUMN refunded_amount INTEGER NOT NULL DEFAULT 0`,
  ];
}

export interface OrderRow {
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
  refunded_amount: number | string;
}

export const ORDER_COLUMNS =
  'id, idempotency_key, reference, description, amount, currency, method, konbini_store, status, customer_json, address_json, ' +
  'card_brand, card_last4, psp, psp_payment_id, sandbox, instructions_json, expires_at, created_at, updated_at, paid_at, refunded_amount';

export const toOrder = (r: OrderRow): Order => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  reference: r.reference,
  description: r.description,
  amount: Number(r.amount),
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
  sandbox: Number(r.sandbox) === 1,
  instructions: r.instructions_json ? (JSON.parse(r.instructions_json) as PaymentInstructions) : null,
  expiresAt: r.expires_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  paidAt: r.paid_at,
  refundedAmount: Number(r.refunded_amount ?? 0),
});

export interface RefundRow {
  id: string;
  order_id: string;
  key: string;
  amount: number | string;
  status: RefundRecord['status'];
  psp: string;
  psp_refund_id: string | null;
  reason: string | null;
  created_at: string;
  updated_at: string;
}

export const toRefund = (r: RefundRow): RefundRecord => ({
  id: r.id, orderId: r.order_id, key: r.key, amount: Number(r.amount), status: r.status, psp: r.psp,
  pspRefundId: r.psp_refund_id, reason: r.reason, createdAt: r.created_at, updatedAt: r.updated_at,
});

export interface AuditRow {
  seq: number | string;
  kind: string;
  at: string;
  at_jst: string;
  request_id: string | null;
  idempotency_key: string | null;
  order_id: string | null;
  psp: string | null;
  details_json: string;
}

export const toAudit = (r: AuditRow): StoredAuditEntry => ({
  seq: Number(r.seq), kind: r.kind, at: r.at, atJst: r.at_jst, requestId: r.request_id, idempotencyKey: r.idempotency_key,
  orderId: r.order_id, psp: r.psp, details: JSON.parse(r.details_json) as Record<string, unknown>,
});

/** The values of an audit INSERT, in the column order of AUDIT_INSERT_COLUMNS. */
export const AUDIT_INSERT_COLUMNS = 'kind, at, at_jst, at_ms, request_id, idempotency_key, order_id, psp, details_json';
export const auditValues = (e: AuditEntry) => [e.kind, e.at, e.atJst, Date.parse(e.at), e.requestId, e.idempotencyKey, e.orderId, e.psp, JSON.stringify(e.details)];

/** Sum of an order's refunds that count against what may still be refunded (all but `except` and failed ones). */
export const reservedSum = (rows: RefundRow[], except?: string) =>
  rows.filter((r) => r.id !== except && r.status !== 'failed').reduce((n, r) => n + Number(r.amount), 0);
export const succeededSum = (rows: RefundRow[]) => rows.filter((r) => r.status === 'succeeded').reduce((n, r) => n + Number(r.amount), 0);
