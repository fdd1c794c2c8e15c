/**
 * Reconciliation: the PSP's payments of a JST date range against the orders.
 * Differences reported:
 * - `missing_order`: the PSP holds a payment no order knows;
 * - `missing_payment`: an order names a PSP payment the PSP does not list;
 * - `amount_mismatch`: the amounts differ;
 * - `state_mismatch`: one side has the money and the other does not (PSP paid,
 *   order expired), or one side refunded it and the other did not.
 * Orders are matched by the PSP's payment id, then by our order id as the PSP
 * holds it (KOMOJU external_order_num, Stripe / PAY.JP metadata.order_id,
 * fincode client_field_1). With `createFailoverPsp`, each PSP is compared with
 * the orders it holds.
 */
import type { Store } from '../store.js';
import type { Order, OrderStatus, PspAdapter, PspPayment } from '../types.js';
import type { FailoverPsp } from './failover.js';

export type DifferenceKind = 'missing_order' | 'missing_payment' | 'amount_mismatch' | 'state_mismatch';

export interface ReconcileDifference {
  kind: DifferenceKind;
  psp: string;
  orderId: string | null;
  pspPaymentId: string | null;
  orderStatus?: OrderStatus;
  pspStatus?: PspPayment['status'];
  orderAmount?: number;
  pspAmount?: number;
  /** One line, in English, for the table. */
  note: string;
}

export interface ReconcileReport {
  /** The JST calendar days asked for, inclusive. */
  from: string;
  to: string;
  /** The instants compared: [from 00:00 JST, the day after `to` 00:00 JST). */
  range: { from: string; to: string };
  orders: number;
  payments: number;
  differences: ReconcileDifference[];
  ok: boolean;
}

export interface ReconcileOptions {
  store: Store;
  /** One adapter, or a `createFailoverPsp` list (each PSP is listed). Each needs `listPayments`. */
  psp: PspAdapter;
  /** JST calendar days, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** [from 00:00 JST, the day after `to` 00:00 JST), as ISO 8601 in JST. Throws on a malformed or reversed range. */
export function jstDayRange(from: string, to: string): { from: string; to: string } {
  const parse = (d: string) => {
    const m = DAY.exec(d);
    const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
    if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${d}`);
    return t;
  };
  const a = parse(from);
  const b = parse(to) + 86_400_000;
  if (b <= a) throw new RangeError(`--to ${to} is before --from ${from}`);
  const iso = (t: number) => `${new Date(t).toISOString().slice(0, 10)}T00:00:00+09:00`;
  return { from: iso(a), to: iso(b) };
}

type Money = 'paid' | 'refunded' | 'unpaid';
const orderMoney = (s: OrderStatus): Money => (s === 'succeeded' || s === 'paid' || s === 'paid_after_expiry' ? 'paid' : s === 'refunded' ? 'refunded' : 'unpaid');
const pspMoney = (p: PspPayment): Money =>
  p.status === 'refunded' || (p.status === 'succeeded' && (p.amountRefunded ?? 0) >= p.amount) ? 'refunded' : p.status === 'succeeded' ? 'paid' : 'unpaid';

const refundedTotal = async (store: Store, orderId: string) =>
  (await store.listRefunds(orderId)).filter((r) => r.status === 'succeeded').reduce((n, r) => n + r.amount, 0);

/** A payment id kessai made up for a decline the PSP kept no payment for. */
const synthetic = (id: string) => /:declined:/.test(id);

export async function reconcile(o: ReconcileOptions): Promise<ReconcileReport> {
  const range = jstDayRange(o.from, o.to);
  const adapters = (o.psp as Partial<FailoverPsp>).adapters ?? [o.psp];
  const orders = await o.store.listOrdersCreatedBetween(range.from, range.to);
  const differences: ReconcileDifference[] = [];
  let payments = 0;
  for (const adapter of adapters) {
    if (!adapter.listPayments) throw new Error(`${adapter.name}: this adapter cannot list payments (listPayments)`);
    const listed = await adapter.listPayments(range);
    payments += listed.length;
    const mine = orders.filter((x) => x.psp === adapter.name);
    const byPayment = new Map(mine.filter((x) => x.pspPaymentId).map((x) => [x.pspPaymentId!, x]));
    const byId = new Map(mine.map((x) => [x.id, x]));
    const seen = new Set<string>();
    for (const p of listed) {
      // An order placed just before the range (or through another instance) is looked up in the store.
      const order: Order | undefined =
        byPayment.get(p.pspPaymentId) ?? (p.orderId ? byId.get(p.orderId) : undefined) ?? (await o.store.findOrderByPspPaymentId(p.pspPaymentId)) ?? (p.orderId ? await o.store.getOrder(p.orderId) : undefined);
      const base = { psp: adapter.name, pspPaymentId: p.pspPaymentId, pspStatus: p.status, pspAmount: p.amount };
      if (!order) {
        differences.push({ ...base, kind: 'missing_order', orderId: p.orderId ?? null, note: `${adapter.name} holds payment ${p.pspPaymentId} (${p.status}, ${p.amount} yen) that no order knows` });
        continue;
      }
      seen.add(order.id);
      const more = { ...base, orderId: order.id, orderStatus: order.status, orderAmount: order.amount };
      // A PSP that refunds by lowering the amount (fincode) shows what stays paid after our refunds.
      if (p.amount !== order.amount && p.amount !== order.amount - (await refundedTotal(o.store, order.id))) differences.push({ ...more, kind: 'amount_mismatch', note: `order ${order.amount} yen, ${adapter.name} ${p.amount} yen` });
      const [a, b] = [orderMoney(order.status), pspMoney(p)];
      if (a !== b) differences.push({ ...more, kind: 'state_mismatch', note: `${adapter.name} says ${b} (${p.status}), the order is ${order.status}` });
    }
    for (const order of mine) {
      if (seen.has(order.id) || !order.pspPaymentId || synthetic(order.pspPaymentId)) continue;
      differences.push({
        kind: 'missing_payment', psp: adapter.name, orderId: order.id, pspPaymentId: order.pspPaymentId, orderStatus: order.status, orderAmount: order.amount,
        note: `order ${order.id} (${order.status}) names ${order.pspPaymentId}, which ${adapter.name} does not list`,
      });
    }
  }
  return { from: o.from, to: o.to, range, orders: orders.length, payments, differences, ok: differences.length === 0 };
}

/** The report as a plain-text table (what the command prints). */
export function formatReconcileTable(r: ReconcileReport): string {
  const head = `kessai-reconcile ${r.from} … ${r.to} (JST): ${r.orders} orders, ${r.payments} PSP payments, ${r.differences.length} difference${r.differences.length === 1 ? '' : 's'}`;
  if (r.ok) return `${head}\nOK: everything matches.\n`;
  const rows = [['KIND', 'PSP', 'ORDER', 'PSP PAYMENT', 'ORDER STATE', 'PSP STATE', 'ORDER ¥', 'PSP ¥']].concat(
    r.differences.map((d) => [d.kind, d.psp, d.orderId ?? '-', d.pspPaymentId ?? '-', d.orderStatus ?? '-', d.pspStatus ?? '-', d.orderAmount?.toString() ?? '-', d.pspAmount?.toString() ?? '-']),
  );
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) => row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  return `${head}\n${lines.join('\n')}\n`;
}
