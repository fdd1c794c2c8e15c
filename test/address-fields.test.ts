import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/define/address-fields.js';
import type { AddressResolvedDetail, KessaiAddressFields } from '../src/components/address-fields/address-fields.js';
import { inForm as inFormWith, field, select, statusOf } from './helpers/address.js';
import { blur, consoleDuring, errorOf, inputByLabel, loadFrame, typeAndLeave, typeInto } from './helpers/dom.js';
import { runFormControlTests } from './helpers/form-control.js';

const OK = '/test-api/postal/ok/';
let counter = 0;
/** A shard URL of its own (so the in-memory cache starts empty) whose requests the server counts. */
const counted = () => `/test-api/postal/count/${Date.now()}-${++counter}/`;
const hits = async (base: string) => (await (await fetch(`/test-api/postal/hits/${base.split('/')[4]}`)).json()) as number;

const inForm = (attrs = `name="shipping" postal-data="${OK}"`) => inFormWith(attrs);
const radios = (el: KessaiAddressFields) => Array.from(el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]'));
const radioLabels = (el: KessaiAddressFields) => radios(el).map((r) => r.closest('label')!.textContent!.trim());
// WebKitGTK is driven over WebDriver, where sendKeys has no down/up: a WebDriver
// key sequence holds every key down, then releases them (\uE009 is Control, \uE008 Shift).
const overWebDriver = /AppleWebKit/.test(navigator.userAgent) && !/Chrom/.test(navigator.userAgent);
async function chord(modifier: 'Control' | 'Shift', key: string): Promise<void> {
  if (overWebDriver) {
    await sendKeys({ type: `${modifier === 'Control' ? '\uE009' : '\uE008'}${key === 'ArrowLeft' ? '\uE012' : key}` });
    return;
  }
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

const shown = (el: KessaiAddressFields) => ({
  prefecture: select(el).selectedOptions[0]?.textContent?.trim(),
  city: field(el, '市区町村').value,
  line1: field(el, '町名・番地').value,
});

/** The next kessai-address-resolved event from `el` (fails after `ms`). */
function resolved(el: HTMLElement, ms = 20_000): Promise<AddressResolvedDetail> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no kessai-address-resolved event')), ms);
    el.addEventListener(
      'kessai-address-resolved',
      (e) => {
        clearTimeout(t);
        resolve(e.detail);
      },
      { once: true },
    );
  });
}

/** Types a code and waits for the lookup's answer and the re-render. */
async function lookUp(el: KessaiAddressFields, code: string, label = '郵便番号'): Promise<AddressResolvedDetail> {
  const answer = resolved(el);
  typeInto(field(el, label), code);
  const detail = await answer;
  await el.updateComplete;
  return detail;
}

runFormControlTests<KessaiAddressFields>({
  tag: 'kessai-address-fields',
  attrs: `postal-data="${OK}"`,
  controls: (el) => [field(el, '郵便番号'), select(el), field(el, '市区町村'), field(el, '町名・番地'), field(el, '建物名・部屋番号')],
  emptyErrors: ['郵便番号を入力してください。', '都道府県を選択してください。', '市区町村を入力してください。', '町名・番地を入力してください。', ''],
  fill(el) {
    // Typed before the lookup answers: what the shopper typed is never overwritten.
    select(el).value = '13';
    select(el).dispatchEvent(new Event('change'));
    typeInto(field(el, '市区町村'), '渋谷区');
    typeInto(field(el, '町名・番地'), '神宮前1-1');
    typeInto(field(el, '建物名・部屋番号'), 'ハイツ101');
    typeInto(field(el, '郵便番号'), '１５０－０００１');
  },
  filled: { postalCode: '1500001', prefecture: '東京都', prefectureCode: '13', city: '渋谷区', line1: '神宮前1-1', line2: 'ハイツ101' },
  empty: { postalCode: '', prefecture: '', prefectureCode: '', city: '', line1: '', line2: '' },
  // The edit keeps a city that matches the code (issue 20 flags one that does not).
  serverError: { key: 'line1', index: 3, edit: '神宮前1-2' },
});

describe('kessai-address-fields', () => {
  it('has visible Japanese labels, autocomplete tokens and a select of the 47 prefectures', async () => {
    const { el } = await inForm();
    expect(field(el, '郵便番号').getAttribute('autocomplete')).to.equal('postal-code');
    expect(select(el).getAttribute('autocomplete')).to.equal('address-level1');
    expect(field(el, '市区町村').getAttribute('autocomplete')).to.equal('address-level2');
    expect(field(el, '町名・番地').getAttribute('autocomplete')).to.equal('address-line1');
    expect(field(el, '建物名・部屋番号').getAttribute('autocomplete')).to.equal('address-line2');
    const options = Array.from(select(el).options);
    expect(options).to.have.length(48);
    expect(options[0].value).to.equal('');
    expect(options[13].textContent!.trim()).to.equal('東京都');
    expect(options[13].value).to.equal('13');
    expect(options[47].textContent!.trim()).to.equal('沖縄県');
    await expect(el).to.be.accessible();
  });

  it('100-0001 fills 東京都 千代田区 千代田 and puts the address in FormData', async () => {
    const { form, el } = await inForm();
    const detail = await lookUp(el, '100-0001');
    expect(detail.status).to.equal('found');
    expect(detail.postalCode).to.equal('1000001');
    expect(detail.address).to.include({ prefecture: '東京都', prefectureCode: '13', city: '千代田区', town: '千代田' });
    expect(shown(el)).to.deep.equal({ prefecture: '東京都', city: '千代田区', line1: '千代田' });
    expect(statusOf(el)).to.equal('郵便番号から住所を入力しました。続けて番地を入力してください。');
    typeInto(field(el, '町名・番地'), '千代田1-1');
    await el.updateComplete;
    const data = new FormData(form);
    expect(Object.fromEntries(data)).to.deep.equal({
      'shipping.postalCode': '1000001',
      'shipping.prefecture': '東京都',
      'shipping.prefectureCode': '13',
      'shipping.city': '千代田区',
      'shipping.line1': '千代田1-1',
      'shipping.line2': '',
    });
    expect(el.checkValidity()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('accepts １００ー０００１ (full-width digits, the IME’s ー) and 〒, and shows NNN-NNNN after blur', async () => {
    const { el } = await inForm();
    const detail = await lookUp(el, '１００ー０００１');
    expect(detail.status).to.equal('found');
    expect(shown(el)).to.deep.equal({ prefecture: '東京都', city: '千代田区', line1: '千代田' });
    const postal = field(el, '郵便番号');
    expect(postal.value).to.equal('１００ー０００１');
    blur(postal);
    await el.updateComplete;
    expect(postal.value).to.equal('100-0001');
    expect(el.value.postalCode).to.equal('1000001');
    typeInto(postal, '〒1000001');
    blur(postal);
    await el.updateComplete;
    expect(postal.value).to.equal('100-0001');
  });

  it('looks nothing up and reformats nothing while an IME composes; the commit does both', async () => {
    const { el } = await inForm();
    const postal = field(el, '郵便番号');
    const events: AddressResolvedDetail[] = [];
    el.addEventListener('kessai-address-resolved', (e) => events.push(e.detail));
    postal.focus();
    const answer = resolved(el);
    const { supported } = await executeServerCommand<{ supported: boolean }, unknown>('ime', {
      steps: [{ compose: '１００' }, { compose: '１００ー０００１' }],
    });
    if (supported) {
      await new Promise((r) => setTimeout(r, 200));
      expect(events).to.have.length(0);
      expect(postal.value).to.equal('１００ー０００１');
      await executeServerCommand('ime', { steps: [{ commit: '１００ー０００１' }] });
    } else {
      // No IME driver in this engine: the events an IME sends, by hand.
      postal.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
      postal.value = '１００ー０００１';
      postal.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, inputType: 'insertCompositionText', data: '１００ー０００１' }));
      await new Promise((r) => setTimeout(r, 200));
      await el.updateComplete;
      expect(events).to.have.length(0);
      expect(postal.value).to.equal('１００ー０００１');
      postal.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '１００ー０００１' }));
    }
    expect((await answer).status).to.equal('found');
    await el.updateComplete;
    expect(shown(el)).to.deep.equal({ prefecture: '東京都', city: '千代田区', line1: '千代田' });
    expect(postal.value).to.equal('100-0001');
  });

  it('410-0244 (two towns in Numazu) offers both; picking one fills it', async () => {
    const { el } = await inForm();
    const detail = await lookUp(el, '4100244');
    expect(detail.status).to.equal('multiple');
    expect(detail.candidates.map((c) => c.town)).to.deep.equal(['西浦江梨', '西浦大瀬']);
    expect(statusOf(el)).to.equal('この郵便番号には複数の地域があります。一覧から選んでください。');
    expect(radioLabels(el)).to.deep.equal(['静岡県 沼津市 西浦江梨', '静岡県 沼津市 西浦大瀬']);
    expect(el.shadowRoot!.querySelector('fieldset legend')!.textContent!.trim()).to.equal('地域を選んでください');
    // What both towns share is filled at once; the town waits for the pick.
    expect(shown(el)).to.deep.equal({ prefecture: '静岡県', city: '沼津市', line1: '' });
    await expect(el).to.be.accessible();
    const picked = resolved(el);
    radios(el)[1].click();
    expect((await picked).address).to.include({ town: '西浦大瀬' });
    await el.updateComplete;
    expect(shown(el).line1).to.equal('西浦大瀬');
    expect(el.value).to.include({ postalCode: '4100244', prefecture: '静岡県', prefectureCode: '22', city: '沼津市', line1: '西浦大瀬' });
    await expect(el).to.be.accessible();
  });

  it('the town list works with the keyboard: Tab reaches it, Space picks, arrows change the pick', async () => {
    const { el } = await inForm();
    await lookUp(el, '4100244');
    field(el, '郵便番号').focus();
    await sendKeys({ press: 'Tab' });
    const [first, second] = radios(el);
    expect(el.shadowRoot!.activeElement === first, 'focus').to.equal(true);
    await sendKeys({ press: ' ' }); // Space
    await el.updateComplete;
    expect(first.checked).to.equal(true);
    expect(shown(el).line1).to.equal('西浦江梨');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(second.checked).to.equal(true);
    expect(shown(el).line1).to.equal('西浦大瀬');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(shown(el).line1).to.equal('西浦江梨');
  });

  it('a code in two prefectures (498-0000) offers both and the pick sets the prefecture too', async () => {
    const { el } = await inForm();
    await lookUp(el, '498-0000');
    expect(radioLabels(el)).to.deep.equal(['愛知県 弥富市', '三重県 桑名郡木曽岬町']);
    expect(shown(el)).to.deep.equal({ prefecture: '選択してください', city: '', line1: '' });
    radios(el)[1].click();
    await el.updateComplete;
    expect(shown(el)).to.deep.equal({ prefecture: '三重県', city: '桑名郡木曽岬町', line1: '' });
    expect(el.value.prefectureCode).to.equal('24');
  });

  it('says so in Japanese when a code is unknown, and manual entry works once the shopper confirms the address', async () => {
    const { form, el } = await inForm();
    const detail = await lookUp(el, '100-0999');
    expect(detail.status).to.equal('not-found');
    expect(statusOf(el)).to.equal('この郵便番号は見つかりませんでした。郵便番号が正しいかご確認ください。');
    expect(field(el, '郵便番号').getAttribute('aria-describedby')).to.contain('postalCode-status');
    expect(errorOf(field(el, '郵便番号'))).to.equal('');
    await expect(el).to.be.accessible();
    select(el).value = '13';
    select(el).dispatchEvent(new Event('change', { bubbles: true }));
    typeInto(field(el, '市区町村'), '千代田区');
    typeInto(field(el, '町名・番地'), '千代田1-1');
    await el.updateComplete;
    let submitted = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = true;
    });
    form.requestSubmit();
    expect(submitted).to.equal(false);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    form.requestSubmit();
    expect(submitted).to.equal(true);
    expect(el.value).to.include({ postalCode: '1000999', prefecture: '東京都', prefectureCode: '13', confirmed: 'true' });
  });

  for (const [what, base, attrs] of [
    ['a 404', '/test-api/postal/missing/', ''],
    ['broken JSON', '/test-api/postal/broken/', ''],
    ['JSON that is not a shard', '/test-api/postal/not-a-shard/', ''],
    ['a slow answer (timeout)', '/test-api/postal/slow/', 'postal-timeout="300"'],
  ]) {
    it(`keeps the form usable and says so after ${what}`, async () => {
      await consoleDuring('warn', async (warnings) => {
        const { form, el } = await inForm(`postal-data="${base}" ${attrs}`);
        const detail = await lookUp(el, '100-0001');
        expect(detail.status).to.equal('error');
        expect(detail.error).to.equal(what.includes('timeout') ? 'timeout' : what.includes('404') ? 'http' : 'parse');
        expect(statusOf(el)).to.equal('住所を自動で入力できませんでした。お手数ですが住所を入力してください。');
        expect(warnings.join('\n')).to.contain('postal data unavailable');
        await expect(el).to.be.accessible();
        for (const input of [field(el, '市区町村'), field(el, '町名・番地'), select(el)]) expect(input.disabled).to.equal(false);
        select(el).value = '13';
        select(el).dispatchEvent(new Event('change', { bubbles: true }));
        typeInto(field(el, '市区町村'), '千代田区');
        typeInto(field(el, '町名・番地'), '千代田1-1');
        await el.updateComplete;
        expect(form.checkValidity()).to.equal(true);
        expect(new FormData(form).get('city')).to.equal('千代田区');
      });
    });
  }

  it('fetches only http(s) URLs: a data: or javascript: postal-data is refused with the manual-entry message', async () => {
    await consoleDuring('warn', async () => {
      for (const base of ['data:application/json,{}', 'javascript:alert(1)//']) {
        const { el } = await inForm(`postal-data="${base}"`);
        const detail = await lookUp(el, '1000001');
        expect(detail).to.include({ status: 'error', error: 'url' });
        expect(statusOf(el)).to.equal('住所を自動で入力できませんでした。お手数ですが住所を入力してください。');
      }
    });
  });

  it('drops an answer that arrives after the shopper changed the code', async () => {
    const { el } = await inForm(`postal-data="/test-api/postal/slow/"`);
    const events: AddressResolvedDetail[] = [];
    el.addEventListener('kessai-address-resolved', (e) => events.push(e.detail));
    typeInto(field(el, '郵便番号'), '1000001');
    await el.updateComplete;
    expect(statusOf(el)).to.equal('住所を検索しています…');
    typeInto(field(el, '郵便番号'), '100000');
    await el.updateComplete;
    expect(statusOf(el)).to.equal('');
    // The slow answer comes after 3 s: it changes nothing.
    await new Promise((r) => setTimeout(r, 3300));
    await el.updateComplete;
    expect(events).to.have.length(0);
    expect(shown(el)).to.deep.equal({ prefecture: '選択してください', city: '', line1: '' });
    expect(statusOf(el)).to.equal('');
  });

  it('tries again after a failed fetch when the code is edited', async () => {
    const { el } = await inForm(`postal-data="/test-api/postal/missing/"`);
    expect((await lookUp(el, '100-0001')).status).to.equal('error');
    el.postalData = OK;
    expect((await lookUp(el, '100 0001')).status).to.equal('found');
  });

  it('never overwrites what the shopper typed in 都道府県, 市区町村 or 町名・番地', async () => {
    const { el } = await inForm();
    typeInto(field(el, '市区町村'), '港区');
    typeInto(field(el, '町名・番地'), '芝公園4-2-8');
    await el.updateComplete;
    await lookUp(el, '1000001');
    expect(shown(el)).to.deep.equal({ prefecture: '東京都', city: '港区', line1: '芝公園4-2-8' });
    expect(statusOf(el)).to.equal('郵便番号から住所を調べました。入力済みの欄はそのままにしています。');
    // The shopper now picks another prefecture and types a city: a new code leaves them alone.
    select(el).value = '14';
    select(el).dispatchEvent(new Event('change', { bubbles: true }));
    await lookUp(el, '4100244');
    expect(shown(el)).to.deep.equal({ prefecture: '神奈川県', city: '港区', line1: '芝公園4-2-8' });
    radios(el)[0].click();
    await el.updateComplete;
    expect(shown(el)).to.deep.equal({ prefecture: '神奈川県', city: '港区', line1: '芝公園4-2-8' });
  });

  it('a corrected code replaces what the last lookup filled, keeping the 番地 typed after the town', async () => {
    const { el } = await inForm();
    await lookUp(el, '1000001');
    typeInto(field(el, '町名・番地'), '千代田1-1');
    typeInto(field(el, '市区町村'), '千代田区（本社）');
    await el.updateComplete;
    await lookUp(el, '1000002');
    expect(shown(el)).to.deep.equal({ prefecture: '東京都', city: '千代田区（本社）', line1: '皇居外苑1-1' });
  });

  it('copy and select keys (Ctrl+A, Ctrl+C, arrows, Tab) change nothing and fetch nothing', async () => {
    const base = counted();
    const { el } = await inForm(`postal-data="${base}"`);
    const events: AddressResolvedDetail[] = [];
    await lookUp(el, '1000001');
    el.addEventListener('kessai-address-resolved', (e) => events.push(e.detail));
    const postal = field(el, '郵便番号');
    postal.focus();
    await chord('Control', 'a');
    await chord('Control', 'c');
    for (const press of ['ArrowLeft', 'ArrowRight', 'Home', 'End']) await sendKeys({ press });
    await chord('Shift', 'ArrowLeft');
    await sendKeys({ press: 'Tab' });
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(postal.value).to.equal('100-0001');
    expect(shown(el)).to.deep.equal({ prefecture: '東京都', city: '千代田区', line1: '千代田' });
    expect(events).to.have.length(0);
    expect(await hits(base)).to.equal(1);
  });

  it('fetches a shard once: later codes of the same range and concurrent lookups share it', async () => {
    const base = counted();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <kessai-address-fields postal-data=${base}></kessai-address-fields>
        <kessai-address-fields postal-data=${base}></kessai-address-fields>
      </div>`,
    );
    const [a, b] = Array.from(wrapper.querySelectorAll('kessai-address-fields'));
    await Promise.all([a.updateComplete, b.updateComplete]);
    const both = Promise.all([lookUp(a, '1000001'), lookUp(b, '1000002')]);
    const [da, db] = await both;
    expect([da.address?.town, db.address?.town]).to.deep.equal(['千代田', '皇居外苑']);
    expect((await lookUp(a, '1000013')).address?.town).to.equal('霞が関');
    expect(await hits(base)).to.equal(1);
  });

  // How fast a cached answer fills the fields is measured by `npm run bench`, not here.
  it('answers repeated codes from its cache, without another request', async () => {
    const base = counted();
    const { el } = await inForm(`postal-data="${base}"`);
    await lookUp(el, '1000001');
    for (let i = 0; i < 20; i++) {
      await lookUp(el, i % 2 ? '1000001' : '1000002');
      expect(shown(el).line1).to.equal(i % 2 ? '千代田' : '皇居外苑');
    }
    expect(await hits(base)).to.equal(1);
  });

  it('fires kessai-address-resolved, bubbling out of shadow roots', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('kessai-address-fields');
    el.postalData = OK;
    root.append(el);
    await el.updateComplete;
    const seen = new Promise<CustomEvent<AddressResolvedDetail>>((r) => document.addEventListener('kessai-address-resolved', r, { once: true }));
    typeInto(field(el, '郵便番号'), '9071801');
    const e = await seen;
    expect(e.detail.address).to.include({ prefecture: '沖縄県', city: '八重山郡与那国町', town: '与那国' });
  });

  it('flags a malformed code after the field is left', async () => {
    const { el } = await inForm();
    expect(await typeAndLeave(el, field(el, '郵便番号'), '100-000')).to.deep.equal({ error: '郵便番号は7桁の数字で入力してください（例: 100-0001）。', value: '100-000' });
  });

  it('prefills from value (prefecture by name or JIS code) and resets with its form', async () => {
    const { form, el } = await inForm();
    el.value = { postalCode: '1500001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-1', line2: 'ハイツ101' };
    await el.updateComplete;
    expect(select(el).value).to.equal('13');
    expect(el.value).to.deep.equal({ postalCode: '1500001', prefecture: '東京都', prefectureCode: '13', city: '渋谷区', line1: '神宮前1-1', line2: 'ハイツ101' });
    el.value = { prefectureCode: '47' };
    await el.updateComplete;
    expect(shown(el).prefecture).to.equal('沖縄県');
    await lookUp(el, '4100244');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ postalCode: '', prefecture: '', prefectureCode: '', city: '', line1: '', line2: '' });
    expect(radios(el)).to.have.length(0);
    expect(statusOf(el)).to.equal('');
  });

  it('treats markup and 10,000 characters as text: no element, no lookup, a message', async () => {
    const { el } = await inForm();
    const events: unknown[] = [];
    el.addEventListener('kessai-address-resolved', (e) => events.push(e));
    const line1 = field(el, '町名・番地');
    const before = el.shadowRoot!.querySelectorAll('*').length;
    typeInto(line1, '<img src=x onerror="window.__pwned=1">');
    const postal = field(el, '郵便番号');
    typeInto(postal, '1000001' + '1'.repeat(10_000));
    blur(postal);
    typeInto(field(el, '市区町村'), 'evil\u202Etxt');
    blur(field(el, '市区町村'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.equal(before);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(errorOf(postal)).to.equal('郵便番号が長すぎます。');
    expect(errorOf(field(el, '市区町村'))).to.equal('制御文字や文字の向きを変える記号は使えません。取り除いてください。');
    expect(line1.value).to.equal('<img src=x onerror="window.__pwned=1">');
    await new Promise((r) => setTimeout(r, 100));
    expect(events).to.have.length(0);
  });

  it('is disabled by a disabled fieldset, town list included', async () => {
    const form = await fixture<HTMLFormElement>(`<form><fieldset><kessai-address-fields postal-data="${OK}"></kessai-address-fields></fieldset></form>`);
    const el = form.querySelector('kessai-address-fields') as KessaiAddressFields;
    await el.updateComplete;
    await lookUp(el, '4100244');
    (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = true;
    await el.updateComplete;
    expect(select(el).disabled).to.equal(true);
    expect(radios(el).every((r) => r.disabled)).to.equal(true);
  });

  it('renders English labels, romanized prefectures and English messages with lang="en"', async () => {
    const { el } = await inForm(`lang="en" postal-data="${OK}"`);
    expect(inputByLabel(el, 'Postal code')).to.exist;
    const pref = inputByLabel(el, 'Prefecture') as HTMLSelectElement;
    expect(pref.options[13].textContent!.trim()).to.equal('Tokyo');
    await lookUp(el, '1000999', 'Postal code');
    expect(statusOf(el)).to.equal('This postal code was not found. Check that it is right.');
    await lookUp(el, '1000001', 'Postal code');
    expect(pref.value).to.equal('13');
    expect(el.value.prefecture).to.equal('東京都');
    await expect(el).to.be.accessible();
  });
});

describe('kessai-address-fields from the script tag', () => {
  it('fetches postal/ beside kessai.js when no postal-data is given', async () => {
    const { frame, win, el } = await loadFrame<KessaiAddressFields>('/test-api/embed-address-page', 'kessai-address-fields');
    const answer = resolved(el);
    const postal = inputByLabel(el, '郵便番号') as HTMLInputElement;
    postal.value = '100-0001';
    postal.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '100-0001' }));
    expect((await answer).status).to.equal('found');
    await el.updateComplete;
    expect((inputByLabel(el, '市区町村') as HTMLInputElement).value).to.equal('千代田区');
    expect(new win.FormData(frame.contentDocument!.querySelector('form')!).get('shipping.prefectureCode')).to.equal('13');
    frame.remove();
  });
});
