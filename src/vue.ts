/**
 * Vue 3 types (`import type {} from 'kessai/vue'`): kessai tags in templates
 * are type-checked by vue-tsc. Vue must treat them as custom elements:
 * `compilerOptions.isCustomElement` (in @vitejs/plugin-vue:
 * `vue({ template: { compilerOptions: { isCustomElement } } })`, with
 * `isCustomElement` from this module).
 *
 * Attribute values in templates are strings: a number property also takes a
 * numeric string (`amount="1980"`, which the element converts), nothing else.
 */
import type { DefineComponent } from 'vue';
import type { KessaiAddressFields } from './components/address-fields/address-fields.js';
import type { KessaiCardFields } from './components/card-fields/card-fields.js';
import type { KessaiCheckout } from './components/checkout/checkout.js';
import type { KessaiContactFields } from './components/contact-fields/contact-fields.js';
import type { KessaiKonbiniPicker } from './components/konbini-picker/konbini-picker.js';
import type { KessaiNameFields } from './components/name-fields/name-fields.js';
import type { KessaiPaymentInstructions } from './components/payment-instructions/payment-instructions.js';
import type { KessaiWalletQr } from './components/wallet-qr/wallet-qr.js';
import type { ElementProps, KessaiEvents } from './framework-props.js';

export type { ElementProps, KessaiEvents } from './framework-props.js';

/** A number property may be written as an attribute: `amount="1980"`. */
type FromAttribute<T> = T extends number ? T | `${number}` : T;
type CamelEvent<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<CamelEvent<B>>}` : S;
/** `@kessai-success` in a template is the `onKessaiSuccess` prop. */
type VueEventProps<M> = { [K in keyof M as `on${Capitalize<CamelEvent<K & string>>}`]?: (event: M[K]) => void };
export type KessaiVueProps<E, Events = object> = { [K in keyof ElementProps<E>]?: FromAttribute<ElementProps<E>[K]> } & VueEventProps<Events>;
type El<E, Events = object> = DefineComponent<KessaiVueProps<E, Events>>;

/** For `compilerOptions.isCustomElement`: every `kessai-*` tag is a custom element. */
export const isCustomElement = (tag: string): boolean => tag.startsWith('kessai-');

declare module 'vue' {
  interface GlobalComponents {
    'kessai-checkout': El<KessaiCheckout, KessaiEvents['kessai-checkout']>;
    'kessai-name-fields': El<KessaiNameFields>;
    'kessai-contact-fields': El<KessaiContactFields>;
    'kessai-address-fields': El<KessaiAddressFields, KessaiEvents['kessai-address-fields']>;
    'kessai-konbini-picker': El<KessaiKonbiniPicker>;
    'kessai-card-fields': El<KessaiCardFields>;
    'kessai-payment-instructions': El<KessaiPaymentInstructions>;
    'kessai-wallet-qr': El<KessaiWalletQr>;
  }
}
