import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import { compileVitePlugin, readCatalog } from './scripts/compile-source.js';
import { embedChunks } from './scripts/embed-chunks.js';

// English messages: not in the embed but beside it, fetched (with this
// integrity) only when an element renders in English.
const catalog = readCatalog();
const englishJson = JSON.stringify(catalog.english);
const english = { file: 'kessai.en.json', integrity: `sha384-${createHash('sha384').update(englishJson).digest('base64')}` };

function englishTable(): Plugin {
  return {
    name: 'kessai-english-table',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: english.file, source: englishJson });
    },
  };
}

// The script-tag build: kessai.js, a classic script (lit inlined) that defines
// every element of the first screen synchronously, and the parts it loads on
// demand with their SRI hashes (scripts/embed-chunks.js: ASCII-only output, so
// it works on Shift_JIS pages). Japanese inline; English in kessai.en.json
// beside it. The npm build is scripts/build-esm.js.
export default defineConfig({
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    // Library mode: vite then writes dynamic imports as they are, without its preload helper
    // (which it adds even with modulePreload: false, vitejs/vite#18551): for the parts, kessai.js
    // would carry its code and probe <link rel=modulepreload> at load for nothing.
    lib: { entry: 'src/embed.ts', formats: ['es'], fileName: () => 'kessai.js' },
    // Minified by scripts/embed-chunks.js (esbuild), as every chunk is converted there.
    minify: false,
    modulePreload: false,
    rollupOptions: {
      input: 'src/embed.ts',
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: 'kessai.js', chunkFileNames: 'kessai-[name]-[hash].js' },
    },
  },
  define: { __KESSAI_EN__: JSON.stringify(english) },
  plugins: [compileVitePlugin({ mode: 'table', catalog }), englishTable(), embedChunks()],
});
