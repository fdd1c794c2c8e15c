/** docs/operations.md: its example file, run against the KOMOJU and Stripe fakes, and shown verbatim. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createCheckoutHandler, createMemoryStore, createWebhookHandler, sweepOrders } from 'kessai/server';
import { cancelUnpaid, refundLatePayments, refundReturnedItem, saveEvidence, twoPsps } from '../../docs/examples/operations.js';
import { createDemoCatalog } from '../../demo/server/catalog.js';
import { KomojuPsp } from '../../src/server/psp/komoju.js';
import { StripePsp } from '../../src/server/psp/stripe.js';
import { startKomojuFake } from '../fakes/komoju.js';
import { startStripeFake } from '../fakes/stripe.js';
import { freePort } from './helpers/instances.js';
import { cardBody, konbiniBody, shop } from './helpers/ops.js';

const secretKey = 'sk_test_komoju_docs_0123456789';
const webhookSecret = 'komoju-docs-webhook-0123456789';

describe('docs/examples/operations.ts', { timeout: 60_000 }, () => {
  it('refunds a returned item (once per return id), cancels an unpaid order, saves the evidence file', async () => {
    const fake = await startKomojuFake({ secretKey });
    try {
      const psp = new KomojuPsp({ secretKey, baseUrl: fake.baseUrl });
      const s = shop(psp);
      const { json } = await s.checkout(cardBody());
      assert.equal(await refundReturnedItem(s.store, psp, json.orderId!, 1080, 'R-1'), 1080);
      assert.equal(await refundReturnedItem(s.store, psp, json.orderId!, 1080, 'R-1'), 1080, 'the same return twice: refunded once');
      assert.equal(await refundReturnedItem(s.store, psp, json.orderId!, 2160, 'R-2'), 3240);
      assert.equal((await s.store.getOrder(json.orderId!))!.status, 'refunded');
      const unpaid = await s.checkout(konbiniBody());
      assert.equal(await cancelUnpaid(s.store, psp, unpaid.json.orderId!), 'canceled');
      assert.equal(await cancelUnpaid(s.store, psp, json.orderId!), 'paid already: refund it instead');
      const dir = mkdtempSync(join(tmpdir(), 'kessai-evidence-'));
      try {
        assert.equal(await saveEvidence(s.store, json.orderId!, join(dir, 'evidence.json')), true);
        const saved = JSON.parse(readFileSync(join(dir, 'evidence.json'), 'utf8')) as { order: { id: string }; refunds: unknown[]; audit: Array<{ kind: string }> };
        assert.equal(saved.order.id, json.orderId);
        assert.equal(saved.refunds.length, 2);
        assert.ok(saved.audit.some((e) => e.kind === 'refund.result'));
        assert.equal(await saveEvidence(s.store, 'ord_nobody', join(dir, 'none.json')), false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await fake.close();
    }
  });

  it('refundLatePayments: money after the deadline goes back by itself', async () => {
    const fake = await startKomojuFake({ secretKey, webhookSecret });
    try {
      const psp = new KomojuPsp({ secretKey, webhookSecret, baseUrl: fake.baseUrl });
      const store = createMemoryStore();
      const checkout = createCheckoutHandler({ store, psp, catalog: createDemoCatalog(), logger: false });
      const webhook = createWebhookHandler({ store, psp, logger: false, onEvent: refundLatePayments(store, psp) });
      const res = await checkout(new Request('http://shop.test/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(konbiniBody()) }));
      const order = (await store.getOrder(((await res.json()) as { orderId: string }).orderId))!;
      await sweepOrders({ store, now: () => new Date(Date.parse(order.expiresAt!) + 2000) });
      const body = JSON.stringify(fake.event('payment.captured', order.pspPaymentId!, { status: 'captured', captured_at: new Date().toISOString() }));
      await webhook(new Request('http://shop.test/api/psp-webhook', { method: 'POST', headers: fake.sign(body), body }));
      assert.equal((await store.getOrder(order.id))!.status, 'refunded');
    } finally {
      await fake.close();
    }
  });

  it('twoPsps: KOMOJU unreachable → Stripe, and the alert says so', async () => {
    const stripeFake = await startStripeFake({ secretKey: 'sk_test_stripe_docs_0123' });
    try {
      const alerts: string[] = [];
      const psp = twoPsps(
        new KomojuPsp({ secretKey, baseUrl: `http://127.0.0.1:${await freePort()}` }),
        new StripePsp({ secretKey: 'sk_test_stripe_docs_0123', baseUrl: stripeFake.baseUrl }),
        (t) => void alerts.push(t),
      );
      const s = shop(psp);
      const { json } = await s.checkout(konbiniBody());
      assert.equal((await s.store.getOrder(json.orderId!))!.psp, 'stripe');
      assert.deepEqual(alerts, [`${json.orderId}: komoju → stripe (not_created)`]);
    } finally {
      await stripeFake.close();
    }
  });

  it('docs/operations.md shows the example file verbatim', () => {
    const doc = readFileSync(join(process.cwd(), 'docs', 'operations.md'), 'utf8');
    const blocks = [...doc.matchAll(/<!-- (docs\/examples\/[\w-]+\.ts) -->\n```ts\n([\s\S]*?)\n```/g)];
    assert.ok(blocks.length >= 1);
    for (const [, file, code] of blocks) assert.equal(code, readFileSync(join(process.cwd(), file), 'utf8').trimEnd(), file);
  });
});
