/**
 * Types shared by `kessai/jsx` and `kessai/vue`: which members of an element
 * a template may set (its own writable properties, not methods, getters or
 * what HTMLElement already has) and its events as handler props.
 */
import type { AddressResolvedDetail } from './components/address-fields/address-fields.js';
import type { KessaiErrorDetail, KessaiSubmitDetail, KessaiSuccessDetail } from './components/checkout/checkout.js';

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
type WritableKeys<T> = {
  [K in keyof T]-?: IfEquals<{ [Q in K]: T[K] }, { -readonly [Q in K]: T[K] }, K, never>;
}[keyof T];
/** Function-valued properties that are data, not methods. */
type FunctionProps = 'cardTokenizer';

/** The element's own settable properties (all optional). */
export type ElementProps<E> = {
  [K in Exclude<WritableKeys<E>, keyof HTMLElement> as NonNullable<E[K]> extends (...args: never[]) => unknown
    ? K extends FunctionProps
      ? K
      : never
    : K]?: E[K];
};

/** kessai's events, per tag. */
export interface KessaiEvents {
  'kessai-checkout': {
    'kessai-submit': CustomEvent<KessaiSubmitDetail>;
    'kessai-success': CustomEvent<KessaiSuccessDetail>;
    'kessai-error': CustomEvent<KessaiErrorDetail>;
  };
  'kessai-address-fields': { 'kessai-address-resolved': CustomEvent<AddressResolvedDetail> };
  'kessai-konbini-picker': { change: Event };
}

/** `onkessai-success`-style props, as React 19 listens to them on custom elements. */
export type LowercaseEventProps<M> = { [K in keyof M as `on${K & string}`]?: (event: M[K]) => void };
