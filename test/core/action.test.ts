import { expect } from '@open-wc/testing';
import { navigableUrl, parseAction, safeDeeplink } from '../../src/core/action.js';
import { validateCheckoutRequest } from '../../src/core/checkout-request.js';
import { parseInstallmentPlan } from '../../src/core/contract.js';
import { validOrder, type Body } from '../helpers/orders.js';

const PAGE = 'http://shop.test/checkout';

describe('requires_action: the action of the answer', () => {
  it('reads a redirect, a QR code, and the older redirectUrl', () => {
    expect(parseAction({ action: { type: 'redirect', url: 'https://psp.example/3ds/1' } })).to.deep.equal({ type: 'redirect', url: 'https://psp.example/3ds/1' });
    expect(parseAction({ action: { type: 'qr', url: 'https://qr.paypay.example/x', deeplink: 'paypay://payment?x=1', expiresAt: '2026-12-02T10:00:00+09:00' } })).to.deep.equal({
      type: 'qr',
      url: 'https://qr.paypay.example/x',
      deeplink: 'paypay://payment?x=1',
      expiresAt: '2026-12-02T10:00:00+09:00',
    });
    expect(parseAction({ redirectUrl: 'https://psp.example/3ds/2' })).to.deep.equal({ type: 'redirect', url: 'https://psp.example/3ds/2' });
  });

  it('never leads to script, data or another site over http; a same-origin sandbox is allowed', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>1</script>', 'http://evil.example/3ds', '//evil.example/x', 'https://user:pw@psp.example/', 'vbscript:x']) {
      expect(parseAction({ action: { type: 'redirect', url } }, PAGE), url).to.equal(null);
      expect(parseAction({ redirectUrl: url }, PAGE), url).to.equal(null);
    }
    expect(navigableUrl('http://shop.test/sandbox/3ds/1', PAGE)).to.equal('http://shop.test/sandbox/3ds/1');
    expect(navigableUrl('http://shop.test/sandbox/3ds/1')).to.equal(null);
  });

  it('drops an unsafe app link, and refuses a QR code without a deadline', () => {
    const qr = (deeplink: unknown) => parseAction({ action: { type: 'qr', url: 'https://qr.example/x', deeplink, expiresAt: '2026-12-02T10:00:00+09:00' } });
    for (const bad of ['javascript://%0Aalert(1)', 'data://x', 'http://evil.example', 'file:///etc/passwd', 'blob://x', 'paypay://a b', 42]) {
      expect(qr(bad), String(bad)).not.to.have.property('deeplink');
      expect(safeDeeplink(bad), String(bad)).to.equal(null);
    }
    expect(parseAction({ action: { type: 'qr', url: 'https://qr.example/x' } })).to.equal(null);
    expect(parseAction({ action: { type: 'qr', url: 'https://qr.example/x', expiresAt: 'soon' } })).to.equal(null);
    expect(parseAction({ action: { type: 'popup', url: 'https://qr.example/x' } })).to.equal(null);
  });
});

describe('the request: wallets and 支払回数', () => {
  const card = (installments: unknown): Body => {
    const { konbini: _k, ...rest } = validOrder({ method: 'card', card: { token: 'tok_1', installments } });
    return rest;
  };
  const fields = (r: ReturnType<typeof validateCheckoutRequest>) => (r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`));

  it('accepts 一括 always and other plans only when the backend allows them', () => {
    expect(fields(validateCheckoutRequest(card(1)))).to.deep.equal([]);
    expect(fields(validateCheckoutRequest(card(6)))).to.deep.equal(['card.installments:unsupported']);
    const ok = validateCheckoutRequest(card(6), { installmentPlans: [3, 6] });
    expect(ok.ok && ok.value.card).to.deep.equal({ token: 'tok_1', installments: 6 });
    expect(fields(validateCheckoutRequest(card('revolving'), { installmentPlans: [3, 6] }))).to.deep.equal(['card.installments:unsupported']);
    expect(fields(validateCheckoutRequest(card('6'), { installmentPlans: [6] }))).to.deep.equal(['card.installments:unsupported']);
    expect(fields(validateCheckoutRequest(card(4), { installmentPlans: [3, 6] }))).to.deep.equal(['card.installments:unsupported']);
    expect(fields(validateCheckoutRequest(card({}), { installmentPlans: [3, 6] }))).to.deep.equal(['card.installments:type']);
    expect(parseInstallmentPlan('12')).to.equal(12);
    expect(parseInstallmentPlan('bonus')).to.equal('bonus');
    expect(parseInstallmentPlan('7')).to.equal(null);
  });

  it('takes paypay as a method, and a wallet only from the backend’s list', () => {
    const { konbini: _k, ...paypay } = validOrder({ method: 'paypay' });
    expect(fields(validateCheckoutRequest(paypay))).to.deep.equal([]);
    const wallet = (type: unknown) => ({ ...paypay, method: 'wallet', wallet: { type } });
    expect(fields(validateCheckoutRequest(wallet('merpay'), { wallets: ['merpay'] }))).to.deep.equal([]);
    expect(fields(validateCheckoutRequest(wallet('merpay')))).to.deep.equal(['wallet.type:unsupported']);
    expect(fields(validateCheckoutRequest(wallet('<img>'), { wallets: ['merpay'] }))).to.deep.equal(['wallet.type:unsupported']);
    expect(fields(validateCheckoutRequest({ ...paypay, method: 'wallet' }, { wallets: ['merpay'] }))).to.deep.equal(['wallet.type:required']);
    expect(fields(validateCheckoutRequest({ ...paypay, wallet: { type: 'merpay' } }, { wallets: ['merpay'] }))).to.deep.equal(['wallet:unexpected']);
  });
});
