/**
 * KESSAI_PSP: `npm start` picks its adapter from the environment; secrets come
 * only from there, a publishable/public key where a secret belongs stops the
 * start with the variable's name, and no secret is ever printed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pspFromEnv } from '../../demo/server/psp-from-env.js';
import { startKomojuFake } from '../fakes/komoju.js';
import { startDemo } from './helpers/instances.js';
import { post } from './helpers/http.js';
import { orderBody } from './helpers/orders.js';

describe('pspFromEnv', () => {
  it('the sandbox by default; each PSP by name with its own variables', () => {
    assert.equal(pspFromEnv({}).name, 'sandbox');
    assert.equal(pspFromEnv({ KESSAI_PSP: 'komoju', KOMOJU_SECRET_KEY: 'sk_test_k' }).name, 'komoju');
    assert.equal(pspFromEnv({ KESSAI_PSP: 'stripe', STRIPE_SECRET_KEY: 'sk_test_s' }).name, 'stripe');
    assert.equal(pspFromEnv({ KESSAI_PSP: 'payjp', PAYJP_SECRET_KEY: 'sk_test_p' }).name, 'payjp');
    assert.equal(pspFromEnv({ KESSAI_PSP: 'fincode', FINCODE_SECRET_KEY: 'm_test_f' }).name, 'fincode');
    assert.equal(pspFromEnv({ KESSAI_PSP: 'fincode', FINCODE_SECRET_KEY: 'm_test_f' }).sandbox, true);
    assert.throws(() => pspFromEnv({ KESSAI_PSP: 'paypal' }), /KESSAI_PSP must be one of sandbox, komoju, stripe, payjp, fincode/);
  });

  it('refuses a publishable/public key where the secret belongs, naming the variable and never the value', () => {
    const cases: Array<[string, string, string]> = [
      ['komoju', 'KOMOJU_SECRET_KEY', 'pk_live_komoju_publishable'],
      ['stripe', 'STRIPE_SECRET_KEY', 'pk_live_stripe_publishable'],
      ['payjp', 'PAYJP_SECRET_KEY', 'pk_live_payjp_public'],
      ['fincode', 'FINCODE_SECRET_KEY', 'p_prod_fincode_public'],
    ];
    for (const [psp, name, value] of cases) {
      assert.throws(
        () => pspFromEnv({ KESSAI_PSP: psp, [name]: value }),
        (e: Error) => e.message.includes(name) && /publishable\/public/.test(e.message) && !e.message.includes(value),
        psp,
      );
      assert.throws(() => pspFromEnv({ KESSAI_PSP: psp }), new RegExp(`${name} is not set`));
    }
  });
});

describe('npm start with KESSAI_PSP=komoju (against the KOMOJU fake)', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kessai-psp-env-'));
  const stops: Array<() => Promise<void>> = [];
  after(async () => {
    for (const s of stops) await s();
    rmSync(dir, { recursive: true, force: true });
  });
  const secretKey = 'sk_test_komoju_from_env_5ecret';
  const webhookSecret = 'komoju_webhook_from_env_5ecret';

  it('takes an order through KOMOJU, applies its signed notification, and prints no secret', async () => {
    const fake = await startKomojuFake({ secretKey, webhookSecret });
    stops.push(fake.close);
    const demo = await startDemo({
      KESSAI_DB: join(dir, 'komoju.sqlite'),
      DATABASE_URL: '',
      KESSAI_PSP: 'komoju',
      KOMOJU_SECRET_KEY: secretKey,
      KOMOJU_WEBHOOK_SECRET: webhookSecret,
      KOMOJU_API_BASE: fake.baseUrl,
    });
    stops.push(demo.stop);
    fake.webhookUrl = `${demo.origin}/api/psp-webhook`;
    assert.match(demo.output(), /PSP KOMOJU \(test mode/);
    const r = await post(`${demo.origin}/api/checkout`, orderBody());
    assert.equal(r.status, 200);
    const { orderId } = (await r.json()) as { orderId: string };
    const [id] = fake.payments.keys();
    const paid = await fake.pay(id);
    assert.equal(paid.status, 200);
    assert.equal(JSON.parse(paid.body).orderStatus, 'paid');
    const status = (await (await fetch(`${demo.origin}/api/checkout/${orderId}`)).json()) as { status: string };
    assert.equal(status.status, 'paid');
    assert.deepEqual(fake.violations, []);
    assert.ok(!demo.output().includes(secretKey) && !demo.output().includes(webhookSecret), 'no secret in the output');
  });

  it('does not start with a publishable key: the error names KOMOJU_SECRET_KEY, not the key', async () => {
    const key = 'pk_live_komoju_publishable_9876';
    const error = (await startDemo({ KESSAI_DB: join(dir, 'pk.sqlite'), DATABASE_URL: '', KESSAI_PSP: 'komoju', KOMOJU_SECRET_KEY: key }).then(
      () => assert.fail('started with a publishable key'),
      (e: Error & { output?: string }) => e,
    )) as Error & { output?: string };
    assert.match(error.message, /exited with [1-9]/);
    assert.match(error.output ?? '', /KOMOJU_SECRET_KEY/);
    assert.ok(!(error.output ?? '').includes(key), 'the key itself is not printed');
  });
});
