import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/all.js';
import type { KessaiCheckout } from '../src/components/checkout/checkout.js';
import { inputByLabel, settle, until } from './helpers/dom.js';
import { fillCheckout } from '../stories/support/fill.js';

// End to end: kessai-checkout → the reference merchant backend (Hono + SQLite,
// served by the test run's HTTP server), with postal data from fixtures; and
// through each real PSP adapter → its local fake PSP → the fake's signed
// notification over HTTP → the order paid.

async function newShop(options: { psp?: string } = {}): Promise<string> {
  const r = await fetch('/test-api/shop/new', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options) });
  return ((await r.json()) as { base: string }).base;
}

const root = (el: Element, tag: string) => el.shadowRoot!.querySelector(tag)!;

/** The text of the payment instructions the checkout shows once the order is placed. */
async function instructionsText(el: KessaiCheckout): Promise<string> {
  await until(() => !!el.shadowRoot!.querySelector('kessai-payment-instructions'));
  const instructions = root(el, 'kessai-payment-instructions') as HTMLElement & { updateComplete: Promise<unknown> };
  await instructions.updateComplete;
  return instructions.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

/** Types the shopper's details as a shopper would (the reading in hiragana, the postal code full-width); picks `chain` when given. */
async function fillShopper(el: KessaiCheckout, chain?: string, card?: { number: string }) {
  await fillCheckout(el, { shopper: { familyNameKana: 'やまだ', phone: '080-1111-2222', postalCode: '１００ー０００１', line1: '千代田1-1', store: chain, card } });
  const address = root(el, 'kessai-address-fields');
  expect((inputByLabel(address, '市区町村') as HTMLInputElement).value).to.equal('千代田区');
  expect((inputByLabel(address, '都道府県') as HTMLSelectElement).selectedOptions[0].textContent).to.contain('東京都');
  await settle(el);
}

describe('a Konbini order from the checkout to the reference backend', () => {
  it('fills the address from the postal code, places the order, shows the Lawson numbers and stores one order', async () => {
    const base = await newShop();
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout
      endpoint=${`${base}/api/checkout`}
      amount="3240"
      reference="matcha-set"
      methods="konbini pay-easy"
      postal-data="/test-api/postal/ok/"
    ></kessai-checkout>`);
    await settle(el);

    await fillShopper(el, 'ローソン');

    el.requestSubmit();
    const text = await instructionsText(el);
    expect(text).to.contain('お客様番号');
    expect(text).to.contain('確認番号');
    expect(text).to.contain('23:59');
    expect(text).to.contain('日本時間');
    await expect(el).to.be.accessible();

    const stored = (await (await fetch(`${base}/orders`)).json()) as { count: number; orders: Array<Record<string, unknown>> };
    expect(stored.count).to.equal(1);
    expect(JSON.stringify(stored.orders[0])).to.contain('lawson');
  });
});

interface Stored {
  count: number;
  orders: Array<{ id: string; status: string; psp: string; pspPaymentId: string }>;
  payments: number;
  pspViolations: string[];
}

/** Places one order through `psp`'s adapter and its fake; returns the order id (the success event's). */
async function placeThrough(psp: string, methods: string, chain?: string): Promise<{ base: string; el: KessaiCheckout; orderId: string; response: Record<string, unknown> }> {
  const base = await newShop({ psp });
  const el = await fixture<KessaiCheckout>(html`<kessai-checkout
    endpoint=${`${base}/api/checkout`}
    amount="3240"
    reference="matcha-set"
    methods=${methods}
    postal-data="/test-api/postal/ok/"
    .cardTokenizer=${async () => ({ token: 'tok_3ds_e2e', brand: 'visa', last4: '1111' })}
  ></kessai-checkout>`);
  await settle(el);
  let response: Record<string, unknown> | undefined;
  el.addEventListener('kessai-success', (e) => {
    response = (e as CustomEvent<{ response: Record<string, unknown> }>).detail.response;
    // 3-D Secure: the page would open the PSP's page; here the shopper "comes back" through the fake's notification.
    if (response.status === 'requires_action') e.preventDefault();
  });
  await fillShopper(el, chain, chain ? undefined : { number: '4111111111111111' });
  el.requestSubmit();
  await until(() => !!response);
  // The page keeps no order id for a redirect (the contract's redirect shape has none): read it from the shop.
  const orderId = (response!.orderId as string | undefined) ?? ((await (await fetch(`${base}/orders`)).json()) as Stored).orders[0].id;
  return { base, el, orderId, response: response! };
}

async function paidThroughNotification(base: string, orderId: string) {
  const delivered = (await (await fetch(`${base}/psp/pay`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ orderId }) })).json()) as { status: number; body: string };
  expect(delivered.status).to.equal(200);
  expect(JSON.parse(delivered.body).outcome).to.equal('applied');
  // Poll the shop's status route (what the page polls) until the order is paid, with a deadline.
  await until(async () => ((await (await fetch(`${base}/api/checkout/${orderId}`)).json()) as { status: string }).status === 'paid', 20_000);
  const stored = (await (await fetch(`${base}/orders`)).json()) as Stored;
  expect(stored.count).to.equal(1);
  expect(stored.payments).to.equal(1);
  expect(stored.pspViolations).to.deep.equal([]);
  return stored.orders[0];
}

describe('one order through each real PSP adapter and its fake PSP, paid by a signed notification', () => {
  for (const psp of ['komoju', 'stripe', 'fincode']) {
    it(`${psp}: a Lawson Konbini order shows its JST deadline and becomes paid when ${psp} notifies the payment`, async () => {
      const { base, el, orderId, response } = await placeThrough(psp, 'konbini', 'ローソン');
      expect(response.status).to.equal('pending');
      const text = await instructionsText(el);
      expect(text).to.contain('23:59');
      expect(text).to.contain('日本時間');
      if (psp !== 'fincode') expect(text).to.contain('お客様番号'); // fincode's Konbini is a barcode: no number to type
      const order = await paidThroughNotification(base, orderId);
      expect(order.psp).to.equal(psp);
    });
  }

  it('payjp: a card order (PAY.JP has no Konbini) goes to 3-D Secure and becomes paid when PAY.JP notifies charge.succeeded', async () => {
    const { base, orderId, response } = await placeThrough('payjp', 'card');
    expect(response.status).to.equal('requires_action');
    expect(String(response.redirectUrl)).to.match(/^https:\/\/api\.pay\.jp\/v1\/tds\/ch_/);
    const order = await paidThroughNotification(base, orderId);
    expect(order.psp).to.equal('payjp');
  });
});
