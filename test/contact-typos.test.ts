import { expect, fixture } from '@open-wc/testing';
import '../src/define/contact-fields.js';
import type { KessaiContactFields } from '../src/components/contact-fields/contact-fields.js';
import { blur, errorOf, inputByLabel, typeInto } from './helpers/dom.js';

// Issue 20: e-mail typos (the Konbini and Pay-easy numbers go there), width, phone messages.

async function inForm(lang = 'ja') {
  const form = await fixture<HTMLFormElement>(`<form lang="${lang}"><kessai-contact-fields name="c"></kessai-contact-fields><button>注文する</button></form>`);
  const el = form.querySelector('kessai-contact-fields') as KessaiContactFields;
  await el.updateComplete;
  return { form, el };
}
const suggestion = (el: KessaiContactFields) => el.shadowRoot!.getElementById('email-suggestion')!.textContent!.replace(/\s+/g, ' ').trim();

describe('contact fields: typos and width', () => {
  for (const [typed, fixed] of [
    ['taro@gmail.con', 'taro@gmail.com'],
    ['taro@gmial.com', 'taro@gmail.com'],
    ['taro@docomo.ne.jpp', 'taro@docomo.ne.jp'],
    ['taro@ezweb.ne.j', 'taro@ezweb.ne.jp'],
    ['taro@softbank.ne.jo', 'taro@softbank.ne.jp'],
    ['taro@yahoo.co.jo', 'taro@yahoo.co.jp'],
    ['taro@icloud.co', 'taro@icloud.com'],
  ]) {
    it(`${typed}: suggests ${fixed} after the field is left, never blocking`, async () => {
      const { form, el } = await inForm();
      typeInto(inputByLabel(el, '電話番号') as HTMLInputElement, '090-1234-5678');
      const email = inputByLabel(el, 'メールアドレス') as HTMLInputElement;
      typeInto(email, typed);
      blur(email);
      await el.updateComplete;
      expect(suggestion(el)).to.equal(`もしかして ${fixed} ですか？ 修正する`);
      expect(email.getAttribute('aria-describedby')).to.contain('email-suggestion');
      let submitted = false;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted = true;
      });
      form.requestSubmit();
      expect(submitted, 'a suggestion never blocks').to.equal(true);
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('#email-suggestion button')!.click();
      await el.updateComplete;
      expect(email.value).to.equal(fixed);
      expect(el.value.email).to.equal(fixed);
      expect(suggestion(el)).to.equal('');
    });
  }

  it('suggests nothing for good addresses (au.com, i.softbank.jp, a company domain)', async () => {
    const { el } = await inForm();
    const email = inputByLabel(el, 'メールアドレス') as HTMLInputElement;
    for (const good of ['taro@au.com', 'taro@i.softbank.jp', 'taro@example.co.jp', 'taro@gmail.com']) {
      typeInto(email, good);
      blur(email);
      await el.updateComplete;
      expect(suggestion(el), good).to.equal('');
    }
  });

  it('in English: "Did you mean taro@gmail.com?"', async () => {
    const { el } = await inForm('en');
    const email = inputByLabel(el, 'Email address') as HTMLInputElement;
    typeInto(email, 'taro@gmail.con');
    blur(email);
    await el.updateComplete;
    expect(suggestion(el)).to.equal('Did you mean taro@gmail.com? Use it');
  });

  it('a full-width e-mail and phone number are shown half-width once the field is left', async () => {
    const { el } = await inForm();
    const email = inputByLabel(el, 'メールアドレス') as HTMLInputElement;
    const phone = inputByLabel(el, '電話番号') as HTMLInputElement;
    typeInto(email, 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ');
    blur(email);
    typeInto(phone, '０９０ー１２３４ー５６７８');
    blur(phone);
    await el.updateComplete;
    expect(email.value).to.equal('taro@example.jp');
    expect(phone.value).to.equal('090-1234-5678');
  });

  it('a 10-digit number that does not start with 0 is told so, not "enter digits"', async () => {
    const { el } = await inForm();
    const phone = inputByLabel(el, '電話番号') as HTMLInputElement;
    typeInto(phone, '1234567890');
    blur(phone);
    await el.updateComplete;
    expect(errorOf(phone)).to.equal('電話番号は0から始まる番号を入力してください（例: 090-1234-5678）。');
  });
});
