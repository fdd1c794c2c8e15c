// Browser launchers for @web/test-runner: Chromium and Firefox through
// puppeteer-core (CDP / WebDriver BiDi), WebKit (WebKitGTK's MiniBrowser)
// through WebKitWebDriver. Only Debian's browsers are used; nothing is downloaded.
// BROWSERS=chromium,firefox,webkit (default: all three) narrows the run.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';

const INSTALL = {
  chromium: { files: [CHROMIUM], apt: 'chromium', env: 'CHROME_PATH' },
  firefox: { files: [FIREFOX], apt: 'firefox-esr', env: 'FIREFOX_PATH' },
  webkit: { files: [WEBKIT_DRIVER, MINIBROWSER], apt: 'webkit2gtk-driver xvfb', env: 'WEBKIT_DRIVER_PATH' },
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The Storybook check opens tabs beside the test page: the test page must keep its
  // timers and renderer at full speed while it is in the background.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** The engines this run uses, from BROWSERS (comma or space separated). */
export function selectedEngines() {
  const names = (process.env.BROWSERS || 'chromium,firefox,webkit').split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((n) => !(n in INSTALL));
  if (unknown.length) throw new Error(`BROWSERS: unknown engine(s) ${unknown.join(', ')}; use chromium, firefox, webkit.`);
  return names;
}

/** Throws a message saying how to install each missing engine (never a hang). */
export function assertInstalled(engines) {
  const missing = engines.filter((e) => INSTALL[e].files.some((f) => !existsSync(f)) || (e === 'webkit' && !process.env.DISPLAY && !existsSync(XVFB)));
  if (!missing.length) return;
  const lines = missing.map(
    (e) => `  - ${e}: not found (${INSTALL[e].files.join(', ')}). Install: sudo apt-get install -y --no-install-recommends ${INSTALL[e].apt}  (or set ${INSTALL[e].env})`,
  );
  throw new Error(
    `Missing browser engine(s) for the test run:\n${lines.join('\n')}\n` +
      `Run only what you have, e.g. BROWSERS=chromium npm test. CI (.ci/run) installs all three.`,
  );
}

/** One line per engine with the version of the binary this run drives (printed first by the config). */
export function describeEngines(engines) {
  const ask = (file, args) => {
    try {
      return execFileSync(file, args, { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
    } catch {
      return 'version unknown';
    }
  };
  const line = {
    chromium: () => `${ask(CHROMIUM, ['--version'])} (${CHROMIUM})`,
    firefox: () => `${ask(FIREFOX, ['--version'])} (${FIREFOX})`,
    // MiniBrowser has no --version; the WebKitGTK library it runs on has the version.
    webkit: () => `WebKitGTK ${ask('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'])} (${MINIBROWSER})`,
  };
  return engines.map((e) => `  ${e}: ${line[e]()}`).join('\n');
}

// ---- child processes (Xvfb, WebKitWebDriver), always cleaned up ----
const children = new Set();
function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
function killAll() {
  for (const c of children) {
    try {
      c.kill('SIGTERM');
    } catch {
      /* already gone */
    }
  }
  children.clear();
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\nThe test run was stopped by ${sig}.`);
    killAll();
    process.exit(130);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a free display number unless a display exists; resolves the DISPLAY value. */
function startXvfb() {
  if (process.env.DISPLAY) return Promise.resolve(process.env.DISPLAY);
  return new Promise((resolve, reject) => {
    const xvfb = track(spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] }));
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code})`));
    });
  });
}

async function waitForDriver(port, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${ms / 1000} s`);
}

/** WebKit via WebKitWebDriver; Xvfb and the driver start on first use and stop with the run. */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({
      hostname: '127.0.0.1',
      port: 0,
      logLevel: 'error',
      connectionRetryTimeout: 60_000,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    });
    this.name = 'WebKit';
  }

  async initialize(config) {
    const display = await startXvfb();
    const port = await freePort();
    track(
      spawn(WEBKIT_DRIVER, [`--port=${port}`], {
        stdio: 'ignore',
        env: { ...process.env, DISPLAY: display },
      }),
    );
    await waitForDriver(port);
    // The launcher passes these options to webdriverio's remote().
    this.options.port = port;
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      killAll();
    }
  }
}

/** A headless Chromium of its own, launched as the test run's (the Storybook check's second lane). */
export function launchChromium() {
  return puppeteerCore.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export function createLaunchers(engines) {
  return engines.map((engine) => {
    if (engine === 'chromium') {
      const launcher = chromeLauncher({
        launchOptions: { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS },
      });
      launcher.name = 'Chromium';
      return launcher;
    }
    if (engine === 'firefox') {
      const launcher = chromeLauncher({
        puppeteer: puppeteerCore,
        // No viewport emulation in Firefox: puppeteer's BiDi setViewport() also sends
        // emulation.setScreenOrientationOverride, which Firefox ESR 140 (Debian 12's
        // bookworm/main build) answers with "unknown command", failing every test file.
        // The window itself is 800x600 instead (WTR's size for Chromium), so layouts match.
        launchOptions: {
          browser: 'firefox',
          executablePath: FIREFOX,
          headless: true,
          defaultViewport: null,
          args: ['--width=800', '--height=600'],
        },
        createPage: async ({ context }) => {
          const page = await context.newPage();
          // WTR calls setViewport({ 800x600 }) before every test file (see above).
          page.setViewport = async () => undefined;
          return page;
        },
      });
      launcher.name = 'Firefox';
      return launcher;
    }
    return new WebKitLauncher();
  });
}

// `node test/browsers.js` (the first step of npm test): which engines this run uses, with versions.
if (import.meta.url === `file://${process.argv[1]}`) {
  const engines = selectedEngines();
  console.log(`Browser engines of this run:\n${describeEngines(engines)}`);
  assertInstalled(engines);
}
