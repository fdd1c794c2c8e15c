/**
 * JSX types for React 19 users who use the custom elements directly
 * (`import type {} from 'kessai/jsx'`). React 19 sets unknown props on custom
 * elements as properties and `onkessai-success`-style props as event listeners.
 */
import type { KessaiAddressFields } from './components/address-fields/address-fields.js';
import type { KessaiCardFields } from './components/card-fields/card-fields.js';
import type { KessaiCheckout } from './components/checkout/checkout.js';
import type { KessaiContactFields } from './components/contact-fields/contact-fields.js';
import type { KessaiKonbiniPicker } from './components/konbini-picker/konbini-picker.js';
import type { KessaiNameFields } from './components/name-fields/name-fields.js';
import type { KessaiPaymentInstructions } from './components/payment-instructions/payment-instructions.js';

type Props<E> = Partial<Omit<E, keyof HTMLElement>> & {
  id?: string;
  class?: string;
  className?: string;
  lang?: string;
  hidden?: boolean;
  slot?: string;
  key?: string | number;
  ref?: unknown;
  children?: unknown;
  [event: `on${string}`]: unknown;
};

export interface KessaiIntrinsicElements {
  'kessai-checkout': Props<KessaiCheckout> & { 'no-address'?: boolean; 'konbini-stores'?: string; 'postal-data'?: string };
  'kessai-name-fields': Props<KessaiNameFields>;
  'kessai-contact-fields': Props<KessaiContactFields>;
  'kessai-address-fields': Props<KessaiAddressFields> & { 'postal-data'?: string };
  'kessai-konbini-picker': Props<KessaiKonbiniPicker>;
  'kessai-card-fields': Props<KessaiCardFields>;
  'kessai-payment-instructions': Props<KessaiPaymentInstructions>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends KessaiIntrinsicElements {}
  }
}
