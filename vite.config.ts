import { transform } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

/**
 * Escapes every non-ASCII character (\uXXXX), so the embed file works when a
 * shop serves it without a charset to a Shift_JIS page. esbuild's
 * `charset: 'ascii'` is exact for strings, templates, regexps and identifiers.
 */
function asciiOnly(): Plugin {
  return {
    name: 'kessai-ascii-only',
    // After minification (which would turn escapes back into raw characters).
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const code = (await transform(chunk.code, { charset: 'ascii', minifyWhitespace: true, target: 'es2022' })).code;
        // esbuild leaves tagged templates as they are (escaping changes their `.raw`), e.g. the
        // translated str`…` messages. lit and @lit/localize read only the cooked strings, which
        // are the same with \u escapes.
        chunk.code = code.replace(/[\u0080-\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
