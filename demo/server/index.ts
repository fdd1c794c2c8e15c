/**
 * The reference merchant backend, as a module: build the Hono app with
 * `createCheckoutApp({ db, psp, catalog })` and mount its `fetch` anywhere.
 */
export { createCheckoutApp, type CheckoutAppOptions } from './app.js';
export { createCatalog, DEMO_PRODUCTS, type Catalog, type CatalogItem } from './catalog.js';
export { IdempotencyStore, migrate, openDatabase, OrderStore, type Database, type Order, type OrderStatus } from './db.js';
export { jstDate, jstEndOfDay, toJstIso } from './jst.js';
export { WebhookNotConfiguredError, type CardResult, type PaymentRequest, type PendingResult, type PspAdapter, type PspEvent } from './psp.js';
export { SANDBOX_CARD_TOKENS, SANDBOX_SIGNATURE_HEADER, SandboxPsp, type SandboxPspOptions } from './sandbox-psp.js';
