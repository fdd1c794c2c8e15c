'use client';
/** `kessai/react/checkout`: the React wrapper of `<kessai-checkout>`. Importing it registers that tag and the sections it renders, nothing else. */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { KessaiErrorDetail, KessaiSubmitDetail, KessaiSuccessDetail } from '../components/checkout/checkout.js';
import { KessaiCheckout as ElementClass } from '../components/checkout/checkout.js';
import '../define/checkout.js';

export const KessaiCheckout = createComponent({
  tagName: 'kessai-checkout',
  elementClass: ElementClass,
  react: React,
  events: {
    onKessaiSubmit: 'kessai-submit' as EventName<CustomEvent<KessaiSubmitDetail>>,
    onKessaiSuccess: 'kessai-success' as EventName<CustomEvent<KessaiSuccessDetail>>,
    onKessaiError: 'kessai-error' as EventName<CustomEvent<KessaiErrorDetail>>,
  },
});
