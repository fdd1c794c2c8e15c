import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/define/all.js';
import { isDark, parseComputedColor, relativeLuminance, schemeBehind } from '../src/components/shared/color-scheme.js';
import type { KessaiElement } from '../src/components/shared/kessai-element.js';
import { consoleDuring, settle, until } from './helpers/dom.js';

// Every element, in the states a shopper meets, must keep WCAG AA text contrast
// against what is really behind it, on whatever page it is put: axe's
// color-contrast rule in every engine, on light and dark pages, with a dark
// colour scheme inherited over a white page (what a phone in dark mode made of
// the old form), and, in Chromium, with the OS in dark mode and in forced colours.

type Axe = { run: (el: Element, opts: object) => Promise<AxeResults> };
type AxeNode = { target: unknown[]; failureSummary?: string; any: Array<{ message: string }> };
type AxeResults = { violations: Array<{ nodes: AxeNode[] }>; passes: Array<{ nodes: AxeNode[] }>; incomplete: Array<{ nodes: AxeNode[] }> };
// @ts-expect-error -- the minified build registers window.axe and has no types of its own
await import('axe-core/axe.min.js');
const axe = (window as unknown as { axe: Axe }).axe;

const FUTURE = '2036-11-28T23:59:59+09:00';
const PAST = '2020-01-01T00:00:00+09:00';

/** The element states checked, each as markup and what to do to reach the state. */
const STATES: Array<{ name: string; markup: string; act?: (host: HTMLElement) => Promise<void> }> = [
  { name: 'name fields with errors', markup: '<form><kessai-name-fields></kessai-name-fields></form>', act: submit },
  { name: 'contact fields with errors', markup: '<form><kessai-contact-fields></kessai-contact-fields></form>', act: submit },
  { name: 'address fields with errors', markup: '<form><kessai-address-fields postal-data="/test-api/postal/missing/"></kessai-address-fields></form>', act: submit },
  { name: 'card fields with errors', markup: '<form><kessai-card-fields></kessai-card-fields></form>', act: submit },
  { name: 'konbini picker, a chain chosen', markup: '<form><kessai-konbini-picker></kessai-konbini-picker></form>', act: chooseLawson },
  { name: 'konbini picker with its error', markup: '<form><kessai-konbini-picker></kessai-konbini-picker></form>', act: submit },
  {
    name: 'checkout after a submit with empty fields',
    markup: '<kessai-checkout endpoint="/test-api/endpoint/ok" amount="1980" methods="konbini pay-easy bank-transfer" no-address></kessai-checkout>',
    act: async (host) => {
      const el = host.querySelector('kessai-checkout') as HTMLElement & { requestSubmit(): void };
      el.requestSubmit();
      await settle(el as unknown as KessaiElement);
    },
  },
  { name: 'konbini payment instructions', markup: instructions({ method: 'konbini', store: 'lawson', paymentCode: '123456', confirmationNumber: '7890', expiresAt: FUTURE, instructionsUrl: 'https://psp.example/' }) },
  { name: 'Pay-easy instructions', markup: instructions({ method: 'pay-easy', institutionNumber: '58191', customerNumber: '1234567890', confirmationNumber: '123456', expiresAt: FUTURE }) },
  { name: 'bank-transfer instructions', markup: instructions({ method: 'bank-transfer', bankName: 'みずほ銀行', branchName: '東京営業部', accountType: '普通', accountNumber: '1234567', accountHolder: 'カ）ケッサイ', expiresAt: FUTURE }) },
  { name: 'expired payment instructions', markup: instructions({ method: 'konbini', store: 'seven-eleven', paymentCode: '1', expiresAt: PAST }) },
];

/** The pages an element is put on: a wrapper standing for the page around it. */
const PAGES: Array<{ name: string; style: string; attrs?: string; scheme: 'light' | 'dark' }> = [
  { name: 'a light page', style: 'background:#fff;color:#111', scheme: 'light' },
  { name: 'a white page under an inherited dark colour scheme', style: 'color-scheme:dark;background:#fff', scheme: 'light' },
  { name: 'a dark page that declares color-scheme: dark', style: 'color-scheme:dark;background:#121212;color:#eee', scheme: 'dark' },
  { name: 'a dark page that declares no colour scheme', style: 'background:#1b1d21;color:#e8e6e3', scheme: 'dark' },
  { name: 'a dark page, color-scheme="light" forced', style: 'background:#121212;color:#eee', attrs: 'color-scheme="light"', scheme: 'light' },
  { name: 'a light page, color-scheme="dark" forced', style: 'background:#fff;color:#111', attrs: 'color-scheme="dark"', scheme: 'dark' },
];

function instructions(value: object): string {
  // Markup only (the fixture sets the property): the JSON goes through a data attribute.
  return `<kessai-payment-instructions data-instructions='${JSON.stringify(value)}'></kessai-payment-instructions>`;
}

async function chooseLawson(host: HTMLElement): Promise<void> {
  host.querySelector('kessai-konbini-picker')!.shadowRoot!.querySelector<HTMLElement>('[part~="option-lawson"]')!.click();
}

async function submit(host: HTMLElement): Promise<void> {
  host.querySelector('form')!.requestSubmit();
  await settle(host.querySelector('form')!.firstElementChild as KessaiElement);
}

const TAGS = 'kessai-checkout, kessai-name-fields, kessai-contact-fields, kessai-address-fields, kessai-card-fields, kessai-konbini-picker, kessai-payment-instructions';

async function render(page: (typeof PAGES)[number], state: (typeof STATES)[number]): Promise<HTMLElement> {
  const markup = page.attrs ? state.markup.replace(/<(kessai-[a-z-]+)/, `<$1 ${page.attrs}`) : state.markup;
  const host = await fixture<HTMLDivElement>(`<div lang="ja" style="${page.style};padding:16px;font:16px/1.5 sans-serif">${markup}</div>`);
  for (const el of host.querySelectorAll<HTMLElement & { instructions?: unknown }>('[data-instructions]')) el.instructions = JSON.parse(el.dataset.instructions!);
  const el = host.querySelector<KessaiElement>(TAGS)!;
  await settle(el);
  await state.act?.(host);
  await settle(el);
  return host;
}

/** axe color-contrast over the element: no violation, and it really judged some text. */
async function expectReadable(host: HTMLElement): Promise<void> {
  const r = await axe.run(host, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations', 'passes'] });
  const bad = r.violations.flatMap((v) => v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.any.map((a) => a.message).join('; ')}`));
  expect(bad, bad.join('\n')).to.deep.equal([]);
  expect(r.passes.flatMap((p) => p.nodes).length, 'no text was checked').to.be.greaterThan(3);
}

/** True when the element's text is light (so it is in a dark scheme). */
function textIsLight(el: Element): boolean {
  return !isDark(parseComputedColor(getComputedStyle(el).color)!);
}

describe('colour schemes: text stays readable on any page', function () {
  this.timeout(60_000);
  for (const page of PAGES) {
    for (const state of STATES) {
      it(`${state.name}, on ${page.name}`, async () => {
        const host = await render(page, state);
        const el = host.querySelector(TAGS)!;
        expect(textIsLight(el), `text colour ${getComputedStyle(el).color}`).to.equal(page.scheme === 'dark');
        await expectReadable(host);
      });
    }
  }
});

describe('colour schemes: the OS setting and forced colours (Chromium: DevTools emulation; Firefox and WebKit drivers cannot emulate them)', function () {
  this.timeout(60_000);
  const chromium = /Chrome\//.test(navigator.userAgent);
  const media = (features: Array<{ name: string; value: string }>) => executeServerCommand<{ supported: boolean }, object>('media', { features });
  afterEach(async () => {
    await media([]);
  });

  it('other engines say they cannot emulate the OS colour scheme', async () => {
    expect((await media([{ name: 'prefers-color-scheme', value: 'dark' }])).supported).to.equal(chromium);
  });

  if (!chromium) return;

  for (const state of STATES) {
    it(`${state.name}: a phone in dark mode on a light page sees a light, readable form`, async () => {
      await media([{ name: 'prefers-color-scheme', value: 'dark' }]);
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      const host = await render({ name: 'light', style: 'background:#fff;color:#111', scheme: 'light' }, state);
      await expectReadable(host);
    });
    it(`${state.name}: forced colours keep text readable`, async () => {
      await media([{ name: 'forced-colors', value: 'active' }, { name: 'prefers-color-scheme', value: 'dark' }]);
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const host = await render({ name: 'light', style: 'background:#fff;color:#111', scheme: 'light' }, state);
      await expectReadable(host);
    });
  }

  it('a page declaring "color-scheme: light dark" gets a dark form when the OS is dark, and a light one again when it turns light', async () => {
    const root = document.documentElement;
    // background: Canvas, as such pages do (axe takes an unpainted page for white).
    root.style.cssText = 'color-scheme: light dark; background: Canvas';
    try {
      const host = await fixture<HTMLDivElement>(`<div><kessai-contact-fields></kessai-contact-fields></div>`);
      const el = host.firstElementChild!;
      await media([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await until(() => textIsLight(el));
      await expectReadable(host);
      await media([{ name: 'prefers-color-scheme', value: 'light' }]);
      await until(() => !textIsLight(el));
    } finally {
      root.style.cssText = '';
    }
  });

  it('a box declaring "color-scheme: light dark" on a white page keeps the form light when the OS is dark', async () => {
    await media([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const host = await fixture<HTMLDivElement>(`<div style="color-scheme: light dark"><kessai-contact-fields></kessai-contact-fields></div>`);
    expect(textIsLight(host.firstElementChild!)).to.equal(false);
    await expectReadable(host);
  });

  it('forced colours: the chosen chain, the focus ring and an invalid field stay visible', async () => {
    await media([{ name: 'forced-colors', value: 'active' }]);
    const form = await fixture<HTMLFormElement>(`<form><kessai-konbini-picker></kessai-konbini-picker><kessai-contact-fields></kessai-contact-fields></form>`);
    const picker = form.querySelector('kessai-konbini-picker')!;
    await chooseLawson(form);
    await (picker as unknown as KessaiElement).updateComplete;
    const chosen = picker.shadowRoot!.querySelector('[aria-checked="true"]')!;
    expect(getComputedStyle(chosen).outlineStyle).to.equal('solid');
    form.requestSubmit();
    const contact = form.querySelector('kessai-contact-fields') as unknown as KessaiElement;
    await settle(contact);
    const invalid = contact.shadowRoot!.querySelector('input[aria-invalid="true"]')!;
    expect(getComputedStyle(invalid).borderTopWidth).to.equal('3px');
  });
});

describe('colour schemes: reading the page', () => {
  it('parses the colours engines compute, and tells dark from light as contrast does', () => {
    expect(parseComputedColor('rgb(255, 255, 255)')).to.deep.equal({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseComputedColor('rgba(0, 0, 0, 0)')).to.deep.equal({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseComputedColor('color(srgb 1 0.5 0 / 0.5)')).to.deep.equal({ r: 255, g: 127.5, b: 0, a: 0.5 });
    expect(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 })).to.equal(1);
    // #767676 is the darkest grey where black text still wins; #757575 turns dark.
    expect(isDark({ r: 0x76, g: 0x76, b: 0x76, a: 1 })).to.equal(false);
    expect(isDark({ r: 0x70, g: 0x70, b: 0x70, a: 1 })).to.equal(true);
    expect(isDark({ r: 0x1b, g: 0x1d, b: 0x21, a: 1 })).to.equal(true);
  });

  it('looks through transparent boxes and shadow roots to the first painted background', async () => {
    const host = await fixture<HTMLDivElement>(`<div style="background: oklch(0.25 0.02 250)"><section><div id="inner"></div></section></div>`);
    const inner = host.querySelector('#inner')!;
    const shadow = inner.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>x</p>';
    expect(schemeBehind(shadow.querySelector('p')!)).to.equal('dark');
    host.style.background = 'rgba(0, 0, 0, 0.2)'; // mostly transparent: the (white) page canvas is what is seen
    expect(schemeBehind(inner)).to.equal('light');
  });

  it('follows the page when it switches theme through a class on <body>', async () => {
    const style = document.createElement('style');
    style.textContent = 'body.kessai-test-dark { background: #101010; }';
    document.head.append(style);
    const el = await fixture(`<kessai-contact-fields></kessai-contact-fields>`);
    try {
      expect(textIsLight(el)).to.equal(false);
      document.body.classList.add('kessai-test-dark');
      await until(() => textIsLight(el));
      document.body.classList.remove('kessai-test-dark');
      await until(() => !textIsLight(el));
    } finally {
      document.body.classList.remove('kessai-test-dark');
      style.remove();
    }
  });

  it('an element taken off the page stops following it', async () => {
    const el = await fixture<KessaiElement>(`<kessai-contact-fields></kessai-contact-fields>`);
    let reads = 0;
    el.readPageScheme = () => void reads++;
    el.remove();
    document.body.classList.add('kessai-test-other');
    document.body.classList.remove('kessai-test-other');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(reads).to.equal(0);
  });

  it('warns about an unknown color-scheme value and matches the page instead', async () => {
    await consoleDuring('warn', async (warnings) => {
      const host = await fixture<HTMLDivElement>(`<div style="background:#fff"><kessai-contact-fields color-scheme="midnight"></kessai-contact-fields></div>`);
      const el = host.firstElementChild as KessaiElement;
      await el.updateComplete;
      expect(warnings.join('\n')).to.contain('color-scheme must be one of page, system, light, dark');
      expect(el.colorScheme).to.equal('page');
      expect(textIsLight(el)).to.equal(false);
    });
  });
});
