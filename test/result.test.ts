import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/all.js';
import type { KessaiCheckout } from '../src/components/checkout/checkout.js';
import { settle, until } from './helpers/dom.js';
import { fillCheckout } from '../stories/support/fill.js';

// Result screens a shopper can trust and come back to: what was paid, how, where
// the receipt goes, next steps; after a reload (the order id in the URL), the
// status route tells the result and nothing is ever posted again.

interface Logged {
  method: string;
  path: string;
}
const newSession = () => Math.random().toString(36).slice(2);
const log = async (s: string): Promise<Logged[]> => (await fetch(`/test-api/endpoint-log?s=${s}`)).json();
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const orderInUrl = () => new URL(location.href).searchParams.get('kessai-order');
const setOrderInUrl = (id: string | null) => {
  const u = new URL(location.href);
  if (id) u.searchParams.set('kessai-order', id);
  else u.searchParams.delete('kessai-order');
  history.replaceState(history.state, '', u.href);
};

async function fillContact(el: KessaiCheckout, card?: { number: string }) {
  await fillCheckout(el, { shopper: { givenName: '太郎', givenNameKana: 'タロウ', email: 'taro@example.jp', phone: '090-1234-5678', card: card && { ...card, name: 'TARO YAMADA' } } });
  await settle(el);
}

/** A card checkout (the fake PSP answers paid), its contact and card fields filled, not yet submitted. */
async function filledCardCheckout() {
  const el = await fixture<KessaiCheckout>(html`<kessai-checkout
    endpoint=${`/test-api/endpoint/card-paid?s=${newSession()}`}
    amount="1980"
    reference="cart_42"
    methods="card"
    no-address
    .cardTokenizer=${async () => ({ token: 'tok_1', brand: 'visa', last4: '1111' })}
  ></kessai-checkout>`);
  await settle(el);
  await fillContact(el, { number: '4111111111111111' });
  return el;
}

describe('result screens', () => {
  afterEach(() => setOrderInUrl(null));

  it('a card success shows the amount, the card brand and last 4 digits, where the receipt goes and what comes next; the order id goes into the URL', async () => {
    const el = await filledCardCheckout();
    el.requestSubmit();
    await until(() => text(el).includes('お支払いが完了しました'));
    const t = text(el);
    expect(t).to.contain('ord_card_paid');
    expect(t).to.contain('1,980円');
    expect(t).to.contain('Visa（末尾 1111）');
    expect(t).to.contain('taro@example.jp');
    expect(t).to.contain('このあとの流れ');
    expect(orderInUrl()).to.equal('ord_card_paid');
    expect(el.shadowRoot!.activeElement?.textContent).to.contain('お支払いが完了しました');
    await expect(el).to.be.accessible();
  });

  it('the result replaces a form whose field has the focus in one render, without a second one asked for during it', async () => {
    // Chromium fires focusout when a render removes the focused field; the summary refresh must not
    // ask for another render then (other engines fire no event there).
    const el = await filledCardCheckout();
    const host = el as unknown as { update(changed: unknown): void; isUpdatePending: boolean };
    const update = host.update;
    const requestedDuring: boolean[] = [];
    host.update = function (this: typeof host, changed: unknown) {
      update.call(this, changed);
      requestedDuring.push(this.isUpdatePending);
    };
    const email = el.shadowRoot!.querySelector('kessai-contact-fields')!.shadowRoot!.querySelector('input[type="email"]') as HTMLInputElement;
    email.focus();
    el.requestSubmit();
    await until(() => text(el).includes('お支払いが完了しました'));
    await settle(el);
    expect(requestedDuring.length).to.be.greaterThan(0);
    expect(requestedDuring, 'an update was asked for while a render was committed').not.to.include(true);
  });

  it('after a reload a paid card order is read from the status route (masked e-mail, brand, last 4) and nothing is posted', async () => {
    const s = newSession();
    setOrderInUrl('ord_card_1');
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint=${`/test-api/endpoint/card-paid?s=${s}`} amount="1980" methods="pay-easy" no-address></kessai-checkout>`);
    await until(() => text(el).includes('お支払いが完了しました'));
    const t = text(el);
    expect(t).to.contain('ord_card_1');
    expect(t).to.contain('Visa（末尾 1111）');
    expect(t).to.contain('t***@example.jp');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    const requests = await log(s);
    expect(requests.map((r) => r.method)).to.deep.equal(['GET']);
    expect(requests[0].path).to.equal('/test-api/endpoint/card-paid/ord_card_1');
    await expect(el).to.be.accessible();
  });

  it('an expired Konbini order says so after a reload and offers a new order, which clears the URL and shows the form', async () => {
    const s = newSession();
    setOrderInUrl('ord_old');
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint=${`/test-api/endpoint/expired?s=${s}`} amount="3240" methods="konbini" no-address></kessai-checkout>`);
    await until(() => text(el).includes('お支払い期限を過ぎたため'));
    await expect(el).to.be.accessible();
    const again = Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.includes('新しく注文する'))!;
    again.click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('form')).to.not.equal(null);
    expect(orderInUrl()).to.equal(null);
    expect((await log(s)).every((r) => r.method === 'GET')).to.equal(true);
  });

  it('an order the status route does not know shows a warning not to order again, never the form by itself', async () => {
    const s = newSession();
    setOrderInUrl('ord_missing');
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint=${`/test-api/endpoint/missing?s=${s}`} amount="3240" methods="konbini" no-address></kessai-checkout>`);
    await until(() => text(el).includes('ご注文の状況を確認できませんでした'));
    expect(text(el)).to.contain('もう一度注文しないでください');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('hostile values in a status answer are shown as text and run nothing', async () => {
    const s = newSession();
    setOrderInUrl('ord_h');
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint=${`/test-api/endpoint/hostile-status?s=${s}`} amount="1980" methods="pay-easy" no-address></kessai-checkout>`);
    await until(() => text(el).includes('お支払いが完了しました'));
    expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('in English, a pending result says the numbers were also sent by e-mail', async () => {
    const s = newSession();
    setOrderInUrl('ord_123');
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout lang="en" endpoint=${`/test-api/endpoint/konbini?s=${s}`} amount="3240" methods="konbini" no-address></kessai-checkout>`);
    await until(() => text(el).includes('Please complete the payment'));
    await settle(el);
    expect(text(el)).to.contain('The payment numbers were also sent to t***@example.jp.');
    expect(text(el)).to.contain('You can come back to this page');
    const pi = el.shadowRoot!.querySelector('kessai-payment-instructions')!;
    expect(text(pi)).to.contain('¥3,240');
    await expect(el).to.be.accessible();
  });
});

async function newShop(): Promise<string> {
  const r = await fetch('/test-api/shop/new', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({}) });
  return ((await r.json()) as { base: string }).base;
}

describe('a Konbini order through kessai/server, reloaded', () => {
  afterEach(() => setOrderInUrl(null));

  it('the page reloaded in a frame shows the same Lawson numbers from the status route, and the shop holds one order', async () => {
    const base = await newShop();
    const frame = document.createElement('iframe');
    frame.title = 'shop';
    frame.style.width = '390px';
    frame.style.height = '900px';
    frame.src = `/test/fixtures/checkout-page.html?endpoint=${encodeURIComponent(`${base}/api/checkout`)}`;
    document.body.append(frame);
    try {
      const inFrame = async () => {
        await until(() => !!frame.contentDocument?.querySelector('kessai-checkout')?.shadowRoot?.querySelector('h2, form'));
        return frame.contentDocument!.querySelector('kessai-checkout') as KessaiCheckout;
      };
      let el = await inFrame();
      await settle(el);
      const win = frame.contentWindow as Window & typeof globalThis;
      await fillCheckout(el, { win, shopper: { givenName: '太郎', givenNameKana: 'タロウ', email: 'taro@example.jp', postalCode: '1000001', line1: '千代田1-1', store: 'ローソン' } });
      await settle(el);
      el.requestSubmit();
      await until(() => !!el.shadowRoot!.querySelector('kessai-payment-instructions'));
      const pi = el.shadowRoot!.querySelector('kessai-payment-instructions') as HTMLElement & { updateComplete: Promise<unknown> };
      await pi.updateComplete;
      const before = text(pi);
      expect(before).to.contain('お客様番号');
      const orderId = new URL(frame.contentWindow!.location.href).searchParams.get('kessai-order')!;
      expect(orderId).to.match(/^ord_[0-9a-z]{20}$/);

      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      frame.contentWindow!.location.reload();
      await loaded;
      el = await inFrame();
      await until(() => !!el.shadowRoot!.querySelector('kessai-payment-instructions'));
      const again = el.shadowRoot!.querySelector('kessai-payment-instructions') as HTMLElement & { updateComplete: Promise<unknown> };
      await again.updateComplete;
      const after = text(again);
      for (const part of ['お客様番号', '確認番号', '23:59', '3,240円', orderId]) expect(after).to.contain(part);
      expect(after.match(/\d{6,}/g)).to.deep.equal(before.match(/\d{6,}/g));
      expect(el.shadowRoot!.querySelector('form')).to.equal(null);

      const stored = (await (await fetch(`${base}/orders`)).json()) as { count: number };
      expect(stored.count).to.equal(1);
    } finally {
      frame.remove();
    }
  });
});
