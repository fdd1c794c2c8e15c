import { KessaiCheckout } from '../components/checkout/checkout.js';
import { defineElement } from './define.js';
import './card-fields.js';
import './contact-fields.js';

defineElement('kessai-checkout', KessaiCheckout);
