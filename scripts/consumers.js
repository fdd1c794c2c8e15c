// kessai as npm users meet it: packs the package, installs the tarball beside
// real current packages (exact versions: test/consumers/package-lock.json) in a
// temporary directory, and checks small consumer apps built from it:
//
//   - publint --strict and attw (esm-only profile) on the tarball;
//   - Vite + React 19: tsc strict (wrappers; raw tags with typed events via
//     kessai/jsx) and a file kessai/jsx must reject; vite build;
//   - Vite + Vue 3: vue-tsc (a wrong prop type MUST fail it); vite build;
//   - an app on its own lit 3.1 using one kessai element: one Lit, not two;
//   - size: one React wrapper adds at most the raw tag's bytes + 1 KB (gzip);
//   - Next.js App Router: `next build` of a server component page holding a
//     client checkout; `next start`, the page is served with no warning in the
//     server log; in Chromium the checkout hydrates with its properties and
//     logs no kessai warning.
//
//   node scripts/consumers.js              npm pack (prepack builds dist/)
//   node scripts/consumers.js --prebuilt   pack the dist/ already built (CI, after npm run build)
//   KESSAI_CONSUMERS_KEEP=1                keep the temporary directory
//   KESSAI_CONSUMERS_TARBALL=<file.tgz>    use this tarball instead of packing
//
// Prints one line per check and last `consumers: N passed, N failed`; exits 1 on any failure.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const prebuilt = process.argv.includes('--prebuilt');
const work = mkdtempSync(join(tmpdir(), 'kessai-consumers-'));
const apps = join(work, 'apps');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
const results = [];
const started = Date.now();

/** Runs a command; resolves { code, out } (stdout + stderr). Never rejects. */
function run(cmd, args, { cwd = apps, timeout = 600_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      out += `\n(timed out after ${timeout / 1000} s)`;
      child.kill('SIGTERM');
    }, timeout);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 1 : 0), out });
    });
  });
}

const tail = (text, n = 25) => text.trim().split('\n').slice(-n).join('\n');

/** One counted check: fails when fn throws. */
async function check(name, fn) {
  const t0 = Date.now();
  let failure = null;
  try {
    await fn();
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  results.push({ name, ok: !failure });
  if (failure) console.log(`FAIL ${name} (${secs} s)\n${failure.replace(/^/gm, '     ')}`);
  else console.log(`ok   ${name} (${secs} s)`);
  return !failure;
}

async function mustPass(cmd, args, opts) {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}\n${tail(r.out)}`);
  return r.out;
}

const bin = (name) => join(apps, 'node_modules', '.bin', name);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let tarball = '';
const setup = await check('pack and install the tarball with the consumer apps', async () => {
  // KESSAI_CONSUMERS_TARBALL: a tarball packed beforehand (CI packs first, then runs this beside the tests, which rebuild dist/).
  if (process.env.KESSAI_CONSUMERS_TARBALL) cpSync(process.env.KESSAI_CONSUMERS_TARBALL, join(work, 'kessai.tgz'));
  else await mustPass('npm', ['pack', '--pack-destination', work, ...(prebuilt ? ['--ignore-scripts'] : [])], { cwd: root });
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack left no tarball');
  tarball = join(work, tgz);
  cpSync(join(root, 'test', 'consumers'), apps, { recursive: true });
  await mustPass('npm', ['ci', '--no-audit', '--no-fund']);
  // kessai from the tarball, without touching the lock (its dependencies dedupe with the app's).
  await mustPass('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball]);
});

if (setup) {
  await check('publint --strict', () => mustPass(bin('publint'), ['run', '--strict', tarball]));
  await check('attw --profile esm-only', () =>
    mustPass(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii', '--include-entrypoints', './react/checkout', './react/contact-fields', './define/all', './define/contact-fields']),
  );

  // React 19 + Vite and Vue 3 + Vite side by side (each a type checker at a time, on one core).
  const react = join(apps, 'react');
  const vue = join(apps, 'vue');
  const reactChecks = async () => {
    await check('react: tsc strict (wrappers, raw tags with typed events)', () => mustPass(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: react }));
    await check('react: kessai/jsx rejects a string amount and a method as props', async () => {
      const r = await run(bin('tsc'), ['-p', 'tsconfig.wrong.json'], { cwd: react });
      if (r.code === 0) throw new Error('tsc accepted test/consumers/react/src/wrong-jsx.tsx');
      // Line 5: amount="1980" (a string); line 6: submit={…} (a method).
      if (!/wrong-jsx\.tsx\(5,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/.test(r.out) || !/Property 'submit' does not exist/.test(r.out))
        throw new Error(`tsc failed, but not on both lines:\n${tail(r.out)}`);
    });
    await check('react: vite build', () => mustPass(bin('vite'), ['build'], { cwd: react }));
  };
  const vueChecks = async () => {
    await check('vue: vue-tsc (the docs/usage.md example, amount="1980")', () => mustPass(bin('vue-tsc'), ['-p', 'tsconfig.json'], { cwd: vue }));
    await check('vue: a wrong prop type fails vue-tsc (amount="many")', async () => {
      const r = await run(bin('vue-tsc'), ['-p', 'tsconfig.wrong.json'], { cwd: vue });
      if (r.code === 0) throw new Error('vue-tsc accepted test/consumers/vue/src/Wrong.vue');
      if (!/Wrong\.vue/.test(r.out) || !/"many"/.test(r.out)) throw new Error(`vue-tsc failed, but not on amount="many":\n${tail(r.out)}`);
    });
    await check("vue: vite build (import 'kessai/vue' at runtime)", () => mustPass(bin('vite'), ['build'], { cwd: vue }));
  };
  await Promise.all([reactChecks(), vueChecks()]);

  // One Lit beside an app's own lit 3.1.
  await check('lit 3.1 app: kessai uses the app’s Lit (one copy installed and bundled)', async () => {
    const appLit = JSON.parse(readFileSync(join(apps, 'node_modules', 'lit', 'package.json'), 'utf8')).version;
    if (!appLit.startsWith('3.1.')) throw new Error(`the consumer apps should pin lit 3.1, found ${appLit}`);
    const nested = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].filter((p) => existsSync(join(apps, 'node_modules', 'kessai', 'node_modules', p)));
    if (nested.length) throw new Error(`kessai got its own ${nested.join(', ')} (node_modules/kessai/node_modules)`);
    const lit31 = join(apps, 'lit31');
    await mustPass(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: lit31 });
    const assets = join(lit31, 'dist', 'assets');
    const code = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    // Each copy of lit-html / reactive-element registers its version once.
    const pushes = (name) => [...code.matchAll(new RegExp(`${name}\\?\\?=\\[\\]\\)\\.push\\([\`"']([\\d.]+)`, 'g'))].map((m) => m[1]);
    const html = pushes('litHtmlVersions');
    const element = pushes('reactiveElementVersions');
    const installed = JSON.parse(readFileSync(join(apps, 'node_modules', 'lit-html', 'package.json'), 'utf8')).version;
    if (html.length !== 1 || element.length !== 1 || html[0] !== installed)
      throw new Error(`Lit copies in the bundle: lit-html ${JSON.stringify(html)}, reactive-element ${JSON.stringify(element)} (expected one each; the app's lit-html is ${installed})`);
  });

  // Size: one wrapper from the kessai/react barrel vs the raw tag.
  await check('size: one React wrapper adds at most the raw tag + 1 KB (gzip)', async () => {
    const out = await mustPass(process.execPath, ['measure.js'], { cwd: join(apps, 'size') });
    const s = JSON.parse(out.trim().split('\n').at(-1));
    const raw = s['raw-tag.js'] - s['raw-empty.js'];
    const wrapper = s['react-wrapper.jsx'] - s['react-empty.jsx'];
    const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
    console.log(`     raw <kessai-contact-fields> adds ${kb(raw)}; KessaiContactFields from kessai/react adds ${kb(wrapper)} (gzip)`);
    if (wrapper > raw + 1024) throw new Error(`the wrapper adds ${kb(wrapper - raw)} more than the raw tag`);
  });

  // Next.js App Router.
  const next = join(apps, 'next');
  const built = await check('next: next build (server component page, client checkout)', () => mustPass(bin('next'), ['build'], { cwd: next, timeout: 900_000 }));
  if (built) await nextStart(next);
  else results.push({ name: 'next: next start', ok: false });

  // Last: in CI the test command builds Storybook in the same tree at its start, minutes before.
  await check('storybook dev: stories load one Lit', storybookOneLit);
}

/** Starts a long-running server in its own process group; stop() ends the group. */
function startServer(cmd, args, cwd) {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const server = { log: '' };
  child.stdout.on('data', (d) => (server.log += d));
  child.stderr.on('data', (d) => (server.log += d));
  server.stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  return server;
}

/** Fetches url until it answers 200 (up to two minutes); returns the response text, or '' . */
async function waitFor(url) {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return await res.text();
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return '';
}

/**
 * Opens url in headless Chromium (the puppeteer-core that @web/test-runner-chrome brings), runs
 * `fn(page)`, and returns the console messages and page errors.
 */
async function withChromium(url, fn) {
  const { puppeteerCore: puppeteer } = await import('@web/test-runner-chrome');
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install chromium, or set CHROME_PATH)`);
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const messages = [];
    page.on('console', (m) => {
      // The apps have no favicon: Chromium's request for it is not the app's error.
      if (!/\/favicon\.ico$/.test(m.location()?.url ?? '')) messages.push(`${m.type()}: ${m.text()} ${m.location()?.url ?? ''}`);
    });
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await fn(page);
    return messages;
  } finally {
    await browser.close();
  }
}

async function nextStart(dir) {
  const port = await freePort();
  const server = startServer(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], dir);
  const url = `http://127.0.0.1:${port}/`;
  try {
    await check('next: next start serves the page, no warning in the server log', async () => {
      const html = await waitFor(url);
      if (!html) throw new Error(`no page at ${url}\n${tail(server.log)}`);
      if (!html.includes('<kessai-checkout') || !html.includes('<kessai-contact-fields')) throw new Error('the page lacks <kessai-checkout> or <kessai-contact-fields>');
      await fetch(url); // a second load, as in the issue
      await new Promise((r) => setTimeout(r, 500));
      if (/warn|error|kessai/i.test(server.log)) throw new Error(`the server log:\n${tail(server.log)}`);
    });
    await check('next: in Chromium, the checkout hydrates with its properties and logs no kessai warning', async () => {
      let state;
      const messages = await withChromium(url, async (page) => {
        await page.waitForFunction(() => document.querySelector('kessai-checkout')?.shadowRoot?.querySelector('kessai-name-fields'), { timeout: 30_000 });
        // The configuration check runs after load when the page is idle: give it time.
        await new Promise((r) => setTimeout(r, 3000));
        state = await page.evaluate(() => {
          const el = document.querySelector('kessai-checkout');
          return { endpoint: el.endpoint, amount: el.amount, tokenizer: typeof el.cardTokenizer, methods: el.availableMethods };
        });
      });
      if (state.endpoint !== '/api/checkout' || state.amount !== 3240 || state.tokenizer !== 'function')
        throw new Error(`the checkout did not get its properties: ${JSON.stringify(state)}`);
      const bad = messages.filter((m) => /kessai|^error|^warn|pageerror/i.test(m));
      if (bad.length) throw new Error(`browser console:\n${bad.join('\n')}`);
      if (/warn|error|kessai/i.test(server.log)) throw new Error(`the server log after the browser visit:\n${tail(server.log)}`);
    });
  } finally {
    server.stop();
  }
}

/** kessai's own Storybook in dev mode (Vite pre-bundling): a story logs no "Multiple versions of Lit". */
async function storybookOneLit() {
  const port = await freePort();
  const args = ['dev', '-p', String(port), '--ci', '--no-open', '--no-version-updates', '--disable-telemetry'];
  const server = startServer(join(root, 'node_modules', '.bin', 'storybook'), args, root);
  try {
    const base = `http://127.0.0.1:${port}`;
    const index = await waitFor(`${base}/index.json`);
    if (!index) throw new Error(`storybook dev did not start\n${tail(server.log)}`);
    const story = Object.values(JSON.parse(index).entries).find((e) => e.type === 'story');
    const messages = await withChromium(`${base}/iframe.html?id=${story.id}&viewMode=story`, async (page) => {
      await page.waitForSelector('#storybook-root :first-child', { timeout: 60_000 });
      await new Promise((r) => setTimeout(r, 1000));
    });
    const multiple = messages.filter((m) => /Multiple versions of Lit/.test(m));
    if (multiple.length) throw new Error(`story ${story.id}:\n${multiple.join('\n')}`);
  } finally {
    server.stop();
  }
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`consumers: ${((Date.now() - started) / 1000).toFixed(0)} s in ${work}`);
if (!process.env.KESSAI_CONSUMERS_KEEP) rmSync(work, { recursive: true, force: true });
console.log(`consumers: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
