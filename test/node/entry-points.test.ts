/**
 * kessai/server stays runnable in workers (no driver, no node: module in its
 * graph), and the browser entry points carry no server code.
 */
import assert from 'node:assert/strict';
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
