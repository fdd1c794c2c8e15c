/**
 * Storybook only: a stand-in for the merchant endpoint so the checkout's
 * states can be shown without a server. Requests to /story-endpoint/<name>
 * get the scripted answer; every other request goes to the network as usual.
 */
/** Each answer gets the request's language (`Accept-Language`), as kessai/server answers in it. */
const ANSWERS: Record<string, (lang: 'ja' | 'en') => Promise<Response>> = {
  konbini: async () =>
    json(200, {
      status: 'pending',
      orderId: 'ord_story_1',
      instructions: { method: 'konbini', store: 'lawson', paymentCode: '12345678901', confirmationNumber: '123456', expiresAt: '2026-12-04T23:59:59+09:00' },
    }),
  'pay-easy': async () =>
    json(200, {
      status: 'pending',
      orderId: 'ord_story_2',
      instructions: { method: 'pay-easy', institutionNumber: '58091', customerNumber: '1234567890123456', confirmationNumber: '123456', expiresAt: '2026-12-04T23:59:59+09:00' },
    }),
  succeeded: async () => json(200, { status: 'succeeded', orderId: 'ord_story_3' }),
  'server-error': async () => json(500, { error: { code: 'internal' } }),
  declined: async () => json(402, { error: { code: 'card_declined' } }),
  'field-error': async (lang) =>
    json(422, {
      error: { code: 'invalid_phone', message: lang === 'en' ? 'Orders cannot be placed with this phone number.' : 'この電話番号ではご注文いただけません。', field: 'customer.phone' },
    }),
  // A wallet order still waiting (the status route of /story-endpoint/wallet/<orderId>).
  wallet: async () => json(200, { orderId: 'ord_story_4', status: 'requires_action', amount: 5000, currency: 'JPY', method: 'paypay' }),
  // Never answers: the "submitting" state.
  pending: () => new Promise<Response>(() => undefined),
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let installed = false;
export function installMockEndpoint(): void {
  if (installed) return;
  installed = true;
  const real = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
    const m = /^\/story-endpoint\/([\w-]+)(?:\/[\w-]+)?$/.exec(url.pathname);
    if (!m || !ANSWERS[m[1]]) return real(input, init);
    const language = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('Accept-Language') ?? '';
    return ANSWERS[m[1]](/^en\b/i.test(language) ? 'en' : 'ja');
  };
}
