import { KessaiCheckout } from '../components/checkout/checkout.js';
import { defineElement } from './define.js';
// The sections of the first screen; card fields, payment instructions and the
// wallet QR code are defined when first needed (components/checkout/sections.ts).
import './name-fields.js';
import './contact-fields.js';
import './address-fields.js';
import './konbini-picker.js';

defineElement('kessai-checkout', KessaiCheckout);
