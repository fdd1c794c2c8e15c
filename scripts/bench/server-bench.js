// `npm run bench:server`: requests/s and p50/p99 latency of kessai/server's
// checkout handler, for new-key POSTs (each request a new order: validation,
// fingerprint, lock, order row, PSP call, stored response) and for replays
// (the same key again: the stored response), on SQLite and on PostgreSQL
// (a throwaway cluster). Also the raw-card scan on 60 KB of digits vs letters.
//
// The server is one separate process (test/node/fixtures/instance.ts, the
// multi-instance test's backend); the load generator (keep-alive connections,
// C requests in flight) and the fake PSP (no delay) run in this process. All
// share the machine's cores: the figures are for comparing, not for sizing.
//
//   npm run bench:server                       10 s per case, 16 in flight
//   npm run bench:server -- --seconds 3 --concurrency 8
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileNodeTests, NODE_TESTS_OUT } from '../compile-node-tests.js';
import { startPostgres } from '../pg-cluster.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 16);

const body = JSON.stringify({
  reference: 'matcha-set', amount: 3240, currency: 'JPY', method: 'konbini', konbini: { store: 'lawson' },
  customer: { familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ', email: 'taro@example.jp', phone: '09012345678' },
  address: { postalCode: '1000001', prefecture: '東京都', prefectureCode: '13', city: '千代田区', line1: '千代田1-1', line2: '' },
});

function startInstance(env) {
  const child = spawn(process.execPath, [join(NODE_TESTS_OUT, 'fixtures', 'instance.mjs')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) });
    });
  });
}

function once(agent, port, key) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = request(
      { host: '127.0.0.1', port, path: '/api/checkout', method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    req.end(body);
  });
}

async function load(port, nextKey) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  const statuses = {};
  // Warm-up: one second, not counted.
  const warmEnd = Date.now() + 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < warmEnd) await once(agent, port, nextKey());
  }));
  const t0 = Date.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < end) {
      const r = await once(agent, port, nextKey());
      latencies.push(r.ms);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    }
  }));
  const elapsed = (Date.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requests: latencies.length, rps: Math.round(latencies.length / elapsed), p50: +pct(50).toFixed(2), p99: +pct(99).toFixed(2), statuses };
}

async function cardScan() {
  const { validateCheckoutRequest } = await import(pathToFileURL(join(NODE_TESTS_OUT, 'fixtures', 'validator.mjs')).href);
  const base = JSON.parse(body);
  const time = (filler) => {
    const b = { ...base, note: filler };
    for (let i = 0; i < 20; i++) validateCheckoutRequest(b); // warm-up
    const runs = 200;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) validateCheckoutRequest(b);
    return Number(process.hrtime.bigint() - t0) / 1e6 / runs;
  };
  const letters = time('a'.repeat(60_000));
  const digits = time('1'.repeat(60_000));
  const separated = time('1.'.repeat(30_000));
  return { lettersMs: +letters.toFixed(3), digitsMs: +digits.toFixed(3), digitsWithDotsMs: +separated.toFixed(3), ratio: +(digits / letters).toFixed(2) };
}

await compileNodeTests();
const { startFakePsp } = await import(pathToFileURL(join(NODE_TESTS_OUT, 'fixtures', 'fake-psp.mjs')).href);
const psp = await startFakePsp();
const pg = await startPostgres();
const dir = mkdtempSync(join(tmpdir(), 'kessai-bench-'));
const results = [];
try {
  for (const [store, env] of [
    ['SQLite', { KESSAI_DB: join(dir, 'bench.sqlite'), DATABASE_URL: '' }],
    ['PostgreSQL', { DATABASE_URL: pg.url, PG_POOL: String(CONCURRENCY) }],
  ]) {
    const instance = await startInstance({ ...env, PSP_URL: psp.url });
    try {
      const fresh = await load(instance.port, () => randomUUID());
      results.push({ store, case: 'new key (an order each)', ...fresh });
      const key = randomUUID();
      const replay = await load(instance.port, () => key);
      results.push({ store, case: 'replay (same key)', ...replay });
    } finally {
      await instance.stop();
    }
  }
} finally {
  await psp.close();
  pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
const scan = await cardScan();

const machine = `${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}`;
console.log(`\nkessai/server bench: ${SECONDS} s per case, ${CONCURRENCY} requests in flight, ${machine}\n`);
console.log('| store | case | req/s | p50 ms | p99 ms | statuses |');
console.log('|---|---|---:|---:|---:|---|');
for (const r of results) console.log(`| ${r.store} | ${r.case} | ${r.rps} | ${r.p50} | ${r.p99} | ${JSON.stringify(r.statuses)} |`);
console.log(`\nraw-card scan (validateCheckoutRequest, 60 KB extra field): letters ${scan.lettersMs} ms, digits ${scan.digitsMs} ms, digits with dots ${scan.digitsWithDotsMs} ms (digits/letters ${scan.ratio}×)`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'server.json'), JSON.stringify({ date: new Date().toISOString(), machine, seconds: SECONDS, concurrency: CONCURRENCY, results, scan }, null, 2));
