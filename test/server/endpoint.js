// A scriptable merchant endpoint for the checkout tests, served by the test
// run's real HTTP server: /test-api/endpoint/<scenario>?s=<session>.
// Every request is recorded (key, raw body) and can be read back from
// /test-api/endpoint-log?s=<session>.

const logs = new Map();

const KONBINI = {
  status: 'pending',
  orderId: 'ord_123',
  instructions: {
    method: 'konbini',
    store: 'lawson',
    paymentCode: 'LW123456',
    confirmationNumber: '4321',
    expiresAt: '2026-11-28T23:59:59+09:00',
  },
};

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function json(ctx, status, body, headers = {}) {
  ctx.status = status;
  for (const [k, v] of Object.entries(headers)) ctx.set(k, v);
  ctx.set('Content-Type', 'application/json');
  ctx.body = JSON.stringify(body);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** ja or en, the one `Accept-Language` prefers (as kessai/server's localeFromAcceptLanguage; Japanese by default). */
function languageOf(ctx) {
  let best = 'ja';
  let bestQ = 0;
  for (const part of String(ctx.get('Accept-Language') ?? '').split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const lang = range.trim().split('-')[0];
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    if ((lang === 'ja' || lang === 'en') && q > bestQ) [best, bestQ] = [lang, q];
  }
  return best;
}

/** A message in the request's language. */
const say = (ctx, ja, en) => (languageOf(ctx) === 'en' ? en : ja);

/** Returns true when it handled the request. */
export async function handleEndpoint(ctx, route) {
  const session = ctx.query.s ?? 'default';
  if (route === 'endpoint-log') {
    json(ctx, 200, logs.get(session) ?? []);
    return true;
  }
  if (!route.startsWith('endpoint/')) return false;
  const scenario = route.slice('endpoint/'.length);
  const body = await readBody(ctx.req);
  const log = logs.get(session) ?? [];
  logs.set(session, log);
  log.push({ method: ctx.method, path: ctx.path, key: ctx.get('Idempotency-Key'), contentType: ctx.get('Content-Type'), language: ctx.get('Accept-Language'), body });
  const n = log.length;

  // The status route, GET {endpoint}/{orderId}: /test-api/endpoint/<scenario>/<orderId>.
  const read = /^([\w-]+)\/([^/]+)$/.exec(scenario);
  if (read && ctx.method === 'GET') {
    const [, kind] = read;
    if (kind === 'konbini') return json(ctx, 200, { ...KONBINI, amount: 3240, method: 'konbini', email: 't***@example.jp', emailSent: true }), true;
    if (kind === 'expired') return json(ctx, 200, { orderId: read[2], status: 'expired', amount: 3240, method: 'konbini' }), true;
    if (kind === 'card-paid') return json(ctx, 200, { orderId: read[2], status: 'paid', amount: 1980, method: 'card', cardBrand: 'visa', cardLast4: '1111', email: 't***@example.jp' }), true;
    if (kind === 'hostile-status')
      return json(ctx, 200, { orderId: read[2], status: 'paid', amount: 1980, method: 'card', cardBrand: '<img src=x onerror="window.__pwned=1">', cardLast4: '<b>', email: '<script>window.__pwned=1</script>' }), true;
    return json(ctx, 404, { error: { code: 'not_found' } }), true;
  }

  switch (scenario) {
    case 'ok':
      return json(ctx, 200, { status: 'succeeded', orderId: 'ord_ok' }), true;
    case 'card-paid':
      return json(ctx, 200, { status: 'succeeded', orderId: 'ord_card_paid', emailSent: true }), true;
    case 'konbini':
      return json(ctx, 200, KONBINI), true;
    case 'slow-ok':
      // Long enough for a slow WebDriver to finish its keystrokes while the request is in flight.
      await sleep(1200); // well below the client's 15 s timeout
      return json(ctx, 200, { status: 'succeeded', orderId: 'ord_slow' }), true;
    case 'drop-once':
      if (n === 1) {
        ctx.req.socket.destroy();
        ctx.respond = false;
        return true;
      }
      return json(ctx, 200, { status: 'succeeded', orderId: 'ord_after_drop' }), true;
    case 'drop-always':
      ctx.req.socket.destroy();
      ctx.respond = false;
      return true;
    case 'conflict-once':
      if (n === 1) return json(ctx, 409, { error: { code: 'idempotency_in_progress' } }, { 'Retry-After': '0' }), true;
      return json(ctx, 200, { status: 'succeeded', orderId: 'ord_after_409' }), true;
    case 'field-error':
      return json(ctx, 422, { error: { code: 'invalid_phone', message: say(ctx, 'この電話番号ではご注文いただけません。', 'Orders cannot be placed with this phone number.'), field: 'customer.phone' } }), true;
    case 'declined':
      return json(ctx, 402, { error: { code: 'card_declined', message: say(ctx, 'カードが承認されませんでした。', 'The card was not approved.') } }), true;
    case 'server-error':
      return json(ctx, 500, { error: { code: 'internal' } }), true;
    case 'server-error-once':
      if (n === 1) return json(ctx, 500, { error: { code: 'internal' } }), true;
      return json(ctx, 200, { status: 'succeeded', orderId: 'ord_after_500' }), true;
    case 'bad-gateway-html':
      ctx.status = 502;
      ctx.set('Content-Type', 'text/html');
      ctx.body = '<html><body><h1>502 Bad Gateway</h1><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script></body></html>';
      return true;
    case 'malformed-json':
      ctx.status = 200;
      ctx.set('Content-Type', 'application/json');
      ctx.body = '{"status": "succeeded", ';
      return true;
    case 'empty-204':
      ctx.status = 204;
      return true;
    case 'stalled-body':
      // Answers 200 with JSON headers and half a body, then nothing: the client's deadline must cover
      // the body as well. Dropped when the client gives up, or after 100 s, as for 'timeout'.
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'application/json' });
      ctx.res.write('{"status": "succeeded", ');
      await new Promise((resolve) => {
        const cap = setTimeout(resolve, 100_000);
        ctx.res.once('close', () => (clearTimeout(cap), resolve()));
      });
      ctx.req.socket.destroy();
      return true;
    case 'timeout':
      // Never answers: only the client's own timeout (1 s in the test) can end the wait. The hold
      // ends when the client gives up (its connection closes) or after 100 s, by dropping the
      // connection: never with an answer that a late client could take for the order's outcome,
      // and no connection left held for WebKit's per-host pool while later tests run.
      await new Promise((resolve) => {
        const cap = setTimeout(resolve, 100_000);
        ctx.res.once('close', () => (clearTimeout(cap), resolve()));
      });
      ctx.req.socket.destroy();
      ctx.respond = false;
      return true;
    case 'refused-with-reference':
      return json(ctx, 422, { error: { code: 'unknown_reference', message: say(ctx, 'ご注文の商品が見つかりません。', 'The item ordered was not found.'), reference: '7KQ2M9XD' } }), true;
    case 'hostile-reference':
      return json(ctx, 500, { error: { code: 'internal_error', reference: '<img src=x onerror="window.__pwned=1">' } }), true;
    case 'hostile-message':
      return json(ctx, 400, { error: { code: 'bad', message: '<img src=x onerror="window.__pwned=1">\u202Eevil\u0000 ' + 'x'.repeat(10_000) } }), true;
    case 'redirect-https':
      return json(ctx, 200, { status: 'requires_action', redirectUrl: 'https://3ds.example.test/challenge?id=1' }), true;
    case 'redirect-javascript':
      return json(ctx, 200, { status: 'requires_action', redirectUrl: 'javascript:window.__pwned=1' }), true;
    default:
      ctx.status = 404;
      ctx.body = 'unknown scenario';
      return true;
  }
}
