/**
 * PayPay and other wallets, 3-D Secure and card installments, end to end:
 * kessai-checkout → the reference backend (kessai/server + the sandbox PSP,
 * served by the test run's HTTP server) → the sandbox's own wallet and 3-D
 * Secure pages → its signed notification → the order's status.
 *
 * "Another tab" and "a phone" are iframes of this page: a second browsing
 * context that pays, and a 390 px wide page that leaves for the wallet and
 * comes back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../src/define/all.js';
import type { KessaiCheckout } from '../src/components/checkout/checkout.js';
import type { CardTokenizer } from '../src/components/card-fields/card-fields.js';
import { inputByLabel, settle, typeInto, until } from './helpers/dom.js';

/** Waits for what the shopper would wait for: sized for a loaded two-core machine (pages, redirects, polling). */
const wait = (cond: () => boolean | Promise<boolean>) => until(cond, 60_000);

interface ShopOptions {
  returnUrl?: string;
  installments?: Array<number | string>;
  wallets?: string[];
  walletQrSeconds?: number;
}

interface Stored {
  count: number;
  orders: Array<{ id: string; status: string; method: string; idempotencyKey: string }>;
  sandboxPayments: Array<{ kind: string; installments?: number | string; wallet?: string; decision?: string }>;
}

async function newShop(options: ShopOptions = {}): Promise<string> {
  // sandboxPages: the sandbox's wallet and 3-D Secure pages on this origin.
  const r = await fetch('/test-api/shop/new', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sandboxPages: true, ...options }) });
  return ((await r.json()) as { base: string }).base;
}

const stored = async (base: string): Promise<Stored> => (await fetch(`${base}/orders`)).json();

const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector(tag)!;
const text = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

async function fillShopper(el: KessaiCheckout) {
  await settle(el);
  const name = inner(el, 'kessai-name-fields');
  typeInto(inputByLabel(name, '姓') as HTMLInputElement, '山田');
  typeInto(inputByLabel(name, '名') as HTMLInputElement, '花子');
  typeInto(inputByLabel(name, 'セイ') as HTMLInputElement, 'ヤマダ');
  typeInto(inputByLabel(name, 'メイ') as HTMLInputElement, 'ハナコ');
  const contact = inner(el, 'kessai-contact-fields');
  typeInto(inputByLabel(contact, 'メールアドレス') as HTMLInputElement, 'hanako@example.jp');
  typeInto(inputByLabel(contact, '電話番号') as HTMLInputElement, '080-1111-2222');
  await settle(el);
}

/** A card-only checkout posting to `base`'s endpoint (a ¥5,000 e-gift, no address), its tokenizer answering `token`. */
function cardCheckout(base: string, token: string, installments?: string): Promise<KessaiCheckout> {
  return fixture<KessaiCheckout>(html`<kessai-checkout
    endpoint=${`${base}/api/checkout`}
    amount="5000"
    reference="e-gift-5000"
    no-address
    methods="card"
    installments=${installments ?? nothing}
    .cardTokenizer=${tokenizer(token)}
  ></kessai-checkout>`);
}

async function fillCard(el: KessaiCheckout, number: string) {
  // The card fields are a part loaded on demand: wait until they are defined and rendered.
  await el.ownerDocument.defaultView!.customElements.whenDefined('kessai-card-fields');
  await (inner(el, 'kessai-card-fields') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  const card = inner(el, 'kessai-card-fields');
  typeInto(inputByLabel(card, 'カード番号') as HTMLInputElement, number);
  typeInto(inputByLabel(card, '有効期限') as HTMLInputElement, '12/30');
  typeInto(inputByLabel(card, 'セキュリティコード') as HTMLInputElement, '123');
  typeInto(inputByLabel(card, '名義') as HTMLInputElement, 'HANAKO YAMADA');
  await settle(el);
}

/** The next page `f` loads; fails with `what` (and what `shown` tells of the page) if none comes within a minute. */
function nextPage(f: HTMLIFrameElement, what: string, shown: () => string = () => ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no page loaded: ${what} (at ${f.contentWindow?.location.href}) ${shown()}`)), 60_000);
    f.addEventListener('load', () => (clearTimeout(t), resolve()), { once: true });
  });
}

/** An iframe of this page ("another tab", or a phone-sized page); resolves once it loaded `src`. */
async function frame(src: string, width = 800, height = 900): Promise<HTMLIFrameElement> {
  const f = document.createElement('iframe');
  f.width = String(width);
  f.height = String(height);
  f.title = 'another tab';
  const loaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
  f.src = src;
  document.body.append(f);
  await loaded;
  return f;
}

/** Presses a button of the sandbox page in `f` by its text, and waits for the page it leads to. */
async function press(f: HTMLIFrameElement, label: string): Promise<void> {
  await wait(() => !!Array.from(f.contentDocument?.querySelectorAll('button') ?? []).find((b) => b.textContent!.includes(label)));
  const next = nextPage(f, `after pressing ${label}`);
  Array.from(f.contentDocument!.querySelectorAll('button')).find((b) => b.textContent!.includes(label))!.click();
  await next;
}

/** The checkout in the page inside `f`, once it is upgraded. */
async function checkoutIn(f: HTMLIFrameElement): Promise<KessaiCheckout> {
  await wait(() => !!(f.contentDocument?.querySelector('kessai-checkout') as KessaiCheckout | null)?.shadowRoot?.querySelector('form, .done, [role="status"]'));
  const el = f.contentDocument!.querySelector('kessai-checkout') as KessaiCheckout;
  await settle(el);
  return el;
}

const tokenizer = (token: string): CardTokenizer => async (card) => ({ token, last4: card.number.slice(-4) });

afterEach(() => {
  document.querySelectorAll('iframe').forEach((f) => f.remove());
  // An order placed here put its id into this page's URL: the next checkout must start empty.
  const u = new URL(location.href);
  u.searchParams.delete('kessai-order');
  history.replaceState(history.state, '', u.href);
});

describe('PayPay on a desktop: a QR code, paid in another tab', function () {
  // End to end through pages, redirects and status polling: sized for a loaded machine.
  this.timeout(120_000);
  it('shows the QR code with amount, wallet name, countdown and link; paying in another tab completes the first without a reload', async () => {
    const base = await newShop();
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint=${`${base}/api/checkout`} amount="5000" reference="e-gift-5000" no-address methods="paypay"></kessai-checkout>`);
    (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
    await fillShopper(el);
    expect(text(el)).to.contain('PayPay');
    el.requestSubmit();

    await wait(() => !!inner(el, 'kessai-wallet-qr')?.shadowRoot?.querySelector('svg'));
    const qr = inner(el, 'kessai-wallet-qr') as HTMLElement & { updateComplete: Promise<unknown> };
    await qr.updateComplete;
    const shown = text(qr);
    expect(shown).to.contain('PayPayでお支払い');
    expect(shown).to.contain('お支払い金額: 5,000円');
    expect(shown).to.match(/残り時間 [45]:\d\d/);
    const svg = qr.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('PayPayで5,000円を支払うためのQRコード');
    const link = qr.shadowRoot!.querySelector<HTMLAnchorElement>('a')!;
    expect(link.textContent).to.contain('PayPayの支払いページを開く');
    expect(new URL(link.href).pathname).to.match(new RegExp(`^${base}/sandbox/wallet/sbx_pay_`));
    // The form is kept (hidden) under the code, not submitted again.
    expect(el.shadowRoot!.querySelector('form')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();

    const { orders } = await stored(base);
    expect(orders.map((o) => [o.method, o.status])).to.deep.equal([['paypay', 'requires_action']]);

    // Another tab: the wallet page behind the code; the shopper pays there.
    const tab = await frame(link.href);
    expect(tab.contentDocument!.body.textContent).to.contain('5,000円');
    await press(tab, '支払う');

    // The first tab notices by itself (it polls the order's status).
    await wait(() => text(el).includes('お支払いが完了しました'));
    expect((window as unknown as { __sameDocument?: boolean }).__sameDocument).to.equal(true);
    const after = await stored(base);
    expect(after.orders.map((o) => o.status)).to.deep.equal(['paid']);
    expect(after.count).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('an expired code offers one way on: a new code, which is a new attempt with a new Idempotency-Key', async () => {
    const base = await newShop({ walletQrSeconds: 2 });
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint=${`${base}/api/checkout`} amount="5000" reference="e-gift-5000" no-address methods="paypay"></kessai-checkout>`);
    await fillShopper(el);
    el.requestSubmit();
    await wait(() => text(inner(el, 'kessai-wallet-qr')).includes('QRコードの有効期限が切れました'));
    const qr = inner(el, 'kessai-wallet-qr')!;
    const restart = qr.shadowRoot!.querySelector<HTMLButtonElement>('[part="restart"]')!;
    expect(restart.textContent).to.contain('新しいQRコードを表示する');
    await expect(qr).to.be.accessible();
    restart.click();

    await wait(async () => (await stored(base)).count === 2);
    await wait(() => !!inner(el, 'kessai-wallet-qr')?.shadowRoot?.querySelector('svg'));
    const { orders } = await stored(base);
    expect(new Set(orders.map((o) => o.idempotencyKey)).size).to.equal(2);
    expect(new Set(orders.map((o) => o.id)).size).to.equal(2);
  });

  it('a payment declined in the app brings the form back with a message, and the next press is a new attempt', async () => {
    const base = await newShop({ wallets: ['rakuten-pay', 'merpay'] });
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint=${`${base}/api/checkout`} amount="5000" reference="e-gift-5000" no-address methods="wallet" wallets="rakuten-pay merpay"></kessai-checkout>`);
    await fillShopper(el);
    const merpay = Array.from(el.shadowRoot!.querySelectorAll<HTMLLabelElement>('.wallets label')).find((l) => l.textContent!.includes('メルペイ'))!;
    merpay.querySelector('input')!.click();
    await settle(el);
    el.requestSubmit();
    await wait(() => !!inner(el, 'kessai-wallet-qr')?.shadowRoot?.querySelector('a'));
    const qr = inner(el, 'kessai-wallet-qr')!;
    expect(text(qr)).to.contain('メルペイでお支払い');
    const tab = await frame(qr.shadowRoot!.querySelector('a')!.href);
    expect(tab.contentDocument!.title).to.contain('メルペイ');
    await press(tab, '支払わない');
    await wait(() => (el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '').includes('お支払いは完了していません'));
    expect(el.shadowRoot!.querySelector('form')!.hidden).to.equal(false);
    const { orders, sandboxPayments } = await stored(base);
    expect(orders.map((o) => o.status)).to.deep.equal(['failed']);
    expect(sandboxPayments.map((p) => p.wallet)).to.deep.equal(['merpay']);
  });
});

describe('PayPay on a phone: to the wallet and back', function () {
  // End to end through pages, redirects and status polling: sized for a loaded machine.
  this.timeout(120_000);
  it('goes to the wallet page, and back on the shop page shows the payment as complete', async () => {
    const shop = await newShopWithReturn('paypay');
    const { f, back } = await leaveAndComeBack(shop, 'paypay', /\/sandbox\/wallet\/sbx_pay_/, '支払う', { width: 390 });
    expect(f.contentWindow!.innerWidth).to.be.at.most(390); // a phone: no QR code here, the wallet's page instead
    // The result's heading takes focus (axe runs on this document: see the reload test below).
    expect(back.shadowRoot!.activeElement?.localName).to.equal('h2');
  });
});

describe('coming back to a wallet order (reload, new tab)', function () {
  // End to end through pages, redirects and status polling: sized for a loaded machine.
  this.timeout(120_000);
  it('shows the same QR code again while it waits, never posts, and shows the result once paid', async () => {
    const base = await newShop();
    const placed = await fetch(`${base}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        reference: 'e-gift-5000',
        amount: 5000,
        currency: 'JPY',
        method: 'paypay',
        customer: { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', email: 'hanako@example.jp', phone: '08011112222' },
      }),
    });
    const answer = (await placed.json()) as { orderId: string; action: { url: string } };
    const u = new URL(location.href);
    u.searchParams.set('kessai-order', answer.orderId);
    history.replaceState(history.state, '', u.href);

    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint=${`${base}/api/checkout`} amount="5000" reference="e-gift-5000" no-address methods="paypay"></kessai-checkout>`);
    await wait(() => !!inner(el, 'kessai-wallet-qr')?.shadowRoot?.querySelector('svg'));
    const qr = inner(el, 'kessai-wallet-qr')!;
    expect(qr.shadowRoot!.querySelector('a')!.href).to.equal(answer.action.url);
    await expect(el).to.be.accessible();

    await fetch(answer.action.url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'decision=approve' });
    await wait(() => text(el).includes('お支払いが完了しました'));
    await expect(el).to.be.accessible();
    expect((await stored(base)).count).to.equal(1);
  });
});

/**
 * The shop's page in a frame (a phone: `width` 390): fills and places the order, which leaves for the
 * PSP's page (`leavesFor`), presses `button` there and comes back to the shop page with the result: paid,
 * one order, nothing posted again.
 */
async function leaveAndComeBack(shop: string, methods: string, leavesFor: RegExp, button: string, o: { width?: number; card?: string; page?: string } = {}) {
  const f = await frame(`/test-api/wallet-page?base=${encodeURIComponent(shop)}&methods=${methods}`, o.width ?? 800, 844);
  const el = await checkoutIn(f);
  await fillShopper(el);
  if (o.card) await fillCard(el, o.card);
  const events: string[] = [];
  for (const type of ['kessai-submit', 'kessai-success', 'kessai-error']) el.addEventListener(type, (e) => events.push(`${type} ${JSON.stringify((e as CustomEvent).detail?.code ?? '')}`));
  const left = nextPage(f, 'the PSP page after placing the order', () => `events: [${events.join(', ')}]; the checkout shows: ${text(el).slice(0, 600)}`);
  el.requestSubmit();
  await left;
  expect(f.contentWindow!.location.pathname).to.match(leavesFor);
  if (o.page) expect(f.contentDocument!.body.textContent).to.contain(o.page);
  await press(f, button);
  // Back on the shop's page, with the order in the URL: the result, and nothing posted again.
  const back = await checkoutIn(f);
  await wait(() => text(back).includes('お支払いが完了しました'));
  const { orders, count } = await stored(shop);
  expect(count).to.equal(1);
  expect(orders[0].status).to.equal('paid');
  return { f, back };
}

/** A shop whose 3-D Secure and wallet pages send the shopper back to its page (/test-api/wallet-page) with the order id. */
async function newShopWithReturn(methods: string): Promise<string> {
  // {base} (the shop's own path) and {orderId} are filled in by the shop.
  return newShop({ returnUrl: `/test-api/wallet-page?base={base}&methods=${methods}&kessai-order={orderId}` });
}

describe('3-D Secure: a card that needs authentication', function () {
  // End to end through pages, redirects and status polling: sized for a loaded machine.
  this.timeout(120_000);
  it('goes to the 3-D Secure page and back, and shows the payment as succeeded', async () => {
    const shop = await newShopWithReturn('card');
    const { back } = await leaveAndComeBack(shop, 'card', /\/sandbox\/3ds\/sbx_pay_/, '認証する', { card: '4000000000003220', page: '3-D Secure' });
    expect(back.shadowRoot!.activeElement?.localName).to.equal('h2');
  });
});

describe('3-D Secure: back from the back-forward cache', function () {
  // End to end through pages, redirects and status polling: sized for a loaded machine.
  this.timeout(120_000);
  it('shows the order’s result from the status route and posts nothing again', async () => {
    const base = await newShop();
    const el = await cardCheckout(base, 'tok_demo_3ds_1');
    await fillShopper(el);
    await fillCard(el, '4000000000003220');
    let url = '';
    el.addEventListener('kessai-success', (e) => {
      const r = e.detail.response;
      if (r.status === 'requires_action') url = r.action?.url ?? '';
      e.preventDefault(); // this test page stays; the shopper "left" for the 3-D Secure page
    });
    el.requestSubmit();
    await wait(() => url !== '');
    expect(new URL(location.href).searchParams.get('kessai-order')).to.match(/^ord_/);
    // Authenticated at the PSP, then Back: the browser restores this page from the bfcache.
    await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'decision=approve' });
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await wait(() => text(el).includes('お支払いが完了しました'));
    const { count, orders } = await stored(base);
    expect(count).to.equal(1);
    expect(orders[0].status).to.equal('paid');
    await expect(el).to.be.accessible();
  });
});

describe('card installments (支払回数)', function () {
  // End to end through pages, redirects and status polling: sized for a loaded machine.
  this.timeout(120_000);
  it('offers the backend’s plans, sends the choice as card.installments, and the PSP gets 6 payments', async () => {
    const base = await newShop({ installments: [3, 6, 12] });
    const el = await cardCheckout(base, 'tok_demo_visa_1', '3 6 12');
    await fillShopper(el);
    await fillCard(el, '4242424242424242');
    const card = inner(el, 'kessai-card-fields');
    const select = inputByLabel(card, '支払回数') as HTMLSelectElement;
    expect(Array.from(select.options, (o) => o.textContent!.trim())).to.deep.equal(['一括払い', '3回払い', '6回払い', '12回払い']);
    expect(select.value).to.equal('1');
    await expect(card).to.be.accessible();
    select.value = '6';
    select.dispatchEvent(new Event('change'));
    let posted: unknown;
    el.addEventListener('kessai-submit', (e) => (posted = e.detail.request.card));
    el.requestSubmit();
    await wait(() => text(el).includes('お支払いが完了しました'));
    expect(posted).to.deep.include({ installments: 6 });
    const { sandboxPayments, orders } = await stored(base);
    expect(sandboxPayments.map((p) => p.installments)).to.deep.equal([6]);
    expect(orders[0].status).to.equal('succeeded');
  });

  it('shows no 支払回数 select when the backend allows none', async () => {
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint="/api/none" amount="5000" no-address methods="card" .cardTokenizer=${tokenizer('tok_demo_visa_1')}></kessai-checkout>`);
    await settle(el);
    const card = inner(el, 'kessai-card-fields');
    expect(card.shadowRoot!.querySelector('select')).to.equal(null);
  });

  it('the server refuses a plan it does not allow', async () => {
    const base = await newShop({ installments: [3, 6] });
    const body = {
      reference: 'e-gift-5000',
      amount: 5000,
      currency: 'JPY',
      method: 'card',
      customer: { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', email: 'hanako@example.jp', phone: '08011112222' },
      card: { token: 'tok_demo_visa_1', installments: 24 },
    };
    const post = (b: unknown) =>
      fetch(`${base}/api/checkout`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'ja', 'Idempotency-Key': crypto.randomUUID() }, body: JSON.stringify(b) });
    const refused = await post(body);
    expect(refused.status).to.equal(400);
    const err = (await refused.json()) as { error: { field: string; message: string } };
    expect(err.error.field).to.equal('card.installments');
    expect(err.error.message).to.equal('この支払回数はご利用いただけません。別の支払回数を選んでください。');
    expect((await post({ ...body, card: { token: 'tok_demo_visa_1', installments: 'bonus' } })).status).to.equal(400);
    expect((await post({ ...body, card: { token: 'tok_demo_visa_1', installments: '6' } })).status).to.equal(400);
    expect((await stored(base)).count).to.equal(0);
    const ok = await post({ ...body, card: { token: 'tok_demo_visa_1', installments: 6 } });
    expect(ok.status).to.equal(200);
    expect((await stored(base)).sandboxPayments.map((p) => p.installments)).to.deep.equal([6]);
  });
});
