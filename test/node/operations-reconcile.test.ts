/**
 * Reconciliation against the KOMOJU fake over a SQLite order book: one
 * seeded difference of each kind, the function's report, and the command
 * (`kessai-reconcile`) with its table, JSON and exit statuses.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { jstDayRange, reconcile, sweepOrders, toJstIso, type Store } from 'kessai/server';
import { createSqliteStore } from 'kessai/server/sqlite';
import { KomojuPsp } from '../../src/server/psp/komoju.js';
import { reconcileCli } from '../../src/server/reconcile-cli.js';
import { startKomojuFake } from '../fakes/komoju.js';
import { customer } from './helpers/orders.js';
import { konbiniBody, shop } from './helpers/ops.js';

const secretKey = 'sk_test_komoju_reconcile_0123456789';
const webhookSecret = 'komoju-reconcile-webhook-0123456789';
const day = (offset: number) => toJstIso(new Date(Date.now() + offset * 86_400_000)).slice(0, 10);
// Yesterday to tomorrow (JST): today's orders whatever the hour.
const FROM = day(-1);
const TO = day(1);

describe('reconciliation', { timeout: 60_000 }, () => {
  let dir: string;
  let store: Store;
  let fake: Awaited<ReturnType<typeof startKomojuFake>>;
  let psp: KomojuPsp;
  const seeded: Record<string, string> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kessai-reconcile-'));
    store = createSqliteStore({ path: join(dir, 'orders.sqlite') });
    fake = await startKomojuFake({ secretKey, webhookSecret });
    psp = new KomojuPsp({ secretKey, webhookSecret, baseUrl: fake.baseUrl });
    const s = shop(psp, store);
    const place = async () => (await store.getOrder((await s.checkout(konbiniBody())).json.orderId!))!;
    // Matches: paid on both sides.
    const paid = await place();
    const body = JSON.stringify(fake.event('payment.captured', paid.pspPaymentId!, { status: 'captured', captured_at: new Date().toISOString() }));
    assert.equal((await s.webhook(body, fake.sign(body))).status, 200);
    seeded.match = paid.id;
    // amount_mismatch: the PSP holds another amount.
    const short = await place();
    fake.patched(short.pspPaymentId!, { amount: 3000 });
    seeded.amount_mismatch = short.id;
    // missing_payment: the PSP does not list the order's payment.
    const gone = await place();
    fake.payments.delete(gone.pspPaymentId!);
    seeded.missing_payment = gone.id;
    // state_mismatch: the order expired at its deadline, and the PSP has the money (no notification came).
    const late = await place();
    await sweepOrders({ store, now: () => new Date(Date.parse(late.expiresAt!) + 2000) });
    fake.patched(late.pspPaymentId!, { status: 'captured', captured_at: new Date().toISOString() });
    seeded.state_mismatch = late.id;
    // missing_order: a payment made at the PSP for no order of ours.
    const ghost = await psp.createKonbiniPayment({ orderId: 'ord_ghost', amount: 1200, currency: 'JPY', description: 'ghost', customer, idempotencyKey: 'kessai:ghost' }, 'lawson');
    seeded.missing_order = ghost.pspPaymentId;
  });
  after(async () => {
    await store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('JST calendar days, inclusive, as instants', () => {
    assert.deepEqual(jstDayRange('2026-12-01', '2026-12-07'), { from: '2026-12-01T00:00:00+09:00', to: '2026-12-08T00:00:00+09:00' });
    assert.throws(() => jstDayRange('2026-12-07', '2026-12-01'), /before/);
    assert.throws(() => jstDayRange('2026-02-30', '2026-03-01'), /calendar day/);
  });

  it('finds one difference of each kind, and nothing about the order that matches', async () => {
    const report = await reconcile({ store, psp, from: FROM, to: TO });
    assert.equal(report.ok, false);
    assert.equal(report.orders, 4);
    assert.equal(report.payments, 4);
    const kinds = Object.fromEntries(report.differences.map((d) => [d.kind, d]));
    assert.deepEqual(Object.keys(kinds).sort(), ['amount_mismatch', 'missing_order', 'missing_payment', 'state_mismatch']);
    assert.equal(kinds.amount_mismatch.orderId, seeded.amount_mismatch);
    assert.deepEqual([kinds.amount_mismatch.orderAmount, kinds.amount_mismatch.pspAmount], [3240, 3000]);
    assert.equal(kinds.missing_payment.orderId, seeded.missing_payment);
    assert.deepEqual([kinds.state_mismatch.orderId, kinds.state_mismatch.orderStatus, kinds.state_mismatch.pspStatus], [seeded.state_mismatch, 'expired', 'succeeded']);
    assert.deepEqual([kinds.missing_order.pspPaymentId, kinds.missing_order.orderId], [seeded.missing_order, 'ord_ghost']);
    assert.ok(!report.differences.some((d) => d.orderId === seeded.match));
  });

  const env = () => ({ KESSAI_PSP: 'komoju', KOMOJU_SECRET_KEY: secretKey, KOMOJU_API_BASE: fake.baseUrl, KESSAI_DB: join(dir, 'orders.sqlite') });
  async function run(argv: string[], e: Record<string, string | undefined> = env()) {
    let out = '';
    let err = '';
    const code = await reconcileCli(argv, e, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  }

  it('the command: a table and exit 1 on differences, JSON with --json, exit 0 on a range that matches', async () => {
    const table = await run(['--from', FROM, '--to', TO]);
    assert.equal(table.code, 1, table.err);
    assert.match(table.out, /4 differences/);
    for (const kind of ['missing_order', 'missing_payment', 'amount_mismatch', 'state_mismatch']) assert.match(table.out, new RegExp(`^${kind} `, 'm'));
    const json = await run([`--from=${FROM}`, `--to=${TO}`, '--json']);
    assert.equal(json.code, 1);
    assert.equal((JSON.parse(json.out) as { differences: unknown[] }).differences.length, 4);
    const quiet = await run(['--from', '2020-01-01', '--to', '2020-01-31']);
    assert.equal(quiet.code, 0, quiet.err);
    assert.match(quiet.out, /OK: everything matches/);
    assert.ok(!`${table.out}${table.err}${json.out}`.includes(secretKey));
  });

  it('the command: --config module, --help, and exit 2 on usage and configuration errors (naming variables, not values)', async () => {
    const config = join(dir, 'kessai.config.mjs');
    writeFileSync(config, 'export default () => globalThis.__kessaiReconcileTest;\n');
    (globalThis as Record<string, unknown>).__kessaiReconcileTest = { store: createSqliteStore({ path: join(dir, 'orders.sqlite') }), psp };
    assert.equal((await run(['--from', FROM, '--to', TO, '--config', config], {})).code, 1);
    const help = await run(['--help'], {});
    assert.equal(help.code, 0);
    assert.match(help.out, /Usage: kessai-reconcile --from YYYY-MM-DD --to YYYY-MM-DD/);
    assert.equal((await run(['--from', FROM])).code, 2);
    assert.equal((await run(['--from', '2026-13-01', '--to', TO])).code, 2);
    assert.equal((await run(['--from', FROM, '--to', TO, '--bogus'])).code, 2);
    assert.match((await run(['--from', FROM, '--to', TO], { ...env(), KESSAI_PSP: undefined })).err, /KESSAI_PSP is not set/);
    assert.match((await run(['--from', FROM, '--to', TO], { ...env(), KESSAI_DB: undefined })).err, /DATABASE_URL.*KESSAI_DB/);
    const publishable = await run(['--from', FROM, '--to', TO], { ...env(), KOMOJU_SECRET_KEY: 'pk_test_publishable_9999' });
    assert.equal(publishable.code, 2);
    assert.match(publishable.err, /KOMOJU_SECRET_KEY/);
    assert.ok(!publishable.err.includes('pk_test_publishable_9999'));
  });
});
