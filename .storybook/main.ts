import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { compileVitePlugin } from '../scripts/compile-source.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // Storybook's web-components renderer is served from node_modules as is, and Vite resolves its
  // `lit/directive-helpers.js` import to the raw file, which loads a second lit-html beside the one
  // in the pre-bundled `lit` ("Multiple versions of Lit loaded" in `npm run storybook`). Routed
  // through a project file, the import is pre-bundled with the rest of Lit: one copy.
  //
  // Messages and styles compiled as in every build (scripts/compile-source.js), inline English:
  // first, so the embed's table-mode pass from vite.config.ts finds them compiled already.
  viteFinal: (config) => ({
    ...config,
    // vite.config.ts's output stage for the script tag (kessai.js and its parts) is no part of Storybook.
    plugins: [compileVitePlugin(), ...(config.plugins ?? []).flat(Infinity).filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'kessai-embed-chunks'))],
    resolve: {
      ...config.resolve,
      alias: [
        ...(Array.isArray(config.resolve?.alias) ? config.resolve.alias : Object.entries(config.resolve?.alias ?? {}).map(([find, replacement]) => ({ find, replacement }))),
        { find: /^lit\/directive-helpers\.js$/, replacement: fileURLToPath(new URL('./lit-directive-helpers.ts', import.meta.url)) },
      ],
    },
    optimizeDeps: { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), 'lit-html/directive-helpers.js'] },
  }),
  // Postal shards for the address stories (stories cannot reach the test server):
  // the test fixtures (generated from the real data) and a deliberately broken shard.
  staticDirs: [
    { from: '../test/fixtures/postal', to: '/postal' },
    { from: '../stories/fixtures/postal-broken', to: '/postal-broken' },
  ],
};
export default config;
