import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/all.js';
import type { KessaiCheckout } from '../src/components/checkout/checkout.js';
import { inputByLabel, settle, until } from './helpers/dom.js';
import { fillCheckout } from '../stories/support/fill.js';

// The final confirmation (最終確認画面) the 2022 amendment of the 特定商取引法 asks
// for: items and quantities, the price with tax, shipping and fees, how and
// when to pay, delivery, cancellation terms, and a button that says what it does.

const newSession = () => Math.random().toString(36).slice(2);
const posts = async (s: string) => ((await (await fetch(`/test-api/endpoint-log?s=${s}`)).json()) as Array<{ method: string }>).filter((r) => r.method === 'POST');
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const ITEMS = [
  { name: '宇治抹茶セット', quantity: 2, price: 1200 },
  { name: '茶筅', price: 300 },
];

async function checkout(s: string, attrs: { confirmation?: string; lang?: string; scenario?: string; methods?: string } = {}) {
  const el = await fixture<KessaiCheckout>(html`<kessai-checkout
    lang=${attrs.lang ?? 'ja'}
    endpoint=${`/test-api/endpoint/${attrs.scenario ?? 'konbini'}?s=${s}`}
    amount="3240"
    reference="cart_42"
    methods=${attrs.methods ?? 'konbini pay-easy'}
    confirmation=${attrs.confirmation ?? 'summary'}
    .items=${ITEMS}
    shipping="440"
    fee="100"
    payment-days="3"
    delivery="ご入金の確認後、3営業日以内に発送します。"
    cancellation="商品到着後8日以内、未開封のものに限り返品できます。"
    postal-data="/test-api/postal/ok/"
  ></kessai-checkout>`);
  await settle(el);
  return el;
}

async function fill(el: KessaiCheckout) {
  await settle(el);
  const konbini = !!el.shadowRoot!.querySelector('kessai-konbini-picker');
  await fillCheckout(el, { shopper: { phone: '080-1111-2222', postalCode: '1000001', line1: '千代田1-1', store: konbini ? 'ローソン' : undefined } });
  await settle(el);
}

describe('the final confirmation (最終確認画面)', () => {
  it('beside the button: items × quantity, shipping, fees, the total with tax, how and when to pay, the address, delivery and cancellation', async () => {
    const s = newSession();
    const el = await checkout(s);
    await fill(el);
    const review = el.shadowRoot!.querySelector<HTMLElement>('.review')!;
    const r = review.textContent!.replace(/\s+/g, ' ');
    for (const part of [
      'ご注文内容の確認',
      '宇治抹茶セット × 2',
      '2,400円',
      '茶筅 × 1',
      '300円',
      '送料',
      '440円',
      '手数料',
      '100円',
      'お支払い合計（税込）',
      '3,240円',
      'コンビニ払い（ローソン）',
      'ご注文から3日以内に店頭でお支払いください',
      '山田 花子',
      '〒100-0001 東京都千代田区千代田1-1',
      'ご入金の確認後、3営業日以内に発送します。',
      '商品到着後8日以内、未開封のものに限り返品できます。',
    ])
      expect(r).to.contain(part);
    // Right above the button, not 2,000 px away at the top.
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.textContent!.trim()).to.equal('注文を確定する');
    const gap = button.getBoundingClientRect().top - review.getBoundingClientRect().bottom;
    expect(gap).to.be.below(150);
    expect(text(el)).to.not.match(/[¥￥]/);
    await expect(el).to.be.accessible();
  });

  it('follows what the shopper types: a name changed and left in place shows in the summary once they pause', async () => {
    const el = await checkout(newSession());
    await fill(el);
    const review = () => el.shadowRoot!.querySelector<HTMLElement>('.review')!.textContent!.replace(/\s+/g, ' ');
    expect(review()).to.contain('山田 花子');
    const name = el.shadowRoot!.querySelector('kessai-name-fields')!;
    const family = inputByLabel(name, '姓') as HTMLInputElement;
    family.focus();
    family.value = '佐藤';
    family.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '佐藤' }));
    // Still in the field, no further key: the summary catches up by itself.
    await until(() => review().includes('佐藤 花子'));
    expect(el.shadowRoot!.activeElement?.localName).to.equal('kessai-name-fields');
  });

  it('confirmation="review": 注文内容を確認する shows a review step and posts nothing; back keeps every value; 注文を確定する posts once', async () => {
    const s = newSession();
    const el = await checkout(s, { confirmation: 'review' });
    await fill(el);
    const formButton = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(formButton.textContent!.trim()).to.equal('注文内容を確認する');
    expect(el.shadowRoot!.querySelector('.review')).to.equal(null);
    formButton.click();
    await until(() => !!el.shadowRoot!.querySelector('.review'));
    await settle(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('review-heading');
    expect(el.shadowRoot!.querySelector('form')!.hidden).to.equal(true);
    expect(el.shadowRoot!.querySelector('.review')!.textContent).to.contain('〒100-0001 東京都千代田区千代田1-1');
    expect(await posts(s)).to.have.length(0);
    await expect(el).to.be.accessible();

    const back = Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.trim() === '戻って修正する')!;
    back.click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('form')!.hidden).to.equal(false);
    const address = el.shadowRoot!.querySelector('kessai-address-fields')!;
    expect((inputByLabel(address, '町名・番地') as HTMLInputElement).value).to.equal('千代田1-1');

    el.requestSubmit();
    await until(() => !!el.shadowRoot!.querySelector('.review'));
    const place = Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.trim() === '注文を確定する')!;
    place.click();
    place.click();
    await until(() => !!el.shadowRoot!.querySelector('kessai-payment-instructions'));
    expect(await posts(s)).to.have.length(1);
  });

  it('confirmation="review" with a missing field shows the errors, not the review', async () => {
    const s = newSession();
    const el = await checkout(s, { confirmation: 'review' });
    el.requestSubmit();
    await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('.review')).to.equal(null);
    expect(el.shadowRoot!.querySelector('form')!.hidden).to.equal(false);
    expect(await posts(s)).to.have.length(0);
  });

  it('in English the same essentials are labelled in English', async () => {
    const s = newSession();
    const el = await checkout(s, { lang: 'en', methods: 'pay-easy' });
    const r = el.shadowRoot!.querySelector('.review')!.textContent!.replace(/\s+/g, ' ');
    for (const part of ['Check your order', 'Total (tax included)', '¥3,240', 'Shipping', '¥440', 'Pay within 3 days of ordering', 'Cancellation and returns']) expect(r).to.contain(part);
    await expect(el).to.be.accessible();
  });
});

describe('smaller findings of issue 20 in the checkout', () => {
  it('Enter on a chain card picks it and submits, as on a native radio button', async () => {
    const s = newSession();
    const el = await checkout(s);
    await fill(el);
    const picker = el.shadowRoot!.querySelector('kessai-konbini-picker')!;
    const seven = Array.from(picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')).find((r) => r.textContent!.includes('セブン'))!;
    seven.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!el.shadowRoot!.querySelector('kessai-payment-instructions'));
    const sent = await posts(s);
    expect(sent).to.have.length(1);
  });

  it('switching the method and back keeps the chosen chain', async () => {
    const s = newSession();
    const el = await checkout(s);
    await fill(el);
    const radio = (label: string) => Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement>('.methods input')).find((i) => i.parentElement!.textContent!.includes(label))!;
    radio('ペイジー').click();
    await settle(el);
    radio('コンビニ払い').click();
    await settle(el);
    const picker = el.shadowRoot!.querySelector('kessai-konbini-picker') as unknown as { value: { store: string } };
    expect(picker.value.store).to.equal('lawson');
    expect(el.shadowRoot!.querySelector('.review')!.textContent).to.contain('コンビニ払い（ローソン）');
  });

  it('a cart over ¥300,000 opens on a method that can take it, not on Konbini with every chain greyed out', async () => {
    const el = await fixture<KessaiCheckout>(html`<kessai-checkout endpoint="/test-api/endpoint/ok" amount="350000" methods="konbini pay-easy" no-address></kessai-checkout>`);
    await settle(el);
    const checked = el.shadowRoot!.querySelector<HTMLInputElement>('.methods input:checked')!;
    expect(checked.parentElement!.textContent!.trim()).to.equal('ペイジー');
    expect(el.shadowRoot!.querySelector('kessai-konbini-picker')).to.equal(null);
  });
});
