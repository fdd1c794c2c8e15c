// In-page half of `npm run bench`: runs in headless Chromium on the bench page
// (the embed dist/cdn/kessai.js is loaded by a classic <script> before this
// module, and the native form sits in <template id="native-form">). The Node
// side calls window.kessaiBench.* through page.evaluate and gets plain numbers
// (milliseconds from performance.now(), 5 µs resolution: the page is
// cross-origin isolated).
/* global performance, InputEvent, MessageChannel, requestAnimationFrame */

const stage = /** @type {HTMLElement} */ (document.getElementById('stage'));
const template = /** @type {HTMLTemplateElement} */ (document.getElementById('native-form'));

/** Forces style and layout of the whole document now (as a frame would). */
const layout = (el) => el.getBoundingClientRect().height;

/** A new task (no timer clamping): what follows runs after every pending microtask, as the next keystroke would. */
const channel = new MessageChannel();
const nextTask = () =>
  new Promise((resolve) => {
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(null);
  });

/** One frame, then one task: lets removal, timers and the renderer catch up between runs. */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once `el` and every kessai element in its shadow tree has rendered (no update pending). */
async function settle(el) {
  for (;;) {
    await el.updateComplete;
    const nested = [];
    const walk = (root) => {
      for (const n of root.querySelectorAll('*')) {
        if (!n.localName.startsWith('kessai-')) continue;
        nested.push(n);
        if (n.shadowRoot) walk(n.shadowRoot);
      }
    };
    if (el.shadowRoot) walk(el.shadowRoot);
    await Promise.all(nested.map((n) => n.updateComplete));
    if (!el.isUpdatePending && nested.every((n) => !n.isUpdatePending)) return;
  }
}

/** Creates, inserts and fully renders a <kessai-checkout> (Konbini method, address shown); `marks.built` is set before layout. */
async function mountCheckout(marks = {}) {
  const el = document.createElement('kessai-checkout');
  el.setAttribute('endpoint', '/api/checkout');
  el.setAttribute('amount', '3240');
  el.setAttribute('reference', 'matcha-set');
  // No card: without a cardTokenizer the card method is not offered (and would warn on every mount).
  el.setAttribute('methods', 'konbini pay-easy bank-transfer');
  stage.append(el);
  await settle(el);
  marks.built = performance.now();
  layout(el);
  return el;
}

/** Clones and inserts the native form (the floor). */
function mountNative(marks = {}) {
  stage.append(document.importNode(template.content, true));
  const form = /** @type {HTMLElement} */ (stage.lastElementChild);
  marks.built = performance.now();
  layout(form);
  return form;
}

/** The input labelled `label` (visible text, without the 必須 / 任意 marker) in `root`. */
function inputByLabel(root, label) {
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent.trim().replace(/\s*(必須|任意)$/, '').trim() === label);
  const input = l && (root.getElementById ? root.getElementById(l.htmlFor) : document.getElementById(l.htmlFor));
  if (!input) throw new Error(`no input labelled ${label}`);
  return input;
}

/** The section element `name` (name, contact, address, konbini) of a checkout. */
const section = (checkout, name) => checkout.shadowRoot.querySelector(`[data-section="${name}"]`);

/** Checks that both forms show what the bench compares; throws otherwise. */
async function sanity() {
  const el = await mountCheckout();
  const form = mountNative();
  const labels = ['姓', '名', 'セイ', 'メイ', 'メールアドレス', '電話番号', '郵便番号', '都道府県', '市区町村', '町名・番地', '建物名・部屋番号'];
  const owner = { 姓: 'name', 名: 'name', セイ: 'name', メイ: 'name', メールアドレス: 'contact', 電話番号: 'contact' };
  for (const label of labels) {
    inputByLabel(section(el, owner[label] ?? 'address').shadowRoot, label);
    inputByLabel(form, label);
  }
  const stores = section(el, 'konbini').shadowRoot.querySelectorAll('[role="radio"]').length;
  const methods = el.shadowRoot.querySelectorAll('input[name="method"]').length;
  const nativeInputs = form.querySelectorAll('input, select, button').length;
  const kessaiInputs = [el.shadowRoot, ...['name', 'contact', 'address', 'konbini'].map((s) => section(el, s).shadowRoot)].reduce(
    (n, root) => n + root.querySelectorAll('input, select, button, [role="radio"]').length,
    0,
  );
  const result = {
    stores,
    methods,
    nativeControls: nativeInputs,
    kessaiControls: kessaiInputs,
    nativeNodes: countNodes(form),
    kessaiNodes: countNodes(el),
    crossOriginIsolated: window.crossOriginIsolated,
  };
  el.remove();
  form.remove();
  return result;
}

/** Nodes (elements, text, comments) under `root`, shadow trees included. */
function countNodes(root) {
  let n = 1;
  for (const child of root.childNodes) n += countNodes(child);
  if (root.shadowRoot) n += countNodes(root.shadowRoot);
  return n;
}

/**
 * First render: time from creating/inserting the form to rendered and laid out.
 * Native and kessai runs alternate (and swap order) so drift hits both.
 */
async function firstRender({ runs, warmup }) {
  const out = { kessai: [], native: [], kessaiBuild: [], nativeBuild: [] };
  for (let i = 0; i < warmup + runs; i++) {
    const order = i % 2 ? ['kessai', 'native'] : ['native', 'kessai'];
    for (const which of order) {
      const marks = {};
      const t0 = performance.now();
      const el = which === 'kessai' ? await mountCheckout(marks) : mountNative(marks);
      const t1 = performance.now();
      el.remove();
      await nextFrame();
      if (i < warmup) continue;
      out[which].push(t1 - t0);
      // Script + DOM building (lit rendering; cloning for the native form), before style and layout.
      out[`${which}Build`].push(marks.built - t0);
    }
  }
  return out;
}

/**
 * Types `text` into `input`, one character per step: set the value, dispatch the
 * InputEvent a browser dispatches (insertText), wait for the element's update
 * (kessai) and force layout. Returns the time of each character, split in
 * those three parts; between two characters a new task starts (unmeasured),
 * as between two real keystrokes.
 */
async function typeText(input, host, text) {
  input.focus();
  const chars = [];
  for (let i = 0; i < text.length; i++) {
    const a = performance.now();
    input.value = text.slice(0, i + 1);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text[i] }));
    const b = performance.now();
    await (host ? host.updateComplete : undefined);
    const c = performance.now();
    layout(input);
    const d = performance.now();
    chars.push({ total: d - a, event: b - a, update: c - b, layout: d - c });
    await nextTask();
  }
  return chars;
}

/**
 * Keystroke cost of typing `texts.name` into 姓 and `texts.postal` into 郵便番号,
 * kessai vs native. Every run types into a freshly inserted form (kessai or
 * native, alone in the page): the shopper's first pass through the field, no
 * error shown yet. In 郵便番号 the 7th digit looks the code up (the shard is in
 * memory after the warm-up) and fills the address, as it would for a shopper.
 */
async function keystrokes({ runs, warmup, texts }) {
  const targets = {
    'kessai:name': { kessai: true, section: 'name', label: '姓', text: texts.name },
    'native:name': { kessai: false, label: '姓', text: texts.name },
    'kessai:postal': { kessai: true, section: 'address', label: '郵便番号', text: texts.postal },
    'native:postal': { kessai: false, label: '郵便番号', text: texts.postal },
  };
  const keys = Object.keys(targets);
  // Every measured keystroke: its total time and its three parts.
  const out = Object.fromEntries(keys.map((k) => [k, { total: [], event: [], update: [], layout: [], perRun: [] }]));
  const check = {};
  for (let i = 0; i < warmup + runs; i++) {
    // Rotate which target goes first.
    for (let j = 0; j < keys.length; j++) {
      const key = keys[(i + j) % keys.length];
      const t = targets[key];
      const el = t.kessai ? await mountCheckout() : mountNative();
      const host = t.kessai ? section(el, t.section) : null;
      const input = inputByLabel(host ? host.shadowRoot : el, t.label);
      await nextFrame();
      const chars = await typeText(input, host, t.text);
      check[key] = input.value;
      if (t.kessai && t.section === 'address') check.filledCity = inputByLabel(host.shadowRoot, '市区町村').value;
      el.remove();
      await nextFrame();
      if (i < warmup) continue;
      for (const c of chars) for (const part of ['total', 'event', 'update', 'layout']) out[key][part].push(c[part]);
      out[key].perRun.push(chars.reduce((n, c) => n + c.total, 0) / chars.length);
    }
  }
  return { samples: out, check };
}

/**
 * Postal lookup: from dispatching the input event of the 7th digit to the
 * prefecture and city fields showing the looked-up address (laid out).
 * `codes`: [{ code, prefectureCode, city }]. The checkout stays mounted.
 */
async function postal({ codes }) {
  if (!window.__benchCheckout) window.__benchCheckout = await mountCheckout();
  const el = window.__benchCheckout;
  const address = section(el, 'address');
  const root = address.shadowRoot;
  const input = inputByLabel(root, '郵便番号');
  const pref = inputByLabel(root, '都道府県');
  const city = inputByLabel(root, '市区町村');
  const times = [];
  const toEvent = [];
  for (const { code, prefectureCode, city: expectedCity } of codes) {
    input.focus();
    input.value = code.slice(0, 6);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: code[5] }));
    await address.updateComplete;
    await nextFrame();
    const resolved = new Promise((resolve) => address.addEventListener('kessai-address-resolved', (e) => resolve(e.detail), { once: true }));
    input.value = code;
    const t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: code[6] }));
    const detail = await resolved;
    toEvent.push(performance.now() - t0);
    await address.updateComplete;
    layout(city);
    const t1 = performance.now();
    if (detail.status !== 'found' || pref.value !== prefectureCode || city.value !== expectedCity) {
      throw new Error(`postal ${code}: got ${detail.status}, ${pref.value} ${city.value}; expected ${prefectureCode} ${expectedCity}`);
    }
    times.push(t1 - t0);
    await nextFrame();
  }
  // Network part of the cold lookups: the shard requests' own timing (fetch start to last byte).
  const fetches = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes('/cdn/postal/'))
    .map((e) => e.responseEnd - e.startTime);
  performance.clearResourceTimings();
  return { times, toEvent, fetches };
}

/** Mounts (fully rendered, laid out) and removes a checkout or the native form `count` times. */
async function cycle({ count, which }) {
  for (let i = 0; i < count; i++) {
    const el = which === 'kessai' ? await mountCheckout() : mountNative();
    el.remove();
    if (i % 50 === 49) await nextFrame();
  }
  await nextFrame();
  return stage.childElementCount;
}

/** Mounts `count` checkouts and keeps them (to measure what one holds); `release` removes them. */
async function hold({ count }) {
  for (let i = 0; i < count; i++) await mountCheckout();
  await nextFrame();
  return stage.childElementCount;
}
async function release() {
  stage.replaceChildren();
  await nextFrame();
}

window.kessaiBench = { sanity, firstRender, keystrokes, postal, cycle, hold, release };
