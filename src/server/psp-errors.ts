/**
 * The errors of the PSP adapters' HTTP layer and what each means for a
 * payment (`classifyPspFailure`): failover and refunds decide on it. Outside
 * psp/ so that kessai/server can use it without pulling any adapter in.
 */
/** A PSP answered with an error status. `code` is the PSP's own error code when it gave one; nothing here holds a secret or a request body. */
export class PspHttpError extends Error {
  constructor(
    readonly psp: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly body: unknown,
  ) {
    super(`${psp}: HTTP ${status}${code ? ` (${code})` : ''}`);
    this.name = 'PspHttpError';
  }
}

/** The request could not reach the PSP (connection refused, DNS): nothing was sent, so no payment exists. */
export class PspConnectionError extends Error {
  constructor(
    readonly psp: string,
    readonly code: string | undefined,
  ) {
    super(`${psp}: could not connect${code ? ` (${code})` : ''}`);
    this.name = 'PspConnectionError';
  }
}

/** The request was sent and no answer came in time: the PSP may or may not have acted on it. */
export class PspTimeoutError extends Error {
  constructor(readonly psp: string) {
    super(`${psp}: no answer in time (the outcome is unknown)`);
    this.name = 'PspTimeoutError';
  }
}

/**
 * What a failed PSP call means for the payment:
 * - `not_created`: certainly no payment (connection refused / DNS; HTTP 429, refused before any work;
 *   a 5xx with no JSON body, i.e. a proxy or load balancer answered and the PSP's API never ran);
 * - `unsupported`: this PSP does not offer the method (no payment);
 * - `ambiguous`: the request was sent and the answer is unknown (timeout, a reset connection, a 5xx from the
 *   PSP's API itself, a 409 for a same-key request still running). Stripe (docs.stripe.com/idempotency):
 *   "We save results only after the execution of an endpoint begins", and a retry with the same key
 *   returns the saved response, including a 500: only what never reached the API is safe to send elsewhere;
 * - `final`: the PSP answered with a refusal (4xx: validation, decline): trying elsewhere would not be honest.
 */
export type PspFailure = 'not_created' | 'unsupported' | 'ambiguous' | 'final';

export const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

/** The network error code somewhere in an error's cause chain (fetch's TypeError → cause; Stripe's `detail`). */
export function networkCode(e: unknown, depth = 0): string | undefined {
  if (!e || typeof e !== 'object' || depth > 5) return undefined;
  const x = e as { code?: unknown; cause?: unknown; detail?: unknown; errors?: unknown[] };
  if (typeof x.code === 'string' && /^E[A-Z_]+$/.test(x.code)) return x.code;
  for (const inner of [x.cause, x.detail, ...(Array.isArray(x.errors) ? x.errors : [])]) {
    const c = networkCode(inner, depth + 1);
    if (c) return c;
  }
  return undefined;
}

export function classifyPspFailure(error: unknown): PspFailure {
  if (!(error instanceof Error)) return 'ambiguous';
  if (error.name === 'PspUnsupportedMethodError') return 'unsupported';
  if (error instanceof PspConnectionError) return 'not_created';
  if (error instanceof PspTimeoutError || error.name === 'TimeoutError') return 'ambiguous';
  if (error instanceof PspHttpError) {
    if (error.status === 429) return 'not_created';
    // 409: a request under the same idempotency key is still running at the PSP (it may be making the payment).
    if (error.status === 409) return 'ambiguous';
    if (error.status >= 500) return error.body === undefined ? 'not_created' : 'ambiguous';
    return 'final';
  }
  // Stripe's SDK: StripeConnectionError (detail: the fetch error), StripeRateLimitError (429), StripeAPIError (5xx).
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 429) return 'not_created';
  if (typeof status === 'number') return status >= 500 || status === 409 ? 'ambiguous' : 'final';
  const code = networkCode(error);
  if (code && NOT_SENT_CODES.includes(code)) return 'not_created';
  return 'ambiguous';
}

