import vue from '@vitejs/plugin-vue';
import { isCustomElement } from 'kessai/vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement } } })],
  logLevel: 'warn',
});
