// Hono: it already speaks Request/Response; pass c.req.raw.
import { Hono } from 'hono';
import { createCheckoutHandler, createWebhookHandler, type Catalog, type PspAdapter, type Store } from 'kessai/server';

export function createShopApp(deps: { store: Store; psp: PspAdapter; catalog: Catalog }): Hono {
  const checkout = createCheckoutHandler(deps);
  const webhook = createWebhookHandler({ store: deps.store, psp: deps.psp });
  const app = new Hono();
  app.all('/api/checkout', (c) => checkout(c.req.raw));
  app.all('/api/checkout/:orderId', (c) => checkout(c.req.raw));
  app.post('/api/psp-webhook', (c) => webhook(c.req.raw));
  return app;
}
