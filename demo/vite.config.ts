// Builds the React and Vue storefronts of the demo into demo/dist/{react,vue}.
// They import `kessai` as an installed package would be imported.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [
    vue({
      // kessai-* tags are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kessai-') } },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      input: { react: `${root}react/index.html`, vue: `${root}vue/index.html` },
    },
  },
});
