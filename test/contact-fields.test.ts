import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/contact-fields.js';
import type { KessaiContactFields } from '../src/components/contact-fields/contact-fields.js';
import { blur, errorOf, inputByLabel, typeInto } from './helpers/dom.js';

async function inForm(attrs = 'name="customer"') {
  const form = await fixture<HTMLFormElement>(`<form><kessai-contact-fields ${attrs}></kessai-contact-fields><button>送信</button></form>`);
  const el = form.querySelector('kessai-contact-fields') as KessaiContactFields;
  await el.updateComplete;
  return { form, el };
}

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

  it('is accessible (axe) empty and with errors shown', async () => {
    const { el } = await inForm();
    await expect(el).to.be.accessible();
    el.reportValidity();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('puts normalized values in the form’s FormData under its name prefix', async () => {
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

  it('uses bare keys without a name', async () => {
    const { form, el } = await inForm('');
    typeInto(inputByLabel(el, 'メールアドレス') as HTMLInputElement, 'a@b.jp');
    await el.updateComplete;
    expect(new FormData(form).get('email')).to.equal('a@b.jp');
  });

  it('blocks submit of an empty form, shows Japanese errors linked to the inputs and focuses the first', async () => {
    const { form, el } = await inForm();
    let submitted = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = true;
    });
    form.requestSubmit();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    const email = inputByLabel(el, 'メールアドレス');
    const phone = inputByLabel(el, '電話番号');
    expect(errorOf(email)).to.equal('メールアドレスを入力してください。');
    expect(errorOf(phone)).to.equal('電話番号を入力してください。');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement === email, 'focus').to.equal(true);
    expect(el.matches(':invalid')).to.equal(true);
  });

  it('submits once both fields are valid', async () => {
    const { form, el } = await inForm();
    let submitted = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = true;
    });
    typeInto(inputByLabel(el, 'メールアドレス') as HTMLInputElement, 'taro@example.jp');
    typeInto(inputByLabel(el, '電話番号') as HTMLInputElement, '03-1234-5678');
    await el.updateComplete;
    form.requestSubmit();
    expect(submitted).to.equal(true);
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

  it('does not flag a field that was only visited', async () => {
    const { el } = await inForm();
    const email = inputByLabel(el, 'メールアドレス');
    email.focus();
    blur(email);
    await el.updateComplete;
    expect(errorOf(email)).to.equal('');
  });

  it('works with the keyboard: Tab moves from e-mail to phone, typing fills them', async () => {
    const { el } = await inForm();
    const email = inputByLabel(el, 'メールアドレス') as HTMLInputElement;
    email.focus();
    await sendKeys({ type: 'a@b.jp' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '0312345678' });
    await el.updateComplete;
    expect(el.value).to.deep.equal({ email: 'a@b.jp', phone: '0312345678' });
  });

  it('refuses control and bidi characters with a message, keeping the text', async () => {
    const { el } = await inForm();
    const email = inputByLabel(el, 'メールアドレス') as HTMLInputElement;
    typeInto(email, 'taro\u202E@example.jp');
    blur(email);
    await el.updateComplete;
    expect(errorOf(email)).to.equal('制御文字や文字の向きを変える記号は使えません。取り除いてください。');
    expect(email.value).to.equal('taro\u202E@example.jp');
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

  it('resets with its form', async () => {
    const { form, el } = await inForm();
    typeInto(inputByLabel(el, 'メールアドレス') as HTMLInputElement, 'a@b.jp');
    form.requestSubmit();
    await el.updateComplete;
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ email: '', phone: '' });
    expect(errorOf(inputByLabel(el, '電話番号'))).to.equal('');
  });

  it('is disabled by a disabled fieldset', async () => {
    const form = await fixture<HTMLFormElement>(`<form><fieldset disabled><kessai-contact-fields></kessai-contact-fields></fieldset></form>`);
    const el = form.querySelector('kessai-contact-fields') as KessaiContactFields;
    await el.updateComplete;
    expect((inputByLabel(el, 'メールアドレス') as HTMLInputElement).disabled).to.equal(true);
    (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = false;
    await el.updateComplete;
    expect((inputByLabel(el, 'メールアドレス') as HTMLInputElement).disabled).to.equal(false);
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
    const errors: string[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a.join(' '));
    try {
      const el = await fixture<KessaiContactFields>(`<kessai-contact-fields data-key="sk_live_abcdef123456"></kessai-contact-fields>`);
      expect(el.shadowRoot!.querySelector('input')).to.equal(null);
      expect(errors.join('\n')).to.contain('sk_live_');
      expect(errors.join('\n')).not.to.contain('abcdef123456');
    } finally {
      console.error = orig;
    }
  });
});

describe('kessai-contact-fields server errors', () => {
  it('shows a server error on its field, focuses it, blocks submit, and clears it when the shopper edits', async () => {
    const form = await fixture<HTMLFormElement>(`<form><kessai-contact-fields></kessai-contact-fields></form>`);
    const el = form.querySelector('kessai-contact-fields') as KessaiContactFields;
    el.value = { email: 'taro@example.jp', phone: '09012345678' };
    await el.updateComplete;
    el.setServerError('phone', 'この電話番号はご利用いただけません。');
    await el.updateComplete;
    const phone = inputByLabel(el, '電話番号') as HTMLInputElement;
    expect(errorOf(phone)).to.equal('この電話番号はご利用いただけません。');
    expect(el.shadowRoot!.activeElement === phone, 'focus').to.equal(true);
    expect(el.checkValidity()).to.equal(false);
    typeInto(phone, '09012345679');
    await el.updateComplete;
    expect(errorOf(phone)).to.equal('');
    expect(el.checkValidity()).to.equal(true);
  });
});
