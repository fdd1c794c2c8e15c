import { createHash } from 'node:crypto';
import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { compileVitePlugin, readCatalog } from './scripts/compile-source.js';

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

/**
 * Escapes every non-ASCII character (\uXXXX), so the embed file works when a
 * shop serves it without a charset to a Shift_JIS page. esbuild's
 * `charset: 'ascii'` is exact for strings, templates and identifiers, but not
 * for regular-expression literals, which are escaped here afterwards.
 */
function asciiOnly(): Plugin {
  return {
    name: 'kessai-ascii-only',
    // After minification (which would turn escapes back into raw characters).
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const out = (await transform(chunk.code, { charset: 'ascii', minifyWhitespace: true, target: 'es2022' })).code;
        // esbuild leaves tagged templates (their raw text would change) and regular-expression
        // literals (/[都道府県]$/) alone: escape what is left, one UTF-16 unit at a time. That is
        // exact in a regexp (with or without the u flag) and in the cooked strings that lit's
        // html/css and localize's str read.
        chunk.code = out.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      }
    },
  };
}

// The script-tag build: ONE self-contained file, lit inlined, every element
// registered, Japanese inline; English in kessai.en.json beside it. The npm
// build is scripts/build-esm.js.
export default defineConfig({
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: 'src/embed.ts',
      formats: ['iife'],
      name: 'kessai',
      fileName: () => 'kessai.js',
    },
    rollupOptions: {
      output: { inlineDynamicImports: true },
    },
  },
  define: { __KESSAI_EN__: JSON.stringify(english) },
  plugins: [compileVitePlugin({ mode: 'table', catalog }), englishTable(), asciiOnly()],
});
