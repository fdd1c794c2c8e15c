// Next.js (App Router): app/api/checkout/[[...orderId]]/route.ts. A route
// handler is a Fetch API handler, so the handler is exported as it is.
// Run it on the Node.js runtime (export const runtime = 'nodejs') with the
// SQLite or PostgreSQL store; see "Stores" for the edge runtime.
import { createCheckoutHandler, type Catalog, type PspAdapter, type Store } from 'kessai/server';

export function checkoutRoute(deps: { store: Store; psp: PspAdapter; catalog: Catalog }) {
  const handler = createCheckoutHandler(deps);
  return { GET: handler, POST: handler };
}
// In route.ts:  export const { GET, POST } = checkoutRoute({ store, psp, catalog });
