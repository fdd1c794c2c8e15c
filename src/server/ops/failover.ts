/**
 * `createFailoverPsp([a, b, …])`: one PspAdapter over an ordered list. A
 * payment is created at the first PSP that takes it. The next PSP is tried for
 * the same order only when the failure proves that no payment exists
 * (`classifyPspFailure`: connection refused / DNS, 429, a 5xx that no PSP API
 * wrote, or a method the PSP does not offer). After an ambiguous outcome (a
 * timeout once the request was sent) there is no failover: the same PSP is
 * asked again under the same idempotency key — its answer for that key is the
 * status check, and it can never create a second payment — and if that fails
 * too, `PspOutcomeUnknownError` is thrown. So one order never has two payments.
 *
 * Results carry `psp` (the adapter that holds the payment), which the checkout
 * handler stores with the order; refunds, cancellations and reconciliation use
 * `adapterFor(order.psp)`. Notifications: mount one webhook handler per PSP
 * (each PSP has its own URL and signature), or this adapter's `parseWebhook`,
 * which asks each adapter in turn.
 */
import { classifyPspFailure } from '../psp-errors.js';
import { WebhookNotConfiguredError, type PaymentRequest, type PspAdapter, type PspEvent } from '../types.js';

/** The PSP was asked and then asked again (same key) without an answer: whether a payment exists is unknown. No failover happened. */
export class PspOutcomeUnknownError extends Error {
  constructor(
    readonly psp: string,
    override readonly cause: unknown,
  ) {
    super(`${psp}: the payment's outcome is unknown (no failover after an ambiguous failure)`);
    this.name = 'PspOutcomeUnknownError';
  }
}

export interface FailoverPsp extends PspAdapter {
  readonly adapters: readonly PspAdapter[];
  /** The adapter named `name` (an order's `psp`), or undefined. */
  adapterFor(name: string): PspAdapter | undefined;
}

export interface FailoverOptions {
  /** Told each time a PSP is skipped (for logs and alerts). */
  onFailover?: (info: { from: string; to: string; reason: string; orderId: string }) => void;
}

type Create = (a: PspAdapter) => Promise<{ pspPaymentId: string; psp?: string }>;

/** The adapter holding an order's payment: `psp` itself, or the one of a failover list named `name`. */
export function adapterFor(psp: PspAdapter, name: string): PspAdapter | undefined {
  if (psp.name === name) return psp;
  return (psp as Partial<FailoverPsp>).adapterFor?.(name);
}

export function createFailoverPsp(adapters: readonly PspAdapter[], options: FailoverOptions = {}): FailoverPsp {
  if (adapters.length === 0) throw new Error('createFailoverPsp: at least one adapter');
  const names = new Set(adapters.map((a) => a.name));
  if (names.size !== adapters.length) throw new Error('createFailoverPsp: two adapters share a name');

  async function attempt<T extends { pspPaymentId: string; psp?: string }>(payment: PaymentRequest, create: (a: PspAdapter) => Promise<T>): Promise<T> {
    const list = payment.pinnedPsp ? adapters.filter((a) => a.name === payment.pinnedPsp) : adapters;
    if (list.length === 0) throw new Error(`createFailoverPsp: no adapter named ${payment.pinnedPsp}`);
    let last: unknown;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      try {
        return { ...(await create(a)), psp: a.name };
      } catch (error) {
        const failure = classifyPspFailure(error);
        if (failure === 'final') throw error;
        if (failure === 'ambiguous') {
          // Status check on the same PSP: the same request under the same idempotency key answers with
          // the payment it created (or creates it now). Never the next PSP.
          try {
            return { ...(await create(a)), psp: a.name };
          } catch (again) {
            // Whatever the second answer (another timeout, a 409 for the first request still running, a replayed 500),
            // it does not prove that no payment exists.
            throw new PspOutcomeUnknownError(a.name, again);
          }
        }
        last = error;
        const next = list[i + 1];
        if (next) options.onFailover?.({ from: a.name, to: next.name, reason: failure === 'unsupported' ? 'method_unsupported' : 'not_created', orderId: payment.orderId });
      }
    }
    throw last;
  }

  const withPsp = <T extends { pspPaymentId: string }>(create: Create) => create as unknown as (a: PspAdapter) => Promise<T>;
  const byName = (name: string) => adapters.find((a) => a.name === name);

  return {
    name: adapters.map((a) => a.name).join('+'),
    sandbox: adapters.every((a) => a.sandbox),
    adapters,
    adapterFor: byName,
    createKonbiniPayment: (p, store) => attempt(p, withPsp((a) => a.createKonbiniPayment(p, store))),
    createPayEasyPayment: (p) => attempt(p, withPsp((a) => a.createPayEasyPayment(p))),
    createBankTransfer: (p) => attempt(p, withPsp((a) => a.createBankTransfer(p))),
    chargeCard: (p, card) => attempt(p, withPsp((a) => a.chargeCard(p, card))),
    async parseWebhook(rawBody: Uint8Array, headers: Headers): Promise<PspEvent | null> {
      let configured = false;
      for (const a of adapters) {
        if (!a.parseWebhook) continue;
        try {
          const e = await a.parseWebhook(rawBody, headers);
          configured = true;
          if (e) return e;
        } catch (error) {
          if (!(error instanceof WebhookNotConfiguredError)) throw error;
        }
      }
      if (!configured) throw new WebhookNotConfiguredError();
      return null;
    },
    // Payment-level calls (retrieve, refund, cancel, list) go to the order's PSP: adapterFor(order.psp).
  } satisfies FailoverPsp;
}
