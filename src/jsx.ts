/**
 * JSX types for React 19 users who use the custom elements directly
 * (`import type {} from 'kessai/jsx'`). React 19 sets props that the element
 * has as properties (`amount={1980}`, `cardTokenizer={fn}`) and
 * `onkessai-success`-style props as event listeners; both are typed here.
 *
 * After server rendering (Next.js and other SSR), React does not attach
 * `on<custom-event>` listeners to elements it hydrates (facebook/react#35446):
 * there, use the `kessai/react` wrappers, or `addEventListener` in an effect.
 */
import type * as React from 'react';
import type { KessaiAddressFields } from './components/address-fields/address-fields.js';
import type { KessaiCardFields } from './components/card-fields/card-fields.js';
import type { KessaiCheckout } from './components/checkout/checkout.js';
import type { KessaiContactFields } from './components/contact-fields/contact-fields.js';
import type { KessaiKonbiniPicker } from './components/konbini-picker/konbini-picker.js';
import type { KessaiNameFields } from './components/name-fields/name-fields.js';
import type { KessaiPaymentInstructions } from './components/payment-instructions/payment-instructions.js';
import type { KessaiWalletQr } from './components/wallet-qr/wallet-qr.js';
import type { ElementProps, KessaiEvents, LowercaseEventProps } from './framework-props.js';

export type { ElementProps, KessaiEvents } from './framework-props.js';

/** What a kessai tag accepts in JSX: React's HTML attributes (id, className, style, slot, key, ref…), the element's properties and its events. */
export type KessaiJSXProps<E extends HTMLElement, Events = object> = ElementProps<E> &
  LowercaseEventProps<Events> &
  Omit<React.DetailedHTMLProps<React.HTMLAttributes<E>, E>, keyof ElementProps<E>>;

export interface KessaiIntrinsicElements {
  'kessai-checkout': KessaiJSXProps<KessaiCheckout, KessaiEvents['kessai-checkout']> & {
    'no-address'?: boolean;
    'konbini-stores'?: string;
    'postal-data'?: string;
  };
  'kessai-name-fields': KessaiJSXProps<KessaiNameFields>;
  'kessai-contact-fields': KessaiJSXProps<KessaiContactFields>;
  'kessai-address-fields': KessaiJSXProps<KessaiAddressFields, KessaiEvents['kessai-address-fields']> & { 'postal-data'?: string };
  'kessai-konbini-picker': KessaiJSXProps<KessaiKonbiniPicker>;
  'kessai-card-fields': KessaiJSXProps<KessaiCardFields>;
  'kessai-payment-instructions': KessaiJSXProps<KessaiPaymentInstructions>;
  'kessai-wallet-qr': KessaiJSXProps<KessaiWalletQr> & { 'order-id'?: string };
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends KessaiIntrinsicElements {}
  }
}
