import { KessaiCardFields } from '../components/card-fields/card-fields.js';
import { defineElement } from './define.js';

defineElement('kessai-card-fields', KessaiCardFields);
