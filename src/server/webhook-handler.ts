/**
 * `createWebhookHandler`: PSP notifications as one Fetch API handler.
 *
 * The PSP adapter verifies the signature with the PSP's own scheme (in
 * constant time) and parses the event. Then the store applies it exactly once
 * (de-duplicated by the PSP's event id) through the transition table and
 * records it in the notification log. Every verified notification gets a 2xx,
 * including types nobody here knows (recorded, nothing changes) and payments
 * nobody here knows: a PSP retries anything else for days.
 */
import { fail, readBodyOr413, reply, send, toJstIso } from './http.js';
import type { Store } from './store.js';
import { WebhookNotConfiguredError, type OrderEventHandler, type PspAdapter, type PspEvent } from './types.js';
import { appendAudit, auditEntry } from './ops/audit.js';
import { errorFields, jsonLogger, referenceOf, requestIdOf, withRequestId, type Logger } from './ops/request-id.js';

export interface WebhookHandlerOptions {
  store: Store;
  psp: PspAdapter;
  /**
   * Told what the merchant must act on: `order.paid` (ship), `order.paid_after_expiry`
   * (money arrived after the deadline: ship or refund), `order.failed`,
   * `order.expired` (release stock), and notifications that changed nothing but
   * deserve a look (`notification.unknown_type`, `notification.unknown_payment`,
   * `notification.amount_mismatch`). Awaited before the PSP gets its 2xx; if it
   * throws, the error goes to `onError` and the PSP still gets its 2xx (the
   * change is stored; it will not be reported again).
   */
  onEvent?: OrderEventHandler;
  /** Largest accepted body (default 64 KiB). */
  maxBodyBytes?: number;
  now?: () => Date;
  /** Default: an `error` line through `logger`. */
  onError?: (error: unknown) => void;
  /** Structured logs, one JSON line per notification naming its `requestId` (default `jsonLogger()`; `false`: none). */
  logger?: Logger | false;
  /** Keep each verified notification in the audit trail of its order (default true). */
  audit?: boolean;
}

export function createWebhookHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response> {
  const { store, psp } = options;
  const now = options.now ?? (() => new Date());
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const logger = options.logger === false ? undefined : (options.logger ?? jsonLogger());

  return async function handleWebhook(req: Request): Promise<Response> {
    const started = Date.now();
    const requestId = requestIdOf(req);
    const onError = (error: unknown) => (options.onError ? options.onError(error) : logger?.log('error', 'kessai webhook error', { requestId, ...errorFields(error) }));
    const log: Record<string, unknown> = {};
    const res = await withRequestId(await handle(req, requestId, onError, log), requestId, false);
    const fields = { requestId, method: req.method, path: new URL(req.url).pathname, status: res.status, ms: Date.now() - started, psp: psp.name, ...log };
    logger?.log(res.status >= 500 ? 'error' : 'info', 'kessai webhook', res.status >= 400 ? { ...fields, reference: referenceOf(requestId) } : fields);
    return res;
  };

  async function handle(req: Request, requestId: string, onError: (e: unknown) => void, log: Record<string, unknown>): Promise<Response> {
    try {
      if (req.method !== 'POST') return send(fail(405, 'method_not_allowed'), { Allow: 'POST' });
      if (!psp.parseWebhook) return send(fail(404, 'not_found'));
      const bytes = await readBodyOr413(req, maxBody);
      if (bytes instanceof Response) return bytes;
      let event: PspEvent | null;
      try {
        event = await psp.parseWebhook(bytes, req.headers);
      } catch (e) {
        if (e instanceof WebhookNotConfiguredError) return send(fail(503, 'webhook_disabled', { message: 'Webhook の署名シークレットが設定されていません。' }));
        throw e;
      }
      if (!event) return send(fail(401, 'invalid_signature', { message: '署名を確認できませんでした。' }));
      const result = await store.applyNotification(event, toJstIso(now()));
      Object.assign(log, { eventId: event.id, eventType: event.type, outcome: result.outcome, orderId: result.order?.id });
      if (options.audit !== false) {
        // The event as verified (never the raw body or its signature); one for no known order is found by request id.
        const details = { eventId: event.id, type: event.type, pspPaymentId: event.pspPaymentId, amount: event.amount, occurredAt: event.occurredAt, outcome: result.outcome, orderStatus: result.order?.status };
        await appendAudit(store, auditEntry('notification', { requestId, orderId: result.order?.id, psp: psp.name }, details, now()), onError);
      }
      if (result.report && options.onEvent) {
        try {
          await options.onEvent({ type: result.report, order: result.order, previousStatus: result.previousStatus, notification: event });
        } catch (error) {
          onError(error);
        }
      }
      return send(reply(200, { ...psp.webhookAcknowledgement, received: true, outcome: result.outcome, orderId: result.order?.id ?? null, orderStatus: result.order?.status ?? null }));
    } catch (error) {
      onError(error);
      return send(fail(500, 'internal_error'));
    }
  }
}
