import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/all.js';
import type { KessaiCheckout } from '../src/components/checkout/checkout.js';
import { inputByLabel, settle } from './helpers/dom.js';

// Issue 20, smaller findings about layout and reading: expiry and security code
// side by side, 200% text on a 390 px phone, grouped payment numbers, 必須 / 任意.

describe('layout and reading findings', () => {
  for (const width of [390, 800]) {
    it(`the expiry box and the security code box sit on one line (${width} px)`, async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:${width}px"><kessai-card-fields></kessai-card-fields></div>`);
      const card = wrap.querySelector('kessai-card-fields')!;
      await (card as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const exp = inputByLabel(card, '有効期限').getBoundingClientRect();
      const cvc = inputByLabel(card, 'セキュリティコード').getBoundingClientRect();
      expect(Math.abs(exp.top - cvc.top)).to.be.below(1);
      expect(Math.abs(exp.height - cvc.height)).to.be.below(1);
    });
  }

  it('at 200% text size on a 390 px phone, nothing of the payment section runs off the screen', async () => {
    document.documentElement.style.fontSize = '200%';
    after(() => (document.documentElement.style.fontSize = ''));
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:390px">
      <kessai-checkout endpoint="/test-api/endpoint/ok" amount="3240" methods="konbini card pay-easy bank-transfer" no-address .cardTokenizer=${async () => ({ token: 't' })}></kessai-checkout>
    </div>`);
    const el = wrap.querySelector('kessai-checkout') as KessaiCheckout;
    await settle(el);
    const right = wrap.getBoundingClientRect().right;
    const over = (root: ShadowRoot | null): string[] =>
      Array.from(root?.querySelectorAll<HTMLElement>('*') ?? []).flatMap((n) => {
        const r = n.getBoundingClientRect();
        const own = r.width > 0 && r.right > right + 1 ? [`${n.localName}.${n.className} ${Math.round(r.right - right)}px`] : [];
        return [...own, ...over(n.shadowRoot)];
      });
    expect(over(el.shadowRoot)).to.deep.equal([]);
  });
});

describe('reading findings', () => {
  it('required and optional fields say so in words (必須 / 任意), in English too', async () => {
    const el = await fixture(html`<kessai-address-fields></kessai-address-fields>`);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const label = (text: string) => Array.from(el.shadowRoot!.querySelectorAll('label')).find((l) => l.textContent!.trim().startsWith(text))!;
    expect(label('郵便番号').textContent!.replace(/\s+/g, '')).to.equal('郵便番号必須');
    expect(label('建物名・部屋番号').textContent!.replace(/\s+/g, '')).to.equal('建物名・部屋番号任意');
    expect(label('郵便番号').querySelector('[aria-hidden="true"]')!.textContent).to.equal('必須');
    expect(inputByLabel(el, '郵便番号').required).to.equal(true);
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r));
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(label('Postal code').textContent!.replace(/\s+/g, '')).to.equal('PostalcodeRequired');
    expect(label('Building and room').textContent!.replace(/\s+/g, '')).to.equal('BuildingandroomOptional');
  });

  it('a long payment number is shown in groups of four; its text (what is selected and copied) has no spaces', async () => {
    const el = await fixture(html`<kessai-payment-instructions
      .instructions=${{ method: 'konbini', store: 'familymart', paymentCode: '123456789012', confirmationNumber: '4321', expiresAt: '2099-11-28T23:59:59+09:00' }}
    ></kessai-payment-instructions>`);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const value = el.shadowRoot!.querySelector('#value-payment-code')!;
    expect(Array.from(value.querySelectorAll('.group'), (g) => g.textContent)).to.deep.equal(['1234', '5678', '9012']);
    expect(value.textContent!.replace(/\s+/g, '')).to.equal('123456789012');
    const groups = value.querySelectorAll('.group');
    expect(groups[1].getBoundingClientRect().left - groups[0].getBoundingClientRect().right).to.be.above(2);
    expect(el.shadowRoot!.querySelector('#value-confirmation .group')).to.equal(null);
  });
});
