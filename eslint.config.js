import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'src/generated/', 'node_modules/', '.cache/', 'demo/**/dist/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', customElements: 'readonly', process: 'readonly',
        fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', URL: 'readonly',
        Request: 'readonly', Response: 'readonly', Headers: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='console'][callee.property.name='log']", message: 'No console.log in library code.' },
      ],
    },
  },
  // Code that runs inside page.evaluate() in a browser.
  // Code in test/commands.js run in the page by page.evaluate: browser globals.
  { files: ['test/commands.js'], languageOptions: { globals: { requestAnimationFrame: 'readonly', performance: 'readonly', document: 'readonly' } } },
  {
    files: ['test/**', 'scripts/**', 'demo/**', 'vite.config.ts', '.storybook/**'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
