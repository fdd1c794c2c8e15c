/**
 * Vue 3 types (`import type {} from 'kessai/vue'`): kessai tags in templates
 * are type-checked by vue-tsc. Vue must treat them as custom elements:
 * `compilerOptions.isCustomElement: (tag) => tag.startsWith('kessai-')`
 * (in @vitejs/plugin-vue: `vue({ template: { compilerOptions: { isCustomElement } } })`).
 */
import type { DefineComponent } from 'vue';
import type { AddressResolvedDetail } from './components/address-fields/address-fields.js';
import type { KessaiAddressFields } from './components/address-fields/address-fields.js';
import type { KessaiCardFields } from './components/card-fields/card-fields.js';
import type { KessaiCheckout, KessaiErrorDetail, KessaiSubmitDetail, KessaiSuccessDetail } from './components/checkout/checkout.js';
import type { KessaiContactFields } from './components/contact-fields/contact-fields.js';
import type { KessaiKonbiniPicker } from './components/konbini-picker/konbini-picker.js';
import type { KessaiNameFields } from './components/name-fields/name-fields.js';
import type { KessaiPaymentInstructions } from './components/payment-instructions/payment-instructions.js';

type Props<E> = Partial<Omit<E, keyof HTMLElement>>;
type El<E, Events = object> = DefineComponent<Props<E> & Events>;

declare module 'vue' {
  interface GlobalComponents {
    'kessai-checkout': El<
      KessaiCheckout,
      {
        onKessaiSubmit?: (e: CustomEvent<KessaiSubmitDetail>) => void;
        onKessaiSuccess?: (e: CustomEvent<KessaiSuccessDetail>) => void;
        onKessaiError?: (e: CustomEvent<KessaiErrorDetail>) => void;
      }
    >;
    'kessai-name-fields': El<KessaiNameFields>;
    'kessai-contact-fields': El<KessaiContactFields>;
    'kessai-address-fields': El<KessaiAddressFields, { onKessaiAddressResolved?: (e: CustomEvent<AddressResolvedDetail>) => void }>;
    'kessai-konbini-picker': El<KessaiKonbiniPicker>;
    'kessai-card-fields': El<KessaiCardFields>;
    'kessai-payment-instructions': El<KessaiPaymentInstructions>;
  }
}

export {};
