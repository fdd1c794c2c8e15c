import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/contact-fields.js';
import type { KessaiContactFields } from '../src/components/contact-fields/contact-fields.js';

type Args = { lang?: 'ja' | 'en'; value?: Record<string, string>; showErrors?: boolean };

const meta: Meta<Args> = {
  title: 'Fields/kessai-contact-fields',
  component: 'kessai-contact-fields',
  argTypes: { lang: { control: 'inline-radio', options: ['ja', 'en'] } },
  render: ({ value }) =>
    html`<form @submit=${(e: Event) => e.preventDefault()}>
      <kessai-contact-fields name="customer" .value=${value}></kessai-contact-fields>
    </form>`,
  play: async ({ canvasElement, args }) => {
    if (!args.showErrors) return;
    const el = canvasElement.querySelector<KessaiContactFields>('kessai-contact-fields')!;
    await el.updateComplete;
    el.reportValidity();
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};
export const EmptyEnglish: Story = { args: { lang: 'en' } };
export const Filled: Story = { args: { value: { email: 'taro@example.jp', phone: '090-1234-5678' } } };
export const FilledEnglish: Story = { args: { lang: 'en', value: { email: 'taro@example.jp', phone: '090-1234-5678' } } };
export const Required: Story = { args: { showErrors: true } };
export const RequiredEnglish: Story = { args: { lang: 'en', showErrors: true } };
export const BadFormat: Story = { args: { value: { email: 'taro@', phone: '090-1234' } } };
export const BadFormatEnglish: Story = { args: { lang: 'en', value: { email: 'taro@', phone: '090-1234' } } };
export const ControlCharacters: Story = { args: { value: { email: 'taro\u202E@example.jp', phone: '0312345678' } } };
