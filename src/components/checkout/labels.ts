import type { PaymentMethod } from '../../core/contract.js';
import { msg } from '../../localize.js';

/** The name of a payment method, as on its radio button. Unknown ids (a backend's own) are shown as given. */
export function methodLabel(m: PaymentMethod | string): string {
  switch (m) {
    case 'konbini':
      return msg('Convenience store', { id: 'checkout.method.konbini' });
    case 'card':
      return msg('Credit card', { id: 'checkout.method.card' });
    case 'pay-easy':
      return msg('Pay-easy', { id: 'checkout.method.pay-easy' });
    case 'bank-transfer':
      return msg('Bank transfer', { id: 'checkout.method.bank-transfer' });
    case 'paypay':
      return 'PayPay';
    case 'wallet':
      return msg('Smartphone payment', { id: 'checkout.method.wallet' });
    default:
      return m;
  }
}

const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  jcb: 'JCB',
  amex: 'American Express',
  'american-express': 'American Express',
  diners: 'Diners Club',
  discover: 'Discover',
};

/** A card brand id as printed on cards ("visa" → "Visa"); unknown ids as given. */
export function brandName(brand: string): string {
  return BRANDS[brand.toLowerCase()] ?? brand;
}
