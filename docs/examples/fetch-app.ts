// One fetch function for the runtimes that serve one: Deno, Bun, workers.
//   Deno:    Deno.serve(createFetchApp(deps));
//   Bun:     Bun.serve({ fetch: createFetchApp(deps) });
//   workers: export default { fetch: createFetchApp(deps) };
import { createCheckoutHandler, createWebhookHandler, type Catalog, type PspAdapter, type Store } from 'kessai/server';

export function createFetchApp(deps: { store: Store; psp: PspAdapter; catalog: Catalog }): (request: Request) => Promise<Response> {
  const checkout = createCheckoutHandler(deps);
  const webhook = createWebhookHandler({ store: deps.store, psp: deps.psp });
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/psp-webhook') return webhook(request);
    if (pathname === '/api/checkout' || pathname.startsWith('/api/checkout/')) return checkout(request);
    return new Response('Not found', { status: 404 });
  };
}
