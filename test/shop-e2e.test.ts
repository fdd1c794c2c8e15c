import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/all.js';
import type { KessaiCheckout } from '../src/components/checkout/checkout.js';
import { inputByLabel, settle, typeInto, until } from './helpers/dom.js';

// End to end: kessai-checkout → the reference merchant backend (Hono + SQLite,
// served by the test run's HTTP server), with postal data from fixtures.

async function newShop(): Promise<string> {
  const r = await fetch('/test-api/shop/new', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  return ((await r.json()) as { base: string }).base;
}


const root = (el: Element, tag: string) => el.shadowRoot!.querySelector(tag)!;

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

    const name = root(el, 'kessai-name-fields');
    typeInto(inputByLabel(name, '姓') as HTMLInputElement, '山田');
    typeInto(inputByLabel(name, '名') as HTMLInputElement, '花子');
    typeInto(inputByLabel(name, 'セイ') as HTMLInputElement, 'やまだ');
    typeInto(inputByLabel(name, 'メイ') as HTMLInputElement, 'ハナコ');
    const contact = root(el, 'kessai-contact-fields');
    typeInto(inputByLabel(contact, 'メールアドレス') as HTMLInputElement, 'hanako@example.jp');
    typeInto(inputByLabel(contact, '電話番号') as HTMLInputElement, '080-1111-2222');
    const address = root(el, 'kessai-address-fields');
    typeInto(inputByLabel(address, '郵便番号') as HTMLInputElement, '１００ー０００１');
    await until(() => (inputByLabel(address, '市区町村') as HTMLInputElement).value === '千代田区');
    expect((inputByLabel(address, '都道府県') as HTMLSelectElement).selectedOptions[0].textContent).to.contain('東京都');
    typeInto(inputByLabel(address, '町名・番地') as HTMLInputElement, `${(inputByLabel(address, '町名・番地') as HTMLInputElement).value}1-1`);
    await settle(el);

    const picker = root(el, 'kessai-konbini-picker');
    const lawson = Array.from(picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')).find((r) => r.textContent!.includes('ローソン'))!;
    lawson.click();
    await settle(el);

    el.requestSubmit();
    await until(() => !!el.shadowRoot!.querySelector('kessai-payment-instructions'));
    const instructions = root(el, 'kessai-payment-instructions') as HTMLElement & { updateComplete: Promise<unknown> };
    await instructions.updateComplete;
    const text = instructions.shadowRoot!.textContent!.replace(/\s+/g, ' ');
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
