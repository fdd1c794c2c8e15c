import { KessaiKonbiniPicker } from '../components/konbini-picker/konbini-picker.js';
import { defineElement } from './define.js';

defineElement('kessai-konbini-picker', KessaiKonbiniPicker);
