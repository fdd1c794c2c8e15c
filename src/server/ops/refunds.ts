/**
 * Refunds and cancellations, through the adapter that holds the order's payment.
 *
 * `refundOrder`: full or partial, idempotent. The merchant's refund `key` (or
 * one derived from the amount: `full`, `amount-500`) is the refund: a retry
 * with the same key returns the first refund and never calls the PSP twice; the
 * PSP gets `kessai-refund:<order id>:<key>` as ITS idempotency key, so even a
 * retry after a timeout refunds once. The store reserves the amount in one
 * transaction: pending + succeeded refunds never exceed what was paid. When
 * the refunds reach the full amount the order becomes `refunded`.
 *
 * `cancelOrder`: an unpaid Konbini / Pay-easy / bank-transfer payment is
 * cancelled at the PSP and the order becomes `canceled`.
 */
import { toJstIso, randomId } from '../http.js';
import { classifyPspFailure } from '../psp-errors.js';
import type { RefundRecord, Store } from '../store.js';
import type { Order, OrderEventHandler, PspAdapter } from '../types.js';
import { adapterFor } from './failover.js';
import { appendAudit, auditEntry } from './audit.js';

export type OperationErrorCode =
  | 'not_found'
  | 'not_refundable'
  | 'not_cancelable'
  | 'exceeds_refundable'
  | 'refund_key_reused'
  | 'psp_unsupported'
  | 'psp_refused'
  | 'psp_unavailable';

/** A refund or cancellation that did not happen; `retryable`: the same call (same key) may be made again. */
export class KessaiOperationError extends Error {
  constructor(
    readonly code: OperationErrorCode,
    message: string,
    readonly retryable = false,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'KessaiOperationError';
  }
}

export interface OperationOptions {
  store: Store;
  /** The adapter (or `createFailoverPsp` list) that holds the order's payment: routed by `order.psp`. */
  psp: PspAdapter;
  orderId: string;
  now?: () => Date;
  /** Written to the audit trail with each step. */
  requestId?: string;
  /** Told `order.refunded` / `order.canceled` when the order changes. */
  onEvent?: OrderEventHandler;
  onError?: (error: unknown) => void;
}

export interface RefundOptions extends OperationOptions {
  /** Yen; default: all that is not refunded yet. */
  amount?: number;
  /** Your refund id; the same key is the same refund. Default: `full` (no amount) or `amount-<yen>`. Two refunds of one amount need two keys. */
  key?: string;
  reason?: string;
}

export interface RefundResult {
  refund: RefundRecord;
  order: Order;
  /** True when this key's refund had already succeeded: nothing was sent to the PSP. */
  replayed: boolean;
  /** Yen refunded so far (succeeded refunds). */
  refundedTotal: number;
}

function holder(psp: PspAdapter, order: Order): PspAdapter {
  const a = adapterFor(psp, order.psp);
  if (!a) throw new KessaiOperationError('psp_unsupported', `order ${order.id} is held by ${order.psp}, not by ${psp.name}`);
  return a;
}

const audit = (o: OperationOptions, kind: string, order: Order | undefined, details: Record<string, unknown>) =>
  appendAudit(o.store, auditEntry(kind, { requestId: o.requestId, orderId: o.orderId, psp: order?.psp }, details, (o.now ?? (() => new Date()))()), o.onError ?? (() => {}));

export async function refundOrder(o: RefundOptions): Promise<RefundResult> {
  const now = o.now ?? (() => new Date());
  const key = o.key ?? (o.amount === undefined ? 'full' : `amount-${o.amount}`);
  const begun = await o.store.beginRefund({ orderId: o.orderId, key, amount: o.amount, id: randomId('rf_'), reason: o.reason, at: toJstIso(now()) });
  const total = async () => (await o.store.listRefunds(o.orderId)).filter((r) => r.status === 'succeeded').reduce((n, r) => n + r.amount, 0);
  switch (begun.kind) {
    case 'not_found':
      throw new KessaiOperationError('not_found', `no order ${o.orderId}`);
    case 'not_refundable':
      throw new KessaiOperationError('not_refundable', `order ${o.orderId} is ${begun.order.status}: only paid orders are refunded (an unpaid one is cancelled)`);
    case 'exceeds':
      throw new KessaiOperationError('exceeds_refundable', `at most ${begun.refundable} yen of order ${o.orderId} may still be refunded`, false, { refundable: begun.refundable });
    case 'key_reused':
      throw new KessaiOperationError('refund_key_reused', `refund key ${key} of order ${o.orderId} was used for ${begun.refund.amount} yen`);
    case 'done':
      return { refund: begun.refund, order: begun.order, replayed: true, refundedTotal: await total() };
  }
  const { refund, order } = begun;
  const adapter = holder(o.psp, order);
  if (!adapter.refundPayment || !order.pspPaymentId) throw new KessaiOperationError('psp_unsupported', `${adapter.name} has no refunds in kessai`);
  const idempotencyKey = `kessai-refund:${order.id}:${key}`;
  await audit(o, 'refund.request', order, { refundId: refund.id, key, amount: refund.amount, reason: o.reason, pspIdempotencyKey: idempotencyKey, attempt: begun.kind });
  const reserved = (await o.store.listRefunds(order.id)).filter((r) => r.status !== 'failed').reduce((n, r) => n + r.amount, 0);
  let pspRefundId: string;
  try {
    const request = { pspPaymentId: order.pspPaymentId, orderId: order.id, amount: refund.amount, idempotencyKey, remainingAfter: order.amount - reserved, reason: o.reason };
    pspRefundId = (await adapter.refundPayment(request)).pspRefundId;
  } catch (error) {
    const failure = classifyPspFailure(error);
    await audit(o, 'refund.error', order, { refundId: refund.id, failure, error: error instanceof Error ? error.message : String(error) });
    if (failure === 'final' || failure === 'not_created' || failure === 'unsupported') {
      // Certainly not refunded: the amount is free again; the same key may be sent again.
      await o.store.finishRefund(refund.id, { status: 'failed' }, toJstIso(now()));
      throw new KessaiOperationError(failure === 'final' ? 'psp_refused' : 'psp_unavailable', `${adapter.name} did not refund: ${error instanceof Error ? error.message : error}`, failure !== 'final');
    }
    // Unknown outcome: the refund stays pending (its amount reserved); retry with the same key (same PSP key).
    throw new KessaiOperationError('psp_unavailable', `${adapter.name} gave no answer; retry with the same key (it refunds at most once)`, true);
  }
  const done = await o.store.finishRefund(refund.id, { status: 'succeeded', pspRefundId }, toJstIso(now()));
  await audit(o, 'refund.result', done.order, { refundId: refund.id, pspRefundId, amount: refund.amount, orderStatus: done.order.status });
  if (done.previousStatus) await report(o, { type: 'order.refunded', order: done.order, previousStatus: done.previousStatus });
  return { refund: done.refund, order: done.order, replayed: false, refundedTotal: await total() };
}

/** One call for money that came after the deadline (`paid_after_expiry`): the whole amount goes back. */
export async function refundPaidAfterExpiry(o: Omit<RefundOptions, 'amount' | 'key'>): Promise<RefundResult> {
  const order = await o.store.getOrder(o.orderId);
  if (order && order.status !== 'paid_after_expiry' && order.status !== 'refunded') {
    throw new KessaiOperationError('not_refundable', `order ${o.orderId} is ${order.status}, not paid_after_expiry`);
  }
  return refundOrder({ ...o, key: 'paid_after_expiry', reason: o.reason ?? 'paid after the payment deadline' });
}

async function report(o: OperationOptions, e: Parameters<OrderEventHandler>[0]) {
  try {
    await o.onEvent?.(e);
  } catch (error) {
    (o.onError ?? (() => {}))(error);
  }
}

/** Cancels an unpaid Konbini / Pay-easy / bank-transfer payment at the PSP; the order becomes `canceled`. */
export async function cancelOrder(o: OperationOptions): Promise<Order> {
  const now = o.now ?? (() => new Date());
  const order = await o.store.getOrder(o.orderId);
  if (!order) throw new KessaiOperationError('not_found', `no order ${o.orderId}`);
  if (order.status === 'canceled') return order;
  if (order.status !== 'pending' || !order.pspPaymentId || order.method === 'card') {
    throw new KessaiOperationError('not_cancelable', `order ${o.orderId} is ${order.status} (${order.method}): only unpaid Konbini, Pay-easy and bank-transfer payments are cancelled`);
  }
  const adapter = holder(o.psp, order);
  if (!adapter.cancelPayment) throw new KessaiOperationError('psp_unsupported', `${adapter.name} has no cancellation in kessai`);
  await audit(o, 'cancel.request', order, { pspPaymentId: order.pspPaymentId });
  try {
    await adapter.cancelPayment(order.pspPaymentId, `kessai-cancel:${order.id}`);
  } catch (error) {
    const failure = classifyPspFailure(error);
    await audit(o, 'cancel.error', order, { failure, error: error instanceof Error ? error.message : String(error) });
    throw new KessaiOperationError(failure === 'final' ? 'psp_refused' : 'psp_unavailable', `${adapter.name} did not cancel: ${error instanceof Error ? error.message : error}`, failure !== 'final');
  }
  // Through the transition table and the notification log, exactly once (a PSP's own cancel notification later is a duplicate in effect: ignored).
  const r = await o.store.applyNotification({ id: `kessai:cancel:${order.id}`, type: 'payment.canceled', pspPaymentId: order.pspPaymentId }, toJstIso(now()));
  const after = r.order ?? order;
  await audit(o, 'cancel.result', after, { orderStatus: after.status, outcome: r.outcome });
  if (r.outcome === 'applied') await report(o, { type: 'order.canceled', order: after, previousStatus: r.previousStatus });
  return after;
}
