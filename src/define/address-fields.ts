import { KessaiAddressFields } from '../components/address-fields/address-fields.js';
import { defineElement } from './define.js';

defineElement('kessai-address-fields', KessaiAddressFields);
