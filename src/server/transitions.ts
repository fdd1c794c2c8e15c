/**
 * The one table through which an order changes state. Every store applies it
 * inside its own transaction; nothing else writes `orders.status`.
 *
 * States only move forward. Money is never dropped: a payment notified after
 * the order expired (or was abandoned, or failed) moves it to a state that
 * says so, and `onEvent` tells the merchant, who decides to ship or refund.
 */
import type { OrderEvent, OrderStatus } from './types.js';

/** What can happen to an order. */
export type OrderInput =
  /** The PSP answered the checkout request (written with the stored response). */
  | 'psp.pending'
  | 'psp.requires_action'
  | 'psp.succeeded'
  | 'psp.declined'
  /** Verified PSP notifications. */
  | 'payment.succeeded'
  | 'payment.failed'
  | 'payment.expired'
  | 'payment.refunded'
  | 'payment.canceled'
  /** The server's sweep: a Konbini / Pay-easy / bank-transfer deadline passed unpaid. */
  | 'deadline.passed'
  /** The server's sweep: the request that created it died mid-way (its lock timed out). */
  | 'lock.expired';

interface Transition {
  to: OrderStatus;
  /** Reported through onEvent when the transition happens. */
  report?: OrderEvent['type'];
}

/**
 * from → input → to. A pair missing from the table changes nothing (the
 * notification is recorded as `ignored`).
 *
 * | from \ input       | psp.*          | payment.succeeded  | payment.failed | payment.expired | deadline.passed | lock.expired |
 * |--------------------|----------------|--------------------|----------------|-----------------|-----------------|--------------|
 * | processing         | its result     | —                  | —              | —               | —               | abandoned    |
 * | abandoned          | its result (a retry took the key over) | paid_after_expiry | — | —       | —               | —            |
 * | pending            | —              | paid               | failed         | expired         | expired         | —            |
 * | requires_action    | —              | paid               | failed         | expired         | —               | —            |
 * | failed             | —              | paid               | —              | —               | —               | —            |
 * | declined           | —              | paid               | —              | —               | —               | —            |
 * | expired            | —              | paid_after_expiry  | —              | —               | —               | —            |
 * | succeeded, paid, paid_after_expiry | — (money is in) | — | —              | —               | —               | —            |
 *
 * payment.refunded (a full refund): succeeded / paid / paid_after_expiry → refunded (reported; nothing else refunds).
 * payment.canceled: pending / requires_action → canceled; on a paid order it changes nothing (recorded as ignored).
 * canceled + payment.succeeded → paid_after_expiry (money is never dropped); refunded is final.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, Partial<Record<OrderInput, Transition>>>> = Object.freeze({
  processing: {
    'psp.pending': { to: 'pending' },
    'psp.requires_action': { to: 'requires_action' },
    'psp.succeeded': { to: 'succeeded', report: 'order.paid' },
    'psp.declined': { to: 'declined' },
    'lock.expired': { to: 'abandoned', report: 'order.abandoned' },
  },
  abandoned: {
    'psp.pending': { to: 'pending' },
    'psp.requires_action': { to: 'requires_action' },
    'psp.succeeded': { to: 'succeeded', report: 'order.paid' },
    'psp.declined': { to: 'declined' },
    'payment.succeeded': { to: 'paid_after_expiry', report: 'order.paid_after_expiry' },
  },
  pending: {
    'payment.succeeded': { to: 'paid', report: 'order.paid' },
    'payment.failed': { to: 'failed', report: 'order.failed' },
    'payment.expired': { to: 'expired', report: 'order.expired' },
    'payment.canceled': { to: 'canceled', report: 'order.canceled' },
    'deadline.passed': { to: 'expired', report: 'order.expired' },
  },
  requires_action: {
    'payment.succeeded': { to: 'paid', report: 'order.paid' },
    'payment.failed': { to: 'failed', report: 'order.failed' },
    'payment.expired': { to: 'expired', report: 'order.expired' },
    'payment.canceled': { to: 'canceled', report: 'order.canceled' },
  },
  failed: {
    'payment.succeeded': { to: 'paid', report: 'order.paid' },
  },
  declined: {
    'payment.succeeded': { to: 'paid', report: 'order.paid' },
  },
  expired: {
    'payment.succeeded': { to: 'paid_after_expiry', report: 'order.paid_after_expiry' },
  },
  canceled: {
    'payment.succeeded': { to: 'paid_after_expiry', report: 'order.paid_after_expiry' },
  },
  succeeded: { 'payment.refunded': { to: 'refunded', report: 'order.refunded' } },
  paid: { 'payment.refunded': { to: 'refunded', report: 'order.refunded' } },
  paid_after_expiry: { 'payment.refunded': { to: 'refunded', report: 'order.refunded' } },
  refunded: {},
});

/** The transition for `input` from `from`, or undefined when the table has none (nothing changes). */
export function nextOrderStatus(from: OrderStatus, input: OrderInput): Transition | undefined {
  return ORDER_TRANSITIONS[from]?.[input];
}

/** Statuses in which money has been received. */
export const PAID_STATUSES: readonly OrderStatus[] = ['succeeded', 'paid', 'paid_after_expiry'];
// (refunded: the money was in and went back; it is not counted as paid.)
