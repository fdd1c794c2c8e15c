import { WALLETS, type WalletId } from '../../core/contract.js';
import { msg } from '../../localize.js';

/** The wallet's name as shoppers know it (PayPay, 楽天ペイ, d払い, au PAY, メルペイ). */
export function walletName(id: WalletId): string {
  switch (id) {
    case 'paypay':
      return 'PayPay';
    case 'rakuten-pay':
      return msg('Rakuten Pay', { id: 'wallet.name.rakuten-pay' });
    case 'd-barai':
      return msg('d Barai', { id: 'wallet.name.d-barai' });
    case 'au-pay':
      return 'au PAY';
    default:
      return msg('Merpay', { id: 'wallet.name.merpay' });
  }
}

/** The known wallet ids of a space-separated list, in its order, once each. */
export function parseWallets(list: string): WalletId[] {
  const out: WalletId[] = [];
  for (const w of list.split(/\s+/)) if ((WALLETS as readonly string[]).includes(w) && !out.includes(w as WalletId)) out.push(w as WalletId);
  return out;
}

/** A phone or tablet (the wallet app is on this device: go to it rather than show a QR code to scan). */
export function isHandheld(): boolean {
  return typeof matchMedia === 'function' && (matchMedia('(pointer: coarse) and (hover: none)').matches || matchMedia('(max-width: 40em)').matches);
}
