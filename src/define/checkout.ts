import { KessaiCheckout } from '../components/checkout/checkout.js';
import { defineElement } from './define.js';
// The sections the checkout renders.
import './name-fields.js';
import './contact-fields.js';
import './address-fields.js';
import './konbini-picker.js';
import './card-fields.js';
import './payment-instructions.js';
import './wallet-qr.js';

defineElement('kessai-checkout', KessaiCheckout);
