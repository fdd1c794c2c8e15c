import type { StorybookConfig } from '@storybook/web-components-vite';
import { compileVitePlugin } from '../scripts/compile-source.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // Messages and styles compiled as in every build (scripts/compile-source.js).
  viteFinal: (vite) => ({ ...vite, plugins: [compileVitePlugin(), ...(vite.plugins ?? [])] }),
  // Postal shards for the address stories (stories cannot reach the test server):
  // the test fixtures (generated from the real data) and a deliberately broken shard.
  staticDirs: [
    { from: '../test/fixtures/postal', to: '/postal' },
    { from: '../stories/fixtures/postal-broken', to: '/postal-broken' },
  ],
};
export default config;
