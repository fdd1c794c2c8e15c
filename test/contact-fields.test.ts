import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/contact-fields.js';
import type { KessaiContactFields } from '../src/components/contact-fields/contact-fields.js';
import { blur, consoleDuring, errorOf, inputByLabel, typeAndLeave, typeInto } from './helpers/dom.js';
import { runFormControlTests } from './helpers/form-control.js';

async function inForm(attrs = 'name="customer"') {
  const form = await fixture<HTMLFormElement>(`<form><kessai-contact-fields ${attrs}></kessai-contact-fields><button>送信</button></form>`);
  const el = form.querySelector('kessai-contact-fields') as KessaiContactFields;
  await el.updateComplete;
  return { form, el };
}

const email = (el: KessaiContactFields) => inputByLabel(el, 'メールアドレス') as HTMLInputElement;
const phone = (el: KessaiContactFields) => inputByLabel(el, '電話番号') as HTMLInputElement;

runFormControlTests<KessaiContactFields>({
  tag: 'kessai-contact-fields',
  controls: (el) => [email(el), phone(el)],
  emptyErrors: ['メールアドレスを入力してください。', '電話番号を入力してください。'],
  fill(el) {
    typeInto(email(el), 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ');
    typeInto(phone(el), '+81 90-1234-5678');
  },
  filled: { email: 'taro@example.jp', phone: '09012345678' },
  empty: { email: '', phone: '' },
  serverError: { key: 'phone', index: 1, edit: '09012345679' },
  typed: { keys: ['a@b.jp', '0312345678'], value: { email: 'a@b.jp', phone: '0312345678' } },
});

describe('kessai-contact-fields', () => {
  it('has visible Japanese labels and the right input types and autocomplete tokens', async () => {
    const { el } = await inForm();
    const email = inputByLabel(el, 'メールアドレス') as HTMLInputElement;
    const phone = inputByLabel(el, '電話番号') as HTMLInputElement;
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');
    expect(phone.type).to.equal('tel');
    expect(phone.getAttribute('autocomplete')).to.equal('tel-national');
  });

  it('keeps what the shopper typed on screen while FormData gets the normalized values', async () => {
    const { form, el } = await inForm();
    typeInto(inputByLabel(el, 'メールアドレス') as HTMLInputElement, 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ');
    typeInto(inputByLabel(el, '電話番号') as HTMLInputElement, '+81 90-1234-5678');
    await el.updateComplete;
    const data = new FormData(form);
    expect(data.get('customer.email')).to.equal('taro@example.jp');
    expect(data.get('customer.phone')).to.equal('09012345678');
    expect(el.value).to.deep.equal({ email: 'taro@example.jp', phone: '09012345678' });
    // What the shopper typed stays on screen.
    expect((inputByLabel(el, '電話番号') as HTMLInputElement).value).to.equal('+81 90-1234-5678');
  });

  it('shows no error while typing, only after the field is left dirty', async () => {
    const { el } = await inForm();
    const phone = inputByLabel(el, '電話番号') as HTMLInputElement;
    typeInto(phone, '090-1234');
    await el.updateComplete;
    expect(errorOf(phone)).to.equal('');
    blur(phone);
    await el.updateComplete;
    expect(errorOf(phone)).to.equal('電話番号の桁数が正しくありません。固定電話は10桁、携帯電話・050・0800は11桁です。');
    expect(phone.value).to.equal('090-1234');
  });

  it('refuses control and bidi characters with a message, keeping the text', async () => {
    const { el } = await inForm();
    expect(await typeAndLeave(el, email(el), 'taro\u202E@example.jp')).to.deep.equal({
      error: '制御文字や文字の向きを変える記号は使えません。取り除いてください。',
      value: 'taro\u202E@example.jp',
    });
  });

  it('treats markup and 10,000 characters as text: no element is created', async () => {
    const { el } = await inForm();
    const email = inputByLabel(el, 'メールアドレス') as HTMLInputElement;
    const before = el.shadowRoot!.querySelectorAll('*').length;
    typeInto(email, '<img src=x onerror="window.__pwned=1">' + 'x'.repeat(10_000));
    blur(email);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.equal(before);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(errorOf(email)).to.equal('メールアドレスが長すぎます。');
  });

  it('shows errors of a prefilled value at once', async () => {
    const el = await fixture<KessaiContactFields>(html`<kessai-contact-fields .value=${{ email: 'not-an-email', phone: '' }}></kessai-contact-fields>`);
    expect(errorOf(inputByLabel(el, 'メールアドレス'))).to.equal('メールアドレスを name@example.jp の形式で入力してください。');
  });

  it('renders English labels and messages with lang="en"', async () => {
    const { el } = await inForm('lang="en"');
    expect(inputByLabel(el, 'Email address')).to.exist;
    el.reportValidity();
    await el.updateComplete;
    expect(errorOf(inputByLabel(el, 'Phone number'))).to.equal('Enter your phone number.');
  });

  it('follows the page language when it changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(`<div lang="en"><kessai-contact-fields></kessai-contact-fields></div>`);
    const el = wrapper.firstElementChild as KessaiContactFields;
    await el.updateComplete;
    expect(inputByLabel(el, 'Email address')).to.exist;
    wrapper.setAttribute('lang', 'ja');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(inputByLabel(el, 'メールアドレス')).to.exist;
  });

  it('refuses to run with a secret key in an attribute, naming only its prefix', async () => {
    await consoleDuring('error', async (errors) => {
      const el = await fixture<KessaiContactFields>(`<kessai-contact-fields data-key="sk_live_abcdef123456"></kessai-contact-fields>`);
      expect(el.shadowRoot!.querySelector('input')).to.equal(null);
      expect(errors.join('\n')).to.contain('sk_live_');
      expect(errors.join('\n')).not.to.contain('abcdef123456');
    });
  });
});

