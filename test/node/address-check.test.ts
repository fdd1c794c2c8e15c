/**
 * The server checks an address against its postal code with the same rules as
 * the address element (src/core/address-check.ts): the shards of
 * test/fixtures/postal, read by postalLookupFromDirectory.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCheckoutHandler, createMemoryStore, postalLookupFromDirectory } from 'kessai/server';
import { SandboxPsp } from '../../demo/server/sandbox-psp.js';
import { createDemoCatalog } from '../../demo/server/catalog.js';
import { orderBody, uuid } from './helpers/orders.js';

const dir = `${process.cwd()}/test/fixtures/postal`;

function handler() {
  return createCheckoutHandler({
    store: createMemoryStore(),
    psp: new SandboxPsp({ webhookSecret: 'test-secret' }),
    catalog: createDemoCatalog(),
    postalLookup: postalLookupFromDirectory(dir),
    logger: false,
  });
}

async function place(address: Record<string, unknown>) {
  const res = await handler()(
    new Request('https://shop.example/api/checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() },
      body: JSON.stringify(orderBody({ address: { line2: '', ...address } })),
    }),
  );
  return { status: res.status, body: (await res.json()) as { error?: { code: string; field?: string; message?: string }; errors?: Array<{ field: string; code: string }> } };
}

const TOKYO = { postalCode: '1000001', prefecture: '東京都', prefectureCode: '13', city: '千代田区' };
const NUMAZU = { postalCode: '4100244', prefecture: '静岡県', prefectureCode: '22', city: '沼津市' };
const OSAKA = { prefecture: '大阪府', prefectureCode: '27', city: '千代田区' };

describe('address ↔ postal code, on the server', () => {
  it('checks nothing (and refuses nothing) when the postal directory is missing', async () => {
    const res = await createCheckoutHandler({ store: createMemoryStore(), psp: new SandboxPsp({ webhookSecret: 'test-secret' }), catalog: createDemoCatalog(), postalLookup: postalLookupFromDirectory('/nonexistent/postal'), logger: false })(
      new Request('https://shop.example/api/checkout', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': uuid() }, body: JSON.stringify(orderBody({ address: { ...OSAKA, postalCode: '1234567', line1: '1-1', line2: '' } })) }),
    );
    assert.equal(res.status, 200);
  });

  it('accepts an address that matches its code', async () => {
    assert.equal((await place({ ...TOKYO, line1: '千代田1-1' })).status, 200);
    assert.equal((await place({ ...NUMAZU, line1: '西浦大瀬123' })).status, 200);
  });

  it('refuses a code of another prefecture or city (100-0001 with 大阪府), unless the shopper confirmed it', async () => {
    const r = await place({ ...TOKYO, ...OSAKA, line1: '1-1' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error?.code, 'invalid_field');
    assert.equal(r.body.error?.field, 'address.postalCode');
    assert.deepEqual(r.body.errors?.map((e) => e.code), ['postal_mismatch']);
    assert.match(r.body.error!.message!, /郵便番号/);
    assert.equal((await place({ ...TOKYO, ...OSAKA, line1: '1-1', confirmed: true })).status, 200);
  });

  it('refuses an unknown code (123-4567), unless confirmed', async () => {
    const r = await place({ ...OSAKA, postalCode: '1234567', line1: '1-1' });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.errors?.map((e) => e.code), ['postal_unknown']);
    assert.equal((await place({ ...OSAKA, postalCode: '1234567', line1: '1-1', confirmed: true })).status, 200);
  });

  it('a code of several towns (410-0244) needs one of them in 町名・番地, confirmed or not', async () => {
    for (const confirmed of [false, true]) {
      const r = await place({ ...NUMAZU, line1: '123', confirmed });
      assert.equal(r.status, 400);
      assert.equal(r.body.error?.field, 'address.line1');
      assert.deepEqual(r.body.errors?.map((e) => e.code), ['town_required']);
    }
  });

  it('a town left out (渋谷区 1-2-3 for 150-0001) is refused unless confirmed; a non-boolean confirmed is refused', async () => {
    const shibuya = { postalCode: '1500001', prefecture: '東京都', prefectureCode: '13', city: '渋谷区' };
    assert.deepEqual((await place({ ...shibuya, line1: '1-2-3' })).body.errors?.map((e) => e.code), ['town_missing']);
    assert.equal((await place({ ...shibuya, line1: '1-2-3', confirmed: true })).status, 200);
    assert.equal((await place({ ...shibuya, line1: '神宮前1-2-3' })).status, 200);
    assert.deepEqual((await place({ ...shibuya, line1: '神宮前1-2-3', confirmed: 'yes' })).body.errors?.map((e) => e.field), ['address.confirmed']);
  });
});
