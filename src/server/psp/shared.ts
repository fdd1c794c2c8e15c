/**
 * What every PSP adapter shares: one fetch-based HTTP layer (timeouts, JSON
 * or form bodies, errors that never carry a secret), constant-time signature
 * checks on Web Crypto, secret-key checks, and PSP times turned into instants
 * shown in JST. No `node:` import: the adapters run wherever kessai/server runs.
 */
import { toJstIso } from '../http.js';
import type { PspEvent } from '../types.js';

/**
 * A PSP's JSON as received: read defensively (every field is checked where it is used),
 * so it is not worth a full type per PSP answer and event.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PspJson = any;

// ─── HTTP ───────────────────────────────────────────────────────────────────

export interface PspHttpOptions {
  /** Where the PSP's API is (tests and failover point it elsewhere). */
  baseUrl: string;
  /** Per request (default 15 s). A timed-out create is retried by the shopper with the same key: the PSP's idempotency key returns the first payment. */
  timeoutMs?: number;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

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

export interface PspRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  /** A JSON body, or (with `form: true`) an application/x-www-form-urlencoded one. */
  body?: Record<string, unknown>;
  form?: boolean;
}

/** Nested form encoding as Stripe and PAY.JP read it: `a[b][c]=v`, arrays as `a[]=v`. */
export function formEncode(body: Record<string, unknown>): string {
  const out = new URLSearchParams();
  const add = (key: string, v: unknown) => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) v.forEach((x) => add(`${key}[]`, x));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) add(`${key}[${k}]`, x);
    else out.append(key, String(v));
  };
  for (const [k, v] of Object.entries(body)) add(k, v);
  return out.toString();
}

/** One PSP's HTTP client: `call(request)` → the parsed JSON, or a PspHttpError / a timeout error. */
export function pspHttp(psp: string, options: PspHttpOptions, auth: Record<string, string>) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const doFetch = options.fetch ?? fetch;
  return async function call<T>(req: PspRequest, errorCode: (body: PspJson) => string | undefined = () => undefined): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...auth, ...req.headers };
    let body: string | undefined;
    if (req.body) {
      headers['Content-Type'] = req.form ? 'application/x-www-form-urlencoded' : 'application/json';
      body = req.form ? formEncode(req.body) : JSON.stringify(req.body);
    }
    const res = await doFetch(`${base}${req.path}`, { method: req.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // a proxy's HTML error page: keep the status only
    }
    if (!res.ok) throw new PspHttpError(psp, res.status, errorCode(json), json);
    return json as T;
  };
}

export const basicAuth = (user: string, password = '') => ({ Authorization: `Basic ${btoa(`${user}:${password}`)}` });

// ─── secrets ────────────────────────────────────────────────────────────────

/**
 * The secret named `envName`, refused when it is missing or looks like a
 * publishable/public key (those are meant for the browser and cannot act on
 * payments). The error names the variable, never the value.
 */
export function requireSecret(envName: string, value: string | undefined, rule: { refuse: RegExp; expect?: RegExp; what: string }): string {
  if (!value) throw new Error(`${envName} is not set: the ${rule.what} secret key is required (server environment only).`);
  if (rule.refuse.test(value)) {
    throw new Error(`${envName} holds a publishable/public key; it needs the ${rule.what} SECRET key. Publishable keys belong in the browser's token JS, never here.`);
  }
  if (rule.expect && !rule.expect.test(value)) throw new Error(`${envName} does not look like a ${rule.what} secret key.`);
  return value;
}

// ─── signatures (constant time) ─────────────────────────────────────────────

const encoder = new TextEncoder();

export const concatBytes = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};

const hmacKey = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);

export const toHex = (bytes: ArrayBuffer | Uint8Array) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** Hex HMAC-SHA256 (what the fakes sign with; the adapters only verify). */
export async function hmacSha256Hex(secret: string, data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), bytes as Uint8Array<ArrayBuffer>));
}

/** True when `hex` is the HMAC-SHA256 of `data` under `secret`: `crypto.subtle.verify` compares in constant time. */
export async function verifyHmacSha256Hex(secret: string, data: Uint8Array, hex: string): Promise<boolean> {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  const sig = new Uint8Array((hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), sig, data as Uint8Array<ArrayBuffer>);
}

/**
 * Constant-time equality of two strings (fixed webhook tokens): both are
 * hashed to 32 bytes first, so neither the length nor the first differing
 * byte shows in the time taken.
 */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([a, b].map(async (s) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(s)))));
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

export function parseJsonBody(rawBody: Uint8Array): PspJson {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(rawBody));
  } catch {
    return undefined;
  }
}

// ─── times ──────────────────────────────────────────────────────────────────

/** Unix seconds (Stripe, PAY.JP) → ISO 8601 in JST. */
export const jstFromUnix = (seconds: number | null | undefined): string | undefined =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? toJstIso(new Date(seconds * 1000)) : undefined;

/** ISO 8601 with an offset or Z (KOMOJU) → ISO 8601 in JST. A string without an offset is refused rather than read in the server's zone. */
export function jstFromIso(value: string | null | undefined): string | undefined {
  if (!value || !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : toJstIso(new Date(t));
}

/**
 * fincode's `yyyy/MM/dd HH:mm:ss.SSS` (or without milliseconds) carries no
 * offset and is Japan time: read it as +09:00, never in the server's zone.
 */
export function jstFromFincode(value: string | null | undefined): string | undefined {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/.exec(value ?? '');
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms = '0'] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h - 9, +mi, +s, +ms.padEnd(3, '0'));
  return toJstIso(new Date(utc));
}

/** Drops undefined fields: events and answers are stored and replayed byte for byte. */
export function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The PSP's event type in our words, or its own name when we have none (recorded, nothing moves). */
export const eventType = (map: Record<string, PspEvent['type']>, type: string): PspEvent['type'] => (Object.hasOwn(map, type) ? map[type] : type);
