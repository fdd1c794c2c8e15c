/**
 * Fills a kessai-checkout the way a shopper would: typing into the labelled
 * inputs (input events, no IME), a postal code that the lookup completes, a
 * click on a chain. The one filling helper of the stories and the tests
 * (checkout, frameworks, shop end-to-end, the script-tag embed in an iframe).
 */
import type { CheckoutCustomer } from '../../src/core/contract.js';

type Updatable = Element & { updateComplete?: Promise<unknown> };

/** What the shopper enters (as typed); `postalCode` / `line1` only where the address is asked, `store` the chain's visible name. */
export interface Shopper extends CheckoutCustomer {
  postalCode?: string;
  /** 町名・番地 as a whole (typed over what the lookup filled in). */
  line1?: string;
  store?: string;
  /** Card data typed into the card fields (where the card method is chosen); the tokenizer gets it, nothing else. */
  card?: { number: string; exp?: string; cvc?: string; name?: string };
}

export const SHOPPER: Shopper = {
  familyName: '山田',
  givenName: '花子',
  familyNameKana: 'ヤマダ',
  givenNameKana: 'ハナコ',
  email: 'hanako@example.jp',
  phone: '080-1234-5678',
};

const LABELS = {
  ja: { familyName: '姓', givenName: '名', familyNameKana: 'セイ', givenNameKana: 'メイ', email: 'メールアドレス', phone: '電話番号', postalCode: '郵便番号', city: '市区町村', line1: '町名・番地' },
  en: {
    familyName: 'Family name',
    givenName: 'Given name',
    familyNameKana: 'Family name (katakana)',
    givenNameKana: 'Given name (katakana)',
    email: 'Email address',
    phone: 'Phone number',
    postalCode: 'Postal code',
    city: 'City, ward, town or village',
    line1: 'Town and block number',
  },
};
const CARD_LABELS = {
  ja: { number: 'カード番号', exp: '有効期限', cvc: 'セキュリティコード', name: '名義' },
  en: { number: 'Card number', exp: 'Expiry date', cvc: 'Security code', name: 'Cardholder name' },
};

function input(host: Element, label: string): HTMLInputElement {
  const root = host.shadowRoot!;
  // The label's text without the required / optional marker beside it (必須, 任意).
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent!.trim().replace(/\s*(\*|必須|任意|Required|Optional)$/, '').trim() === label);
  if (!l) throw new Error(`no label "${label}" in <${host.localName}>`);
  return root.getElementById(l.htmlFor) as HTMLInputElement;
}

async function waitFor(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('fillCheckout: the checkout did not get there in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Fills `checkout` with `shopper` (merged over SHOPPER). `en`: the labels are
 * English. `win`: the checkout's window when it lives in an iframe (its own InputEvent).
 * `focus: false`: values are set without focusing each input (stories: no focus ring, no scrolling).
 */
export async function fillCheckout(
  checkout: Updatable,
  options: { en?: boolean; shopper?: Partial<Shopper>; win?: Window & typeof globalThis; focus?: boolean } = {},
): Promise<void> {
  const s = { ...SHOPPER, ...options.shopper };
  const L = options.en ? LABELS.en : LABELS.ja;
  const Input = (options.win ?? window).InputEvent;
  const type = (host: Element, label: string, text: string) => {
    const el = input(host, label);
    if (options.focus !== false) el.focus();
    el.value = text;
    el.dispatchEvent(new Input('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  };
  await checkout.updateComplete;
  const part = (tag: string) => checkout.shadowRoot!.querySelector(tag) as Updatable | null;
  await waitFor(() => !!part('kessai-contact-fields')?.shadowRoot?.querySelector('input'));
  const name = part('kessai-name-fields');
  if (name?.shadowRoot) for (const k of ['familyName', 'givenName', 'familyNameKana', 'givenNameKana'] as const) type(name, L[k], s[k]);
  const contact = part('kessai-contact-fields')!;
  type(contact, L.email, s.email);
  type(contact, L.phone, s.phone);
  const address = part('kessai-address-fields');
  if (address && s.postalCode) {
    type(address, L.postalCode, s.postalCode);
    await waitFor(() => input(address, L.city).value !== '');
    if (s.line1) type(address, L.line1, s.line1);
  }
  if (s.store) {
    const picker = part('kessai-konbini-picker');
    await picker?.updateComplete;
    const radio = Array.from(picker?.shadowRoot?.querySelectorAll<HTMLElement>('[role="radio"]') ?? []).find((r) => r.textContent!.includes(s.store!));
    if (!radio) throw new Error(`fillCheckout: no chain "${s.store}"`);
    radio.click();
  }
  const card = s.card ? part('kessai-card-fields') : null;
  if (s.card) {
    if (!card) throw new Error('fillCheckout: no card fields shown');
    // A part loaded on demand (the embed, an app's chunk): typed into once defined and rendered.
    await (options.win ?? window).customElements.whenDefined('kessai-card-fields');
    await card.updateComplete;
    const C = options.en ? CARD_LABELS.en : CARD_LABELS.ja;
    const { number, exp = '12/30', cvc = '123', name: holder = 'HANAKO YAMADA' } = s.card;
    type(card, C.number, number);
    type(card, C.exp, exp);
    type(card, C.cvc, cvc);
    type(card, C.name, holder);
  }
  for (const p of [name, contact, address, part('kessai-konbini-picker'), card]) await p?.updateComplete;
  await checkout.updateComplete;
}
