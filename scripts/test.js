// `npm test` after the builds: the Node-side tests (kessai/server: stores,
// handlers, several instances on a real PostgreSQL) with `node --test`, then
// the browser tests with Web Test Runner; the last line is the combined
//   N passed, N failed, N skipped
// which CI reads.
//
//   node scripts/test.js              both stages
//   node scripts/test.js --node-only  the Node tests only (npm run test:node)
//   node scripts/test.js --node-only test/node/handlers.test.ts   some files
//
// The Node tests are TypeScript, compiled by esbuild into .cache/node-tests/.
// One throwaway PostgreSQL cluster (scripts/pg-cluster.js) serves the whole
// run (KESSAI_TEST_PG_URL); each test file makes its own database in it. It is
// stopped and removed at the end, whatever happened.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileNodeTests, NODE_TESTS_OUT as out } from './compile-node-tests.js';
import { startPostgres } from './pg-cluster.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const nodeOnly = args.includes('--node-only');
const only = args.filter((a) => !a.startsWith('--'));

function run(cmd, argv, env, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let text = '';
    child.stdout?.on('data', (d) => {
      process.stdout.write(d);
      text += d;
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), text }));
  });
}

async function nodeStage() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let pg;
  try {
    const sources = await compileNodeTests();
    const wanted = only.length ? only.map((f) => join(root, f)) : sources;
    const files = sources
      .filter((f) => f.endsWith('.test.ts') && wanted.includes(f))
      .map((f) => join(out, relative(join(root, 'test', 'node'), f)).replace(/\.ts$/, '.mjs'));
    console.log(`Node tests (${files.length} files, ${process.version})`);
    pg = await startPostgres();
    // Interrupted (Ctrl-C, CI's timeout): the cluster goes too.
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (pg.stop(), process.exit(130)));
    const tap = join(out, 'results.tap');
    // Two files at a time (Node's default is cores - 1: one file at a time on two cores, 47 s wall
    // for 30 s of CPU; 27-29 s with two). Each file has its own database and free ports.
    const r = await run(
      process.execPath,
      ['--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
      { KESSAI_TEST_PG_URL: pg.url, TZ: 'America/Los_Angeles' },
    );
    const text = readFileSync(tap, 'utf8');
    const n = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    counts.passed = n('pass');
    counts.failed = n('fail') + n('cancelled');
    counts.skipped = n('skipped') + n('todo');
    if (r.code !== 0 && counts.failed === 0) counts.failed = 1; // failed outside any test
  } catch (error) {
    console.error(error);
    counts.failed++;
  } finally {
    pg?.stop();
  }
  console.log(`  node: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return counts;
}

async function browserStage() {
  const r = await run(process.execPath, [join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js'), '--config', 'test/web-test-runner.config.js'], {}, { capture: true });
  const lines = [...r.text.matchAll(/^(\d+) passed, (\d+) failed, (\d+) skipped$/gm)];
  const last = lines.at(-1);
  const counts = last ? { passed: +last[1], failed: +last[2], skipped: +last[3] } : { passed: 0, failed: 1, skipped: 0 };
  if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const node = await nodeStage();
const browser = nodeOnly ? { passed: 0, failed: 0, skipped: 0 } : await browserStage();
const total = { passed: node.passed + browser.passed, failed: node.failed + browser.failed, skipped: node.skipped + browser.skipped };
if (!nodeOnly) {
  console.log(`\n  node: ${node.passed} passed, ${node.failed} failed, ${node.skipped} skipped`);
  console.log(`  browsers: ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`);
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
