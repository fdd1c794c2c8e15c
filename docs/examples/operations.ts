// After launch: refunds, cancellations, late money, chargeback evidence and a second PSP.
// docs/operations.md shows this file; test/node/operations-docs.test.ts runs it against the PSP fakes.
import { writeFile } from 'node:fs/promises';
import {
  cancelOrder,
  createFailoverPsp,
  exportOrderEvidence,
  KessaiOperationError,
  refundOrder,
  refundPaidAfterExpiry,
  type OrderEventHandler,
  type PspAdapter,
  type Store,
} from 'kessai/server';

// A returned item: refund part of the order. `key` is your refund's own id: the same key is the same
// refund, so a retry (a double click, a job run twice, a timeout) never gives the money back twice.
export async function refundReturnedItem(store: Store, psp: PspAdapter, orderId: string, yen: number, returnId: string): Promise<number> {
  const { refundedTotal } = await refundOrder({ store, psp, orderId, amount: yen, key: `return-${returnId}`, reason: 'returned item' });
  return refundedTotal; // the order becomes `refunded` once this reaches its amount
}

// Money that came after the Konbini deadline (`paid_after_expiry`): give it back in one call.
export const refundLatePayments =
  (store: Store, psp: PspAdapter): OrderEventHandler =>
  async (e) => {
    if (e.type === 'order.paid_after_expiry' && e.order) await refundPaidAfterExpiry({ store, psp, orderId: e.order.id });
  };

// The shopper changed their mind before paying at the store.
export async function cancelUnpaid(store: Store, psp: PspAdapter, orderId: string): Promise<string> {
  try {
    return (await cancelOrder({ store, psp, orderId })).status; // 'canceled'
  } catch (e) {
    if (e instanceof KessaiOperationError && e.code === 'not_cancelable') return 'paid already: refund it instead';
    throw e;
  }
}

// A chargeback: the order, its refunds and its audit trail as one JSON file for the PSP's dispute form.
export async function saveEvidence(store: Store, orderId: string, path: string): Promise<boolean> {
  const evidence = await exportOrderEvidence(store, orderId);
  if (!evidence) return false;
  await writeFile(path, `${JSON.stringify(evidence, null, 2)}\n`);
  return true;
}

// Two PSPs: KOMOJU first; Stripe only when KOMOJU certainly made no payment.
export function twoPsps(komoju: PspAdapter, stripe: PspAdapter, alert: (text: string) => void): PspAdapter {
  return createFailoverPsp([komoju, stripe], { onFailover: (f) => alert(`${f.orderId}: ${f.from} → ${f.to} (${f.reason})`) });
}
