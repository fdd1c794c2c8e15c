/** Small Fetch API helpers shared by the handlers. */
import { checkoutErrorBody, type CheckoutErrorResponse, type ServerLocale } from './request.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

export class BodyTooLarge extends Error {}

/** Reads the whole body as bytes, refusing more than `max`. */
export async function readBody(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw new BodyTooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The body, or the 413 answer when it is larger than `max`. */
export async function readBodyOr413(req: Request, max: number, locale: ServerLocale = 'ja'): Promise<Uint8Array | Response> {
  try {
    return await readBody(req, max);
  } catch (e) {
    if (e instanceof BodyTooLarge) return send(fail(413, 'payload_too_large', { locale }));
    throw e;
  }
}

export interface Reply {
  status: number;
  body: Uint8Array;
  headers?: Record<string, string>;
}

export const reply = (status: number, json: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body: new TextEncoder().encode(JSON.stringify(json)),
  headers,
});

export const fail = (status: number, code: string, options?: Parameters<typeof checkoutErrorBody>[1], headers?: Record<string, string>): Reply =>
  reply(status, checkoutErrorBody(code, options) satisfies CheckoutErrorResponse, headers);

export function send(r: Reply, extra: Record<string, string> = {}): Response {
  return new Response(r.body as Uint8Array<ArrayBuffer>, {
    status: r.status,
    headers: {
      'Content-Type': JSON_TYPE,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...r.headers,
      ...extra,
    },
  });
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const idFrom = (prefix: string, bytes: Uint8Array) => prefix + Array.from(bytes.subarray(0, 20), (b) => ID_ALPHABET[b % 32]).join('');

export function randomId(prefix: string): string {
  return idFrom(prefix, crypto.getRandomValues(new Uint8Array(20)));
}

/**
 * The order id of an Idempotency-Key: the same on every attempt of that key
 * (a take-over, a retry after a PSP failure), so the PSP gets the same request
 * under the same idempotency key and answers with its first payment instead of
 * refusing a changed body. 100 bits of SHA-256 of the key: no one without the
 * key can guess it.
 */
export async function orderIdForKey(scope: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`kessai-order\n${scope}\n${key}`));
  return idFrom('ord_', new Uint8Array(digest));
}

/** An instant as ISO 8601 in JST ("2026-11-26T00:30:00+09:00"), whatever the server's TZ (JST is UTC+9 all year). */
export function toJstIso(now: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const t = new Date(now.getTime() + 9 * 60 * 60 * 1000);
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+09:00`
  );
}

/** 23:59:59 JST on the day `daysAhead` days after today in Japan, as ISO 8601 with its offset (how Konbini deadlines are stated). */
export function jstEndOfDay(now: Date, daysAhead: number): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const t = new Date(now.getTime() + 9 * 60 * 60 * 1000);
  const d = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + daysAhead));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T23:59:59+09:00`;
}
