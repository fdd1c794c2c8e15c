// Compiles test/node/**/*.ts (tests, helpers, fixtures) with esbuild into
// .cache/node-tests/, one ESM file each (.mjs), `kessai/server*` taken from
// src/ and npm packages left external. Used by scripts/test.js and the server bench.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { compileEsbuildPlugin } from './compile-source.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const NODE_TESTS_OUT = join(root, '.cache', 'node-tests');

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Returns the compiled sources' paths (test/node/…ts). */
export async function compileNodeTests() {
  rmSync(NODE_TESTS_OUT, { recursive: true, force: true });
  mkdirSync(NODE_TESTS_OUT, { recursive: true });
  const entryPoints = walk(join(root, 'test', 'node')).filter((f) => f.endsWith('.ts'));
  await build({
    entryPoints,
    outbase: join(root, 'test', 'node'),
    outdir: NODE_TESTS_OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    outExtension: { '.js': '.mjs' },
    alias: {
      'kessai/core': join(root, 'src', 'core', 'index.ts'),
      'kessai/postal-build': join(root, 'src', 'postal-build.ts'),
      'kessai/server': join(root, 'src', 'server.ts'),
      'kessai/server/sqlite': join(root, 'src', 'server', 'sqlite-store.ts'),
      'kessai/server/postgres': join(root, 'src', 'server', 'postgres-store.ts'),
      'kessai/server/node': join(root, 'src', 'server', 'node.ts'),
      ...Object.fromEntries(['komoju', 'stripe', 'payjp', 'fincode'].map((p) => [`kessai/server/psp/${p}`, join(root, 'src', 'server', 'psp', `${p}.ts`)])),
    },
    plugins: [compileEsbuildPlugin()],
    logLevel: 'warning',
  });
  return entryPoints;
}
