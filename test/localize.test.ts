import { expect, fixture } from '@open-wc/testing';
import { configureLocalization, msg as storeMsg } from '@lit/localize';
import '../src/define/contact-fields.js';
import type { KessaiContactFields } from '../src/components/contact-fields/contact-fields.js';
import { inputByLabel } from './helpers/dom.js';

describe('kessai beside a storefront that uses @lit/localize itself', () => {
  it('leaves the one global configuration to the storefront, and both stay localized', async () => {
    // The storefront configures @lit/localize (this throws if anyone did before).
    const { setLocale, getLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['fr'],
      loadLocale: async () => ({ templates: { 'store.cart': 'Panier' } }),
    });
    await setLocale('fr');
    expect(getLocale()).to.equal('fr');
    expect(storeMsg('Cart', { id: 'store.cart' })).to.equal('Panier');

    // kessai keeps its own Japanese (default) and English.
    const ja = await fixture<KessaiContactFields>(`<kessai-contact-fields></kessai-contact-fields>`);
    expect(inputByLabel(ja, 'メールアドレス')).to.exist;
    const en = await fixture<KessaiContactFields>(`<kessai-contact-fields lang="en"></kessai-contact-fields>`);
    expect(inputByLabel(en, 'Email address')).to.exist;
    expect(storeMsg('Cart', { id: 'store.cart' })).to.equal('Panier');
  });
});
