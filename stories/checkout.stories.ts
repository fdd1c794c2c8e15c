import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/define/all.js';
import type { KessaiCheckout } from '../src/components/checkout/checkout.js';
import type { CardTokenizer } from '../src/components/card-fields/card-fields.js';
import { fillCheckout } from './support/fill.js';
import { installMockEndpoint } from './support/mock-endpoint.js';

installMockEndpoint();

type Args = {
  lang?: 'ja' | 'en';
  endpoint: string;
  amount: number;
  methods: string;
  konbiniStores?: string;
  wallets?: string;
  installments?: string;
  noAddress: boolean;
  withTokenizer?: boolean;
  reference?: string;
  /** The final confirmation: `summary` beside the button (default) or a `review` step; with an order to show. */
  confirmation?: 'summary' | 'review';
  withOrder?: boolean;
  /** What the story does after rendering: fill and submit, or submit empty. */
  action?: 'submit-empty' | 'fill' | 'fill-and-submit' | 'fill-card-and-submit';
};

const demoTokenizer: CardTokenizer = async (card) => ({ token: 'tok_story', brand: 'visa', last4: card.number.slice(-4) });
const ITEMS = [
  { name: '宇治抹茶セット', quantity: 2, price: 1200 },
  { name: '茶筅', quantity: 1, price: 300 },
];

const meta: Meta<Args> = {
  title: 'Checkout/kessai-checkout',
  component: 'kessai-checkout',
  args: { endpoint: '/story-endpoint/konbini', amount: 3240, methods: 'konbini card pay-easy bank-transfer', noAddress: true, withTokenizer: true },
  argTypes: { lang: { control: 'inline-radio', options: ['ja', 'en'] } },
  render: (a) =>
    html`<kessai-checkout
      endpoint=${a.endpoint}
      amount=${a.amount}
      methods=${a.methods}
      konbini-stores=${a.konbiniStores ?? nothing}
      wallets=${a.wallets ?? nothing}
      installments=${a.installments ?? nothing}
      reference=${a.reference ?? 'story-cart'}
      ?no-address=${a.noAddress}
      .cardTokenizer=${a.withTokenizer ? demoTokenizer : undefined}
      confirmation=${a.confirmation ?? nothing}
      .items=${a.withOrder ? ITEMS : undefined}
      shipping=${a.withOrder ? 440 : nothing}
      fee=${a.withOrder ? 100 : nothing}
      payment-days=${a.withOrder ? 3 : nothing}
      delivery=${a.withOrder ? 'ご入金の確認後、3営業日以内に発送します。' : nothing}
      cancellation=${a.withOrder ? '商品到着後8日以内、未開封のものに限り返品できます（送料はお客様のご負担です）。' : nothing}
    ></kessai-checkout>`,
  play: async ({ canvasElement, args }) => {
    const el = canvasElement.querySelector<KessaiCheckout>('kessai-checkout')!;
    if (!args.action) return;
    if (args.action === 'fill' || args.action === 'fill-and-submit' || args.action === 'fill-card-and-submit') {
      const card = args.action === 'fill-card-and-submit' ? { card: { number: '4242424242424242', exp: '12/30', cvc: '123', name: 'HANAKO YAMADA' } } : {};
      await fillCheckout(el, { en: args.lang === 'en', shopper: card, focus: false });
      // No postal data in Storybook: the address as the lookup would fill it, and a chain where Konbini is shown.
      const address = el.shadowRoot!.querySelector('kessai-address-fields') as (HTMLElement & { value: unknown; updateComplete: Promise<unknown> }) | null;
      if (address) address.value = { postalCode: '1000001', prefectureCode: '13', city: '千代田区', line1: '千代田1-1', line2: '' };
      const picker = el.shadowRoot!.querySelector('kessai-konbini-picker') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
      picker?.shadowRoot?.querySelector<HTMLElement>('#store-lawson')?.click();
      await Promise.all([address?.updateComplete, picker?.updateComplete]);
      await el.updateComplete;
    }
    if (args.action === 'fill') return;
    // The story ends on the answer (after the retries of a 5xx), not on a moment of "sending";
    // the endpoint that never answers shows "sending" itself; an empty form and the review step post nothing.
    const answered = new Promise((r) => {
      el.addEventListener('kessai-success', r, { once: true });
      el.addEventListener('kessai-error', r, { once: true });
    });
    el.requestSubmit();
    if (args.action !== 'submit-empty' && !args.endpoint?.endsWith('/pending') && args.confirmation !== 'review') await answered;
    await el.updateComplete;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};
export const EmptyEnglish: Story = { args: { lang: 'en' } };
export const WithAddress: Story = { args: { noAddress: false } };
export const WithAddressEnglish: Story = { args: { lang: 'en', noAddress: false } };
export const Errors: Story = { args: { action: 'submit-empty' } };
export const ErrorsEnglish: Story = { args: { lang: 'en', action: 'submit-empty' } };
export const Submitting: Story = { args: { endpoint: '/story-endpoint/pending', methods: 'pay-easy', action: 'fill-and-submit' } };
export const SubmittingEnglish: Story = { args: { lang: 'en', endpoint: '/story-endpoint/pending', methods: 'pay-easy', action: 'fill-and-submit' } };
export const PendingPayEasy: Story = { args: { endpoint: '/story-endpoint/pay-easy', methods: 'pay-easy', action: 'fill-and-submit' } };
export const PendingPayEasyEnglish: Story = { args: { lang: 'en', endpoint: '/story-endpoint/pay-easy', methods: 'pay-easy', action: 'fill-and-submit' } };
export const Succeeded: Story = { args: { endpoint: '/story-endpoint/succeeded', methods: 'bank-transfer', action: 'fill-and-submit' } };
export const SucceededEnglish: Story = { args: { lang: 'en', endpoint: '/story-endpoint/succeeded', methods: 'bank-transfer', action: 'fill-and-submit' } };
export const ServerError: Story = { args: { endpoint: '/story-endpoint/server-error', methods: 'pay-easy', action: 'fill-and-submit' } };
export const ServerErrorEnglish: Story = { args: { lang: 'en', endpoint: '/story-endpoint/server-error', methods: 'pay-easy', action: 'fill-and-submit' } };
export const FieldErrorFromServer: Story = { args: { endpoint: '/story-endpoint/field-error', methods: 'pay-easy', action: 'fill-and-submit' } };
export const CardMethod: Story = { args: { methods: 'card konbini' } };
export const CardMethodEnglish: Story = { args: { lang: 'en', methods: 'card konbini' } };
/** 支払回数: the plans the backend allows (its `installments` option). */
export const CardInstallments: Story = { args: { methods: 'card', installments: '3 6 10 12 24 bonus revolving' } };
export const CardInstallmentsEnglish: Story = { args: { lang: 'en', methods: 'card', installments: '3 6 10 12 24 bonus revolving' } };
export const PayPayMethod: Story = { args: { methods: 'paypay card konbini' } };
export const PayPayMethodEnglish: Story = { args: { lang: 'en', methods: 'paypay card konbini' } };
/** Other wallets (the backend's `wallets` option). */
export const WalletMethod: Story = { args: { methods: 'wallet', wallets: 'rakuten-pay d-barai au-pay merpay' } };
export const WalletMethodEnglish: Story = { args: { lang: 'en', methods: 'wallet', wallets: 'rakuten-pay d-barai au-pay merpay' } };
export const KonbiniOverLimit: Story = { args: { amount: 330000, methods: 'konbini pay-easy' } };
export const SomeStoresOnly: Story = { args: { methods: 'konbini', konbiniStores: 'lawson familymart ministop' } };

/** A secret key in an attribute: the element refuses to render and says why in the console. */
export const RefusedSecretKey: Story = { args: { reference: 'sk_live_0000000000000000' }, tags: ['expect-console-error'] };
/** An endpoint that is neither this site nor https: refused. */
export const RefusedUnsafeEndpoint: Story = { args: { endpoint: 'http://evil.example/collect' }, tags: ['expect-console-error'] };

/** The final confirmation (最終確認画面) beside the button: items, shipping, fees, total 税込, how and when to pay, address, delivery, cancellation. */
export const FinalConfirmationSummary: Story = { args: { withOrder: true, noAddress: false, methods: 'konbini card', action: 'fill' } };
export const FinalConfirmationSummaryEnglish: Story = { args: { lang: 'en', withOrder: true, noAddress: false, methods: 'konbini card', action: 'fill' } };
/** confirmation="review": the review step after 注文内容を確認する. */
export const ReviewStep: Story = { args: { withOrder: true, noAddress: false, confirmation: 'review', methods: 'konbini card', action: 'fill-and-submit' } };
export const ReviewStepEnglish: Story = { args: { lang: 'en', withOrder: true, noAddress: false, confirmation: 'review', methods: 'konbini card', action: 'fill-and-submit' } };
/** Result of a card payment: amount, brand and last 4 digits, where the receipt goes, next steps. */
export const ResultCard: Story = { args: { endpoint: '/story-endpoint/card-mailed', methods: 'card', action: 'fill-card-and-submit' } };
export const ResultCardEnglish: Story = { args: { lang: 'en', endpoint: '/story-endpoint/card-mailed', methods: 'card', action: 'fill-card-and-submit' } };
/** Result of a Konbini order the merchant also e-mailed: the numbers, "also sent to …", come back later. */
export const ResultKonbiniMailed: Story = { args: { endpoint: '/story-endpoint/konbini-mailed', methods: 'konbini', action: 'fill-and-submit' } };
export const ResultKonbiniMailedEnglish: Story = { args: { lang: 'en', endpoint: '/story-endpoint/konbini-mailed', methods: 'konbini', action: 'fill-and-submit' } };
