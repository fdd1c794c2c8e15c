// The sweep: expire unpaid Konbini / Pay-easy / bank-transfer orders at their
// JST deadline and release their stock; report requests that died mid-way.
// Run it from a timer in the server process (startSweeper) or from cron.
import { startSweeper, sweepOrders, type OrderEventHandler, type Store } from 'kessai/server';

type ReleaseStock = (reference: string, orderId: string) => Promise<void>;

const onEvent = (releaseStock: ReleaseStock): OrderEventHandler => async (e) => {
  if (e.type === 'order.expired' && e.order) await releaseStock(e.order.reference, e.order.id);
  if (e.type === 'order.abandoned') console.warn('a request died mid-way; check the PSP for', e.order?.id);
};

// In the server process: every minute (returns the function that stops it).
export function scheduleSweep(store: Store, releaseStock: ReleaseStock): () => void {
  return startSweeper({ store, intervalMs: 60_000, onEvent: onEvent(releaseStock) });
}

// From cron (e.g. a script run every minute): one pass.
export async function sweepOnce(store: Store, releaseStock: ReleaseStock, now = new Date()): Promise<number> {
  const { expired } = await sweepOrders({ store, onEvent: onEvent(releaseStock), now: () => now });
  return expired.length;
}
