import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/konbini-picker.js';
import type { KessaiKonbiniPicker } from '../src/components/konbini-picker/konbini-picker.js';
import { consoleDuring, errorOf } from './helpers/dom.js';
import { runFormControlTests } from './helpers/form-control.js';

const JA = ['セブン-イレブン', 'ファミリーマート', 'ローソン', 'ミニストップ', 'デイリーヤマザキ', 'セイコーマート'];
const EN = ['7-Eleven', 'FamilyMart', 'Lawson', 'Ministop', 'Daily Yamazaki', 'Seicomart'];

function group(el: KessaiKonbiniPicker): HTMLElement {
  return el.shadowRoot!.querySelector('[role="radiogroup"]') as HTMLElement;
}
function radios(el: KessaiKonbiniPicker): HTMLElement[] {
  return Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]'));
}
/** A radio by its accessible (visible) name. */
function radio(el: KessaiKonbiniPicker, name: string): HTMLElement {
  const r = radios(el).find((x) => x.textContent!.trim() === name);
  if (!r) throw new Error(`no radio "${name}"`);
  return r;
}
const names = (el: KessaiKonbiniPicker) => radios(el).map((r) => r.textContent!.trim());
const checked = (el: KessaiKonbiniPicker) => radios(el).filter((r) => r.getAttribute('aria-checked') === 'true').map((r) => r.textContent!.trim());
const focused = (el: KessaiKonbiniPicker) => (el.shadowRoot!.activeElement as HTMLElement | null)?.textContent?.trim() ?? null;
/** The group's name, from the element aria-labelledby points to. */
function groupName(el: KessaiKonbiniPicker): string {
  const id = group(el).getAttribute('aria-labelledby')!;
  // As the accessible name is computed: the aria-hidden 必須 / Required marker is left out.
  const label = el.shadowRoot!.getElementById(id)!.cloneNode(true) as HTMLElement;
  label.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return label.textContent!.trim();
}
/** The hint (not the error) linked to the group. */
function hintOf(el: KessaiKonbiniPicker): string {
  return group(el)
    .getAttribute('aria-describedby')!
    .split(/\s+/)
    .map((id) => el.shadowRoot!.getElementById(id)!)
    .filter((n) => n.classList.contains('hint'))
    .map((n) => n.textContent!.trim())
    .join(' ');
}

async function inForm(attrs = 'name="payment"') {
  const form = await fixture<HTMLFormElement>(
    `<form><button type="button" id="before">前へ</button><kessai-konbini-picker ${attrs}></kessai-konbini-picker><button id="submit">注文する</button></form>`,
  );
  const el = form.querySelector('kessai-konbini-picker') as KessaiKonbiniPicker;
  await el.updateComplete;
  let submitted = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitted++;
  });
  const changes: string[] = [];
  el.addEventListener('change', () => changes.push(el.value.store));
  return { form, el, changes, submits: () => submitted };
}

async function press(el: KessaiKonbiniPicker, key: string) {
  // Firefox's WebDriver BiDi keyboard knows the space bar only as ' '.
  await sendKeys({ press: key === 'Space' ? ' ' : key });
  await el.updateComplete;
}

runFormControlTests<KessaiKonbiniPicker>({
  tag: 'kessai-konbini-picker',
  controls: (el) => [group(el)],
  emptyErrors: ['お支払いに使うコンビニを選んでください。'],
  // Focus goes to the group's tab stop: the first chain while none is chosen.
  firstInvalid: (el) => radios(el)[0],
  tabStops: (el) => [radios(el)[0]],
  fill: (el) => radio(el, 'デイリーヤマザキ').click(),
  filled: { store: 'daily-yamazaki' },
  empty: { store: '' },
  allDisabled: (el) => radios(el).every((r) => r.getAttribute('aria-disabled') === 'true' && !r.hasAttribute('tabindex')),
});

describe('kessai-konbini-picker', () => {
  it('is a named radio group of the six chains in Japanese, with none chosen, and is accessible (axe)', async () => {
    const { el } = await inForm();
    expect(group(el).getAttribute('role')).to.equal('radiogroup');
    expect(groupName(el)).to.equal('お支払いに使うコンビニ');
    expect(group(el).getAttribute('aria-required')).to.equal('true');
    expect(names(el)).to.deep.equal(JA);
    expect(checked(el)).to.deep.equal([]);
    expect(hintOf(el)).to.equal('コンビニ払いは1回のお支払いにつき300,000円までです。');
    await expect(el).to.be.accessible();
  });

  it('shows each chain with its own colour band (a class per chain, no inline style)', async () => {
    const { el } = await inForm();
    const bands = radios(el).map((r) => getComputedStyle(r.querySelector('.swatch')!).backgroundImage);
    expect(bands.every((b) => b.includes('gradient'))).to.equal(true);
    expect(new Set(bands).size).to.equal(6);
    expect(el.shadowRoot!.querySelector('[style]')).to.equal(null);
    expect(radio(el, 'ローソン').querySelector('.swatch')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('renders English chain names and messages with lang="en"', async () => {
    const { el } = await inForm('lang="en"');
    expect(names(el)).to.deep.equal(EN);
    expect(groupName(el)).to.equal('Convenience store to pay at');
    el.reportValidity();
    await el.updateComplete;
    expect(errorOf(group(el))).to.equal('Choose the convenience store where you will pay.');
    await expect(el).to.be.accessible();
  });

  it('Tab into the group lands on the first chain when none is chosen, and the group is one tab stop', async () => {
    const { form, el } = await inForm();
    (form.querySelector('#before') as HTMLButtonElement).focus();
    await press(el, 'Tab');
    expect(focused(el)).to.equal('セブン-イレブン');
    expect(radios(el).filter((r) => r.tabIndex === 0)).to.have.length(1);
    await press(el, 'Tab');
    expect(document.activeElement === form.querySelector('#submit'), 'focus').to.equal(true);
  });

  it('Space selects the focused chain; Tab back into the group lands on the chosen one', async () => {
    const { form, el, changes } = await inForm();
    (form.querySelector('#before') as HTMLButtonElement).focus();
    await press(el, 'Tab');
    await press(el, 'Space');
    expect(checked(el)).to.deep.equal(['セブン-イレブン']);
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect(checked(el)).to.deep.equal(['ローソン']);
    (form.querySelector('#before') as HTMLButtonElement).focus();
    await press(el, 'Tab');
    expect(focused(el)).to.equal('ローソン');
    // Space on the chosen chain changes nothing.
    await press(el, 'Space');
    expect(changes).to.deep.equal(['seven-eleven', 'familymart', 'lawson']);
  });

  it('arrow keys move and select, wrapping at both ends; Home and End go to the first and last', async () => {
    const { form, el, changes } = await inForm();
    radio(el, 'セブン-イレブン').focus();
    const steps: Array<[string, string]> = [
      ['ArrowDown', 'ファミリーマート'],
      ['ArrowRight', 'ローソン'],
      ['ArrowUp', 'ファミリーマート'],
      ['ArrowLeft', 'セブン-イレブン'],
      ['ArrowLeft', 'セイコーマート'],
      ['ArrowDown', 'セブン-イレブン'],
      ['ArrowUp', 'セイコーマート'],
      ['ArrowRight', 'セブン-イレブン'],
      ['End', 'セイコーマート'],
      ['Home', 'セブン-イレブン'],
    ];
    for (const [key, want] of steps) {
      await press(el, key);
      expect([key, focused(el), checked(el)]).to.deep.equal([key, want, [want]]);
      expect(radios(el).filter((r) => r.tabIndex === 0).map((r) => r.textContent!.trim())).to.deep.equal([want]);
    }
    expect(changes).to.have.length(steps.length);
    expect(new FormData(form).get('payment.store')).to.equal('seven-eleven');
  });

  it('a click selects and fires one bubbling change; clicking the chosen chain again fires none', async () => {
    const { form, el } = await inForm();
    const seen: string[] = [];
    form.addEventListener('change', (e) => seen.push((e.target as Element).localName + ':' + new FormData(form).get('payment.store')));
    radio(el, 'ミニストップ').click();
    await el.updateComplete;
    radio(el, 'ミニストップ').click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(seen).to.deep.equal(['kessai-konbini-picker:ministop']);
    expect(checked(el)).to.deep.equal(['ミニストップ']);
    expect(focused(el)).to.equal('ミニストップ');
    expect(el.value).to.deep.equal({ store: 'ministop' });
  });

  it('stores restricts the chains (keyboard wraps within them) and warns about unknown ids', async () => {
    await consoleDuring('warn', async (warnings) => {
      const { el } = await inForm('name="payment" stores="lawson circle-k familymart"');
      expect(names(el)).to.deep.equal(['ファミリーマート', 'ローソン']);
      expect(warnings.join('\n')).to.contain('"circle-k"');
      radio(el, 'ファミリーマート').focus();
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      expect(checked(el)).to.deep.equal(['ファミリーマート']);
      el.stores = 'seicomart';
      await el.updateComplete;
      expect(names(el)).to.deep.equal(['セイコーマート']);
    });
  });

  it('stores with no known id offers every chain (with a warning), and markup in it creates nothing', async () => {
    await consoleDuring('warn', async (warnings) => {
      const { el } = await inForm(`stores='<img src=x onerror="window.__pwned=1">'`);
      expect(names(el)).to.deep.equal(JA);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(warnings.length).to.equal(1);
    });
  });

  it('an arrow key picks a chain after a refused submit: the error goes and the form submits it', async () => {
    const { form, el, submits } = await inForm();
    form.requestSubmit();
    await el.updateComplete;
    expect(focused(el)).to.equal('セブン-イレブン');
    await press(el, 'ArrowDown');
    expect(errorOf(group(el))).to.equal('');
    form.requestSubmit();
    expect(submits()).to.equal(1);
    expect(new FormData(form).get('payment.store')).to.equal('familymart');
  });
  it('at ¥300,000 it is usable; above, every chain is disabled and the group says so in Japanese at once', async () => {
    const { form, el, submits } = await inForm('name="payment" amount="300000"');
    expect(errorOf(group(el))).to.equal('');
    radio(el, 'ローソン').click();
    await el.updateComplete;
    el.amount = 300_001;
    await el.updateComplete;
    const msg = 'お支払い金額（300,001円）がコンビニ払いの上限（300,000円）を超えているため、コンビニ払いはご利用いただけません。別のお支払い方法を選んでください。';
    expect(errorOf(group(el))).to.equal(msg);
    expect(radios(el).every((r) => r.getAttribute('aria-disabled') === 'true' && !r.hasAttribute('tabindex'))).to.equal(true);
    expect(el.validationMessage).to.equal(msg);
    await expect(el).to.be.accessible();
    // Neither click nor keys change anything.
    radio(el, 'セブン-イレブン').click();
    await el.updateComplete;
    expect(checked(el)).to.deep.equal(['ローソン']);
    form.requestSubmit();
    await el.updateComplete;
    expect(submits()).to.equal(0);
    expect(el.shadowRoot!.activeElement === group(el), 'focus').to.equal(true);
    await press(el, 'ArrowDown');
    expect(checked(el)).to.deep.equal(['ローソン']);
    // Back under the limit: usable again.
    el.amount = 5000;
    await el.updateComplete;
    expect(errorOf(group(el))).to.equal('');
    form.requestSubmit();
    expect(submits()).to.equal(1);
  });

  it('says the same in English above the limit', async () => {
    const { el } = await inForm('lang="en" amount="1000000"');
    expect(errorOf(group(el))).to.equal('The amount of ¥1,000,000 is over the limit of ¥300,000 for a convenience-store payment. Choose another payment method.');
    expect(hintOf(el)).to.equal('Convenience-store payments are limited to ¥300,000 per payment.');
  });

  it('ignores an amount that is not a whole number of yen, with a warning', async () => {
    await consoleDuring('warn', async (warnings) => {
      const { el } = await inForm('amount="abc"');
      expect(warnings.join('\n')).to.contain('amount');
      expect(radios(el).some((r) => r.getAttribute('aria-disabled') === 'true')).to.equal(false);
    });
  });

  it('disabled, no chain can be chosen by a click, and it stays accessible (axe)', async () => {
    const form = await fixture<HTMLFormElement>(`<form><fieldset disabled><kessai-konbini-picker></kessai-konbini-picker></fieldset></form>`);
    const el = form.querySelector('kessai-konbini-picker') as KessaiKonbiniPicker;
    await el.updateComplete;
    radio(el, 'ローソン').click();
    await el.updateComplete;
    expect(checked(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = false;
    await el.updateComplete;
    radio(el, 'ローソン').click();
    await el.updateComplete;
    expect(checked(el)).to.deep.equal(['ローソン']);
  });
  it('a prefilled chain that is not offered shows an error at once', async () => {
    const el = await fixture<KessaiKonbiniPicker>(html`<kessai-konbini-picker stores="lawson" .value=${{ store: 'seven-eleven' }}></kessai-konbini-picker>`);
    expect(errorOf(group(el))).to.equal('このコンビニはご利用いただけません。別のコンビニを選んでください。');
    expect(el.checkValidity()).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('a prefilled chain is checked and is the tab stop', async () => {
    const el = await fixture<KessaiKonbiniPicker>(html`<kessai-konbini-picker .value=${{ store: 'ministop' }}></kessai-konbini-picker>`);
    expect(checked(el)).to.deep.equal(['ミニストップ']);
    expect(radio(el, 'ミニストップ').tabIndex).to.equal(0);
    expect(errorOf(group(el))).to.equal('');
  });
});
