// Express 5: mount the adapted handlers; no express.json() in front of them
// (the handler reads and fingerprints the raw body itself).
import express from 'express';
import { createCheckoutHandler, createWebhookHandler, type Catalog, type OrderEventHandler, type PspAdapter, type Store } from 'kessai/server';
import { toNodeHandler } from 'kessai/server/node';

export function createShopApp(deps: { store: Store; psp: PspAdapter; catalog: Catalog; onEvent?: OrderEventHandler }): express.Express {
  const app = express();
  app.use('/api/checkout', toNodeHandler(createCheckoutHandler({ store: deps.store, psp: deps.psp, catalog: deps.catalog })));
  app.post('/api/psp-webhook', toNodeHandler(createWebhookHandler({ store: deps.store, psp: deps.psp, onEvent: deps.onEvent })));
  return app;
}
