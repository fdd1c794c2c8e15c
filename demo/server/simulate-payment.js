// Plays the sandbox PSP telling the shop that a shopper paid at the konbini:
//   KESSAI_SANDBOX_WEBHOOK_SECRET=s3cret npm start                  (one terminal)
//   KESSAI_SANDBOX_WEBHOOK_SECRET=s3cret node demo/server/simulate-payment.js ord_… [event id]
// It reads the order's PSP payment id from the store npm start uses
// (DATABASE_URL, else the SQLite file KESSAI_DB), signs a `payment.succeeded`
// notification with the secret and POSTs it to
// http://127.0.0.1:$PORT/api/psp-webhook. Send the same event id twice to see a
// duplicate notification change nothing.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCheckoutServer } from './load.js';

const [orderId, eventId] = process.argv.slice(2);
const secret = process.env.KESSAI_SANDBOX_WEBHOOK_SECRET;
if (!orderId || !secret) {
  console.error('usage: KESSAI_SANDBOX_WEBHOOK_SECRET=… node demo/server/simulate-payment.js ord_… [evt_…]');
  process.exit(2);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const m = await loadCheckoutServer();
const store = process.env.DATABASE_URL
  ? await m.createPostgresStore({ connectionString: process.env.DATABASE_URL })
  : m.createSqliteStore({ path: process.env.KESSAI_DB || join(root, 'demo', 'data', 'orders.sqlite') });
const order = await store.getOrder(orderId);
await store.close();
if (!order?.pspPaymentId) {
  console.error(`no order ${orderId} with a payment`);
  process.exit(1);
}
const psp = new m.SandboxPsp({ webhookSecret: secret });
const { body, headers } = await psp.signedWebhook({ id: eventId, type: 'payment.succeeded', pspPaymentId: order.pspPaymentId, amount: order.amount });
const port = Number(process.env.PORT) || 8080;
const r = await fetch(`http://127.0.0.1:${port}/api/psp-webhook`, { method: 'POST', headers, body });
console.log(r.status, await r.text());
