/** Helpers of the address-fields tests (address-fields.test.ts, address-check.test.ts). */
import { fixture } from '@open-wc/testing';
import type { KessaiAddressFields } from '../../src/components/address-fields/address-fields.js';
import { inputByLabel } from './dom.js';

/** The element inside a form with a submit button, rendered. */
export async function inForm(attrs: string): Promise<{ form: HTMLFormElement; el: KessaiAddressFields }> {
  const form = await fixture<HTMLFormElement>(`<form><kessai-address-fields ${attrs}></kessai-address-fields><button>注文する</button></form>`);
  const el = form.querySelector('kessai-address-fields') as KessaiAddressFields;
  await el.updateComplete;
  return { form, el };
}

export const field = (el: KessaiAddressFields, label: string) => inputByLabel(el, label) as HTMLInputElement;
export const select = (el: KessaiAddressFields) => inputByLabel(el, '都道府県') as HTMLSelectElement;
export const statusOf = (el: KessaiAddressFields) => el.shadowRoot!.getElementById('postalCode-status')!.textContent!.trim();
