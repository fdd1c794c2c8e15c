/**
 * Results a shopper can come back to: the order id travels in the page's URL
 * (`?kessai-order=…`), and the status route `GET {endpoint}/{orderId}` tells
 * what became of the order after a reload, in a new tab, or after a redirect
 * (3-D Secure, wallets) comes back. Reading a status never places an order.
 * Pure TypeScript over `fetch` and URL strings: no DOM.
 */
import type { CheckoutAction, PaymentInstructions, WalletId } from './contract.js';
import { cleanServerText, deadline } from './endpoint.js';
import { safeHttpsUrl } from './text.js';

export { isOrderId, ORDER_PARAM, orderIdFromUrl, urlWithOrderId } from './order-id.js';

/** `{endpoint}/{orderId}`, resolved against the page. */
export function statusUrl(endpoint: string, orderId: string, pageUrl: string): string {
  const u = new URL(endpoint, pageUrl);
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/${encodeURIComponent(orderId)}`;
  return u.href;
}

/**
 * What the shopper is told about an order, whatever state names the backend uses:
 *  - `succeeded`: paid (card, or a Konbini payment that arrived);
 *  - `pending`: waiting for the shopper to pay (instructions to show again);
 *  - `requires_action`: the shopper must finish a step at the PSP (3-D Secure, a wallet);
 *  - `processing`: the order is still being placed (ask again shortly);
 *  - `failed`: declined, expired, canceled, abandoned or refunded (`status` says which);
 *  - `unknown`: the order could not be read (not found, network, malformed answer).
 */
export type ResumeKind = 'succeeded' | 'pending' | 'requires_action' | 'processing' | 'failed' | 'unknown';

export interface OrderStatusView {
  kind: ResumeKind;
  orderId: string;
  /** The backend's own state name (kessai/server: paid, expired, paid_after_expiry…). */
  status: string;
  amount?: number;
  method?: string;
  /** Card brand and last 4 digits, when the backend gives them. */
  card?: { brand?: string; last4?: string };
  /** The receipt address, masked by the server (h***@example.jp). */
  email?: string;
  /** True when the merchant sent the numbers / receipt by e-mail as well. */
  emailSent?: boolean;
  instructions?: PaymentInstructions;
  /** requires_action: where to continue (https only). */
  redirectUrl?: string;
  /** requires_action: the answer's action as sent (check it with parseAction before use): a wallet's QR code to show again. */
  action?: CheckoutAction;
  /** A wallet order: which wallet (kessai/server's status route says). */
  wallet?: WalletId;
  /** Why `unknown`: `not_found`, `network`, `bad_response`. */
  problem?: string;
}

const SUCCEEDED = ['succeeded', 'paid'];
const FAILED = ['declined', 'failed', 'expired', 'canceled', 'cancelled', 'abandoned', 'refunded', 'paid_after_expiry'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a status answer of unknown shape (the contract's 2xx shapes, or kessai/server's order states). */
export function parseOrderStatus(orderId: string, v: unknown): OrderStatusView {
  if (!isObject(v) || typeof v.status !== 'string') return { kind: 'unknown', orderId, status: '', problem: 'bad_response' };
  const status = v.status.slice(0, 40);
  const view: OrderStatusView = { kind: 'unknown', orderId, status };
  if (typeof v.amount === 'number' && Number.isSafeInteger(v.amount) && v.amount >= 0) view.amount = v.amount;
  const method = cleanServerText(v.method);
  if (method && /^[a-z-]{1,30}$/.test(method)) view.method = method;
  const brand = cleanServerText(v.cardBrand);
  const last4 = typeof v.cardLast4 === 'string' && /^\d{4}$/.test(v.cardLast4) ? v.cardLast4 : undefined;
  if (brand || last4) view.card = { ...(brand ? { brand: brand.slice(0, 20) } : {}), ...(last4 ? { last4 } : {}) };
  const email = cleanServerText(v.email);
  if (email && email.length <= 254) view.email = email;
  if (v.emailSent === true) view.emailSent = true;
  if (SUCCEEDED.includes(status)) view.kind = 'succeeded';
  else if (status === 'pending' && isObject(v.instructions)) {
    view.kind = 'pending';
    view.instructions = v.instructions as unknown as PaymentInstructions;
  } else if (status === 'requires_action') {
    const action = isObject(v.action) ? v.action : {};
    const url = safeHttpsUrl(v.redirectUrl) ?? safeHttpsUrl(action.url);
    view.kind = 'requires_action';
    if (url) view.redirectUrl = url;
    if (isObject(v.action)) view.action = v.action as unknown as CheckoutAction;
    if (typeof v.wallet === 'string' && /^[a-z-]{1,20}$/.test(v.wallet)) view.wallet = v.wallet as WalletId;
  } else if (status === 'processing' || status === 'pending') view.kind = 'processing';
  else if (FAILED.includes(status)) view.kind = 'failed';
  else view.problem = 'bad_response';
  return view;
}

export interface FetchStatusOptions {
  endpoint: string;
  orderId: string;
  pageUrl: string;
  language?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** Asks `GET {endpoint}/{orderId}` once. Never throws; never posts. */
export async function fetchOrderStatus(o: FetchStatusOptions): Promise<OrderStatusView> {
  const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
  const limit = deadline(o.timeoutMs ?? 15_000, o.signal);
  const unknown = (problem: OrderStatusView['problem']): OrderStatusView => ({ kind: 'unknown', orderId: o.orderId, status: '', problem });
  try {
    let res: Response;
    try {
      res = await limit.run(
        doFetch(statusUrl(o.endpoint, o.orderId, o.pageUrl), {
          method: 'GET',
          headers: { Accept: 'application/json', ...(o.language ? { 'Accept-Language': o.language } : {}) },
          credentials: 'same-origin',
          cache: 'no-store',
          redirect: 'error',
          signal: limit.signal,
        }),
      );
    } catch {
      return unknown('network');
    }
    if (res.status === 404 || res.status === 410) return unknown('not_found');
    if (!res.ok || !/\bjson\b/i.test(res.headers.get('content-type') ?? '')) return unknown('bad_response');
    let data: unknown;
    try {
      data = JSON.parse(await limit.run(res.text()));
    } catch {
      return unknown(limit.timedOut ? 'network' : 'bad_response');
    }
    return parseOrderStatus(o.orderId, data);
  } finally {
    limit.end();
  }
}

/** Masks an e-mail address for a page anyone holding the order id can open: `h***@example.jp`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '';
  return `${email[0]}***${email.slice(at)}`;
}

export interface PollOptions extends FetchStatusOptions {
  /** Kinds that mean "ask again" (default: processing). */
  while?: readonly ResumeKind[];
  intervalMs?: number;
  /** Reads in all (default 15). */
  maxReads?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Reads the status until it leaves `while` (e.g. a wallet payment still in progress), at most `maxReads` times. */
export async function pollOrderStatus(o: PollOptions): Promise<OrderStatusView> {
  const kinds = o.while ?? ['processing'];
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const max = o.maxReads ?? 15;
  let view = await fetchOrderStatus(o);
  for (let i = 1; i < max && kinds.includes(view.kind) && !o.signal?.aborted; i++) {
    await sleep(o.intervalMs ?? 2000);
    view = await fetchOrderStatus(o);
  }
  return view;
}
