import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/wallet-qr.js';
import { installMockEndpoint } from './support/mock-endpoint.js';

installMockEndpoint();

type Args = { lang?: 'ja' | 'en'; wallet: string; amount: number; expired?: boolean };

/** A fixed clock: the countdown shows the same time in every screenshot. */
const NOW = Date.parse('2026-11-20T12:00:00+09:00');

const meta: Meta<Args> = {
  title: 'After ordering/kessai-wallet-qr',
  component: 'kessai-wallet-qr',
  argTypes: { lang: { control: 'inline-radio', options: ['ja', 'en'] }, wallet: { control: 'select', options: ['paypay', 'rakuten-pay', 'd-barai', 'au-pay', 'merpay'] } },
  args: { wallet: 'paypay', amount: 5000 },
  render: (a) =>
    html`<kessai-wallet-qr
      endpoint="/story-endpoint/wallet"
      order-id="ord_story_4"
      amount=${a.amount}
      wallet=${a.wallet}
      .clock=${() => NOW}
      .action=${{ url: 'https://sandbox.kessai.example/wallet/sbx_pay_000000000000000000000000', expiresAt: new Date(NOW + (a.expired ? -1000 : 272_000)).toISOString() }}
    ></kessai-wallet-qr>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Desktop: the QR code to scan with the phone's app, the amount, a countdown; the page waits for the payment. */
export const Waiting: Story = {};
export const WaitingEnglish: Story = { args: { lang: 'en' } };
export const RakutenPay: Story = { args: { wallet: 'rakuten-pay', amount: 12_800 } };
export const RakutenPayEnglish: Story = { args: { lang: 'en', wallet: 'rakuten-pay', amount: 12_800 } };
/** The code's deadline passed: one way on, a new code (a new attempt with a new key). */
export const Expired: Story = { args: { expired: true } };
export const ExpiredEnglish: Story = { args: { lang: 'en', expired: true } };
