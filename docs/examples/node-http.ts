// Node's http module: the handlers through kessai/server/node's adapter.
import { createServer, type Server } from 'node:http';
import { createCheckoutHandler, createWebhookHandler, type Catalog, type OrderEventHandler, type PspAdapter, type Store } from 'kessai/server';
import { toNodeHandler } from 'kessai/server/node';

export function createShopServer(deps: { store: Store; psp: PspAdapter; catalog: Catalog; onEvent?: OrderEventHandler }): Server {
  const checkout = toNodeHandler(createCheckoutHandler({ store: deps.store, psp: deps.psp, catalog: deps.catalog, endpoint: '/api/checkout' }));
  const webhook = toNodeHandler(createWebhookHandler({ store: deps.store, psp: deps.psp, onEvent: deps.onEvent }));
  return createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/api/psp-webhook') return webhook(req, res);
    if (pathname === '/api/checkout' || pathname.startsWith('/api/checkout/')) return checkout(req, res);
    res.writeHead(404).end();
  });
}
