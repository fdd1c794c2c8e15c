/**
 * ONE conformance suite for every Store: memory, SQLite (a file) and a real
 * PostgreSQL server (started by the test run). A store that passes it can
 * back createCheckoutHandler / createWebhookHandler / sweepOrders.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMemoryStore, type BeginKeyInput, type Store } from 'kessai/server';
import { createSqliteStore } from 'kessai/server/sqlite';
import { createPostgresStore } from 'kessai/server/postgres';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { testDatabase } from './helpers/postgres.js';

/** The tables schema version 2 added. */
const VERSION_2_TABLES = ['kessai_refunds', 'kessai_audit'];
const VERSION_2_COLUMNS = 'DROP INDEX kessai_orders_created; ALTER TABLE kessai_orders DROP COLUMN refunded_amount;';
import { body, jst, newOrder, newOrderId, placeOrder, T0, uuid } from './helpers/orders.js';

interface Backend {
  /** A fresh store (a second call on the same backend opens another instance on the same data, where the kind allows it). */
  open(): Promise<Store>;
  cleanup(): Promise<void>;
  /** Turns the data back into a schema-version-1 database (as a demo database made before refunds and the audit trail). */
  toVersion1?(): Promise<void>;
}

const REFUND_AT = jst(T0 + 60_000);
const refund = (store: Store, orderId: string, key: string, amount?: number) =>
  store.beginRefund({ orderId, key, amount, id: `rf_${key}_${Math.random().toString(36).slice(2, 10)}`, at: REFUND_AT });
const audit = (kind: string, orderId: string | null, requestId = 'req_conformance_0001') => ({
  kind, at: new Date(T0).toISOString(), atJst: jst(T0), requestId, idempotencyKey: null, orderId, psp: 'test', details: { n: 1, nested: { ok: true } },
});

const SCOPE = 'POST /api/checkout';
const begin = (store: Store, key: string, over: Partial<BeginKeyInput> = {}) =>
  store.beginKey({ scope: SCOPE, key, fingerprint: 'f', now: T0, ttlMs: 86_400_000, lockTimeoutMs: 60_000, newOrderId: newOrderId(), ...over });

/** `shared`: the data outlives one store object (a file, a server), so two instances can open it. */
function conformance(name: string, shared: boolean, makeBackend: () => Promise<Backend>) {
  describe(`Store conformance: ${name}`, { timeout: 120_000 }, () => {
    let backend: Backend;
    let store: Store;
    before(async () => {
      backend = await makeBackend();
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
      await backend?.cleanup();
    });

    it('locks a new key; the same key is in flight, another body is a mismatch', async () => {
      const key = uuid();
      const first = await begin(store, key);
      assert.equal(first.kind, 'new');
      assert.equal(first.kind === 'new' && first.lease.version, 1);
      assert.equal((await begin(store, key)).kind, 'in_flight');
      assert.equal((await begin(store, key, { fingerprint: 'other' })).kind, 'mismatch');
    });

    it('stores the response with the settled order in one step and replays it byte for byte', async () => {
      const { orderId, key, pspPaymentId } = await placeOrder(store);
      const again = await begin(store, key);
      assert.equal(again.kind, 'replay');
      if (again.kind === 'replay') {
        assert.deepEqual([...again.response.body], [...body(`{"orderId":"${orderId}"}`)]);
        assert.equal(again.response.status, 200);
        assert.equal(again.orderId, orderId);
      }
      const order = await store.getOrder(orderId);
      assert.equal(order?.status, 'pending');
      assert.equal(order?.pspPaymentId, pspPaymentId);
      assert.equal(order?.expiresAt, '2026-11-29T23:59:59+09:00');
      assert.equal(order?.customer.familyName, '山田');
      assert.equal((await store.findOrderByPspPaymentId(pspPaymentId))?.id, orderId);
    });

    it('fences a take-over: the old lease can write nothing, the order id stays, the new lease completes', async () => {
      const key = uuid();
      const a = await begin(store, key);
      assert.equal(a.kind, 'new');
      if (a.kind !== 'new') return;
      assert.equal(await store.createOrder(a.lease, newOrder(a.lease.orderId, key, T0)), true);
      // Still locked before the timeout, taken over after it.
      assert.equal((await begin(store, key, { now: T0 + 59_999 })).kind, 'in_flight');
      const b = await begin(store, key, { now: T0 + 60_000, newOrderId: 'ord_other' });
      assert.equal(b.kind, 'new');
      if (b.kind !== 'new') return;
      assert.equal(b.lease.version, 2);
      assert.equal(b.lease.takeover, true);
      assert.equal(b.lease.orderId, a.lease.orderId, 'same order id (and so the same PSP idempotency key)');
      // The late writer: every write refused.
      const settle = { status: 'pending' as const, pspPaymentId: `pay_${key}`, at: jst(T0) };
      assert.equal(await store.completeKey(a.lease, { status: 200, contentType: 'application/json', body: body('{"late":true}') }, settle), false);
      assert.equal(await store.createOrder(a.lease, newOrder(a.lease.orderId, key, T0)), false);
      assert.equal(await store.releaseKey(a.lease), false);
      assert.equal((await store.getOrder(a.lease.orderId))?.status, 'processing');
      // The taker.
      assert.equal(await store.createOrder(b.lease, newOrder(b.lease.orderId, key, T0 + 60_000)), true);
      assert.equal(await store.completeKey(b.lease, { status: 200, contentType: 'application/json', body: body('{"taker":true}') }, settle), true);
      const rec = await store.readKey(SCOPE, key);
      assert.equal(rec?.state, 'completed');
      assert.equal(new TextDecoder().decode(rec!.response!.body), '{"taker":true}');
      assert.equal((await store.getOrder(b.lease.orderId))?.status, 'pending');
      // Once completed the old lease still cannot write.
      assert.equal(await store.completeKey(a.lease, { status: 200, contentType: 'application/json', body: body('{}') }), false);
    });

    it('releases a key (nothing happened): the key and its processing order are gone, the key is new again', async () => {
      const key = uuid();
      const a = await begin(store, key);
      if (a.kind !== 'new') return assert.fail(a.kind);
      await store.createOrder(a.lease, newOrder(a.lease.orderId, key, T0));
      assert.equal(await store.releaseKey(a.lease), true);
      assert.equal(await store.getOrder(a.lease.orderId), undefined);
      assert.equal(await store.readKey(SCOPE, key), undefined);
      assert.equal((await begin(store, key)).kind, 'new');
    });

    it('frees a key after its TTL, and purges expired records', async () => {
      const { key } = await placeOrder(store, { at: T0 });
      const later = await begin(store, key, { now: T0 + 86_400_000, fingerprint: 'other body is fine now' });
      assert.equal(later.kind, 'new');
      if (later.kind === 'new') assert.equal(later.lease.version, 2);
      const purged = await store.purgeExpiredKeys(T0 + 10 * 86_400_000);
      assert.ok(purged >= 1);
    });

    it('a lease from before a purge cannot write on the record made anew (the order id is part of the lease)', async () => {
      const key = uuid();
      const old = await begin(store, key, { now: T0 });
      if (old.kind !== 'new') return assert.fail(old.kind);
      await store.purgeExpiredKeys(T0 + 86_400_000);
      const fresh = await begin(store, key, { now: T0 + 86_400_000 });
      if (fresh.kind !== 'new') return assert.fail(fresh.kind);
      assert.equal(fresh.lease.version, 1);
      assert.notEqual(fresh.lease.orderId, old.lease.orderId);
      assert.equal(await store.completeKey(old.lease, { status: 200, contentType: 'application/json', body: body('{"old":true}') }), false);
      assert.equal(await store.createOrder(old.lease, newOrder(old.lease.orderId, key, T0)), false);
      assert.equal((await store.readKey(SCOPE, key))?.state, 'processing');
    });

    it('gives exactly one lease to 50 concurrent requests of one key', async () => {
      const key = uuid();
      const results = await Promise.all(Array.from({ length: 50 }, () => begin(store, key)));
      assert.equal(results.filter((r) => r.kind === 'new').length, 1);
      assert.equal(results.filter((r) => r.kind === 'in_flight').length, 49);
    });

    it('applies a notification once, through the transition table', async () => {
      const { orderId, pspPaymentId } = await placeOrder(store);
      const r = await store.applyNotification({ id: `evt_${orderId}`, type: 'payment.succeeded', pspPaymentId, amount: 3240 }, jst(T0 + 1000));
      assert.equal(r.outcome, 'applied');
      assert.equal(r.order?.status, 'paid');
      assert.equal(r.previousStatus, 'pending');
      assert.equal(r.report, 'order.paid');
      assert.equal(r.order?.paidAt, jst(T0 + 1000));
      const dup = await store.applyNotification({ id: `evt_${orderId}`, type: 'payment.succeeded', pspPaymentId, amount: 3240 }, jst(T0 + 2000));
      assert.equal(dup.outcome, 'duplicate');
      const again = await store.applyNotification({ id: `evt2_${orderId}`, type: 'payment.expired', pspPaymentId }, jst(T0 + 3000));
      assert.equal(again.outcome, 'ignored', 'paid never moves back');
      assert.equal((await store.getOrder(orderId))?.status, 'paid');
    });

    it('keeps money that arrives after expiry (paid_after_expiry) and after a failure (paid)', async () => {
      const a = await placeOrder(store);
      await store.applyNotification({ id: `exp_${a.orderId}`, type: 'payment.expired', pspPaymentId: a.pspPaymentId }, jst(T0));
      const late = await store.applyNotification({ id: `ok_${a.orderId}`, type: 'payment.succeeded', pspPaymentId: a.pspPaymentId, amount: 3240 }, jst(T0));
      assert.equal(late.outcome, 'applied');
      assert.equal(late.order?.status, 'paid_after_expiry');
      assert.equal(late.report, 'order.paid_after_expiry');

      const b = await placeOrder(store, { status: 'requires_action', method: 'card' });
      await store.applyNotification({ id: `fail_${b.orderId}`, type: 'payment.failed', pspPaymentId: b.pspPaymentId }, jst(T0));
      assert.equal((await store.getOrder(b.orderId))?.status, 'failed');
      const ok = await store.applyNotification({ id: `ok_${b.orderId}`, type: 'payment.succeeded', pspPaymentId: b.pspPaymentId, amount: 3240 }, jst(T0));
      assert.equal(ok.order?.status, 'paid');
    });

    it('cancellations and full refunds: recorded through the table; a paid order is never moved back silently', async () => {
      const a = await placeOrder(store);
      const canceled = await store.applyNotification({ id: `cancel_${a.orderId}`, type: 'payment.canceled', pspPaymentId: a.pspPaymentId }, jst(T0));
      assert.deepEqual([canceled.outcome, canceled.order?.status, canceled.report], ['applied', 'canceled', 'order.canceled']);
      const money = await store.applyNotification({ id: `late_${a.orderId}`, type: 'payment.succeeded', pspPaymentId: a.pspPaymentId, amount: 3240 }, jst(T0));
      assert.deepEqual([money.order?.status, money.report], ['paid_after_expiry', 'order.paid_after_expiry'], 'money after a cancellation is kept');

      const b = await placeOrder(store);
      await store.applyNotification({ id: `paid_${b.orderId}`, type: 'payment.succeeded', pspPaymentId: b.pspPaymentId, amount: 3240 }, jst(T0));
      const lateCancel = await store.applyNotification({ id: `cancel_${b.orderId}`, type: 'payment.canceled', pspPaymentId: b.pspPaymentId }, jst(T0));
      assert.deepEqual([lateCancel.outcome, lateCancel.order?.status, lateCancel.report], ['ignored', 'paid', 'notification.ignored']);
      const refunded = await store.applyNotification({ id: `refund_${b.orderId}`, type: 'payment.refunded', pspPaymentId: b.pspPaymentId }, jst(T0 + 5000));
      assert.deepEqual([refunded.outcome, refunded.order?.status, refunded.report], ['applied', 'refunded', 'order.refunded']);
      assert.ok(refunded.order?.paidAt, 'the refund keeps the time the money came in');
      const again = await store.applyNotification({ id: `paid2_${b.orderId}`, type: 'payment.succeeded', pspPaymentId: b.pspPaymentId, amount: 3240 }, jst(T0));
      assert.deepEqual([again.outcome, again.order?.status], ['ignored', 'refunded'], 'refunded is final');
    });

    it('records unknown types, unknown payments and amount mismatches without changing anything', async () => {
      const { orderId, pspPaymentId } = await placeOrder(store);
      const unknown = await store.applyNotification({ id: `dispute_${orderId}`, type: 'charge.dispute.created', pspPaymentId }, jst(T0));
      assert.equal(unknown.outcome, 'unknown_type');
      assert.equal(unknown.report, 'notification.unknown_type');
      const nobody = await store.applyNotification({ id: `x_${orderId}`, type: 'payment.succeeded', pspPaymentId: 'pay_nobody' }, jst(T0));
      assert.equal(nobody.outcome, 'unknown_payment');
      const short = await store.applyNotification({ id: `short_${orderId}`, type: 'payment.succeeded', pspPaymentId, amount: 324 }, jst(T0));
      assert.equal(short.outcome, 'amount_mismatch');
      assert.equal((await store.getOrder(orderId))?.status, 'pending');
      const log = await store.listNotifications(1000);
      assert.deepEqual(
        log.filter((n) => n.id.endsWith(orderId) || n.id === `x_${orderId}`).map((n) => n.outcome).sort(),
        ['amount_mismatch', 'unknown_payment', 'unknown_type'],
      );
      assert.equal(log.find((n) => n.id === `dispute_${orderId}`)?.type, 'charge.dispute.created');
    });

    it('expires unpaid orders at their deadline, not before; card orders are not touched', async () => {
      const due = await placeOrder(store, { deadline: '2026-11-27T23:59:59+09:00' });
      const notDue = await placeOrder(store, { deadline: '2026-11-28T23:59:59+09:00' });
      const card = await placeOrder(store, { status: 'succeeded', method: 'card' });
      const deadline = Date.parse('2026-11-27T23:59:59+09:00');
      // 23:59:59 is still payable, through the end of that second.
      const before = await store.expireOverdue(deadline + 999, jst(deadline));
      assert.ok(!before.some((s) => s.order.id === due.orderId));
      const swept = await store.expireOverdue(deadline + 1000, jst(deadline + 1000));
      const mine = swept.find((s) => s.order.id === due.orderId);
      assert.equal(mine?.order.status, 'expired');
      assert.equal(mine?.previousStatus, 'pending');
      assert.equal((await store.getOrder(notDue.orderId))?.status, 'pending');
      assert.equal((await store.getOrder(card.orderId))?.status, 'succeeded');
      assert.equal((await store.expireOverdue(deadline + 5000, jst(deadline + 5000))).some((s) => s.order.id === due.orderId), false, 'once');
    });

    it('abandons processing orders left by a dead request; a retry of the key resumes them', async () => {
      const key = uuid();
      const a = await begin(store, key, { now: T0 });
      if (a.kind !== 'new') return assert.fail(a.kind);
      await store.createOrder(a.lease, newOrder(a.lease.orderId, key, T0));
      assert.equal((await store.abandonStale(T0 + 1000, 600_000, jst(T0 + 1000))).some((s) => s.order.id === a.lease.orderId), false);
      const swept = await store.abandonStale(T0 + 600_000, 600_000, jst(T0 + 600_000));
      assert.equal(swept.find((s) => s.order.id === a.lease.orderId)?.order.status, 'abandoned');
      const b = await begin(store, key, { now: T0 + 600_000 });
      if (b.kind !== 'new') return assert.fail(b.kind);
      assert.equal(await store.createOrder(b.lease, newOrder(b.lease.orderId, key, T0 + 600_000)), true);
      assert.equal(
        await store.completeKey(b.lease, { status: 200, contentType: 'application/json', body: body('{}') }, { status: 'pending', pspPaymentId: `pay_${key}`, at: jst(T0) }),
        true,
      );
      assert.equal((await store.getOrder(a.lease.orderId))?.status, 'pending');
    });

    it('lists orders newest first and counts them', async () => {
      const a = await placeOrder(store);
      const b = await placeOrder(store);
      const list = await store.listOrders(2);
      assert.deepEqual(list.map((o) => o.id), [b.orderId, a.orderId]);
      assert.ok((await store.countOrders()) >= 2);
    });

    it('refunds: partial then the rest; the order becomes refunded only at the full amount', async () => {
      const { orderId } = await placeOrder(store, { status: 'succeeded', method: 'card' });
      const a = await refund(store, orderId, 'first', 1000);
      assert.equal(a.kind, 'new');
      if (a.kind !== 'new') return;
      assert.deepEqual([a.refund.amount, a.refund.status, a.refund.psp], [1000, 'pending', 'test']);
      const done = await store.finishRefund(a.refund.id, { status: 'succeeded', pspRefundId: 're_1' }, REFUND_AT);
      assert.deepEqual([done.refund.status, done.refund.pspRefundId, done.order.status, done.previousStatus], ['succeeded', 're_1', 'succeeded', undefined]);
      assert.equal((await store.getOrder(orderId))!.refundedAmount, 1000, 'recorded on the order');
      const rest = await refund(store, orderId, 'rest');
      if (rest.kind !== 'new') return assert.fail(rest.kind);
      assert.equal(rest.refund.amount, 2240, 'no amount: all that is left');
      const full = await store.finishRefund(rest.refund.id, { status: 'succeeded', pspRefundId: 're_2' }, REFUND_AT);
      assert.deepEqual([full.order.status, full.previousStatus, full.order.refundedAmount], ['refunded', 'succeeded', 3240]);
      assert.deepEqual((await store.listRefunds(orderId)).map((r) => [r.key, r.amount, r.status]), [['first', 1000, 'succeeded'], ['rest', 2240, 'succeeded']]);
    });

    it('refunds: a retried key returns the first refund; another amount under it, too much, or an unpaid order is refused', async () => {
      const { orderId } = await placeOrder(store, { status: 'succeeded', method: 'card' });
      const a = await refund(store, orderId, 'k1', 500);
      if (a.kind !== 'new') return assert.fail(a.kind);
      const pendingAgain = await refund(store, orderId, 'k1', 500);
      assert.equal(pendingAgain.kind, 'retry', 'still pending: ask the PSP again under the same key');
      await store.finishRefund(a.refund.id, { status: 'succeeded', pspRefundId: 're_k1' }, REFUND_AT);
      const again = await refund(store, orderId, 'k1', 500);
      assert.equal(again.kind, 'done');
      assert.equal(again.kind === 'done' && again.refund.pspRefundId, 're_k1');
      assert.equal((await refund(store, orderId, 'k1', 600)).kind, 'key_reused');
      const over = await refund(store, orderId, 'k2', 3000);
      assert.deepEqual([over.kind, over.kind === 'exceeds' && over.refundable], ['exceeds', 2740]);
      const failed = await refund(store, orderId, 'k3', 2740);
      if (failed.kind !== 'new') return assert.fail(failed.kind);
      await store.finishRefund(failed.refund.id, { status: 'failed' }, REFUND_AT);
      assert.equal((await refund(store, orderId, 'k4', 2740)).kind, 'new', 'a failed refund frees its amount');
      const unpaid = await placeOrder(store);
      assert.equal((await refund(store, unpaid.orderId, 'x')).kind, 'not_refundable');
      assert.equal((await refund(store, 'ord_nobody', 'x')).kind, 'not_found');
    });

    it('refunds: 20 concurrent refunds of one order never reserve more than was paid', async () => {
      const { orderId } = await placeOrder(store, { status: 'succeeded', method: 'card' });
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => refund(store, orderId, `c${i}`, 1000)));
      assert.equal(results.filter((r) => r.kind === 'new').length, 3, '3 × 1000 ≤ 3240 < 4 × 1000');
      assert.equal(results.filter((r) => r.kind === 'exceeds').length, 17);
    });

    it('audit trail: appended in order, listed per order and per request, purged by age only', async () => {
      const { orderId } = await placeOrder(store);
      await store.appendAudit(audit('checkout.request', orderId));
      await store.appendAudit(audit('checkout.response', orderId));
      await store.appendAudit({ ...audit('notification', orderId, 'req_conformance_0002'), at: new Date(T0 + 5000).toISOString() });
      const trail = await store.listAudit({ orderId });
      assert.deepEqual(trail.map((e) => e.kind), ['checkout.request', 'checkout.response', 'notification']);
      assert.ok(trail[0].seq < trail[1].seq && trail[1].seq < trail[2].seq);
      assert.deepEqual(trail[0].details, { n: 1, nested: { ok: true } });
      assert.equal(trail[0].atJst, jst(T0));
      assert.equal((await store.listAudit({ requestId: 'req_conformance_0002' })).filter((e) => e.orderId === orderId).length, 1);
      assert.ok((await store.purgeAudit(T0 + 1)) >= 2);
      assert.deepEqual((await store.listAudit({ orderId })).map((e) => e.kind), ['notification']);
    });

    it('lists the orders created in a JST range, oldest first', async () => {
      const early = await placeOrder(store, { at: Date.parse('2026-12-01T00:00:00+09:00') });
      const late = await placeOrder(store, { at: Date.parse('2026-12-07T23:59:59+09:00') });
      const outside = await placeOrder(store, { at: Date.parse('2026-12-08T00:00:00+09:00') });
      const ids = (await store.listOrdersCreatedBetween('2026-12-01T00:00:00+09:00', '2026-12-08T00:00:00+09:00')).map((o) => o.id);
      assert.ok(ids.includes(early.orderId) && ids.includes(late.orderId) && !ids.includes(outside.orderId));
      assert.ok(ids.indexOf(early.orderId) < ids.indexOf(late.orderId));
    });

    it('records the PSP that holds the payment when the settlement names one (failover)', async () => {
      const key = uuid();
      const b = await begin(store, key);
      if (b.kind !== 'new') return assert.fail(b.kind);
      await store.createOrder(b.lease, newOrder(b.lease.orderId, key, T0));
      await store.completeKey(b.lease, { status: 200, contentType: 'application/json', body: body('{}') }, { status: 'pending', pspPaymentId: `pay_${key}`, at: jst(T0), psp: 'second' });
      assert.equal((await store.getOrder(b.lease.orderId))?.psp, 'second');
    });

    if (shared) it('migrates a version-1 database in place: old orders stay, refunds and the audit trail work', async () => {
      const { orderId } = await placeOrder(store, { status: 'succeeded', method: 'card' });
      await backend.toVersion1!();
      const reopened = await backend.open();
      try {
        assert.equal((await reopened.getOrder(orderId))?.status, 'succeeded');
        assert.equal((await reopened.getOrder(orderId))?.refundedAmount, 0);
        assert.equal((await refund(reopened, orderId, 'after-migration', 100)).kind, 'new');
        await reopened.appendAudit(audit('checkout.request', orderId));
        assert.equal((await reopened.listAudit({ orderId })).length, 1);
      } finally {
        await reopened.close();
      }
    });

    // Only stores whose data outlives one object (SQLite file, PostgreSQL): memory has nothing to share.
    if (shared) it('two instances opened at once on the same data create the schema once and see each other', async () => {
      const [x, y] = await Promise.all([backend.open(), backend.open()]);
      try {
        const { orderId } = await placeOrder(x);
        assert.equal((await y.getOrder(orderId))?.id, orderId);
        const key = uuid();
        const [r1, r2] = await Promise.all([begin(x, key), begin(y, key)]);
        assert.deepEqual([r1.kind, r2.kind].sort(), ['in_flight', 'new']);
      } finally {
        await x.close();
        await y.close();
      }
    });
  });
}

conformance('memory', false, async () => ({ open: async () => createMemoryStore(), cleanup: async () => {} }));

conformance('SQLite', true, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessai-sqlite-'));
  return {
    open: async () => createSqliteStore({ path: join(dir, 'orders.sqlite') }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    async toVersion1() {
      const db = new BetterSqlite3(join(dir, 'orders.sqlite'));
      db.exec(`${VERSION_2_TABLES.map((t) => `DROP TABLE ${t};`).join(' ')} ${VERSION_2_COLUMNS} UPDATE kessai_schema SET version = 1;`);
      db.close();
    },
  };
});

conformance('PostgreSQL (a real server)', true, async () => {
  const db = await testDatabase();
  return {
    open: () => createPostgresStore({ connectionString: db.url }),
    cleanup: () => db.drop(),
    async toVersion1() {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query(`${VERSION_2_TABLES.map((t) => `DROP TABLE ${t};`).join(' ')} ${VERSION_2_COLUMNS} UPDATE kessai_schema SET version = 1;`);
      await c.end();
    },
  };
});
