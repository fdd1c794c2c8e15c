/**
 * React wrappers (kessai/react), made with @lit/react: properties are set as
 * properties (e.g. `cardTokenizer`), kessai events are `onKessai…` props.
 * Importing this module registers every kessai tag.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { AddressResolvedDetail } from './components/address-fields/address-fields.js';
import { KessaiAddressFields as AddressFields } from './components/address-fields/address-fields.js';
import { KessaiCardFields as CardFields } from './components/card-fields/card-fields.js';
import type { KessaiErrorDetail, KessaiSubmitDetail, KessaiSuccessDetail } from './components/checkout/checkout.js';
import { KessaiCheckout as Checkout } from './components/checkout/checkout.js';
import { KessaiContactFields as ContactFields } from './components/contact-fields/contact-fields.js';
import { KessaiKonbiniPicker as KonbiniPicker } from './components/konbini-picker/konbini-picker.js';
import { KessaiNameFields as NameFields } from './components/name-fields/name-fields.js';
import { KessaiPaymentInstructions as PaymentInstructions } from './components/payment-instructions/payment-instructions.js';
import './define/all.js';

export const KessaiCheckout = createComponent({
  tagName: 'kessai-checkout',
  elementClass: Checkout,
  react: React,
  events: {
    onKessaiSubmit: 'kessai-submit' as EventName<CustomEvent<KessaiSubmitDetail>>,
    onKessaiSuccess: 'kessai-success' as EventName<CustomEvent<KessaiSuccessDetail>>,
    onKessaiError: 'kessai-error' as EventName<CustomEvent<KessaiErrorDetail>>,
  },
});

export const KessaiNameFields = createComponent({ tagName: 'kessai-name-fields', elementClass: NameFields, react: React });
export const KessaiContactFields = createComponent({ tagName: 'kessai-contact-fields', elementClass: ContactFields, react: React });
export const KessaiAddressFields = createComponent({
  tagName: 'kessai-address-fields',
  elementClass: AddressFields,
  react: React,
  events: { onKessaiAddressResolved: 'kessai-address-resolved' as EventName<CustomEvent<AddressResolvedDetail>> },
});
export const KessaiKonbiniPicker = createComponent({
  tagName: 'kessai-konbini-picker',
  elementClass: KonbiniPicker,
  react: React,
  events: { onChange: 'change' },
});
export const KessaiCardFields = createComponent({ tagName: 'kessai-card-fields', elementClass: CardFields, react: React });
export const KessaiPaymentInstructions = createComponent({ tagName: 'kessai-payment-instructions', elementClass: PaymentInstructions, react: React });
