/**
 * The endpoint client: POSTs a checkout request to the merchant's endpoint
 * with an Idempotency-Key and retries only when that is safe (same key, the
 * same bytes). Pure TypeScript over `fetch`; no DOM.
 */
import type { CheckoutAction, CheckoutResponse, PaymentInstructions } from './contract.js';
import { stripUnsafeChars } from './text.js';

export { endpointProblem, isHttpsUrl, newIdempotencyKey } from './endpoint-url.js';

export type SubmitResult =
  | { kind: 'success'; response: CheckoutResponse }
  /** The server answered with a definite refusal (4xx) or a failure (5xx). */
  | { kind: 'error'; status: number; code: string; message?: string; field?: string; retryable: boolean; reference?: string }
  /** No trustworthy answer (network, timeout, malformed 2xx): the payment may or may not exist. */
  | { kind: 'unknown'; reason: 'network' | 'timeout' | 'bad_response' };

export interface SubmitOptions {
  endpoint: string;
  /** The exact bytes to send; retries send the same string. */
  body: string;
  idempotencyKey: string;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Attempts in all (first + retries) for network errors, timeouts and 5xx. */
  maxAttempts?: number;
  /** Attempts in all for 409 (request with this key still in progress). */
  maxConflictAttempts?: number;
  baseDelayMs?: number;
  signal?: AbortSignal;
  /** The shopper's language (sent as Accept-Language), so the server answers in it. */
  language?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each retry (for progress UI and tests). */
  onRetry?: (attempt: number, why: string) => void;
}

const MAX_MESSAGE = 300;

/** Server text made safe to show as text: no controls / bidi, bounded length. */
export function cleanServerText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const s = stripUnsafeChars(value).trim();
  if (!s) return undefined;
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s;
}

function parseRetryAfter(h: string | null): number | null {
  if (!h) return null;
  if (/^\d+$/.test(h.trim())) return Number(h) * 1000;
  const t = Date.parse(h);
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now());
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a 2xx body against the contract; null when it is not a valid answer. */
export function parseCheckoutResponse(v: unknown): CheckoutResponse | null {
  if (!isObject(v)) return null;
  const orderId = cleanServerText(v.orderId);
  const sent = v.emailSent === true ? { emailSent: true } : {};
  if (v.status === 'succeeded') return { status: 'succeeded', orderId, ...sent };
  if (v.status === 'pending' && isObject(v.instructions)) {
    return { status: 'pending', orderId, instructions: v.instructions as unknown as PaymentInstructions, ...sent };
  }
  if (v.status === 'requires_action' && (typeof v.redirectUrl === 'string' || isObject(v.action))) {
    // The URLs are checked where they are used (parseAction in core/action.ts).
    return {
      status: 'requires_action',
      orderId,
      ...(typeof v.redirectUrl === 'string' ? { redirectUrl: v.redirectUrl } : {}),
      ...(isObject(v.action) ? { action: v.action as unknown as CheckoutAction } : {}),
    };
  }
  return null;
}

/**
 * A per-request deadline: `signal` aborts after `ms` or when `outer` aborts, and `run(work)` rejects
 * then even if `work` never settles. An explicit timer and controller, not `AbortSignal.timeout` /
 * `AbortSignal.any`: in WebKitGTK 2.50 a fetch given those sometimes never settled (the checkout stayed
 * on 「送信中…」 past its 1 s timeout for 100 s), and a shopper must never wait on a hung request.
 */
export function deadline(ms: number, outer?: AbortSignal) {
  const ctl = new AbortController();
  let timedOut = false;
  let fail!: (reason: unknown) => void;
  const expired = new Promise<never>((_, reject) => (fail = reject));
  expired.catch(() => undefined);
  const abort = (reason: unknown) => (ctl.abort(reason), fail(reason));
  const timer = setTimeout(() => ((timedOut = true), abort(new DOMException('The request timed out.', 'TimeoutError'))), ms);
  const onOuter = () => abort(outer!.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: ctl.signal,
    get timedOut() {
      return timedOut;
    },
    run: <T>(work: Promise<T>): Promise<T> => Promise.race([work, expired]),
    end() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

async function readJson(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type)) return undefined;
  try {
    return JSON.parse(await res.text());
  } catch {
    return undefined;
  }
}

/**
 * POSTs `body` with the key, retrying network errors, timeouts and 5xx with
 * the same key and bytes (exponential backoff with full jitter), and 409 after
 * Retry-After. Never throws.
 */
export async function submitCheckout(o: SubmitOptions): Promise<SubmitResult> {
  const doFetch = o.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = o.random ?? Math.random;
  const maxAttempts = o.maxAttempts ?? 4;
  const maxConflict = o.maxConflictAttempts ?? 5;
  const base = o.baseDelayMs ?? 500;
  const timeoutMs = o.timeoutMs ?? 15_000;
  let attempts = 0;
  let conflicts = 0;
  let last: SubmitResult = { kind: 'unknown', reason: 'network' };

  const backoff = (n: number) => Math.round(base * 2 ** (n - 1) * (0.5 + random() / 2));

  for (;;) {
    if (o.signal?.aborted) return last;
    attempts++;
    const limit = deadline(timeoutMs, o.signal);
    let res: Response;
    let data: unknown;
    try {
      res = await limit.run(
        doFetch(o.endpoint, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Idempotency-Key': o.idempotencyKey,
            ...(o.language ? { 'Accept-Language': o.language } : {}),
          },
          body: o.body,
          credentials: 'same-origin',
          cache: 'no-store',
          redirect: 'error',
          signal: limit.signal,
        }),
      );
      // The body is inside the deadline too: headers sent and the body never finished is no answer.
      data = res.status === 409 ? undefined : await limit.run(readJson(res));
    } catch {
      last = { kind: 'unknown', reason: limit.timedOut ? 'timeout' : 'network' };
      if (attempts >= maxAttempts || o.signal?.aborted) return last;
      o.onRetry?.(attempts, last.reason);
      await sleep(backoff(attempts));
      continue;
    } finally {
      limit.end();
    }

    if (res.status === 409) {
      conflicts++;
      attempts--; // a conflict is not a failed attempt
      if (conflicts >= maxConflict) return { kind: 'unknown', reason: 'network' };
      const wait = Math.min(parseRetryAfter(res.headers.get('retry-after')) ?? backoff(conflicts), 10_000);
      o.onRetry?.(conflicts, 'conflict');
      await sleep(wait);
      continue;
    }

    if (res.ok) {
      const parsed = parseCheckoutResponse(data);
      return parsed ? { kind: 'success', response: parsed } : { kind: 'unknown', reason: 'bad_response' };
    }

    const err = isObject(data) && isObject(data.error) ? data.error : {};
    const code = typeof err.code === 'string' && /^[\w.-]{1,64}$/.test(err.code) ? err.code : `http_${res.status}`;
    const field = typeof err.field === 'string' && /^[\w.]{1,64}$/.test(err.field) ? err.field : undefined;
    // The server's short request reference (`error.reference`), shown so the shopper can quote it.
    const reference = typeof err.reference === 'string' && /^[0-9A-Za-z-]{4,16}$/.test(err.reference) ? err.reference : undefined;
    last = { kind: 'error', status: res.status, code, message: cleanServerText(err.message), field, retryable: res.status >= 500, ...(reference ? { reference } : {}) };
    if (res.status >= 500 && attempts < maxAttempts) {
      o.onRetry?.(attempts, `http_${res.status}`);
      await sleep(backoff(attempts));
      continue;
    }
    return last;
  }
}
