// Test-run commands beyond @web/test-runner-commands.
//  - ime: drives a real IME composition in Chromium through the DevTools
//    protocol (Input.imeSetComposition / Input.insertText), as an IME would,
//    into the focused element. Steps: { compose: text } shows composing text
//    (compositionstart/update, input with isComposing), { commit: text } commits
//    it (compositionend; outside a composition it types text: insertText),
//    { paste: text } puts text on the clipboard and pastes it with the browser's
//    own paste command (a real insertFromPaste). Checked in headless Chromium:
//    the events come as with an IME (update, beforeinput, input isComposing,
//    ..., compositionend, in that order).
//    Other engines answer { supported: false }: their tests assert that and
//    dispatch the events by hand, and say so in the test name.
import { launchChromium } from './browsers.js';

export function imePlugin() {
  return {
    name: 'kessai-ime',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ime') return undefined;
      if (!/chrom/i.test(session.browser.name) || typeof session.browser.getPage !== 'function') {
        return { supported: false };
      }
      const page = session.browser.getPage(session.id);
      const cdp = (page.__kessaiCdp ??= await page.createCDPSession());
      for (const step of payload.steps) {
        if (step.compose !== undefined) {
          await cdp.send('Input.imeSetComposition', {
            text: step.compose,
            selectionStart: step.compose.length,
            selectionEnd: step.compose.length,
          });
        } else if (step.commit !== undefined) {
          await cdp.send('Input.insertText', { text: step.commit });
        } else if (step.paste !== undefined) {
          await page.browserContext().overridePermissions(new URL(page.url()).origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
          // Runs in the page: the clipboard API of the browser under test.
          await page.evaluate((t) => globalThis.navigator.clipboard.writeText(t), step.paste);
          const key = { key: 'v', code: 'KeyV', windowsVirtualKeyCode: 86, modifiers: 2 };
          await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key, commands: ['paste'] });
          await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
        }
      }
      return { supported: true };
    },
  };
}

// story-check { id, visual }: opens one story of the static Storybook build
// (storybook-static/, served by the test run's server) in a phone-sized Chromium
// tab of its own and reports the console errors, page errors, failed requests and
// whether a kessai element rendered. With `visual`, it also compares screenshots
// with their baselines (test/visual.js): the story on a light page, the same with
// the OS in dark mode (which must look exactly as on the light page: the form
// matches the page), and on a dark page. The clock is fixed (2026-11-20 12:00 JST,
// then running), so countdowns and deadlines look the same every day.
// A command must answer within WTR's fixed 20 s, while a story on a busy machine may
// take longer: so checks run in the background (in two reused tabs) and the command
// answers { pending: true } after 8 s; the test asks again until its own timeout,
// so a slow story fails by its name.
export function storyCheckPlugin() {
  const checks = new Map();
  // story-plan { ids, visual } queues them all at once, in order, so each test finds
  // its story checked or under way. Two lanes, each one tab in a browser of its own (the
  // test run's Chromium, and a second one): a tab in the background gets no animation
  // frames, so two tabs of one browser side by side stall each other. Measured alone, two
  // lanes took the group from 190 s to 150 s (before stories were switched without
  // reloads); three were slower than two.
  const lanes = [{ queue: Promise.resolve() }, { queue: Promise.resolve(), own: true }];
  let next = 0;
  function enqueue(session, payload) {
    const testPage = session.browser.getPage(session.id);
    const origin = new URL(testPage.url()).origin;
    const lane = lanes[next++ % lanes.length];
    // Never rejects: a check queued ahead of its test must not become an unhandled rejection.
    const check = lane.queue.then(async () => {
      try {
        if (lane.own) lane.browser ??= await launchChromium();
        lane.tab ??= await openTab(lane.browser ?? testPage.browser());
        return await visit(lane.tab, origin, payload);
      } catch (e) {
        // A story that failed to load leaves the tab in an unknown state: start a new one.
        await lane.tab?.page.close().catch(() => undefined);
        lane.tab = undefined;
        return { errors: [`story did not load: ${e?.message ?? e}`], rendered: false, visual: {} };
      }
    });
    lane.queue = check;
    checks.set(payload.id, check);
    return check;
  }
  return {
    name: 'kessai-story-check',
    async serverStop() {
      await Promise.all(lanes.map((l) => l.browser?.close().catch(() => undefined)));
    },
    async executeCommand({ command, payload, session }) {
      if (command !== 'story-check' && command !== 'story-plan') return undefined;
      if (typeof session.browser.getPage !== 'function') throw new Error('story checks need a puppeteer (Chromium) session');
      if (command === 'story-plan') {
        for (const id of payload.ids) if (!checks.has(id)) enqueue(session, { id, visual: payload.visual });
        return true;
      }
      const check = checks.get(payload.id) ?? enqueue(session, payload);
      return Promise.race([check, new Promise((r) => setTimeout(() => r({ pending: true }), 8_000))]);
    },
  };
}

const FIXED_NOW = Date.parse('2026-11-20T12:00:00+09:00');

async function openTab(browser) {
  const page = await browser.newPage();
  await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
  // Runs in the page before its scripts: a clock that starts at FIXED_NOW, and no
  // blinking caret (caret-color inherits into the elements' shadow roots).
  await page.evaluateOnNewDocument((now) => {
    const Real = Date;
    let start = performance.now();
    const current = () => now + Math.floor(performance.now() - start);
    // Each story starts at the fixed time, also when it is shown without a reload.
    globalThis.__kessaiResetClock = () => (start = performance.now());
    globalThis.Date = class extends Real {
      constructor(...args) {
        super(...(args.length ? args : [current()]));
      }
      static now() {
        return current();
      }
    };
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent = 'html { caret-color: transparent !important; scrollbar-width: none; }';
      document.head.append(style);
    });
  }, FIXED_NOW);
  const tab = { page, cdp: await page.createCDPSession(), errors: [] };
  // The browser's own request for /favicon.ico (a new browser asks once per origin) is not the story's.
  page.on('console', (m) => m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico') && tab.errors.push(m.text()));
  page.on('pageerror', (e) => tab.errors.push(String(e?.message ?? e)));
  page.on('requestfailed', (r) => tab.errors.push(`request failed: ${r.url()}`));
  return tab;
}

/**
 * Shows the story on a light page and waits until it has settled. The first story of a tab loads
 * Storybook's preview; the next ones are switched to in it, as Storybook's own UI does (no reload:
 * loading the preview again was most of the group's time), on a light page, with the clock back at
 * the fixed time and no order id left in the URL by the story before.
 */
async function load(tab, origin, id) {
  const { page } = tab;
  if (tab.preview) {
    await page.evaluate((storyId) => {
      globalThis.__kessaiSetPage('light');
      const u = new URL(globalThis.location.href);
      u.searchParams.delete('kessai-order');
      globalThis.history.replaceState(globalThis.history.state, '', u.href);
      globalThis.scrollTo(0, 0);
      globalThis.__kessaiResetClock();
      globalThis.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode: 'story' });
    }, id);
  } else {
    await page.goto(`${origin}/storybook-static/iframe.html?id=${encodeURIComponent(id)}&viewMode=story&globals=page:light`, { waitUntil: 'load', timeout: 60_000 });
  }
  await page.waitForFunction(
    () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
    { timeout: 60_000, polling: 50 },
  );
  // This story's play function done (Storybook's render phase after it), whatever it waited for.
  await page.waitForFunction(
    (storyId) => {
      const render = globalThis.__STORYBOOK_PREVIEW__?.currentRender;
      return document.body.classList.contains('sb-show-errordisplay') || (render?.id === storyId && ['completed', 'afterEach', 'finished', 'errored'].includes(render.phase));
    },
    { timeout: 60_000, polling: 50 },
    id,
  );
  // A story that failed leaves the preview in an unknown state: the next one loads it again.
  tab.preview = await page.evaluate(() => !document.body.classList.contains('sb-show-errordisplay'));
  // Lookups and late console errors: the network quiet, two frames.
  await page.waitForNetworkIdle({ idleTime: 150, timeout: 30_000 }).catch(() => undefined);
  await settleFrames(page);
}

function settleFrames(page) {
  return page.evaluate(() => new Promise((r) => globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(() => setTimeout(r, 20)))));
}

/** PNG of the story's root, or null when it shows nothing (a refusal). */
async function shoot(page) {
  // From the top of the page: a story's play function may leave it scrolled (a focused field),
  // by an amount that depends on timing; the clip below is then painted only partly.
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await settleFrames(page);
  const root = await page.$('#storybook-root');
  const box = await root?.boundingBox();
  if (!box || box.height < 1) return null;
  return Buffer.from(await page.screenshot({ clip: { x: 0, y: box.y, width: 390, height: Math.ceil(box.height) }, captureBeyondViewport: true }));
}

async function visit(tab, origin, { id, visual }) {
  const { page, cdp } = tab;
  tab.errors = [];
  await load(tab, origin, id);
  const state = await page.evaluate(() => ({
    error: document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent || 'story error' : '',
    rendered: (document.querySelector('#storybook-root')?.innerHTML ?? '').includes('kessai-'),
  }));
  const result = { errors: state.error ? [...tab.errors, state.error] : [...tab.errors], rendered: state.rendered, visual: {} };
  if (!visual) return result;
  const { compareWithBaseline } = await import('./visual.js');
  const light = await shoot(page);
  if (!light) return result;
  result.visual.light = await compareWithBaseline(`${id}.light`, light);
  await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
  try {
    await settleFrames(page);
    result.visual['os-dark'] = await compareWithBaseline(`${id}.os-dark`, await shoot(page), `${id}.light`);
  } finally {
    await cdp.send('Emulation.setEmulatedMedia', { features: [] });
  }
  // The dark page, as the toolbar's "Dark page" paints it (.storybook/preview.ts), without a reload.
  await page.evaluate(() => globalThis.__kessaiSetPage('dark'));
  await settleFrames(page);
  result.visual.dark = await compareWithBaseline(`${id}.dark`, await shoot(page));
  result.errors.push(...tab.errors.filter((e) => !result.errors.includes(e)));
  return result;
}

//  - key-chord: presses keys together (e.g. ['Control', 'v'] to paste), in
//    every engine: puppeteer holds the modifiers down; WebDriver's `keys`
//    presses the whole array as one chord (sendKeys' press cannot).
export function keyChordPlugin() {
  return {
    name: 'kessai-key-chord',
    async executeCommand({ command, payload, session }) {
      if (command !== 'key-chord') return undefined;
      const keys = payload.keys;
      if (session.browser.type === 'webdriver') {
        await session.browser.sendKeys(session.id, keys);
        return true;
      }
      const page = session.browser.getPage(session.id);
      for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
      await page.keyboard.press(keys[keys.length - 1]);
      for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
      return true;
    },
  };
}

// Serves /__bundles/<name>.js: an ESM bundle made with esbuild of
// test/frameworks/<name>.tsx, for libraries that ship CommonJS only (React).
export function bundlePlugin() {
  const cache = new Map();
  return {
    name: 'kessai-bundle',
    async serve(context) {
      const m = /^\/__bundles\/([\w-]+)\.js$/.exec(context.path);
      if (!m) return undefined;
      if (!cache.has(m[1])) {
        const { build } = await import('esbuild');
        const { compileEsbuildPlugin } = await import('../scripts/compile-source.js');
        const out = await build({
          plugins: [compileEsbuildPlugin()],
          entryPoints: [new URL(`./frameworks/${m[1]}.tsx`, import.meta.url).pathname],
          bundle: true,
          format: 'esm',
          write: false,
          jsx: 'automatic',
          define: { 'process.env.NODE_ENV': '"production"' },
          tsconfig: new URL('../tsconfig.json', import.meta.url).pathname,
          logLevel: 'error',
        });
        cache.set(m[1], out.outputFiles[0].text);
      }
      return { body: cache.get(m[1]), type: 'js' };
    },
  };
}

//  - media: { features: [{ name, value }] } emulates CSS media features in Chromium
//    through DevTools (Emulation.setEmulatedMedia: prefers-color-scheme, forced-colors,
//    which puppeteer's own emulateMediaFeatures does not know); [] resets them.
//    Firefox (WebDriver BiDi) and WebKit (WebDriver classic) have no such command
//    and answer { supported: false }.
export function mediaPlugin() {
  return {
    name: 'kessai-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'media') return undefined;
      if (!/chrom/i.test(session.browser.name) || typeof session.browser.getPage !== 'function') return { supported: false };
      const page = session.browser.getPage(session.id);
      const cdp = (page.__kessaiCdp ??= await page.createCDPSession());
      await cdp.send('Emulation.setEmulatedMedia', { features: payload.features });
      return { supported: true };
    },
  };
}
