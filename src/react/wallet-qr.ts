'use client';
/** `kessai/react/wallet-qr`: the React wrapper of `<kessai-wallet-qr>`. Importing it registers that tag only. */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { KessaiWalletQr as ElementClass, type KessaiWalletResultDetail } from '../components/wallet-qr/wallet-qr.js';
import '../define/wallet-qr.js';

export const KessaiWalletQr = createComponent({
  tagName: 'kessai-wallet-qr',
  elementClass: ElementClass,
  react: React,
  events: {
    onKessaiWalletResult: 'kessai-wallet-result' as EventName<CustomEvent<KessaiWalletResultDetail>>,
    onKessaiWalletRestart: 'kessai-wallet-restart',
    onKessaiWalletCancel: 'kessai-wallet-cancel',
  },
});
