/** kessai: side-effect-free exports. Register tags with `kessai/define/all` (or one `kessai/define/<name>`). */
export * from './core/index.js';
export { KessaiElement } from './components/shared/kessai-element.js';
export { FormFieldsElement, type FieldSpec } from './components/shared/form-fields.js';
export { KessaiContactFields } from './components/contact-fields/contact-fields.js';
export { resolveLocale, type KessaiLocale } from './localize.js';
export { KessaiKonbiniPicker } from './components/konbini-picker/konbini-picker.js';
export { KessaiPaymentInstructions } from './components/payment-instructions/payment-instructions.js';
