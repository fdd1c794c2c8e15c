/**
 * `npm start` (demo/serve.js) as a merchant runs it: real processes, real
 * ports. Pages only answer GET/HEAD and carry the security headers; the demo
 * page works under that CSP (Trusted Types included) in headless Chromium;
 * two instances on two ports with one DATABASE_URL (and different KESSAI_DB
 * files) serve one order book.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDemo } from './helpers/instances.js';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';
import { post } from './helpers/http.js';
import { orderBody, uuid } from './helpers/orders.js';

const root = process.cwd();

describe('npm start (demo/serve.js)', { timeout: 300_000 }, () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'kessai-demo-'));
  const stops: Array<() => Promise<void>> = [];
  before(async () => {
    db = await testDatabase();
  });
  after(async () => {
    for (const s of stops) await s();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves pages with GET/HEAD only, with the security headers', async () => {
    const demo = await startDemo({ KESSAI_DB: join(dir, 'alone.sqlite'), DATABASE_URL: '' });
    stops.push(demo.stop);
    const page = await fetch(`${demo.origin}/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'none'", "frame-ancestors 'none'", "require-trusted-types-for 'script'", 'trusted-types lit-html kessai', "object-src 'none'", "base-uri 'none'"]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
    }
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), csp);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(page.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && (await page.text()).includes(`<style nonce="${nonce}">`), 'the inline style carries this response’s nonce');
    const head = await fetch(`${demo.origin}/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of ['/', '/shop/', '/dist/cdn/kessai.js', '/nothing']) {
        const r = await fetch(`${demo.origin}${path}`, { method });
        assert.equal(r.status, 405, `${method} ${path}`);
        assert.equal(r.headers.get('allow'), 'GET, HEAD');
      }
    }
    const missing = await fetch(`${demo.origin}/demo/server/index.ts`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('x-content-type-options'), 'nosniff');
  });

  it('two instances on two ports with one DATABASE_URL share one order book', async () => {
    const [a, b] = await Promise.all([
      startDemo({ DATABASE_URL: db.url, KESSAI_DB: join(dir, 'a.sqlite') }),
      startDemo({ DATABASE_URL: db.url, KESSAI_DB: join(dir, 'b.sqlite') }),
    ]);
    stops.push(a.stop, b.stop);
    const key = uuid();
    const placed = await post(`${a.origin}/api/checkout`, orderBody(), key);
    assert.equal(placed.status, 200);
    const text = await placed.text();
    const { orderId } = JSON.parse(text) as { orderId: string };
    const seen = await fetch(`${b.origin}/api/checkout/${orderId}`);
    assert.equal(seen.status, 200, 'the other instance knows the order');
    const replay = await post(`${b.origin}/api/checkout`, orderBody(), key);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(await replay.text(), text);
    assert.equal(existsSync(join(dir, 'a.sqlite')), false, 'SQLite is not used when DATABASE_URL is set');
  });

  it('the shop page works under its CSP and Trusted Types in headless Chromium', async () => {
    assert.ok(existsSync(join(root, 'dist', 'cdn', 'kessai.js')), 'dist/cdn/kessai.js is missing: npm run build:cdn (npm test builds it first)');
    const demo = await startDemo({ KESSAI_DB: join(dir, 'browser.sqlite'), DATABASE_URL: '' });
    stops.push(demo.stop);
    const { puppeteerCore } = (await import('@web/test-runner-chrome')) as unknown as { puppeteerCore: typeof import('puppeteer-core') };
    const browser = await puppeteerCore.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const pages = ['/shop/', '/'];
      if (existsSync(join(root, 'demo', 'dist', 'react', 'index.html'))) pages.push('/react/');
      if (existsSync(join(root, 'demo', 'dist', 'vue', 'index.html'))) pages.push('/vue/');
      for (const path of pages) {
        const page = await browser.newPage();
        await page.evaluateOnNewDocument(() => {
          const w = window as unknown as { __violations: string[] };
          w.__violations = [];
          document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
        });
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('console', (m) => {
          if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
        });
        page.on('response', (r) => {
          // The browser's own favicon request is not the page's.
          if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
        });
        await page.goto(`${demo.origin}${path}`, { waitUntil: 'networkidle0', timeout: 60_000 });
        if (path !== '/') {
          // The checkout rendered its form inside its shadow root.
          await page.waitForFunction(() => (document.querySelector('kessai-checkout')?.shadowRoot?.querySelectorAll('*').length ?? 0) > 10, { timeout: 60_000 });
        }
        const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
        assert.deepEqual(violations, [], `${path}: CSP violations`);
        assert.deepEqual(errors, [], `${path}: errors`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
