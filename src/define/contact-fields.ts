import { KessaiContactFields } from '../components/contact-fields/contact-fields.js';
import { defineElement } from './define.js';

defineElement('kessai-contact-fields', KessaiContactFields);
