/**
 * The server's own clock work, for a merchant to run from cron or a timer
 * (every minute is plenty; several instances may run it at once):
 * - unpaid Konbini / Pay-easy / bank-transfer orders whose JST deadline has
 *   passed become `expired` (`order.expired`: release the stock);
 * - orders left `processing` by an instance that died mid-request become
 *   `abandoned` (`order.abandoned`: check the PSP's dashboard; a retry of the
 *   same key still resumes them);
 * - with `auditRetentionDays`, audit-trail entries older than that are deleted (the trail's only delete).
 */
import { toJstIso } from './http.js';
import type { Store, SweptOrder } from './store.js';
import type { OrderEventHandler } from './types.js';

export interface SweepOptions {
  store: Store;
  /** Told about each order moved (awaited one by one). */
  onEvent?: OrderEventHandler;
  /** `processing` orders untouched this long are abandoned (default 10 minutes: well past any PSP timeout). */
  staleAfterMs?: number;
  /** Delete audit-trail entries older than this many days (default: keep them; 540 covers the card networks' longest chargeback window). */
  auditRetentionDays?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

export interface SweepResult {
  expired: SweptOrder[];
  abandoned: SweptOrder[];
  /** Audit entries deleted by the retention setting. */
  auditPurged: number;
}

export async function sweepOrders(options: SweepOptions): Promise<SweepResult> {
  const at = (options.now ?? (() => new Date()))();
  const ms = at.getTime();
  const iso = toJstIso(at);
  const expired = await options.store.expireOverdue(ms, iso);
  const abandoned = await options.store.abandonStale(ms, options.staleAfterMs ?? 10 * 60 * 1000, iso);
  const report = async (type: 'order.expired' | 'order.abandoned', s: SweptOrder) => {
    try {
      await options.onEvent?.({ type, order: s.order, previousStatus: s.previousStatus });
    } catch (error) {
      (options.onError ?? ((e: unknown) => console.error('[kessai sweep]', e)))(error);
    }
  };
  for (const s of expired) await report('order.expired', s);
  for (const s of abandoned) await report('order.abandoned', s);
  const auditPurged = options.auditRetentionDays === undefined ? 0 : await options.store.purgeAudit(ms - options.auditRetentionDays * 86_400_000);
  return { expired, abandoned, auditPurged };
}

/** Runs `sweepOrders` every `intervalMs` (default 60 s) until the returned function is called. */
export function startSweeper(options: SweepOptions & { intervalMs?: number }): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sweepOrders(options);
    } catch (error) {
      (options.onError ?? ((e: unknown) => console.error('[kessai sweep]', e)))(error);
    } finally {
      running = false;
    }
  }, options.intervalMs ?? 60_000);
  (timer as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}
