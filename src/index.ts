/** kessai: side-effect-free exports. Register tags with `kessai/define/all` (or one `kessai/define/<name>`). */
export * from './core/index.js';
export { KessaiElement } from './components/shared/kessai-element.js';
export { FormFieldsElement, type FieldSpec } from './components/shared/form-fields.js';
export { KessaiContactFields } from './components/contact-fields/contact-fields.js';
export { KessaiNameFields } from './components/name-fields/name-fields.js';
export { KessaiAddressFields, type AddressResolvedDetail } from './components/address-fields/address-fields.js';
export {
  lookupPostalCode,
  loadShard,
  shardUrl,
  setDefaultPostalData,
  PostalLookupError,
  type PostalLookupFailure,
  type PostalLookupOptions,
} from './components/address-fields/postal-source.js';
export { resolveLocale, type KessaiLocale } from './locale.js';
export { KessaiCardFields, type CardTokenizer, type CardTokenizerInput, type CardToken } from './components/card-fields/card-fields.js';
export { KessaiCheckout, type KessaiSubmitDetail, type KessaiSuccessDetail, type KessaiErrorDetail } from './components/checkout/checkout.js';
export { KessaiKonbiniPicker } from './components/konbini-picker/konbini-picker.js';
export { KessaiPaymentInstructions } from './components/payment-instructions/payment-instructions.js';
export { KessaiWalletQr, type KessaiWalletResultDetail, type WalletQrAction } from './components/wallet-qr/wallet-qr.js';
