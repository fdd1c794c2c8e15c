import { expect } from '@open-wc/testing';
import { newSession, requestsOf } from './helpers/endpoint-log.js';
import { endpointProblem, isHttpsUrl, newIdempotencyKey, submitCheckout } from '../src/core/endpoint.js';

const session = newSession;
const log = requestsOf;
const body = JSON.stringify({ amount: 1000, currency: 'JPY', method: 'konbini' });
const fast = { baseDelayMs: 1, timeoutMs: 2_000 };

describe('endpoint client against a real local server', () => {
  it('makes UUID v4 keys, distinct each time', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    expect(keys.size).to.equal(100);
    for (const k of keys) expect(k).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('posts JSON with the Idempotency-Key header, and the shopper\'s language when given', async () => {
    const s = session();
    const r = await submitCheckout({ endpoint: `/test-api/endpoint/ok?s=${s}`, body, idempotencyKey: 'k-1', language: 'en', ...fast });
    expect(r).to.deep.equal({ kind: 'success', response: { status: 'succeeded', orderId: 'ord_ok' } });
    const [req] = await log(s);
    expect(req).to.deep.include({ method: 'POST', key: 'k-1', contentType: 'application/json', language: 'en', body });
  });

  it('retries a dropped connection with the same key and byte-identical body', async () => {
    const s = session();
    const r = await submitCheckout({ endpoint: `/test-api/endpoint/drop-once?s=${s}`, body, idempotencyKey: 'k-2', ...fast });
    expect(r.kind).to.equal('success');
    const reqs = await log(s);
    expect(reqs).to.have.length(2);
    expect(reqs[1].key).to.equal(reqs[0].key);
    expect(reqs[1].body).to.equal(reqs[0].body);
  });

  it('reports an unknown outcome (not a failure) when the connection keeps dropping', async () => {
    const s = session();
    const retries: string[] = [];
    const r = await submitCheckout({
      endpoint: `/test-api/endpoint/drop-always?s=${s}`,
      body,
      idempotencyKey: 'k-3',
      ...fast,
      maxAttempts: 3,
      onRetry: (_n, why) => retries.push(why),
    });
    expect(r).to.deep.equal({ kind: 'unknown', reason: 'network' });
    expect(retries).to.deep.equal(['network', 'network']);
    // Browsers may resend on a reset socket themselves: every copy has the same key and bytes.
    const reqs = await log(s);
    expect(reqs.length).to.be.at.least(3);
    expect(new Set(reqs.map((x) => x.key + x.body)).size).to.equal(1);
  });

  it('waits after 409 and retries with the same key', async () => {
    const s = session();
    const r = await submitCheckout({ endpoint: `/test-api/endpoint/conflict-once?s=${s}`, body, idempotencyKey: 'k-4', ...fast });
    expect(r.kind).to.equal('success');
    const reqs = await log(s);
    expect(reqs.map((x) => x.key)).to.deep.equal(['k-4', 'k-4']);
  });

  it('retries 5xx with the same key, then succeeds', async () => {
    const s = session();
    const r = await submitCheckout({ endpoint: `/test-api/endpoint/server-error-once?s=${s}`, body, idempotencyKey: 'k-5', ...fast });
    expect(r.kind).to.equal('success');
    expect((await log(s)).map((x) => x.key)).to.deep.equal(['k-5', 'k-5']);
  });

  it('returns a retryable error after repeated 5xx', async () => {
    const s = session();
    const r = await submitCheckout({ endpoint: `/test-api/endpoint/server-error?s=${s}`, body, idempotencyKey: 'k-6', ...fast, maxAttempts: 2 });
    expect(r).to.deep.include({ kind: 'error', status: 500, code: 'internal', retryable: true });
  });

  it('does not retry a 4xx and passes its code, message and field', async () => {
    const s = session();
    const r = await submitCheckout({ endpoint: `/test-api/endpoint/field-error?s=${s}`, body, idempotencyKey: 'k-7', language: 'ja', ...fast });
    expect(r).to.deep.equal({ kind: 'error', status: 422, code: 'invalid_phone', message: 'この電話番号ではご注文いただけません。', field: 'customer.phone', retryable: false });
    expect(await log(s)).to.have.length(1);
  });

  it('never passes an HTML error page on', async () => {
    const s = session();
    const r = await submitCheckout({ endpoint: `/test-api/endpoint/bad-gateway-html?s=${s}`, body, idempotencyKey: 'k-8', ...fast, maxAttempts: 1 });
    expect(r).to.deep.equal({ kind: 'error', status: 502, code: 'http_502', message: undefined, field: undefined, retryable: true });
  });

  it('treats malformed JSON, an empty 204, a timeout and a body that stops half-way as an unknown outcome', async () => {
    for (const [scenario, reason] of [
      ['malformed-json', 'bad_response'],
      ['empty-204', 'bad_response'],
      ['timeout', 'timeout'],
      ['stalled-body', 'timeout'],
    ]) {
      const s = session();
      const r = await submitCheckout({ endpoint: `/test-api/endpoint/${scenario}?s=${s}`, body, idempotencyKey: 'k-9', baseDelayMs: 1, timeoutMs: 300, maxAttempts: 2 });
      expect(r, scenario).to.deep.equal({ kind: 'unknown', reason });
    }
  });

  it('cleans a hostile server message: no controls, bounded length', async () => {
    const s = session();
    const r = await submitCheckout({ endpoint: `/test-api/endpoint/hostile-message?s=${s}`, body, idempotencyKey: 'k-10', ...fast });
    expect(r.kind).to.equal('error');
    const msg = (r as { message: string }).message;
    expect(msg.includes('\u0000') || msg.includes('\u202E')).to.equal(false);
    expect(msg.length).to.be.at.most(301);
  });

  const endpoints: Array<[string, string | null]> = [
    ['/api/checkout', null],
    ['api/checkout', null],
    ['https://pay.example.jp/checkout', null],
    ['http://localhost:1/x', 'unsafe'],
    ['javascript:alert(1)', 'unsafe'],
    ['data:text/html,hi', 'unsafe'],
    ['https://user:pass@example.jp/', 'unsafe'],
    ['', 'missing'],
    ['http://[::1', 'invalid'],
  ];
  for (const [ep, problem] of endpoints) {
    it(`endpoint ${JSON.stringify(ep)} → ${problem ?? 'allowed'}`, () => {
      expect(endpointProblem(ep, 'http://shop.example.jp/cart')).to.equal(problem);
    });
  }
  it('same-origin http is allowed (a shop on plain http in development)', () => {
    expect(endpointProblem('http://shop.example.jp/api', 'http://shop.example.jp/cart')).to.equal(null);
  });
  it('isHttpsUrl only accepts absolute https', () => {
    expect(isHttpsUrl('https://x.jp/a')).to.equal(true);
    for (const u of ['http://x.jp', 'javascript:alert(1)', '//x.jp', '/a', 42, null]) expect(isHttpsUrl(u)).to.equal(false);
  });
});
