import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/name-fields.js';
import type { KessaiNameFields } from '../src/components/name-fields/name-fields.js';

type Args = {
  lang?: 'ja' | 'en';
  value?: Record<string, string>;
  showErrors?: boolean;
  serverError?: [string, string];
  /** Hiragana typed and converted through a (simulated) IME into 姓 and 名. */
  ime?: Array<[label: 'familyName' | 'givenName', reading: string, kanji: string]>;
};

/** Plays one IME composition into `input` (Chrome's event order), as a shopper's IME would. */
function compose(input: HTMLInputElement, reading: string, kanji: string): void {
  const base = input.value;
  const fire = (e: Event) => input.dispatchEvent(e);
  fire(new CompositionEvent('compositionstart', { data: '' }));
  for (const text of [...Array.from(reading, (_, i) => reading.slice(0, i + 1)), kanji]) {
    fire(new CompositionEvent('compositionupdate', { data: text }));
    input.value = base + text;
    fire(new InputEvent('input', { inputType: 'insertCompositionText', data: text, isComposing: true, bubbles: true, composed: true }));
  }
  fire(new CompositionEvent('compositionend', { data: kanji }));
}

const meta: Meta<Args> = {
  title: 'Fields/kessai-name-fields',
  component: 'kessai-name-fields',
  argTypes: { lang: { control: 'inline-radio', options: ['ja', 'en'] } },
  render: ({ value }) =>
    html`<form @submit=${(e: Event) => e.preventDefault()}>
      <kessai-name-fields name="customer" .value=${value}></kessai-name-fields>
    </form>`,
  play: async ({ canvasElement, args }) => {
    const el = canvasElement.querySelector<KessaiNameFields>('kessai-name-fields')!;
    await el.updateComplete;
    for (const [key, reading, kanji] of args.ime ?? []) compose(el.shadowRoot!.querySelector<HTMLInputElement>(`#${key}`)!, reading, kanji);
    if (args.showErrors) el.reportValidity();
    if (args.serverError) el.setServerError(...args.serverError);
  },
};
export default meta;
type Story = StoryObj<Args>;

const filled = { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ' };
const en = { lang: 'en' } as const;

export const Empty: Story = {};
export const EmptyEnglish: Story = { args: { ...en } };
export const Filled: Story = { args: { value: filled } };
export const FilledEnglish: Story = { args: { ...en, value: filled } };
/** セイ / メイ filled from the IME while 山田 and 花子 were typed (やまだ, はなこ converted). */
export const FuriganaFromIme: Story = { args: { ime: [['familyName', 'やまだ', '山田'], ['givenName', 'はなこ', '花子']] } };
export const FuriganaFromImeEnglish: Story = { args: { ...en, ime: [['familyName', 'やまだ', '山田'], ['givenName', 'はなこ', '花子']] } };
export const Required: Story = { args: { showErrors: true } };
export const RequiredEnglish: Story = { args: { ...en, showErrors: true } };
export const KanaNotKatakana: Story = { args: { value: { ...filled, familyNameKana: '山田', givenNameKana: 'Hanako' } } };
export const KanaNotKatakanaEnglish: Story = { args: { ...en, value: { ...filled, familyNameKana: '山田', givenNameKana: 'Hanako' } } };
export const TooLong: Story = {
  args: { value: { familyName: '山'.repeat(31), givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ア'.repeat(31) } },
};
export const TooLongEnglish: Story = { args: { ...en, ...TooLong.args } };
export const Symbols: Story = { args: { value: { ...filled, familyName: '<b>山田</b>', givenName: '花子!' } } };
export const SymbolsEnglish: Story = { args: { ...en, ...Symbols.args } };
export const ControlCharacters: Story = { args: { value: { ...filled, familyName: '山田\u202E', givenNameKana: 'ハナ\u0000コ' } } };
export const ControlCharactersEnglish: Story = { args: { ...en, ...ControlCharacters.args } };
export const ServerError: Story = { args: { value: filled, serverError: ['givenNameKana', 'カード名義のカナと一致しません。'] } };
export const ServerErrorEnglish: Story = { args: { ...en, value: filled, serverError: ['givenNameKana', 'Does not match the name on the card.'] } };
