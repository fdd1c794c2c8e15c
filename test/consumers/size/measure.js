// Bundles each entry on its own (production, minified) and prints the gzip size of the output JS as JSON.
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const sizes = {};
for (const name of ['raw-empty.js', 'raw-tag.js', 'react-empty.jsx', 'react-wrapper.jsx']) {
  const out = await build({
    configFile: false,
    root: here,
    logLevel: 'silent',
    plugins: [react()],
    build: { write: false, minify: true, rollupOptions: { input: `${here}${name}` } },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  sizes[name] = chunks.reduce((n, c) => n + gzipSync(c.code, { level: 9 }).length, 0);
}
console.log(JSON.stringify(sizes));
