import { KessaiNameFields } from '../components/name-fields/name-fields.js';
import { defineElement } from './define.js';

defineElement('kessai-name-fields', KessaiNameFields);
