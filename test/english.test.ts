import { expect, fixture, html } from '@open-wc/testing';
import { render as litRender, type TemplateResult } from 'lit';
import * as addressStories from '../stories/address-fields.stories.js';
import * as checkoutStories from '../stories/checkout.stories.js';
import * as contactStories from '../stories/contact-fields.stories.js';
import * as konbiniStories from '../stories/konbini-picker.stories.js';
import * as nameStories from '../stories/name-fields.stories.js';
import * as instructionsStories from '../stories/payment-instructions.stories.js';
import * as themeStories from '../stories/theme.stories.js';
// Its afterEach takes a placed order's ?kessai-order= out of the URL: the next story's checkout starts fresh.
import './helpers/dom.js';
import * as walletQrStories from '../stories/wallet-qr.stories.js';
// Its root afterEach clears ?kessai-order= (a story that places an order puts it there).
import './helpers/dom.js';

// Every state of every element, in English: each Storybook story is rendered
// here (its render and play functions, as Storybook runs them, inside
// lang="en" as the toolbar's English does; checkout stories answer from the
// stories' own scripted endpoint) and walked — text, labels, hints, errors,
// alerts, live regions, accessible names and validation messages. Any
// Japanese that is not data fails the story by name. Allowed: what an English
// message quotes on purpose (the words on a Konbini terminal, from the English
// sources in locales/ja.xlf) and what the story itself brings (its args: typed
// or prefilled data, the scripted answers), or the postal data shows (addresses).

const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+/g;

interface StoryModule {
  default: { title?: string; args?: object; render?: (args: never, context: never) => TemplateResult; play?: (c: { canvasElement: HTMLElement; args: object }) => unknown };
  [name: string]: unknown;
}
interface Story {
  args?: object;
  render?: StoryModule['default']['render'];
  play?: StoryModule['default']['play'];
}

const MODULES = [addressStories, checkoutStories, contactStories, konbiniStories, nameStories, instructionsStories, themeStories, walletQrStories] as unknown as StoryModule[];

/** Japanese runs the English messages quote on purpose (locales/ja.xlf sources). */
async function quotedInEnglish(): Promise<Set<string>> {
  const xlf = await (await fetch('/locales/ja.xlf')).text();
  const sources = Array.from(xlf.matchAll(/<source>([\s\S]*?)<\/source>/g), (m) => m[1]).join('\n');
  return new Set(sources.match(JAPANESE) ?? []);
}

/** Japanese the stories bring as data: their source (args, scripted answers) and the postal fixtures they look up. */
async function storyData(): Promise<string> {
  const shards = ['060', '100', '150', '410', '498', '522', '907'].map((n) => `test/fixtures/postal/${n}.json`);
  const files = ['stories/support/mock-endpoint.ts', ...shards];
  const names = ['address-fields', 'checkout', 'contact-fields', 'konbini-picker', 'name-fields', 'payment-instructions', 'theme', 'wallet-qr'];
  const texts = await Promise.all([...files, ...names.map((n) => `stories/${n}.stories.ts`)].map(async (f) => (await fetch(`/${f}`)).text()));
  // The test server sends TypeScript compiled, with non-ASCII characters \u-escaped.
  return texts.join('\n').replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
/** Everything a shopper can see or hear in `root`, deep through shadow roots. */
function shopperText(root: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName)) out.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element) {
      for (const a of ['aria-label', 'aria-description', 'placeholder', 'title', 'alt']) {
        const v = node.getAttribute(a);
        if (v) out.push(v);
      }
      const v = (node as Element & { validationMessage?: unknown }).validationMessage;
      if (node.localName.startsWith('kessai-') && typeof v === 'string' && v) out.push(v);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return out;
}

/** Waits until the story's text stops changing (play functions, lookups, scripted answers). */
async function settled(root: Element): Promise<string[]> {
  let last = '';
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise((r) => setTimeout(r, 40));
    const now = shopperText(root).join('\u0001');
    if (now === last) return shopperText(root);
    last = now;
  }
  return shopperText(root);
}

describe('every story in English shows no Japanese but data and deliberate quotes', () => {
  let allowed: Set<string>;
  let data: string;
  before(async () => {
    allowed = await quotedInEnglish();
    data = await storyData();
  });

  for (const mod of MODULES) {
    const meta = mod.default;
    for (const [name, value] of Object.entries(mod)) {
      if (name === 'default' || typeof value !== 'object' || value === null) continue;
      const story = value as Story;
      it(`${meta.title} / ${name}`, async () => {
        const args: Record<string, unknown> = { ...meta.args, ...story.args, lang: 'en' };
        // Storybook serves the postal fixtures at postal/ (and a broken shard at postal-broken/); here the test server does.
        if (args.postalData === 'postal/') args.postalData = '/test-api/postal/ok/';
        if (args.postalData === 'postal-broken/') args.postalData = '/test-api/postal/broken/';
        const template = (story.render ?? meta.render)!(args as never, { args } as never);
        const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="max-width: 32rem"></div>`);
        litRender(template, wrapper);
        await (story.play ?? meta.play)?.({ canvasElement: wrapper, args });
        const text = await settled(wrapper);
        const foreign = new Set<string>();
        for (const t of text) for (const run of t.match(JAPANESE) ?? []) if (!allowed.has(run) && !data.includes(run)) foreign.add(run);
        expect(Array.from(foreign), 'Japanese in English').to.deep.equal([]);
      });
    }
  }
});
