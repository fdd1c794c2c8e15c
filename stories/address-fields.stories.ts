import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/address-fields.js';
import type { KessaiAddressFields } from '../src/components/address-fields/address-fields.js';

type Args = {
  lang?: 'ja' | 'en';
  value?: Record<string, string>;
  showErrors?: boolean;
  /** Base URL of the shards: `postal/` holds fixtures generated from the real data. */
  postalData?: string;
  /** A postal code the story types, as a shopper would (the lookup runs). */
  type?: string;
  /** Index of the town to pick when the code has several. */
  pick?: number;
};

const meta: Meta<Args> = {
  title: 'Fields/kessai-address-fields',
  component: 'kessai-address-fields',
  args: { postalData: 'postal/' },
  argTypes: { lang: { control: 'inline-radio', options: ['ja', 'en'] } },
  render: ({ value, postalData }) =>
    html`<form @submit=${(e: Event) => e.preventDefault()}>
      <kessai-address-fields name="shipping" postal-data=${postalData ?? 'postal/'} .value=${value}></kessai-address-fields>
    </form>`,
  play: async ({ canvasElement, args }) => {
    const el = canvasElement.querySelector<KessaiAddressFields>('kessai-address-fields')!;
    await el.updateComplete;
    if (args.type) {
      const done = new Promise((r) => el.addEventListener('kessai-address-resolved', r, { once: true }));
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#postalCode')!;
      input.value = args.type;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: args.type }));
      await done;
      await el.updateComplete;
      if (args.pick !== undefined) {
        el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[args.pick]?.click();
        await el.updateComplete;
      }
    }
    if (args.showErrors) el.reportValidity();
  },
};
export default meta;
type Story = StoryObj<Args>;

const filled = { postalCode: '100-0001', prefecture: '東京都', city: '千代田区', line1: '千代田1-1', line2: 'パレスハイツ101' };

export const Empty: Story = {};
export const EmptyEnglish: Story = { args: { lang: 'en' } };
export const Filled: Story = { args: { value: filled } };
export const FilledEnglish: Story = { args: { lang: 'en', value: filled } };
export const FoundFromPostalCode: Story = { args: { type: '100-0001' } };
export const FoundFromPostalCodeEnglish: Story = { args: { lang: 'en', type: '100-0001' } };
export const FullWidthWithIMEDash: Story = { args: { type: '１００ー０００１' } };
export const SeveralTowns: Story = { args: { type: '410-0244' } };
export const SeveralTownsEnglish: Story = { args: { lang: 'en', type: '410-0244' } };
export const SeveralTownsPicked: Story = { args: { type: '410-0244', pick: 1 } };
export const TwoPrefectures: Story = { args: { type: '498-0000' } };
export const TwoPrefecturesEnglish: Story = { args: { lang: 'en', type: '498-0000' } };
export const TypedFieldsKept: Story = { args: { value: { city: '港区', line1: '芝公園4-2-8' }, type: '100-0001' } };
export const TypedFieldsKeptEnglish: Story = { args: { lang: 'en', value: { city: '港区', line1: '芝公園4-2-8' }, type: '100-0001' } };
export const UnknownCode: Story = { args: { type: '100-0999' } };
export const UnknownCodeEnglish: Story = { args: { lang: 'en', type: '100-0999' } };
// A 404 shows the same message; the smoke test forbids the browser's console error for it, so the
// failed lookup is shown with data that cannot be read.
export const LookupFailed: Story = { args: { postalData: 'postal-broken/', type: '100-0001' } };
export const LookupFailedEnglish: Story = { args: { lang: 'en', postalData: 'postal-broken/', type: '100-0001' } };
export const Required: Story = { args: { showErrors: true } };
export const RequiredEnglish: Story = { args: { lang: 'en', showErrors: true } };
export const BadFormat: Story = { args: { value: { postalCode: '100-000', prefecture: '東京都', city: '千代田区', line1: '千代田1-1' } } };
export const BadFormatEnglish: Story = {
  args: { lang: 'en', value: { postalCode: '100-000', prefecture: '東京都', city: '千代田区', line1: '千代田1-1' } },
};
export const TooLong: Story = { args: { value: { postalCode: '100-0001', prefecture: '東京都', city: '千代田区'.repeat(20), line1: '千代田1-1' } } };
export const ControlCharacters: Story = { args: { value: { postalCode: '100-0001', prefecture: '東京都', city: '千代田区', line1: '千代田\u202E1-1' } } };
export const ControlCharactersEnglish: Story = {
  args: { lang: 'en', value: { postalCode: '100-0001', prefecture: '東京都', city: '千代田区', line1: '千代田\u202E1-1' } },
};
