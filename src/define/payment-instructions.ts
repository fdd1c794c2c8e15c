import { KessaiPaymentInstructions } from '../components/payment-instructions/payment-instructions.js';
import { defineElement } from './define.js';

defineElement('kessai-payment-instructions', KessaiPaymentInstructions);
