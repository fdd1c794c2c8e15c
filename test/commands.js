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

// story-check { id }: opens one story of the static Storybook build (storybook-static/,
// served by the test run's server) in a Chromium tab of its own and reports the
// console errors, page errors, failed requests and whether a kessai element
// rendered. A command must answer within WTR's fixed 20 s, while a story on a busy
// machine may take longer: so a check runs in the background (one story after
// another, in one reused tab) and the command answers { pending: true } after 8 s;
// the test asks again until its own timeout, so a slow story fails by its name.
export function storyCheckPlugin() {
  const checks = new Map();
  let queue = Promise.resolve();
  let tab;
  return {
    name: 'kessai-story-check',
    async executeCommand({ command, payload, session }) {
      if (command !== 'story-check') return undefined;
      if (typeof session.browser.getPage !== 'function') throw new Error('story-check needs a puppeteer (Chromium) session');
      let check = checks.get(payload.id);
      if (!check) {
        const testPage = session.browser.getPage(session.id);
        const origin = new URL(testPage.url()).origin;
        check = queue.then(async () => {
          tab ??= await openTab(testPage.browser());
          try {
            return await visit(tab, origin, payload.id);
          } catch (e) {
            // A story that failed to load leaves the tab in an unknown state: start a new one.
            await tab.page.close().catch(() => undefined);
            tab = undefined;
            return { errors: [`story did not load: ${e?.message ?? e}`], rendered: false };
          }
        });
        queue = check;
        checks.set(payload.id, check);
      }
      return Promise.race([check, new Promise((r) => setTimeout(() => r({ pending: true }), 8_000))]);
    },
  };
}

async function openTab(browser) {
  const page = await browser.newPage();
  const tab = { page, errors: [] };
  page.on('console', (m) => m.type() === 'error' && tab.errors.push(m.text()));
  page.on('pageerror', (e) => tab.errors.push(String(e?.message ?? e)));
  page.on('requestfailed', (r) => tab.errors.push(`request failed: ${r.url()}`));
  return tab;
}

async function visit(tab, origin, id) {
  const { page } = tab;
  tab.errors = [];
  await page.goto(`${origin}/storybook-static/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForFunction(
    () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
    { timeout: 60_000, polling: 50 },
  );
  // Play functions and late console errors: two frames after the story settled.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
  const state = await page.evaluate(() => ({
    error: document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent || 'story error' : '',
    rendered: (document.querySelector('#storybook-root')?.innerHTML ?? '').includes('kessai-'),
  }));
  return { errors: state.error ? [...tab.errors, state.error] : [...tab.errors], rendered: state.rendered };
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
        const out = await build({
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
