import { KessaiWalletQr } from '../components/wallet-qr/wallet-qr.js';
import { defineElement } from './define.js';

defineElement('kessai-wallet-qr', KessaiWalletQr);
