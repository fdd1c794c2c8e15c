'use client';
/** `kessai/react/payment-instructions`: the React wrapper of `<kessai-payment-instructions>`. Importing it registers that tag only. */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { KessaiPaymentInstructions as ElementClass } from '../components/payment-instructions/payment-instructions.js';
import '../define/payment-instructions.js';

export const KessaiPaymentInstructions = createComponent({
  tagName: 'kessai-payment-instructions',
  elementClass: ElementClass,
  react: React,
});
