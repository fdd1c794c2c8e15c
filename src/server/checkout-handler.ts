/**
 * `createCheckoutHandler`: the endpoint contract of kessai as one Fetch API
 * handler, `(Request) => Promise<Response>`:
 *
 *   POST {endpoint}            place an order (the contract)
 *   GET  {endpoint}/{orderId}  the order's status (no personal data)
 *
 * Order of checks for POST:
 *  1. Content-Type application/json (415) — also what makes a cross-site form
 *     post impossible without a CORS preflight this handler never answers;
 *  2. Idempotency-Key present (400 idempotency_key_missing) and a UUID (400
 *     idempotency_key_invalid), compared in one canonical (lower-case) form;
 *  3. body ≤ 64 KiB (413), UTF-8 JSON (400 invalid_json);
 *  4. every field with kessai's own validators (400 invalid_field), raw card
 *     data anywhere (400 raw_card_data);
 *  5. idempotency: SHA-256 of the body as received; same key + same body → the
 *     stored response, byte for byte; same key + other body → 422; same key
 *     still running → 409 with Retry-After; a lock older than `lockTimeoutMs`
 *     is taken over under a new lease version (fencing, see store.ts);
 *  6. the amount recomputed from `reference` via the catalogue (never the
 *     client's): unknown → 422 unknown_reference, different → 422 amount_mismatch;
 *  7. the order written (`processing`), the PSP called with our key as its
 *     idempotency key, then the PSP's answer and the response stored in one
 *     transaction — only if our lease is still current. A request whose lease
 *     was taken over writes nothing and answers with what the store holds
 *     (the replay), or 409 while the taker is still running.
 *
 * Refused requests (1–6) and PSP failures (502) store nothing: the same key
 * may be sent again.
 */
import { KONBINI_MAX_AMOUNT, type CheckoutRequest, type CheckoutResponse, type InstallmentPlan, type PaymentInstructions, type WalletId } from '../core/contract.js';
import { validateCheckoutRequest } from '../core/checkout-request.js';
import { maskEmail } from '../core/resume.js';
import { groupDigits } from '../core/text.js';
import { blocksOrder, checkAddressAgainstPostal } from '../core/address-check.js';
import type { PostalAddress } from '../core/postal-data.js';
import { bodyFingerprint, localeFromAcceptLanguage, parseIdempotencyKey, type ServerLocale } from './request.js';
import { fail, JSON_TYPE, orderIdForKey, randomId, readBodyOr413, reply, send, toJstIso, type Reply } from './http.js';
import type { Lease, Store, StoredResponse } from './store.js';
import { PspUnsupportedMethodError, type WalletActionRecord, type Catalog, type OrderEventHandler, type OrderSettlement, type PaymentRequest, type PspAdapter } from './types.js';
import { appendAudit, auditEntry, type AuditContext } from './ops/audit.js';
import { PspOutcomeUnknownError } from './ops/failover.js';
import { errorFields, jsonLogger, referenceOf, requestIdOf, withRequestId, type Logger } from './ops/request-id.js';
import { classifyPspFailure } from './psp-errors.js';

export interface CheckoutHandlerOptions {
  store: Store;
  /** The payment service provider adapter. */
  psp: PspAdapter;
  /** Prices orders from `reference`. */
  catalog: Catalog;
  /** The path of the endpoint (default `/api/checkout`); the status route is `{endpoint}/{orderId}`. */
  endpoint?: string;
  /** How long a key's stored response is kept (default 24 h); after it the key is free again. */
  idempotencyTtlMs?: number;
  /** A key locked longer than this is taken over (its holder died or hangs; default 60 s). */
  lockTimeoutMs?: number;
  /** Largest accepted body (default 64 KiB). */
  maxBodyBytes?: number;
  /** The clock (default: the real one). */
  now?: () => Date;
  /** Told when a card payment succeeds synchronously (`order.paid`). */
  onEvent?: OrderEventHandler;
  /** Where unexpected errors are reported (default: an `error` line through `logger`). Never receives request bodies. */
  onError?: (error: unknown) => void;
  /** Structured logs, one JSON line per request naming its `requestId` (default `jsonLogger()`; `false`: none). */
  logger?: Logger | false;
  /** Keep the audit trail (checkout requests and answers, PSP calls) in the store (default true). */
  audit?: boolean;
  /**
   * 支払回数 accepted in `card.installments` besides 1 (一括): give the page the same list
   * (`installments` attribute of kessai-checkout). Default none. The PSP adapter must list them too.
   */
  installments?: readonly InstallmentPlan[];
  /** Wallets offered for `method: 'wallet'` (the page's `wallets` attribute). Default none; `paypay` is also its own method. */
  wallets?: readonly WalletId[];
  /**
   * Where 3-D Secure and wallet pages send the shopper back: your checkout page, given the order id
   * (e.g. `(id) => \`https://shop.example/checkout?kessai-order=\${id}\``). Passed to the PSP as `returnUrl`.
   */
  returnUrl?: (orderId: string) => string;
  /**
   * The merchant e-mails the receipt and the payment numbers (from `onEvent` or its own mailer): answers
   * carry `emailSent: true`, so the result screen says the numbers were also sent by e-mail (default false).
   */
  emailsReceipt?: boolean;
  /**
   * Every address of a postal code (`postalLookupFromDirectory` reads the same shards the page
   * uses); `null` when the data cannot tell. With it, an address that disagrees with its code is
   * refused (400 invalid_field on `address.postalCode` / `address.line1`, address-check.ts) unless
   * the shopper confirmed it (`address.confirmed`); a code of several towns needs one of them.
   */
  postalLookup?: (postalCode: string) => Promise<readonly PostalAddress[] | null>;
}

/** The per-request context: what every log line and audit entry of one request names. */
interface Ctx extends AuditContext {
  requestId: string;
  /** Set when the answer is a stored response (its bytes are not touched: no `reference` added). */
  stored?: boolean;
  /** Set once the answer is in the audit trail. */
  answered?: boolean;
  /** The language of the shopper's page (`Accept-Language`): error messages are written in it. */
  locale: ServerLocale;
}

const yen = (n: number, locale: ServerLocale) => (locale === 'en' ? `¥${groupDigits(n)}` : `${groupDigits(n)}円`);

/** An error reply with its messages in the request's language. */
const failIn = (ctx: Ctx, status: number, code: string, options: Parameters<typeof fail>[2] = {}, headers?: Record<string, string>): Reply =>
  fail(status, code, { ...options, locale: ctx.locale }, headers);

export function createCheckoutHandler(options: CheckoutHandlerOptions): (request: Request) => Promise<Response> {
  const { store, psp, catalog } = options;
  const endpoint = (options.endpoint ?? '/api/checkout').replace(/\/+$/, '');
  const scope = `POST ${endpoint}`;
  const now = options.now ?? (() => new Date());
  const ttlMs = options.idempotencyTtlMs ?? 24 * 60 * 60 * 1000;
  const lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const logger = options.logger === false ? undefined : (options.logger ?? jsonLogger());
  const reportError = (error: unknown, ctx?: Ctx) => {
    if (options.onError) options.onError(error);
    else logger?.log('error', 'kessai checkout error', { requestId: ctx?.requestId, orderId: ctx?.orderId, ...errorFields(error) });
  };
  const auditOn = options.audit !== false;
  const record = (ctx: Ctx, kind: string, details: Record<string, unknown>) => {
    if (kind === 'checkout.response') ctx.answered = true;
    return auditOn && ctx.orderId ? appendAudit(store, auditEntry(kind, ctx, details, now()), (e) => reportError(e, ctx)) : Promise.resolve();
  };
  let requests = 0;
  const sent = options.emailsReceipt ? { emailSent: true } : {};

  type Priced = { ok: true; item: { reference: string; name: string; amount: number } } | { ok: false; reply: Reply };

  async function price(value: CheckoutRequest, ctx: Ctx): Promise<Priced> {
    if (!value.reference) return { ok: false, reply: failIn(ctx, 400, 'reference_required', { field: 'reference' }) };
    const item = await catalog.lookup(value.reference);
    if (!item) return { ok: false, reply: failIn(ctx, 422, 'unknown_reference', { field: 'reference' }) };
    if (item.shipping && !value.address) {
      return { ok: false, reply: failIn(ctx, 400, 'invalid_field', { fields: [{ field: 'address', code: 'required' }] }) };
    }
    if (value.amount !== item.amount) {
      const message =
        ctx.locale === 'en'
          ? `The amount to pay has changed: it is ${yen(item.amount, 'en')}. Reload the page and check the amount.`
          : `お支払い金額が変わりました。正しい金額は${yen(item.amount, 'ja')}です。ページを再読み込みして金額をご確認ください。`;
      return { ok: false, reply: failIn(ctx, 422, 'amount_mismatch', { field: 'amount', message }) };
    }
    if (value.method === 'konbini' && item.amount > KONBINI_MAX_AMOUNT) {
      const message =
        ctx.locale === 'en'
          ? `Convenience-store payments are limited to ${yen(KONBINI_MAX_AMOUNT, 'en')} each. Choose another payment method.`
          : `コンビニ払いは1回${yen(KONBINI_MAX_AMOUNT, 'ja')}までです。別のお支払い方法を選んでください。`;
      return { ok: false, reply: failIn(ctx, 422, 'amount_over_method_limit', { field: 'method', message }) };
    }
    return { ok: true, item };
  }

  /** 504: whether the PSP made a payment is unknown; the key stays held until the lock timeout, then a retry asks the same PSP. */
  const outcomeUnknown = (ctx: Ctx) => failIn(ctx, 504, 'psp_outcome_unknown', {}, { 'Retry-After': String(Math.ceil(lockTimeoutMs / 1000)) });

  /** Calls the PSP; returns the reply and what to store with it, or a 502 (nothing to store). */
  async function callPsp(value: CheckoutRequest, payment: PaymentRequest, ctx: Ctx): Promise<{ reply: Reply; settlement?: OrderSettlement; unknown?: boolean }> {
    const marked = <T extends object>(o: T) => (psp.sandbox ? { ...o, sandbox: true } : o);
    const orderId = payment.orderId;
    try {
      let pending: { pspPaymentId: string; instructions: PaymentInstructions } | undefined;
      switch (value.method) {
        case 'konbini':
          pending = await psp.createKonbiniPayment(payment, value.konbini!.store);
          break;
        case 'pay-easy':
          pending = await psp.createPayEasyPayment(payment);
          break;
        case 'bank-transfer':
          pending = await psp.createBankTransfer(payment);
          break;
        case 'paypay':
        case 'wallet': {
          const wallet: WalletId = value.method === 'paypay' ? 'paypay' : value.wallet!.type;
          const r = await psp.createWalletPayment!(payment, wallet);
          await record(ctx, 'psp.result', { status: r.status, pspPaymentId: r.pspPaymentId, heldBy: r.psp ?? psp.name, action: r.action.type });
          const body: CheckoutResponse = { status: 'requires_action', orderId, action: r.action, ...(r.action.type === 'redirect' ? { redirectUrl: r.action.url } : {}) };
          const kept: WalletActionRecord = { method: 'wallet', wallet, action: r.action, ...(r.action.type === 'qr' ? { expiresAt: r.action.expiresAt } : {}) };
          return { reply: reply(200, marked(body)), settlement: { status: 'requires_action', pspPaymentId: r.pspPaymentId, instructions: kept, at: toJstIso(now()), psp: r.psp } };
        }
        case 'card': {
          const r = await psp.chargeCard(payment, value.card!);
          const at = toJstIso(now());
          await record(ctx, 'psp.result', { status: r.status, pspPaymentId: r.pspPaymentId, heldBy: r.psp ?? psp.name });
          if (r.status === 'declined') {
            return { reply: failIn(ctx, 402, 'card_declined', { field: 'card.token' }), settlement: { status: 'declined', pspPaymentId: r.pspPaymentId, at, psp: r.psp } };
          }
          const body: CheckoutResponse =
            r.status === 'succeeded'
              ? { status: 'succeeded', orderId, ...sent }
              : { status: 'requires_action', orderId, redirectUrl: r.redirectUrl, action: { type: 'redirect', url: r.redirectUrl } };
          return { reply: reply(200, marked(body)), settlement: { status: r.status, pspPaymentId: r.pspPaymentId, at, psp: r.psp } };
        }
      }
      if (!pending) throw new PspUnsupportedMethodError(psp.name, value.method);
      await record(ctx, 'psp.result', { status: 'pending', pspPaymentId: pending.pspPaymentId, heldBy: (pending as { psp?: string }).psp ?? psp.name });
      const body: CheckoutResponse = { status: 'pending', orderId, instructions: pending.instructions, ...sent };
      return {
        reply: reply(200, marked(body)),
        settlement: { status: 'pending', pspPaymentId: pending.pspPaymentId, instructions: pending.instructions, at: toJstIso(now()), psp: (pending as { psp?: string }).psp },
      };
    } catch (error) {
      const failure = error instanceof PspOutcomeUnknownError ? 'ambiguous' : classifyPspFailure(error);
      await record(ctx, 'psp.error', { failure, error: error instanceof Error ? error.message : String(error), ...(error instanceof PspOutcomeUnknownError ? { pinnedPsp: error.psp } : {}) });
      if (error instanceof PspUnsupportedMethodError) return { reply: failIn(ctx, 422, 'method_unavailable', { field: 'method' }) };
      reportError(error, ctx);
      if (error instanceof PspOutcomeUnknownError) return { reply: outcomeUnknown(ctx), unknown: true };
      return { reply: failIn(ctx, 502, 'psp_unavailable') };
    }
  }

  const replayed = (r: StoredResponse) =>
    new Response(r.body as Uint8Array<ArrayBuffer>, {
      status: r.status,
      headers: { 'Content-Type': r.contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Idempotent-Replayed': 'true' },
    });

  /**
   * Our lease was taken over: answer with what the store holds, never with our
   * own result. The taker usually finishes within moments (it joined our PSP
   * payment through the PSP's idempotency key), so wait a little for it.
   */
  async function lostLease(lease: Lease, ctx: Ctx): Promise<Response> {
    for (let i = 0; i < 20; i++) {
      const record = await store.readKey(lease.scope, lease.key);
      if (record?.state === 'completed' && record.response) return replayed(record.response);
      if (!record) break; // the taker released it (its PSP call failed): the shopper retries
      await new Promise((r) => setTimeout(r, 100));
    }
    return send(failIn(ctx, 409, 'request_in_progress', {}, { 'Retry-After': '1' }));
  }

  /**
   * The PSP an earlier attempt of this order reached with an unknown outcome (failover: only it may be
   * asked again), read from the audit trail of the order.
   */
  async function pinnedPsp(orderId: string): Promise<string | undefined> {
    const trail = await store.listAudit({ orderId, limit: 10_000 });
    const pin = trail.reverse().find((e) => e.kind === 'psp.error' && typeof e.details.pinnedPsp === 'string');
    return pin?.details.pinnedPsp as string | undefined;
  }

  async function post(req: Request, ctx: Ctx): Promise<Response> {
    const type = req.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) return send(failIn(ctx, 415, 'unsupported_media_type'));

    const parsedKey = parseIdempotencyKey(req.headers.get('idempotency-key'));
    if (!parsedKey.ok) return send(failIn(ctx, 400, parsedKey.code));
    const key = parsedKey.key;
    ctx.idempotencyKey = key;

    const bytes = await readBodyOr413(req, maxBody, ctx.locale);
    if (bytes instanceof Response) return bytes;
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return send(failIn(ctx, 400, 'invalid_json'));
    }
    const checked = validateCheckoutRequest(json, { installmentPlans: options.installments, wallets: options.wallets });
    if (!checked.ok) {
      const rawCard = checked.errors.filter((e) => e.code === 'raw_card_data');
      return send(rawCard.length ? failIn(ctx, 400, 'raw_card_data', { fields: rawCard }) : failIn(ctx, 400, 'invalid_field', { fields: checked.errors }));
    }
    const value = checked.value;
    if (value.address && options.postalLookup) {
      const candidates = await options.postalLookup(value.address.postalCode);
      const issue = candidates ? checkAddressAgainstPostal(value.address, candidates) : null;
      if (blocksOrder(issue, value.address.confirmed === true)) return send(failIn(ctx, 400, 'invalid_field', { fields: [{ field: issue!.field, code: issue!.code }] }));
    }
    // Refused before any order exists: what this PSP adapter cannot do.
    const plan = value.card?.installments;
    if (plan !== undefined && plan !== 1 && !(psp.installmentPlans ?? []).includes(plan)) return send(failIn(ctx, 422, 'installments_unavailable', { field: 'card.installments' }));
    if ((value.method === 'paypay' || value.method === 'wallet') && !psp.createWalletPayment) return send(failIn(ctx, 422, 'method_unavailable', { field: 'method' }));

    const fingerprint = await bodyFingerprint(bytes);
    const t = now().getTime();
    if (++requests % 100 === 0) await store.purgeExpiredKeys(t);
    // The key's own order id (see orderIdForKey); a key reused after its record expired gets a fresh one.
    const newOrderId = await orderIdForKey(scope, key);
    const begun = await store.beginKey({ scope, key, fingerprint, now: t, ttlMs, lockTimeoutMs, newOrderId, replacementOrderId: randomId('ord_') });
    if (begun.kind === 'mismatch') return send(failIn(ctx, 422, 'idempotency_key_reused'));
    if (begun.kind === 'in_flight') return send(failIn(ctx, 409, 'request_in_progress', {}, { 'Retry-After': '1' }));
    if (begun.kind === 'replay') {
      ctx.orderId = begun.orderId ?? undefined;
      ctx.stored = true;
      return replayed(begun.response);
    }
    const lease = begun.lease;
    ctx.orderId = lease.orderId;
    ctx.psp = psp.name;

    try {
      const priced = await price(value, ctx);
      if (!priced.ok) {
        await store.releaseKey(lease);
        return send(priced.reply);
      }
      const { item } = priced;
      const orderId = lease.orderId;
      const created = await store.createOrder(lease, {
        id: orderId,
        idempotencyKey: key,
        reference: item.reference,
        description: item.name,
        amount: item.amount,
        method: value.method,
        konbiniStore: value.konbini?.store,
        customer: value.customer,
        address: value.address,
        cardBrand: value.card?.brand,
        cardLast4: value.card?.last4,
        psp: psp.name,
        sandbox: psp.sandbox,
        at: toJstIso(now()),
      });
      if (!created) return lostLease(lease, ctx);
      // Evidence: what was asked (card token scrubbed; brand and last4 kept).
      await record(ctx, 'checkout.request', { method: value.method, reference: value.reference, amount: item.amount, customer: value.customer, address: value.address, konbini: value.konbini, card: value.card && { brand: value.card.brand, last4: value.card.last4, installments: value.card.installments }, wallet: value.wallet, takeover: lease.takeover });

      const payment: PaymentRequest = {
        orderId,
        amount: item.amount,
        currency: 'JPY',
        description: item.name,
        customer: value.customer,
        // Our canonical key: a take-over (or a retry after a PSP timeout) gets the PSP's first payment back.
        idempotencyKey: `kessai:${key}`,
        pinnedPsp: lease.takeover && auditOn ? await pinnedPsp(orderId) : undefined,
        ...(options.returnUrl ? { returnUrl: options.returnUrl(orderId) } : {}),
      };
      await record(ctx, 'psp.call', { method: value.method, amount: item.amount, pspIdempotencyKey: payment.idempotencyKey, pinnedPsp: payment.pinnedPsp });
      let result = await callPsp(value, payment, ctx);
      // A retry pinned to the PSP of an unknown outcome that fails again: still unknown (never another PSP).
      if (!result.settlement && payment.pinnedPsp && result.reply.status >= 500) result = { reply: outcomeUnknown(ctx), unknown: true };
      if (result.unknown) {
        // Whether a payment exists is unknown: the key stays locked (a retry after the lock timeout asks the same PSP again, same key).
        await record(ctx, 'checkout.response', { status: result.reply.status, body: JSON.parse(new TextDecoder().decode(result.reply.body)) });
        return send(result.reply);
      }
      if (!result.settlement) {
        // The PSP call failed: nothing happened, the shopper may retry with the same key.
        if (!(await store.releaseKey(lease))) return lostLease(lease, ctx);
        return send(result.reply);
      }
      const stored = await store.completeKey(lease, { status: result.reply.status, contentType: JSON_TYPE, body: result.reply.body }, result.settlement);
      if (!stored) return lostLease(lease, ctx);
      ctx.stored = true;
      ctx.psp = result.settlement.psp ?? psp.name;
      await record(ctx, 'checkout.response', { status: result.reply.status, body: JSON.parse(new TextDecoder().decode(result.reply.body)) });
      if (result.settlement.status === 'succeeded' && options.onEvent) {
        const order = await store.getOrder(orderId);
        if (order) await notify({ type: 'order.paid', order, previousStatus: 'processing' });
      }
      return send(result.reply);
    } catch (error) {
      await store.releaseKey(lease).catch(() => false);
      throw error;
    }
  }

  async function notify(e: Parameters<OrderEventHandler>[0]) {
    try {
      await options.onEvent?.(e);
    } catch (error) {
      reportError(error);
    }
  }

  async function status(orderId: string, ctx: Ctx): Promise<Response> {
    const order = /^ord_[0-9a-z]{20}$/.test(orderId) ? await store.getOrder(orderId) : undefined;
    if (!order) return send(failIn(ctx, 404, 'not_found'));
    // What the shopper's page may show (anyone holding the unguessable order id can read it): no name,
    // address or phone; the e-mail only masked (h***@example.jp), the card only as brand and last 4 digits.
    const body: Record<string, unknown> = {
      orderId: order.id,
      status: order.status,
      amount: order.amount,
      currency: order.currency,
      method: order.method,
      expiresAt: order.expiresAt,
      paidAt: order.paidAt,
    };
    if (order.konbiniStore) body.konbiniStore = order.konbiniStore;
    if (order.cardBrand) body.cardBrand = order.cardBrand;
    if (order.cardLast4) body.cardLast4 = order.cardLast4;
    const email = maskEmail(order.customer?.email ?? '');
    if (email) body.email = email;
    if (options.emailsReceipt) body.emailSent = true;
    if (order.status === 'pending' && order.instructions) body.instructions = order.instructions;
    // A wallet order still waiting: its QR code or page again (after a reload), never personal data.
    if (order.status === 'requires_action' && order.instructions?.method === 'wallet') {
      body.action = order.instructions.action;
      body.wallet = order.instructions.wallet;
    }
    if (order.sandbox) body.sandbox = true;
    return send(reply(200, body));
  }

  async function route(req: Request, ctx: Ctx): Promise<Response> {
    try {
      const path = new URL(req.url).pathname.replace(/\/+$/, '');
      if (path === endpoint) {
        if (req.method === 'POST') return await post(req, ctx);
        return send(failIn(ctx, 405, 'method_not_allowed'), { Allow: 'POST' });
      }
      if (path.startsWith(`${endpoint}/`) && !path.slice(endpoint.length + 1).includes('/')) {
        if (req.method === 'GET' || req.method === 'HEAD') return await status(decodeURIComponent(path.slice(endpoint.length + 1)), ctx);
        return send(failIn(ctx, 405, 'method_not_allowed'), { Allow: 'GET, HEAD' });
      }
      return send(failIn(ctx, 404, 'not_found'));
    } catch (error) {
      reportError(error, ctx);
      return send(failIn(ctx, 500, 'internal_error'));
    }
  }

  return async function handleCheckout(req: Request): Promise<Response> {
    const started = Date.now();
    const ctx: Ctx = { requestId: requestIdOf(req), locale: localeFromAcceptLanguage(req.headers.get('accept-language')) };
    const res = await withRequestId(await route(req, ctx), ctx.requestId, ctx.stored === true);
    if (auditOn && req.method === 'POST' && !ctx.answered) {
      // Every checkout answer is in the trail: refusals (before an order existed: found by request id), failures and replays.
      const code = res.status >= 400 ? ((await res.clone().json().catch(() => ({}))) as { error?: { code?: string } }).error?.code : undefined;
      const kind = ctx.stored ? 'checkout.replay' : 'checkout.answer';
      await appendAudit(store, auditEntry(kind, ctx, { status: res.status, code }, now()), (e) => reportError(e, ctx));
    }
    const fields = { requestId: ctx.requestId, method: req.method, path: new URL(req.url).pathname, status: res.status, ms: Date.now() - started, orderId: ctx.orderId, idempotencyKey: ctx.idempotencyKey };
    logger?.log(res.status >= 500 ? 'error' : 'info', 'kessai checkout', res.status >= 400 ? { ...fields, reference: referenceOf(ctx.requestId) } : fields);
    return res;
  };
}
