import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

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
// registered, both locales, no dynamic import. The npm build is plain `tsc`.
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
  plugins: [asciiOnly()],
});
