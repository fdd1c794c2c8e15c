#!/usr/bin/env node
// `npm run screenshots`: the demo shop as shoppers see it, in headless Chromium at
// phone width, into docs/screenshots/: a light page, a phone in dark mode on that
// light page, a dark shop, forced colours (Windows high contrast), a brand theme.
// Needs `npm run build` (the embed) first. CHROME_PATH overrides /usr/bin/chromium.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { puppeteerCore } from '@web/test-runner-chrome';
import { createApiListener, createDemoServer } from '../demo/serve.js';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const MODES = [
  { name: 'shop-light', path: '/shop/', media: [] },
  { name: 'shop-os-dark-light-page', path: '/shop/', media: [{ name: 'prefers-color-scheme', value: 'dark' }] },
  { name: 'shop-dark-page', path: '/shop/?theme=dark', media: [{ name: 'prefers-color-scheme', value: 'dark' }] },
  { name: 'shop-forced-colors', path: '/shop/', media: [{ name: 'forced-colors', value: 'active' }, { name: 'prefers-color-scheme', value: 'dark' }] },
  { name: 'shop-brand', path: '/shop/?theme=brand', media: [] },
];

const api = await createApiListener({ databaseUrl: '', dbPath: ':memory:' });
const server = await createDemoServer({ api: api.listener });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteerCore.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'],
});
try {
  await mkdir(out, { recursive: true });
  for (const mode of MODES) {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    // CDP directly: puppeteer's emulateMediaFeatures does not know forced-colors.
    await (await page.createCDPSession()).send('Emulation.setEmulatedMedia', { features: mode.media });
    await page.goto(origin + mode.path, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('kessai-checkout')?.shadowRoot?.querySelector('form'));
    await page.evaluate(() => new Promise((r) => globalThis.requestAnimationFrame(() => globalThis.requestAnimationFrame(r))));
    await page.screenshot({ path: `${out}${mode.name}.png`, fullPage: true });
    console.log(`docs/screenshots/${mode.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await api.close();
}
