import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/payment-instructions.js';

type Args = { lang?: 'ja' | 'en'; instructions?: unknown; orderId?: string; amount?: number };

const HOUR = 3_600_000;
/** About two days and five hours from when the story is opened. */
const soon = () => new Date(Date.now() + 53 * HOUR + 20 * 60_000).toISOString();

const konbini = (store: string, paymentCode: string, confirmationNumber?: string, instructionsUrl = `https://psp.example/konbini/${store}`) => ({
  method: 'konbini',
  store,
  paymentCode,
  confirmationNumber,
  expiresAt: soon(),
  instructionsUrl,
});

const meta: Meta<Args> = {
  title: 'After ordering/kessai-payment-instructions',
  component: 'kessai-payment-instructions',
  argTypes: { lang: { control: 'inline-radio', options: ['ja', 'en'] }, instructions: { control: 'object' } },
  args: { orderId: 'KS-20261125-0042', amount: 12_980 },
  render: ({ instructions, orderId, amount }) =>
    html`<kessai-payment-instructions .instructions=${instructions} .orderId=${orderId} .amount=${amount}></kessai-payment-instructions>`,
};
export default meta;
type Story = StoryObj<Args>;

const en = (s: Story): Story => ({ ...s, args: { ...s.args, lang: 'en' } });

export const SevenEleven: Story = { args: { instructions: konbini('seven-eleven', '1234567890123', undefined, 'https://psp.example/slip/1234567890123') } };
export const SevenElevenEnglish = en(SevenEleven);
export const FamilyMart: Story = { args: { instructions: konbini('familymart', '12345', '123456789012') } };
export const FamilyMartEnglish = en(FamilyMart);
export const Lawson: Story = { args: { instructions: konbini('lawson', 'LW2611250042', '4321') } };
export const LawsonEnglish = en(Lawson);
export const Ministop: Story = { args: { instructions: konbini('ministop', 'MS2611250042', '8765') } };
export const MinistopEnglish = en(Ministop);
export const DailyYamazaki: Story = { args: { instructions: konbini('daily-yamazaki', '987654321098') } };
export const DailyYamazakiEnglish = en(DailyYamazaki);
export const Seicomart: Story = { args: { instructions: konbini('seicomart', '555566667777') } };
export const SeicomartEnglish = en(Seicomart);

export const PayEasy: Story = {
  args: {
    instructions: { method: 'pay-easy', institutionNumber: '58191', customerNumber: '12345678901', confirmationNumber: '1234', expiresAt: soon() },
  },
};
export const PayEasyEnglish = en(PayEasy);

export const BankTransfer: Story = {
  args: {
    instructions: {
      method: 'bank-transfer',
      bankName: 'みずほ銀行',
      branchName: '東京営業部',
      accountType: 'ordinary',
      accountNumber: '1234567',
      accountHolder: 'ｶ)ｹｯｻｲｼｮｳｶｲ',
      expiresAt: soon(),
    },
  },
};
export const BankTransferEnglish = en(BankTransfer);

/** The deadline is less than an hour away. */
export const DeadlineSoon: Story = {
  args: { instructions: { ...konbini('lawson', 'LW2611250042', '4321'), expiresAt: new Date(Date.now() + 42 * 60_000).toISOString() } },
};
export const DeadlineSoonEnglish = en(DeadlineSoon);

export const Expired: Story = { args: { instructions: { ...konbini('familymart', '12345', '123456789012'), expiresAt: '2026-01-05T23:59:59+09:00' } } };
export const ExpiredEnglish = en(Expired);

/** A chain id kessai does not know: generic labels and steps. */
export const UnknownChain: Story = { args: { instructions: konbini('circle-k', 'CK-0042') } };
export const UnknownChainEnglish = en(UnknownChain);

/** Missing and wrong-typed numbers, an unreadable deadline, a javascript: link. */
export const MalformedFields: Story = {
  args: {
    instructions: {
      method: 'konbini',
      store: 'lawson',
      paymentCode: 12345,
      confirmationNumber: '9'.repeat(10_000),
      expiresAt: 'next Friday',
      instructionsUrl: 'javascript:alert(1)',
    },
  },
};
export const MalformedFieldsEnglish = en(MalformedFields);

/** Markup and U+202E in the values: shown as text, direction marks removed. */
export const HostileValues: Story = {
  args: {
    orderId: '<b>KS-1</b>\u202E',
    instructions: {
      method: 'bank-transfer',
      bankName: '<img src=x onerror=alert(1)>',
      branchName: '東京\u202E営業部',
      accountType: 'savings',
      accountNumber: '123\u202E4567',
      accountHolder: 'ｹｯｻｲ',
      expiresAt: soon(),
    },
  },
};

/** Not an instructions object at all. */
export const Unreadable: Story = { args: { instructions: { method: 'paypay' } } };
export const UnreadableEnglish = en(Unreadable);
