// Loads the reference backend (TypeScript, demo/server/) into plain Node:
// esbuild compiles it, with `kessai/server` taken from src/ (so no prior
// `npm run build` is needed), into .cache/ and imports it. Used by
// demo/serve.js (`npm start`) and by the test run's dev server.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** @returns {Promise<typeof import('./index.ts')>} */
export async function loadCheckoutServer() {
  const result = await build({
    entryPoints: [`${root}demo/server/index.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    sourcemap: 'inline',
    alias: {
      'kessai/server': `${root}src/server.ts`,
      'kessai/server/sqlite': `${root}src/server/sqlite-store.ts`,
      'kessai/server/postgres': `${root}src/server/postgres-store.ts`,
      'kessai/server/node': `${root}src/server/node.ts`,
      ...Object.fromEntries(['komoju', 'stripe', 'payjp', 'fincode'].map((p) => [`kessai/server/psp/${p}`, `${root}src/server/psp/${p}.ts`])),
    },
    // Runtime packages stay in node_modules (better-sqlite3 is native).
    external: ['hono', 'hono/*', '@hono/node-server', 'better-sqlite3', 'pg', 'stripe'],
    logLevel: 'warning',
  });
  const dir = `${root}.cache`;
  await mkdir(dir, { recursive: true });
  const file = `${dir}/kessai-demo-server.mjs`;
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, result.outputFiles[0].contents);
  await rename(tmp, file);
  return import(`${pathToFileURL(file).href}?v=${Date.now()}`);
}
