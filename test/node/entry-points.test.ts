/**
 * kessai/server stays runnable in workers (no driver, no node: module in its
 * graph), and the browser entry points carry no server code.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { build } from 'esbuild';

const root = process.cwd();

async function bundle(entry: string, platform: 'neutral' | 'browser') {
  const r = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    platform,
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
    // Anything not resolvable to a file would have to come from the runtime: list it.
    plugins: [{ name: 'externals', setup: (b) => b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('lit') || a.path.startsWith('@lit') ? undefined : { path: a.path, external: true })) }],
  });
  const externals = r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].imports.map((i) => i.path);
  return { code: r.outputFiles[0].text, inputs: Object.keys(r.metafile.inputs), externals };
}

it('kessai/server imports no package and no node: module (it runs in workers)', async () => {
  const { externals, inputs } = await bundle('src/server.ts', 'neutral');
  assert.deepEqual(externals, []);
  assert.ok(!inputs.some((f) => /sqlite-store|postgres-store|server\/node\.ts/.test(f)), inputs.join('\n'));
});

it('the drivers are imported only by their own entry points', async () => {
  assert.deepEqual((await bundle('src/server/sqlite-store.ts', 'neutral')).externals.sort(), ['better-sqlite3', 'node:fs', 'node:path']);
  assert.deepEqual((await bundle('src/server/postgres-store.ts', 'neutral')).externals, ['pg']);
});

it('each PSP adapter is its own entry point: no package, no node: module, no other adapter', async () => {
  for (const psp of ['komoju', 'stripe', 'payjp', 'fincode']) {
    const { externals, inputs } = await bundle(`src/server/psp/${psp}.ts`, 'neutral');
    // Stripe's adapter is the one on an official SDK (an optional peer dependency).
    assert.deepEqual(externals, psp === 'stripe' ? ['stripe'] : [], psp);
    const others = inputs.filter((f) => /src\/server\/psp\/(komoju|stripe|payjp|fincode)\.ts$/.test(f) && !f.endsWith(`${psp}.ts`));
    assert.deepEqual(others, [], psp);
  }
  const { inputs } = await bundle('src/server.ts', 'neutral');
  assert.ok(!inputs.some((f) => f.includes('src/server/psp/')), 'kessai/server does not pull the adapters in');
});

it('the browser entry points carry no server code', async () => {
  for (const entry of ['src/index.ts', 'src/embed.ts']) {
    const { inputs } = await bundle(entry, 'browser');
    assert.deepEqual(inputs.filter((f) => f.includes('src/server')), [], entry);
  }
});

it('the postal build pipeline is kessai/postal-build only: kessai/core keeps what the browser looks up with', async () => {
  const core = await import('kessai/core');
  const build = await import('kessai/postal-build');
  for (const name of ['readKenAll', 'parseKenAllCsv', 'parseCsv', 'readZip', 'buildShards', 'parseJpostalFile']) {
    assert.equal(name in core, false, `kessai/core exports ${name}`);
    assert.equal(typeof (build as Record<string, unknown>)[name], 'function', `kessai/postal-build lacks ${name}`);
  }
  for (const name of ['lookupShard', 'parseShard', 'shardKey']) assert.equal(typeof (core as Record<string, unknown>)[name], 'function', name);
});

it('no entry point re-exports a whole module (export *): every public name is listed', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { default: string }> };
  const files = Object.values(pkg.exports)
    .map((t) => (typeof t === 'string' ? t : t.default))
    .filter((js) => js.startsWith('./dist/') && !js.includes('*'))
    .map((js) => join(root, js.replace('./dist/', 'src/').replace(/\.js$/, '.ts')));
  for (const f of [...files, join(root, 'src/core/index.ts')]) assert.doesNotMatch(readFileSync(f, 'utf8'), /^export \* from/m, f);
});
