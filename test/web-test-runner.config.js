import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { assertInstalled, createLaunchers, describeEngines, selectedEngines } from './browsers.js';
import { bundlePlugin, imePlugin, keyChordPlugin, mediaPlugin, storyCheckPlugin } from './commands.js';
import { summaryLineReporter } from './summary-reporter.js';
import { compileWtrPlugin } from '../scripts/compile-source.js';
import { testApiMiddleware } from './server/test-api.js';

// Every browser runs in a time zone far from Japan, so JST rendering is real.
process.env.TZ = process.env.KESSAI_TEST_TZ || 'America/Los_Angeles';

// A failure in a plugin or launcher is reported, never a silent stop of the whole run.
process.on('unhandledRejection', (error) => {
  console.error('\nUnhandled rejection in the test run:', error);
  process.exitCode = 1;
});

const engines = selectedEngines();
assertInstalled(engines);
console.log(`Browser engines of this run:\n${describeEngines(engines)}\n`);

export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  // test/node/ runs under node --test (scripts/test.js); test/storybook/ is its own group below.
  files: process.env.TEST_FILES ? [process.env.TEST_FILES] : ['test/**/*.test.ts', '!test/storybook/**', '!test/node/**'],
  // The Storybook smoke test opens stories in real tabs: Chromium only, as its own group.
  groups:
    engines.includes('chromium') && !process.env.TEST_FILES
      ? [{ name: 'storybook', files: 'test/storybook/*.test.ts', browsers: createLaunchers(['chromium']) }]
      : [],
  nodeResolve: true,
  // WebKit's WebDriver breaks sendKeys with more than one page (iframe mode).
  concurrency: 1,
  // The Storybook group's Chromium is a launcher of its own: it starts when the first engine has
  // run all its files (Firefox, early), and ends about when WebKit does now that stories are
  // switched without reloads. With 4 at once, CI ran at a load of 10-12 on two cores and the
  // WebKit timeout test of the checkout failed in one run of four.
  concurrentBrowsers: 3,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // A whole file (the Storybook smoke: every story) on a busy machine; single tests time out first.
  testsFinishTimeout: 600_000,
  // Sized for two cores doing other work too; a slow test fails by its own name.
  testFramework: { config: { timeout: 30_000 } },
  browsers: createLaunchers(engines),
  middleware: [testApiMiddleware()],
  plugins: [
    // Messages and styles compiled as in every build (scripts/compile-source.js), before esbuild.
    compileWtrPlugin(),
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) }),
    bundlePlugin(),
    imePlugin(),
    storyCheckPlugin(),
    keyChordPlugin(),
    mediaPlugin(),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  reporters: [defaultReporter({ reportTestProgress: !process.env.CI }), summaryLineReporter()],
};
