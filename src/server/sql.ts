/**
 * What the SQL stores share: the schema (one version, created in a
 * transaction that also records it, so two instances starting at once agree)
 * and the row ↔ order mapping.
 */
import type { CheckoutAddress, CheckoutCustomer, PaymentInstructions, PaymentMethod } from '../core/contract.js';
import type { Order, OrderStatus } from './types.js';

export const SCHEMA_VERSION = 1;

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
}

export const ORDER_COLUMNS =
  'id, idempotency_key, reference, description, amount, currency, method, konbini_store, status, customer_json, address_json, ' +
  'card_brand, card_last4, psp, psp_payment_id, sandbox, instructions_json, expires_at, created_at, updated_at, paid_at';

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
});
