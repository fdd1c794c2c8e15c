import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/card-fields.js';
import type { KessaiCardFields, CardTokenizerInput } from '../src/components/card-fields/card-fields.js';
import { inputByLabel, typeAndLeave, typeInto } from './helpers/dom.js';
import { runFormControlTests } from './helpers/form-control.js';

const PAN = '3530111333300000'; // JCB test number

async function filled(form = false) {
  const host = await fixture<HTMLElement>(form ? `<form><kessai-card-fields name="card"></kessai-card-fields></form>` : `<div><kessai-card-fields></kessai-card-fields></div>`);
  const el = host.querySelector('kessai-card-fields') as KessaiCardFields;
  await el.updateComplete;
  typeInto(inputByLabel(el, 'カード番号') as HTMLInputElement, PAN);
  typeInto(inputByLabel(el, '有効期限') as HTMLInputElement, '1230');
  typeInto(inputByLabel(el, 'セキュリティコード') as HTMLInputElement, '123');
  typeInto(inputByLabel(el, '名義') as HTMLInputElement, 'taro yamada');
  await el.updateComplete;
  return { host, el };
}

/** Every string a page can see outside the shadow root's inputs. */
function exposedText(host: Element): string {
  const attrs = Array.from(host.querySelectorAll('*'), (n) => Array.from(n.attributes, (a) => a.value).join(' ')).join(' ');
  const shadowAttrs = Array.from(host.querySelector('kessai-card-fields')!.shadowRoot!.querySelectorAll('*'), (n) => Array.from(n.attributes, (a) => a.value).join(' ')).join(' ');
  return `${host.outerHTML} ${attrs} ${shadowAttrs} ${JSON.stringify(localStorage)} ${JSON.stringify(sessionStorage)} ${location.href}`;
}

const cardInputs = (el: KessaiCardFields) => ['カード番号', '有効期限', 'セキュリティコード', '名義'].map((l) => inputByLabel(el, l) as HTMLInputElement);

runFormControlTests<KessaiCardFields>({
  tag: 'kessai-card-fields',
  controls: cardInputs,
  emptyErrors: ['カード番号を入力してください。', '有効期限を入力してください。', 'セキュリティコードを入力してください。', 'カード名義を入力してください。'],
  fill(el) {
    const [number, exp, cvc, name] = cardInputs(el);
    typeInto(number, PAN);
    typeInto(exp, '1230');
    typeInto(cvc, '123');
    typeInto(name, 'taro yamada');
  },
  filled: null,
  empty: {},
  serverError: { key: 'number', index: 0, edit: PAN },
});

describe('kessai-card-fields', () => {
  it('labels its inputs and uses the cc-* autocomplete tokens, all in one shadow root', async () => {
    const el = await fixture<KessaiCardFields>(`<kessai-card-fields></kessai-card-fields>`);
    const tokens = ['カード番号', '有効期限', 'セキュリティコード', '名義'].map((l) => inputByLabel(el, l).getAttribute('autocomplete'));
    expect(tokens).to.deep.equal(['cc-number', 'cc-exp', 'cc-csc', 'cc-name']);
    await expect(el).to.be.accessible();
  });

  it('groups an Amex number 4-6-5 while typing and names the brand', async () => {
    const el = await fixture<KessaiCardFields>(`<kessai-card-fields></kessai-card-fields>`);
    const num = inputByLabel(el, 'カード番号') as HTMLInputElement;
    num.focus();
    // No repeated adjacent digits: WebKitWebDriver's sendKeys merges them ("22" arrives as "2").
    await sendKeys({ type: '341234567890127' });
    await el.updateComplete;
    expect(num.value).to.equal('3412 345678 90127');
    expect(el.shadowRoot!.textContent).to.contain('カードの種類: American Express');
    expect(el.value).to.deep.equal({ brand: 'american-express', last4: '0127' });
  });

  it('detects JCB and accepts full-width digits', async () => {
    const el = await fixture<KessaiCardFields>(`<kessai-card-fields></kessai-card-fields>`);
    const num = inputByLabel(el, 'カード番号') as HTMLInputElement;
    typeInto(num, '３５３０１１１３３３３０００００');
    await el.updateComplete;
    expect(num.value).to.equal('3530 1113 3330 0000');
    expect(el.value).to.deep.equal({ brand: 'jcb', last4: '0000' });
  });

  it('does not reformat while an IME is composing', async () => {
    const el = await fixture<KessaiCardFields>(`<kessai-card-fields></kessai-card-fields>`);
    const num = inputByLabel(el, 'カード番号') as HTMLInputElement;
    num.value = '４１１１１１';
    num.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, inputType: 'insertCompositionText', data: '４１１１１１' }));
    await el.updateComplete;
    expect(num.value).to.equal('４１１１１１');
  });

  it('shows a Luhn error in Japanese after leaving the field, keeping the digits', async () => {
    const el = await fixture<KessaiCardFields>(`<kessai-card-fields></kessai-card-fields>`);
    const shown = await typeAndLeave(el, inputByLabel(el, 'カード番号') as HTMLInputElement, '4111111111111112');
    expect(shown).to.deep.equal({ error: 'カード番号に誤りがあります。もう一度ご確認ください。', value: '4111 1111 1111 1112' });
    await expect(el).to.be.accessible();
  });

  it('never puts card data in FormData, attributes, storage or the URL', async () => {
    const { host, el } = await filled(true);
    const data = [...new FormData(host as HTMLFormElement).entries()];
    expect(data).to.deep.equal([]);
    const text = exposedText(host);
    expect(text).not.to.contain('3530');
    expect(text).not.to.contain('1113');
    expect(el.checkValidity()).to.equal(true);
  });

  it('keeps typed characters inside: input and key events do not reach page listeners', async () => {
    const seen: string[] = [];
    const listener = (e: Event) => seen.push(`${e.type}:${(e as InputEvent).data ?? (e as KeyboardEvent).key ?? ''}`);
    const types = ['input', 'beforeinput', 'keydown', 'keyup', 'change'];
    types.forEach((t) => document.addEventListener(t, listener));
    try {
      const el = await fixture<KessaiCardFields>(`<kessai-card-fields></kessai-card-fields>`);
      (inputByLabel(el, 'カード番号') as HTMLInputElement).focus();
      await sendKeys({ type: '4111' });
      await sendKeys({ press: 'Tab' });
      expect(seen.filter((s) => /\d/.test(s))).to.deep.equal([]);
    } finally {
      types.forEach((t) => document.removeEventListener(t, listener));
    }
  });

  it('hands raw data only to the tokenizer and returns the token', async () => {
    const { el } = await filled();
    let received: CardTokenizerInput | undefined;
    const token = await el.tokenize(async (card) => {
      received = card;
      return { token: 'tok_123' };
    });
    expect(received).to.deep.equal({ number: PAN, expMonth: 12, expYear: 2030, cvc: '123', name: 'TARO YAMADA' });
    expect(token).to.deep.equal({ token: 'tok_123', brand: 'jcb', last4: '0000' });
  });

  it('rejects when the tokenizer returns no token', async () => {
    const { el } = await filled();
    let failed = false;
    await el.tokenize(() => ({ token: '' })).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });

  it('wipes the data when disconnected', async () => {
    const { host, el } = await filled();
    el.remove();
    host.append(el);
    await el.updateComplete;
    expect((inputByLabel(el, 'カード番号') as HTMLInputElement).value).to.equal('');
    expect(el.value).to.deep.equal({});
  });

  it('English labels with lang="en"', async () => {
    const el = await fixture<KessaiCardFields>(`<kessai-card-fields lang="en"></kessai-card-fields>`);
    expect(inputByLabel(el, 'Card number')).to.exist;
    expect(inputByLabel(el, 'Cardholder name')).to.exist;
  });
});
