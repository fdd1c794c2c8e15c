// Keystroke A/B in one page: types into 姓 of a mounted checkout (dist/cdn/kessai.js), alternating
// the base case with each mode named on the command line, 40 rounds (the first 5 not counted), and
// prints the median keystroke (value set, InputEvent, update, forced layout) of each. Alternating in
// one page keeps the VM's drift out of the comparison, which separate `npm run bench` runs cannot.
// Needs dist/ (npm run build).
//
//   node scripts/bench/keystroke-ab.js native silence nosync nosfv checkout states
//
// Modes: native (the same keystrokes in 姓 of the plain HTML form, mounted in the same page: the
// floor the bench's ratios divide by), silence (no handler sees the input event), nosync (the name fields' syncForm does
// nothing), nosfv (ElementInternals.setFormValue does nothing), checkout (the checkout's own
// listeners do not see it), states (CustomStateSet add/delete do nothing).
/* global performance, InputEvent, MessageChannel, ElementInternals, CustomStateSet */
import { fileURLToPath } from 'node:url';
import { puppeteerCore } from '@web/test-runner-chrome';
import { startServer } from './server.js';
import { nativeFormHtml } from './native-form.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pageHtml = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script src="/cdn/kessai.js"></script></head><body><main id="stage"></main><main id="plain">${nativeFormHtml()}</main></body></html>`;
const server = await startServer({ root, pageHtml });
const browser = await puppeteerCore.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  const medians = await page.evaluate(async (modes) => {
    const el = document.createElement('kessai-checkout');
    el.setAttribute('endpoint', '/api/checkout');
    el.setAttribute('amount', '3240');
    el.setAttribute('methods', 'konbini pay-easy bank-transfer');
    document.getElementById('stage').append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 500));
    const host = el.shadowRoot.querySelector('kessai-name-fields');
    const label = [...host.shadowRoot.querySelectorAll('label')].find((l) => l.textContent.includes('姓'));
    const kessaiInput = host.shadowRoot.getElementById(label.htmlFor);
    const plainLabel = [...document.querySelectorAll('#plain label')].find((l) => l.textContent.trim().startsWith('姓'));
    const plainInput = document.getElementById(plainLabel.htmlFor);
    const channel = new MessageChannel();
    const nextTask = () => new Promise((r) => ((channel.port1.onmessage = r), channel.port2.postMessage(null)));
    const stop = (e) => e.stopImmediatePropagation();
    const original = { setFormValue: ElementInternals.prototype.setFormValue, add: CustomStateSet.prototype.add, delete: CustomStateSet.prototype.delete };
    const noop = () => undefined;
    const apply = (mode, on) => {
      if (mode === 'silence') host.shadowRoot[on ? 'addEventListener' : 'removeEventListener']('input', stop, { capture: true });
      if (mode === 'checkout') host[on ? 'addEventListener' : 'removeEventListener']('input', stop);
      if (mode === 'nosync') on ? (host.syncForm = noop) : delete host.syncForm;
      if (mode === 'nosfv') ElementInternals.prototype.setFormValue = on ? noop : original.setFormValue;
      if (mode === 'states') {
        CustomStateSet.prototype.add = on ? noop : original.add;
        CustomStateSet.prototype.delete = on ? noop : original.delete;
      }
    };
    const type = async (text, times, input, host) => {
      input.focus();
      for (let i = 0; i < text.length; i++) {
        const a = performance.now();
        input.value = text.slice(0, i + 1);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text[i] }));
        await host?.updateComplete;
        input.getBoundingClientRect();
        times?.push(performance.now() - a);
        await nextTask();
      }
      input.value = '';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
      await host?.updateComplete;
      await nextTask();
    };
    const all = ['base', ...modes];
    const times = Object.fromEntries(all.map((m) => [m, []]));
    for (let round = 0; round < 40; round++) {
      for (const mode of all) {
        apply(mode, true);
        const native = mode === 'native';
        await type('山田花子佐藤太郎', round >= 5 ? times[mode] : undefined, native ? plainInput : kessaiInput, native ? undefined : host);
        apply(mode, false);
      }
    }
    const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
    return Object.fromEntries(all.map((m) => [m, `${Math.round(median(times[m]) * 1000)} µs`]));
  }, process.argv.slice(2));
  console.log(medians);
} finally {
  await browser.close();
  server.close();
}
