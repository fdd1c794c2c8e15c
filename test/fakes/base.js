// The common part of the local PSP fakes: a real HTTP server on 127.0.0.1,
// every request recorded (method, path, headers, raw body), one route table
// per PSP, an `assert` that throws (→ HTTP 400 with the reason, and the
// reason kept in `violations`) when a request breaks the PSP's documented
// shape, PSP-side idempotency by the PSP's own key header, notification
// delivery over HTTP to the shop's webhook URL, and fault injection
// (`fake.inject(fault)`) for the failover tests.
import { createServer } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { URLSearchParams } from 'node:url';

export class FakeViolation extends Error {}

export function assert(ok, message) {
  if (!ok) throw new FakeViolation(message);
}

export const hmacHex = (secret, data) => createHmac('sha256', secret).update(data).digest('hex');
export const randomId = (prefix, n = 12) => `${prefix}${randomBytes(n).toString('hex').slice(0, n * 2)}`;
export const digits = (n) => Array.from(randomBytes(n), (b, i) => (i === 0 ? 1 + (b % 9) : b % 10)).join('');

/**
 * Parses a form body (Stripe, PAY.JP) into a flat map `a[b][c]` → value;
 * arrays, written `a[]=x` or `a[0]=x` (stripe-node's way), as `a[]` → [values].
 */
export function parseForm(text) {
  const out = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const array = /^(.*)\[(\d*)\]$/.exec(k);
    if (array) (out[`${array[1]}[]`] ??= []).push(v);
    else out[k] = v;
  }
  return out;
}

/**
 * @param {object} o
 * @param {string} o.name                    the PSP (for messages)
 * @param {(req: object) => string|null} o.idempotencyKey  the PSP's key of a request (null when none)
 * @param {(req: object, fake: object) => Promise<{status?: number, json: unknown}>} o.route
 * @param {(req: object) => void} o.authorize   throws when the credentials are wrong
 */
export async function startFake({ name, idempotencyKey, route, authorize }) {
  const requests = [];
  const violations = [];
  const byKey = new Map();
  /** Faults waiting for the next writing request (POST/PUT), first in first out. */
  const faults = [];
  const inFlight = new Set();
  let gate = null;
  const fake = {
    /**
     * The next writing request (POST/PUT) meets `fault`:
     * - `{ kind: 'unavailable' }`: 503 with no body before anything runs (a load balancer's answer: nothing created);
     * - `{ kind: 'rate_limited', json }`: 429 with the PSP's error body, nothing created;
     * - `{ kind: 'slow', ms }`: the request is carried out (the payment exists, its key recorded), the answer comes `ms` later;
     * - `{ kind: 'error_after', status, json }`: carried out, then answered with a 5xx from the PSP's API.
     */
    inject(fault) {
      faults.push(fault);
    },
    name,
    requests,
    violations,
    /** payments by id, kept by the PSP module */
    payments: new Map(),
    /** notifications delivered: {url, status, body} */
    deliveries: [],
    webhookUrl: null,
    baseUrl: '',
    async deliver(body, headers, url = fake.webhookUrl) {
      assert(url, `${name} fake: no webhook URL`);
      const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
      const text = await r.text();
      fake.deliveries.push({ url, status: r.status, body: text });
      return { status: r.status, body: text };
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
    /** Holds every answer (the work is done and remembered under its key) until the returned function is called. */
    hold() {
      let open;
      gate = new Promise((resolve) => (open = resolve));
      return () => {
        gate = null;
        open();
      };
    },
    /** The stored payment `id` with `patch` applied (what the PSP holds when it notifies). */
    patched(id, patch = {}) {
      const p = fake.payments.get(id);
      assert(p, `${name} fake: no payment ${id}`);
      return Object.assign(p, patch);
    },
    /** Payments whose creation time (`createdMs(p)`) is in [fromMs, toMs). */
    between(fromMs, toMs, createdMs) {
      return [...fake.payments.values()].filter((p) => createdMs(p) >= fromMs && createdMs(p) < toMs);
    },
    /** GET {pattern with the id}: the stored payment, or the PSP's 404 answer. */
    read(r, pattern, notFound) {
      const m = r.method === 'GET' && pattern.exec(r.path);
      if (!m) return undefined;
      const p = fake.payments.get(m[1]);
      return p ? { json: p } : { status: 404, json: notFound };
    },
  };
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://fake');
    const record = { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, raw };
    requests.push(record);
    let status;
    let json;
    const fault = req.method !== 'GET' && faults.length ? faults.shift() : undefined;
    if (fault?.kind === 'unavailable') {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      return res.end('');
    }
    if (fault?.kind === 'rate_limited') {
      res.writeHead(429, { 'Content-Type': 'application/json; charset=utf-8' });
      return res.end(JSON.stringify(fault.json ?? { error: { code: 'rate_limit', message: 'Too many requests' } }));
    }
    try {
      authorize(record);
      const key = idempotencyKey(record);
      if (key && byKey.has(key)) {
        const first = byKey.get(key);
        assert(first.raw === raw, `${name} fake: idempotency key reused with another body`);
        ({ status, json } = first.answer);
      } else if (key && inFlight.has(key)) {
        // The same key while its first request still runs: a conflict, as the PSPs answer it.
        status = 409;
        json = { error: { code: 'idempotency_key_in_use', message: 'another request with this key is in progress' } };
      } else {
        inFlight.add(key);
        try {
          const answer = await route(record, fake);
          status = answer.status ?? 200;
          json = answer.json;
          if (key && status < 500) byKey.set(key, { raw, answer: { status, json } });
        } finally {
          inFlight.delete(key);
        }
      }
      if (gate) await gate;
    } catch (e) {
      if (e instanceof FakeViolation) {
        violations.push(`${req.method} ${url.pathname}: ${e.message}`);
        status = e.status ?? 400;
        json = e.json ?? { error: { code: 'fake_violation', message: e.message } };
      } else {
        status = 500;
        json = { error: { code: 'fake_error', message: String(e) } };
      }
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'error_after') ({ status, json } = { status: fault.status ?? 500, json: fault.json ?? { error: { code: 'internal_server_error' } } });
    if (res.destroyed) return; // the client gave up (timeout)
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(json));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref(); // a fake never keeps a test run alive
  fake.baseUrl = `http://127.0.0.1:${server.address().port}`;
  return fake;
}

/** 23:59:59 JST `days` days after `now` (as a Date). */
export function jstEndOfDayDate(now, days) {
  const t = new Date(now.getTime() + 9 * 3600_000);
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + days, 23 - 9, 59, 59));
}

export const unauthorized = (json) => Object.assign(new FakeViolation('bad credentials'), { status: 401, json });
