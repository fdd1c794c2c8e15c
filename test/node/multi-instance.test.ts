/**
 * Several backend processes on one REAL PostgreSQL server, one fake PSP (on
 * its own port, deduplicating by idempotency key like a real one):
 * - 200 concurrent POSTs of one key spread over three instances → one order,
 *   one PSP payment, and every 200 answer names that order;
 * - an instance killed (SIGKILL) while its PSP call is in flight → a retry on
 *   another instance gets exactly one order (and still one PSP payment).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';
import { startInstance, type Instance } from './helpers/instances.js';
import { post } from './helpers/http.js';
import { orderBody, uuid } from './helpers/orders.js';
import { startFakePsp, type FakePsp } from './fixtures/fake-psp.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('several instances on one PostgreSQL', { timeout: 300_000 }, () => {
  let db: TestDatabase;
  const running: Instance[] = [];
  const psps: FakePsp[] = [];
  before(async () => {
    db = await testDatabase();
  });
  after(async () => {
    for (const i of running) await i.stop();
    for (const p of psps) await p.close();
    await db?.drop();
  });

  const countOrders = async (key: string) => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query<{ id: string; status: string }>('SELECT id, status FROM kessai_orders WHERE idempotency_key = $1', [key]);
    await c.end();
    return rows;
  };

  it('200 concurrent POSTs of one key over three instances: one order, one PSP payment', async () => {
    const psp = await startFakePsp({ delayMs: 300 });
    psps.push(psp);
    // Started together: the schema is created once under its advisory lock.
    const instances = await Promise.all([1, 2, 3].map(() => startInstance({ DATABASE_URL: db.url, PSP_URL: psp.url })));
    running.push(...instances);
    const key = uuid();
    const body = JSON.stringify(orderBody());
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const r = await post(`${instances[i % 3].origin}/api/checkout`, body, key);
        return { status: r.status, text: await r.text() };
      }),
    );
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    assert.deepEqual([...byStatus.keys()].filter((s) => s !== 200 && s !== 409), [], `statuses: ${JSON.stringify([...byStatus])}`);
    const ok = answers.filter((a) => a.status === 200);
    assert.ok(ok.length >= 1);
    const orderIds = new Set(ok.map((a) => (JSON.parse(a.text) as { orderId: string }).orderId));
    assert.equal(orderIds.size, 1, 'every 200 names one order');
    const rows = await countOrders(key);
    assert.equal(rows.length, 1, 'one order');
    assert.equal(rows[0].id, [...orderIds][0]);
    assert.equal(psp.created(), 1, 'one PSP payment');
    assert.equal(psp.calls(), 1, 'the PSP was called once: the others were told 409 or got the replay');
    // Any instance replays it now.
    for (const i of instances) {
      const again = await post(`${i.origin}/api/checkout`, body, key);
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
    }
  });

  it('an instance killed with SIGKILL mid-request: a retry on another instance gets exactly one order', async () => {
    const psp = await startFakePsp({ hold: true });
    psps.push(psp);
    const env = { DATABASE_URL: db.url, PSP_URL: psp.url, LOCK_TIMEOUT_MS: '1000' };
    const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    running.push(a, b);
    const key = uuid();
    const body = JSON.stringify(orderBody());
    const doomed = post(`${a.origin}/api/checkout`, body, key).then(
      (r) => r.status,
      () => 'connection lost',
    );
    await psp.firstCall; // A has locked the key, written the order and is waiting on the PSP
    a.child.kill('SIGKILL');
    assert.equal(await doomed, 'connection lost');
    psp.hold = false;
    psp.release();
    // The shopper's retry (kessai-checkout retries 409 after Retry-After): on B.
    let answer: Response | undefined;
    for (let i = 0; i < 120; i++) {
      const r = await post(`${b.origin}/api/checkout`, body, key);
      if (r.status !== 409) {
        answer = r;
        break;
      }
      await sleep(250);
    }
    assert.ok(answer, 'still 409 after 30 s');
    assert.equal(answer.status, 200, await answer.clone().text());
    const { orderId, status } = (await answer.json()) as { orderId: string; status: string };
    assert.equal(status, 'pending');
    const rows = await countOrders(key);
    assert.deepEqual(rows, [{ id: orderId, status: 'pending' }], 'exactly one order, the one answered');
    assert.equal(psp.created(), 1, 'one PSP payment: the retry got the first one back through our idempotency key');
  });
});
