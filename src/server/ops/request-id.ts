/**
 * Request ids and structured logs. Every answer of the handlers carries a
 * `Request-Id` header; an error body carries `error.reference` (8 characters
 * of it) that the shopper can read out and the merchant can find in the logs
 * (`grep <reference>`) and in the audit trail. Log lines are JSON, one per
 * line, and name the request id; they never carry bodies, card data or secrets.
 */
import { randomId } from '../http.js';

/** An incoming `Request-Id` / `X-Request-Id` (from a load balancer) is kept only when it matches this. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,63}$/;

/** The request's id: a well-formed incoming one, or `req_` + 20 random characters. */
export function requestIdOf(req: Request): string {
  for (const name of ['request-id', 'x-request-id']) {
    const v = req.headers.get(name)?.trim();
    if (v && REQUEST_ID_PATTERN.test(v)) return v;
  }
  return randomId('req_');
}

/** The short reference shown to the shopper: the last 8 letters/digits of the request id, upper case. */
export const referenceOf = (requestId: string) => requestId.replace(/[^A-Za-z0-9]/g, '').slice(-8).toUpperCase();

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** What the handlers log through. `jsonLogger()` is the default. */
export interface Logger {
  log(level: LogLevel, message: string, fields: LogFields): void;
}

/** JSON lines: info to stdout (console.info), warn/error to stderr (console.error). */
export function jsonLogger(write: (level: LogLevel, line: string) => void = (l, line) => (l === 'info' ? console.info(line) : console.error(line))): Logger {
  return {
    log(level, message, fields) {
      write(level, JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields }));
    },
  };
}

/** An error as a log field: its name, message and PSP status/code, never a body or a stack with data in it. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error).slice(0, 200) };
  const e = error as Error & { status?: number; code?: unknown; psp?: string };
  return { error: e.name, errorMessage: e.message.slice(0, 300), ...(e.psp ? { psp: e.psp } : {}), ...(e.status ? { pspStatus: e.status } : {}), ...(typeof e.code === 'string' ? { errorCode: e.code } : {}) };
}

/**
 * Wraps a handler's answer: sets `Request-Id`, and adds `error.reference` to an
 * error body that is not a stored replay (a replay is byte for byte what was stored).
 */
export async function withRequestId(res: Response, requestId: string, stored: boolean): Promise<Response> {
  const headers = new Headers(res.headers);
  headers.set('Request-Id', requestId);
  let body: BodyInit | null = res.body;
  if (res.status >= 400 && !stored && !headers.has('Idempotent-Replayed') && (headers.get('content-type') ?? '').startsWith('application/json')) {
    const text = await res.text();
    try {
      const json = JSON.parse(text) as { error?: Record<string, unknown> };
      if (json.error && typeof json.error === 'object') json.error.reference = referenceOf(requestId);
      body = JSON.stringify(json);
    } catch {
      body = text;
    }
  }
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}
