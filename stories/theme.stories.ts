import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/define/all.js';
import { installMockEndpoint } from './support/mock-endpoint.js';

installMockEndpoint();

/**
 * Theme playground: every documented --kessai-* property as a control (see
 * docs/theming.md), on the whole checkout. An empty control keeps the default,
 * which follows the element's colour scheme.
 */
type Args = {
  lang?: 'ja' | 'en';
  colorScheme: 'page' | 'system' | 'light' | 'dark';
  primary: string;
  onPrimary: string;
  background: string;
  text: string;
  muted: string;
  border: string;
  field: string;
  fieldText: string;
  error: string;
  focus: string;
  radius: string;
  fontFamily: string;
  fontSize: string;
  spacing: string;
};

const VARS: Array<[keyof Args, string]> = [
  ['primary', '--kessai-color-primary'],
  ['onPrimary', '--kessai-color-on-primary'],
  ['background', '--kessai-color-background'],
  ['text', '--kessai-color-text'],
  ['muted', '--kessai-color-muted'],
  ['border', '--kessai-color-border'],
  ['field', '--kessai-color-field'],
  ['fieldText', '--kessai-color-field-text'],
  ['error', '--kessai-color-error'],
  ['focus', '--kessai-color-focus'],
  ['radius', '--kessai-radius'],
  ['fontFamily', '--kessai-font-family'],
  ['fontSize', '--kessai-font-size'],
  ['spacing', '--kessai-spacing'],
];

const color = { control: 'color' } as const;
const meta: Meta<Args> = {
  title: 'Theming/Playground',
  args: {
    colorScheme: 'page',
    primary: '',
    onPrimary: '',
    background: '',
    text: '',
    muted: '',
    border: '',
    field: '',
    fieldText: '',
    error: '',
    focus: '',
    radius: '',
    fontFamily: '',
    fontSize: '',
    spacing: '',
  },
  argTypes: {
    lang: { control: 'inline-radio', options: ['ja', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['page', 'system', 'light', 'dark'] },
    primary: color,
    onPrimary: color,
    background: color,
    text: color,
    muted: color,
    border: color,
    field: color,
    fieldText: color,
    error: color,
    focus: color,
    radius: { control: 'text' },
    fontFamily: { control: 'text' },
    fontSize: { control: 'text' },
    spacing: { control: 'text' },
  },
  render: (a) => {
    const vars = Object.fromEntries(VARS.filter(([k]) => a[k]).map(([k, v]) => [v, String(a[k])]));
    return html`<kessai-checkout
      style=${styleMap(vars)}
      color-scheme=${a.colorScheme}
      endpoint="/story-endpoint/konbini"
      amount="3240"
      methods="konbini pay-easy bank-transfer"
      no-address
    ></kessai-checkout>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The defaults: nothing set. */
export const Defaults: Story = {};
/**
 * A brand-coloured shop (the demo's `?theme=brand`). Fixed colours go with a fixed
 * scheme: `color-scheme="light"` paints the form's own background, so the theme
 * stays readable on a dark page too.
 */
export const Brand: Story = {
  args: {
    colorScheme: 'light',
    background: '#f6f1e7',
    primary: '#2e5e3a',
    onPrimary: '#fffdf7',
    border: '#8c8270',
    field: '#fffdf7',
    fieldText: '#2b2a26',
    muted: '#5c574c',
    focus: '#a8741a',
    radius: '2px',
    fontFamily: 'serif',
  },
};
export const BrandEnglish: Story = { args: { ...Brand.args, lang: 'en' } };
/** The form forced dark, painting its own background, whatever the page. */
export const ForcedDark: Story = { args: { colorScheme: 'dark' } };
/** The form forced light on any page. */
export const ForcedLight: Story = { args: { colorScheme: 'light' } };
