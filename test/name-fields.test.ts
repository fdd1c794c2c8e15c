import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/name-fields.js';
import type { KessaiNameFields } from '../src/components/name-fields/name-fields.js';
import { FIELD_LIMITS } from '../src/core/field-schema.js';
import { blur, consoleDuring, errorOf, inputByLabel, typeInto } from './helpers/dom.js';
import { runFormControlTests } from './helpers/form-control.js';
import { autofillByHand, composeByHand, imeSteps, imeStepsOrByHand, isChromium, pasteByHand, type EngineOrder } from './helpers/ime.js';

async function inForm(attrs = 'name="customer"') {
  const form = await fixture<HTMLFormElement>(`<form><kessai-name-fields ${attrs}></kessai-name-fields><button>送信</button></form>`);
  const el = form.querySelector('kessai-name-fields') as KessaiNameFields;
  await el.updateComplete;
  return { form, el };
}

const field = (el: KessaiNameFields, label: string) => inputByLabel(el, label) as HTMLInputElement;

/** The four inputs by their Japanese labels. */
function inputs(el: KessaiNameFields) {
  return { sei: field(el, '姓'), mei: field(el, '名'), seiKana: field(el, 'セイ'), meiKana: field(el, 'メイ') };
}

runFormControlTests<KessaiNameFields>({
  tag: 'kessai-name-fields',
  controls: (el) => Object.values(inputs(el)),
  emptyErrors: ['姓を入力してください。', '名を入力してください。', 'セイを全角カタカナで入力してください（例: ヤマダ）。', 'メイを全角カタカナで入力してください（例: ハナコ）。'],
  fill(el) {
    const { sei, mei, seiKana, meiKana } = inputs(el);
    typeInto(sei, ' 山田 ');
    typeInto(mei, 'ﾊﾅｺ');
    typeInto(seiKana, 'やまだ');
    typeInto(meiKana, 'ﾊﾅｺ ');
  },
  filled: { familyName: '山田', givenName: 'ハナコ', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ' },
  empty: { familyName: '', givenName: '', familyNameKana: '', givenNameKana: '' },
  serverError: { key: 'givenNameKana', index: 3, edit: 'ハナ' },
  // Hiragana typed into セイ becomes katakana.
  typed: { keys: ['Smith', 'John', 'すみす', 'ジョン'], value: { familyName: 'Smith', givenName: 'John', familyNameKana: 'スミス', givenNameKana: 'ジョン' } },
});

const engineNote = isChromium ? 'real IME through CDP' : 'CDP unavailable here: asserts { supported: false }, dispatches the same steps by hand';

describe('kessai-name-fields', () => {
  it('shows the labels 姓 名 / セイ メイ in Japanese order, kana row below, with the right autocomplete tokens', async () => {
    const { el } = await inForm();
    const { sei, mei, seiKana, meiKana } = inputs(el);
    const all = Array.from(el.shadowRoot!.querySelectorAll('input'));
    expect(all).to.deep.equal([sei, mei, seiKana, meiKana]);
    for (const label of el.shadowRoot!.querySelectorAll('label')) {
      const box = label.getBoundingClientRect();
      expect(box.width, `label ${label.textContent} is visible`).to.be.greaterThan(0);
      expect(getComputedStyle(label).visibility).to.equal('visible');
    }
    expect(sei.getBoundingClientRect().bottom).to.be.at.most(seiKana.getBoundingClientRect().top);
    expect(sei.getBoundingClientRect().right).to.be.at.most(mei.getBoundingClientRect().left);
    expect(sei.getAttribute('autocomplete')).to.equal('family-name');
    expect(mei.getAttribute('autocomplete')).to.equal('given-name');
    expect(seiKana.getAttribute('autocomplete')).to.equal('off');
    expect(meiKana.getAttribute('autocomplete')).to.equal('off');
    // The kana inputs say how they are filled, through the shared hint.
    expect(seiKana.getAttribute('aria-describedby')).to.contain('kana-hint');
    expect(el.shadowRoot!.getElementById('kana-hint')!.textContent).to.contain('全角カタカナ');
  });

  it('is accessible (axe) filled, with symbol and length errors shown, and in English', async () => {
    const { el } = await inForm();
    el.value = { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ' };
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.value = { familyName: '<b>', givenName: 'x'.repeat(31), familyNameKana: '山田', givenNameKana: '' };
    el.reportValidity();
    await el.updateComplete;
    expect(errorOf(field(el, '姓'))).to.not.equal('');
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('keeps the typed name on screen and shows the reading as katakana', async () => {
    const { el } = await inForm();
    const { sei, mei, seiKana } = inputs(el);
    typeInto(sei, ' 山田 ');
    typeInto(mei, 'ﾊﾅｺ');
    typeInto(seiKana, 'やまだ');
    await el.updateComplete;
    expect(el.value).to.include({ familyName: '山田', givenName: 'ハナコ', familyNameKana: 'ヤマダ' });
    expect(sei.value).to.equal(' 山田 ');
    expect(mei.value).to.equal('ﾊﾅｺ');
    expect(seiKana.value).to.equal('ヤマダ');
  });
  it('turns hiragana and half-width kana typed into セイ into full-width katakana, keeping the caret', async () => {
    const { el } = await inForm();
    const { seiKana } = inputs(el);
    typeInto(seiKana, 'ﾔﾏﾀﾞ');
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマダ');
    // Typing in the middle: the caret stays after the inserted letter.
    seiKana.setSelectionRange(2, 2);
    seiKana.setRangeText('ま', 2, 2, 'end');
    seiKana.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: 'ま', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤママダ');
    expect(seiKana.selectionStart).to.equal(3);
  });

  it('does not touch a kana field while its composition runs, and converts the committed hiragana (every engine order)', async () => {
    for (const order of ['chrome', 'firefox', 'safari'] as EngineOrder[]) {
      const { el } = await inForm();
      const { seiKana } = inputs(el);
      const seen: string[] = [];
      seiKana.addEventListener('input', () => queueMicrotask(() => seen.push(seiKana.value)));
      composeByHand(seiKana, ['や', 'やま', 'やまだ'], 'やまだ', order);
      await el.updateComplete;
      expect(seiKana.value, order).to.equal('ヤマダ');
      // No intermediate value was rewritten while composing.
      expect(seen.filter((v) => /[ァ-ヶ]/.test(v) && v !== 'ヤマダ'), order).to.deep.equal([]);
      expect(el.value.familyNameKana).to.equal('ヤマダ');
    }
  });

  it('shows what is wrong in a kana field and how to fix it', async () => {
    const { el } = await inForm();
    const { seiKana, meiKana } = inputs(el);
    typeInto(seiKana, '山田');
    blur(seiKana);
    typeInto(meiKana, 'Hanako');
    blur(meiKana);
    await el.updateComplete;
    expect(errorOf(seiKana)).to.equal('セイにカタカナ以外の文字が含まれています。全角カタカナで入力してください（例: ヤマダ）。');
    expect(errorOf(meiKana)).to.equal('メイにカタカナ以外の文字が含まれています。全角カタカナで入力してください（例: ハナコ）。');
    expect(seiKana.value).to.equal('山田');
    typeInto(seiKana, 'ア'.repeat(31));
    await el.updateComplete;
    expect(errorOf(seiKana)).to.equal('セイが長すぎます。30文字以内で入力してください。');
    typeInto(seiKana, 'ヤマダ');
    await el.updateComplete;
    expect(errorOf(seiKana)).to.equal('');
    expect(seiKana.getAttribute('aria-invalid')).to.equal('false');
  });

  it('accepts the full katakana range with ー ・ and spaces between words', async () => {
    const { el } = await inForm();
    el.value = { familyName: 'スミス', givenName: 'ジョン', familyNameKana: 'ヴァン・デル・ヴェーゲ', givenNameKana: 'ヵヶ　ヰヱ' };
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    expect(errorOf(field(el, 'セイ'))).to.equal('');
  });

  it('limits each name part to 30 characters, with a message', async () => {
    // The messages say 30: they must follow the rule.
    expect(FIELD_LIMITS.name).to.equal(30);
    const { el } = await inForm();
    const { sei, mei } = inputs(el);
    typeInto(sei, '山'.repeat(30));
    blur(sei);
    typeInto(mei, '花'.repeat(31));
    blur(mei);
    await el.updateComplete;
    expect(errorOf(sei)).to.equal('');
    expect(errorOf(mei)).to.equal('名が長すぎます。30文字以内で入力してください。');
  });

  describe('hostile input creates no element, runs nothing, shows a message and keeps the text', () => {
    const cases: Array<[string, string, string, string]> = [
      ['markup in 姓', '姓', '<img src=x onerror=__pw=1>', '姓に使えない記号が含まれています。取り除いてください。'],
      ['markup in セイ', 'セイ', '<svg onload=__pw=1>', 'セイにカタカナ以外の文字が含まれています。全角カタカナで入力してください（例: ヤマダ）。'],
      ['U+202E in 名', '名', '花子\u202Egpj.exe', '制御文字や文字の向きを変える記号は使えません。取り除いてください。'],
      ['U+0000 in メイ', 'メイ', 'ハナ\u0000コ', '制御文字や文字の向きを変える記号は使えません。取り除いてください。'],
      ['10,000 characters in 姓', '姓', '<script>alert(1)</script>' + '山'.repeat(10_000), '姓が長すぎます。30文字以内で入力してください。'],
      ['10,000 characters in セイ', 'セイ', 'ア'.repeat(10_000), 'セイが長すぎます。30文字以内で入力してください。'],
    ];
    for (const [what, label, text, message] of cases) {
      it(what, async () => {
        const { el } = await inForm();
        const input = field(el, label);
        const before = el.shadowRoot!.querySelectorAll('*').length;
        typeInto(input, text);
        blur(input);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelectorAll('img, svg, script').length).to.equal(0);
        expect(el.shadowRoot!.querySelectorAll('*').length).to.equal(before);
        await new Promise((r) => setTimeout(r, 50));
        expect((window as unknown as { __pw?: number }).__pw).to.equal(undefined);
        expect(errorOf(input)).to.equal(message);
        expect(input.value).to.equal(text);
        await expect(el).to.be.accessible();
      });
    }
  });

  it('starts the furigana over after a form reset', async () => {
    const { form, el } = await inForm();
    const { sei, seiKana } = inputs(el);
    composeByHand(sei, ['やまだ', '山田'], '山田', 'chrome');
    await el.updateComplete;
    form.reset();
    await el.updateComplete;
    expect(seiKana.value).to.equal('');
    composeByHand(sei, ['さとう', '佐藤'], '佐藤', 'chrome');
    await el.updateComplete;
    expect(seiKana.value).to.equal('サトウ');
  });
  it('shows errors of a prefilled value at once, converts a prefilled hiragana reading and never overwrites it', async () => {
    const el = await fixture<KessaiNameFields>(
      html`<kessai-name-fields .value=${{ familyName: '山田', givenName: '', familyNameKana: 'やまだ', givenNameKana: 'Hanako' }}></kessai-name-fields>`,
    );
    const { sei, seiKana, meiKana } = inputs(el);
    expect(seiKana.value).to.equal('ヤマダ');
    expect(errorOf(meiKana)).to.equal('メイにカタカナ以外の文字が含まれています。全角カタカナで入力してください（例: ハナコ）。');
    sei.setSelectionRange(2, 2);
    composeByHand(sei, ['たろう', '太郎'], '太郎', 'chrome');
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマダ');
  });

  it('renders English labels and messages with lang="en"', async () => {
    const { el } = await inForm('lang="en"');
    for (const label of ['Family name', 'Given name', 'Family name (katakana)', 'Given name (katakana)']) expect(inputByLabel(el, label)).to.exist;
    el.reportValidity();
    await el.updateComplete;
    expect(errorOf(inputByLabel(el, 'Given name'))).to.equal('Enter your given name.');
    expect(errorOf(inputByLabel(el, 'Family name (katakana)'))).to.equal('Enter the reading of your family name in full-width katakana (e.g. ヤマダ).');
  });

  it('focusFirstInvalid focuses the first invalid field in visual order', async () => {
    const { el } = await inForm();
    el.value = { familyName: '山田', givenName: '花子', familyNameKana: '', givenNameKana: 'ハナコ' };
    await el.updateComplete;
    el.focusFirstInvalid();
    expect(el.shadowRoot!.activeElement === field(el, 'セイ'), 'focus').to.equal(true);
  });

  it('refuses to run with a secret key in an attribute', async () => {
    await consoleDuring('error', async (errors) => {
      const el = await fixture<KessaiNameFields>(`<kessai-name-fields data-k="sk_live_abcdef123456"></kessai-name-fields>`);
      expect(el.shadowRoot!.querySelector('input')).to.equal(null);
      expect(errors.join('\n')).to.contain('sk_live_').and.not.contain('abcdef123456');
    });
  });
});

describe(`kessai-name-fields furigana from the IME (${engineNote})`, () => {
  it(`やまだ → 山田 fills ヤマダ (${engineNote})`, async () => {
    const { el } = await inForm();
    const { sei, seiKana, meiKana } = inputs(el);
    const seen: string[] = [];
    sei.addEventListener('input', (e) => seen.push(`${(e as InputEvent).isComposing}:${seiKana.value}`));
    await imeStepsOrByHand(sei, [{ compose: 'や' }, { compose: 'やま' }, { compose: 'やまだ' }, { compose: '山田' }, { commit: '山田' }]);
    await el.updateComplete;
    expect(sei.value).to.equal('山田');
    expect(seiKana.value).to.equal('ヤマダ');
    expect(meiKana.value).to.equal('');
    // Nothing was filled while composing.
    expect(seen.filter((s) => s.startsWith('true:')).every((s) => s === 'true:')).to.equal(true);
    expect(new FormData(el.form!).get('customer.familyNameKana')).to.equal('ヤマダ');
    await expect(el).to.be.accessible();
  });

  it(`two conversions in one field concatenate: さとう + はなこ gives サトウハナコ (${engineNote})`, async () => {
    const { el } = await inForm();
    const { sei, seiKana } = inputs(el);
    await imeStepsOrByHand(sei, [{ compose: 'さ' }, { compose: 'さと' }, { compose: 'さとう' }, { compose: '佐藤' }, { commit: '佐藤' }]);
    await imeStepsOrByHand(sei, [{ compose: 'は' }, { compose: 'はな' }, { compose: 'はなこ' }, { compose: '花子' }, { commit: '花子' }]);
    await el.updateComplete;
    expect(sei.value).to.equal('佐藤花子');
    expect(seiKana.value).to.equal('サトウハナコ');
  });

  it(`a name committed without conversion (やまだ kept) still gives ヤマダ (${engineNote})`, async () => {
    const { el } = await inForm();
    const { mei, meiKana } = inputs(el);
    await imeStepsOrByHand(mei, [{ compose: 'や' }, { compose: 'やま' }, { compose: 'やまだ' }, { commit: 'やまだ' }]);
    await el.updateComplete;
    expect(mei.value).to.equal('やまだ');
    expect(meiKana.value).to.equal('ヤマダ');
  });

  it(`deleting the kanji clears the reading; deleting one of two words removes its reading (${engineNote})`, async () => {
    const { el } = await inForm();
    const { sei, seiKana } = inputs(el);
    await imeStepsOrByHand(sei, [{ compose: 'やまだ' }, { compose: '山田' }, { commit: '山田' }]);
    await imeStepsOrByHand(sei, [{ compose: 'たろう' }, { compose: '太郎' }, { commit: '太郎' }]);
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマダタロウ');
    sei.focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(sei.value).to.equal('山田');
    expect(seiKana.value).to.equal('ヤマダ');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(sei.value).to.equal('');
    expect(seiKana.value).to.equal('');
  });

  it(`a hand-edited reading is never overwritten, nor cleared with the kanji (${engineNote})`, async () => {
    const { el } = await inForm();
    const { sei, seiKana } = inputs(el);
    await imeStepsOrByHand(sei, [{ compose: 'やまだ' }, { compose: '山田' }, { commit: '山田' }]);
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマダ');
    seiKana.focus();
    seiKana.setSelectionRange(3, 3);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'た' });
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマタ');
    await imeStepsOrByHand(sei, [{ compose: 'たろう' }, { compose: '太郎' }, { commit: '太郎' }]);
    sei.focus();
    sei.select();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(sei.value).to.equal('');
    expect(seiKana.value).to.equal('ヤマタ');
  });

  it(`paste fills nothing (${isChromium ? 'real paste through CDP' : 'CDP unavailable here: asserts { supported: false }, dispatches insertFromPaste by hand'})`, async () => {
    const { el } = await inForm();
    const { sei, mei, seiKana, meiKana } = inputs(el);
    await imeStepsOrByHand(sei, [{ paste: '山田' }]);
    await imeStepsOrByHand(mei, [{ paste: 'はなこ' }]);
    await el.updateComplete;
    expect(sei.value).to.equal('山田');
    expect(mei.value).to.equal('はなこ');
    expect(seiKana.value).to.equal('');
    expect(meiKana.value).to.equal('');
    // A paste after a converted word keeps the known reading and adds nothing.
    await imeStepsOrByHand(mei, [{ compose: 'はな' }, { compose: '花' }, { commit: '花' }]);
    await el.updateComplete;
    expect(meiKana.value).to.equal('ハナ');
    await imeStepsOrByHand(mei, [{ paste: 'こ' }]);
    await el.updateComplete;
    expect(mei.value).to.equal('はなこ花こ');
    expect(meiKana.value).to.equal('ハナ');
  });

  it(`a partial commit (山田 of やまだたろう, then たろう recomposed) gives ヤマダタロウ (${engineNote})`, async () => {
    const { el } = await inForm();
    const { sei, seiKana } = inputs(el);
    await imeStepsOrByHand(sei, [{ compose: 'やまだたろう' }, { compose: '山田太郎' }, { commit: '山田' }, { compose: 'たろう' }, { compose: '太郎' }, { commit: '太郎' }]);
    await el.updateComplete;
    expect(sei.value).to.equal('山田太郎');
    expect(seiKana.value).to.equal('ヤマダタロウ');
  });

  it('the ime command answers { supported: false } outside Chromium and drives Chromium', async () => {
    const { el } = await inForm();
    const { sei } = inputs(el);
    sei.focus();
    const answer = await imeSteps([{ commit: 'x' }]);
    expect(answer).to.deep.equal({ supported: isChromium });
    await el.updateComplete;
    expect(sei.value).to.equal(isChromium ? 'x' : '');
  });
});

describe('kessai-name-fields furigana with hand-dispatched engine orders (all engines)', () => {
  const orders: EngineOrder[] = ['chrome', 'firefox', 'firefox-legacy', 'safari', 'safari-late-value'];
  for (const order of orders) {
    it(`${order}: やまだ → 山田 then はなこ → 花子 in 名 fill ヤマダ / ハナコ, with nothing filled before the commit`, async () => {
      const { el } = await inForm();
      const { sei, mei, seiKana, meiKana } = inputs(el);
      const filledWhileComposing: string[] = [];
      sei.addEventListener('input', (e) => {
        if ((e as InputEvent).isComposing && seiKana.value) filledWhileComposing.push(seiKana.value);
      });
      composeByHand(sei, ['や', 'やま', 'やまだ', '山田'], '山田', order);
      composeByHand(mei, ['は', 'はな', 'はなこ', '花子'], '花子', order);
      await el.updateComplete;
      expect([sei.value, mei.value]).to.deep.equal(['山田', '花子']);
      expect([seiKana.value, meiKana.value]).to.deep.equal(['ヤマダ', 'ハナコ']);
      expect(filledWhileComposing).to.deep.equal([]);
    });

    it(`${order}: two conversions concatenate and a kept-hiragana commit is read`, async () => {
      const { el } = await inForm();
      const { sei, seiKana } = inputs(el);
      composeByHand(sei, ['さとう', '佐藤'], '佐藤', order);
      composeByHand(sei, ['はなこ'], 'はなこ', order);
      await el.updateComplete;
      expect(sei.value).to.equal('佐藤はなこ');
      expect(seiKana.value).to.equal('サトウハナコ');
    });
  }

  it('safari: the final input after compositionend (isComposing false) is not taken for typing or a hand edit', async () => {
    const { el } = await inForm();
    const { sei, seiKana } = inputs(el);
    composeByHand(sei, ['やまだ', '山田'], '山田', 'safari');
    await el.updateComplete;
    composeByHand(sei, ['たろう', '太郎'], '太郎', 'safari');
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマダタロウ');
  });

  it('autofill (a plain input Event, or insertReplacementText) fills no reading', async () => {
    const { el } = await inForm();
    const { sei, mei, seiKana, meiKana } = inputs(el);
    autofillByHand(sei, 'やまだ', 'event');
    autofillByHand(mei, 'はなこ', 'insertReplacementText');
    await el.updateComplete;
    expect([seiKana.value, meiKana.value]).to.deep.equal(['', '']);
    expect(el.value.familyName).to.equal('やまだ');
  });

  it('a paste dispatched by hand fills nothing, and replacing a converted name by a paste clears its reading', async () => {
    const { el } = await inForm();
    const { sei, seiKana } = inputs(el);
    composeByHand(sei, ['やまだ', '山田'], '山田', 'firefox');
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマダ');
    sei.select();
    pasteByHand(sei, '佐藤');
    await el.updateComplete;
    expect(sei.value).to.equal('佐藤');
    expect(seiKana.value).to.equal('');
  });

  it('a reading emptied by hand is filled again by the next conversion', async () => {
    const { el } = await inForm();
    const { sei, seiKana } = inputs(el);
    composeByHand(sei, ['やまだ', '山田'], '山田', 'chrome');
    await el.updateComplete;
    typeInto(seiKana, 'ヤマタ');
    composeByHand(sei, ['たろう', '太郎'], '太郎', 'chrome');
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマタ');
    seiKana.value = '';
    seiKana.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true, composed: true }));
    composeByHand(sei, ['じろう', '次郎'], '次郎', 'chrome');
    await el.updateComplete;
    expect(seiKana.value).to.equal('ヤマダタロウジロウ');
  });
});
