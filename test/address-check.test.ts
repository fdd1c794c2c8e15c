import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/address-fields.js';
import type { AddressResolvedDetail, KessaiAddressFields } from '../src/components/address-fields/address-fields.js';
import { inForm as inFormWith, field, select, statusOf } from './helpers/address.js';
import { blur, errorOf, typeInto } from './helpers/dom.js';

// Issue 20: addresses that cannot go wrong. What the lookup filled is never
// erased by the next keystroke; several towns need a choice; a code that does
// not match the prefecture / city typed by hand is flagged and confirmed.

const inForm = () => inFormWith('name="shipping" postal-data="/test-api/postal/ok/"');
const confirmBox = (el: KessaiAddressFields) => el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]');

async function lookUp(el: KessaiAddressFields, code: string): Promise<AddressResolvedDetail> {
  const answer = new Promise<AddressResolvedDetail>((resolve) => el.addEventListener('kessai-address-resolved', (e) => resolve(e.detail), { once: true }));
  typeInto(field(el, '郵便番号'), code);
  const detail = await answer;
  await el.updateComplete;
  return detail;
}

function submits(form: HTMLFormElement): boolean {
  let submitted = false;
  const on = (e: Event) => {
    e.preventDefault();
    submitted = true;
  };
  form.addEventListener('submit', on);
  form.requestSubmit();
  form.removeEventListener('submit', on);
  return submitted;
}

describe('addresses that cannot go wrong', () => {
  it('a keyboard shopper who Tabs into 町名・番地 after the lookup types after 神宮前, not over it', async () => {
    const { el } = await inForm();
    await lookUp(el, '1500001');
    expect(field(el, '町名・番地').value).to.equal('神宮前');
    field(el, '市区町村').focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(field(el, '町名・番地'));
    await sendKeys({ type: '1-2-3' });
    await el.updateComplete;
    expect(field(el, '町名・番地').value).to.equal('神宮前1-2-3');
    expect(el.value.line1).to.equal('神宮前1-2-3');
  });

  it('410-0244: skipping the town choice and typing 123 is refused until a town is chosen', async () => {
    const { form, el } = await inForm();
    await lookUp(el, '4100244');
    typeInto(field(el, '町名・番地'), '123');
    await el.updateComplete;
    expect(submits(form)).to.equal(false);
    await el.updateComplete;
    expect(errorOf(field(el, '町名・番地'))).to.equal('この郵便番号には複数の地域があります。一覧から地域を選んでください。');
    const radios = Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]'));
    expect(el.shadowRoot!.activeElement).to.equal(radios[0]);
    await expect(el).to.be.accessible();
    radios[1].click();
    await el.updateComplete;
    expect(field(el, '町名・番地').value).to.equal('西浦大瀬123');
    expect(submits(form)).to.equal(true);
  });

  it('an unknown code 123-4567 with 大阪府 千代田区 typed by hand asks to check the code, and passes once the shopper confirms', async () => {
    const { form, el } = await inForm();
    const detail = await lookUp(el, '123-4567');
    expect(detail.status).to.equal('not-found');
    expect(statusOf(el)).to.equal('この郵便番号は見つかりませんでした。郵便番号が正しいかご確認ください。');
    select(el).value = '27';
    select(el).dispatchEvent(new Event('change', { bubbles: true }));
    typeInto(field(el, '市区町村'), '千代田区');
    typeInto(field(el, '町名・番地'), '1-1');
    await el.updateComplete;
    expect(submits(form)).to.equal(false);
    await el.updateComplete;
    expect(errorOf(field(el, '郵便番号'))).to.contain('郵便番号をご確認ください');
    const box = confirmBox(el)!;
    expect(el.shadowRoot!.activeElement).to.equal(box);
    expect(box.labels![0].textContent!.trim()).to.equal('郵便番号と住所を確認しました。このまま注文します。');
    await expect(el).to.be.accessible();
    box.click();
    await el.updateComplete;
    expect(submits(form)).to.equal(true);
    expect(el.value.confirmed).to.equal('true');
  });

  it('a code that belongs elsewhere (100-0001 with 大阪府 chosen by hand) is flagged with where it belongs', async () => {
    const { form, el } = await inForm();
    await lookUp(el, '100-0001');
    blur(field(el, '郵便番号'));
    select(el).value = '27';
    select(el).dispatchEvent(new Event('change', { bubbles: true }));
    typeInto(field(el, '市区町村'), '大阪市北区');
    typeInto(field(el, '町名・番地'), '梅田1-1');
    await el.updateComplete;
    expect(errorOf(field(el, '郵便番号'))).to.equal('郵便番号 100-0001 は 東京都 千代田区 の番号です。郵便番号をご確認ください。');
    expect(submits(form)).to.equal(false);
    confirmBox(el)!.click();
    await el.updateComplete;
    expect(errorOf(field(el, '郵便番号'))).to.equal('');
    expect(submits(form)).to.equal(true);
  });

  it('a town erased by hand (渋谷区 1-2-3 for 150-0001) is flagged; English names the town too', async () => {
    const { form, el } = await inForm();
    el.lang = 'en';
    await lookUp(el, '1500001');
    typeInto(field(el, 'Town and block number'), '1-2-3');
    blur(field(el, 'Town and block number'));
    await el.updateComplete;
    expect(errorOf(field(el, 'Town and block number'))).to.equal('Start with the town, 神宮前, then the block number.');
    expect(submits(form)).to.equal(false);
    typeInto(field(el, 'Town and block number'), '神宮前1-2-3');
    await el.updateComplete;
    expect(submits(form)).to.equal(true);
  });
});
