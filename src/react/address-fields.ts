'use client';
/** `kessai/react/address-fields`: the React wrapper of `<kessai-address-fields>`. Importing it registers that tag only. */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { AddressResolvedDetail } from '../components/address-fields/address-fields.js';
import { KessaiAddressFields as ElementClass } from '../components/address-fields/address-fields.js';
import '../define/address-fields.js';

export const KessaiAddressFields = createComponent({
  tagName: 'kessai-address-fields',
  elementClass: ElementClass,
  react: React,
  events: { onKessaiAddressResolved: 'kessai-address-resolved' as EventName<CustomEvent<AddressResolvedDetail>> },
});
