import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/konbini-picker.js';
import type { KessaiKonbiniPicker } from '../src/components/konbini-picker/konbini-picker.js';

type Args = { lang?: 'ja' | 'en'; stores?: string; amount?: number; value?: Record<string, string>; disabled?: boolean; showErrors?: boolean };

const meta: Meta<Args> = {
  title: 'Fields/kessai-konbini-picker',
  component: 'kessai-konbini-picker',
  argTypes: {
    lang: { control: 'inline-radio', options: ['ja', 'en'] },
    stores: { control: 'text' },
    amount: { control: 'number' },
    disabled: { control: 'boolean' },
  },
  render: ({ stores, amount, value, disabled }) =>
    html`<form @submit=${(e: Event) => e.preventDefault()}>
      <kessai-konbini-picker
        name="payment"
        stores=${ifDefined(stores)}
        amount=${ifDefined(amount)}
        ?disabled=${disabled}
        .value=${value}
      ></kessai-konbini-picker>
    </form>`,
  play: async ({ canvasElement, args }) => {
    if (!args.showErrors) return;
    const el = canvasElement.querySelector<KessaiKonbiniPicker>('kessai-konbini-picker')!;
    await el.updateComplete;
    el.reportValidity();
  },
};
export default meta;
type Story = StoryObj<Args>;

export const AllChains: Story = {};
export const AllChainsEnglish: Story = { args: { lang: 'en' } };
export const Chosen: Story = { args: { value: { store: 'lawson' } } };
export const ChosenEnglish: Story = { args: { lang: 'en', value: { store: 'lawson' } } };
/** A PSP without セブン-イレブン: `stores="familymart lawson ministop"`. */
export const Restricted: Story = { args: { stores: 'familymart lawson ministop' } };
export const RestrictedEnglish: Story = { args: { lang: 'en', stores: 'familymart lawson ministop' } };
export const Required: Story = { args: { showErrors: true } };
export const RequiredEnglish: Story = { args: { lang: 'en', showErrors: true } };
export const AtTheLimit: Story = { args: { amount: 300_000, value: { store: 'familymart' } } };
export const AtTheLimitEnglish: Story = { args: { lang: 'en', amount: 300_000, value: { store: 'familymart' } } };
export const OverTheLimit: Story = { args: { amount: 350_000 } };
export const OverTheLimitEnglish: Story = { args: { lang: 'en', amount: 350_000 } };
export const Disabled: Story = { args: { disabled: true, value: { store: 'seicomart' } } };
export const DisabledEnglish: Story = { args: { lang: 'en', disabled: true, value: { store: 'seicomart' } } };
/** A prefilled chain the PSP does not offer. */
export const NotOffered: Story = { args: { stores: 'lawson ministop', value: { store: 'seven-eleven' } } };
export const NotOfferedEnglish: Story = { args: { lang: 'en', stores: 'lawson ministop', value: { store: 'seven-eleven' } } };
