'use client';
/**
 * React wrappers (kessai/react), made with @lit/react: properties are set as
 * properties (e.g. `cardTokenizer`), kessai events are `onKessai…` props.
 * Each wrapper lives in its own module (`kessai/react/<element>`), which
 * registers only its own tag; importing one name from here registers only
 * that element in a bundler that tree-shakes (the modules are side-effect
 * free apart from their `kessai/define/*` import).
 */
export { KessaiCheckout } from './react/checkout.js';
export { KessaiNameFields } from './react/name-fields.js';
export { KessaiContactFields } from './react/contact-fields.js';
export { KessaiAddressFields } from './react/address-fields.js';
export { KessaiKonbiniPicker } from './react/konbini-picker.js';
export { KessaiCardFields } from './react/card-fields.js';
export { KessaiPaymentInstructions } from './react/payment-instructions.js';
export { KessaiWalletQr } from './react/wallet-qr.js';
