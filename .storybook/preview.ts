import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/define/all.js';

setCustomElementsManifest(manifest);

// The shop page a story sits on: kessai elements match the page behind them.
const PAGES: Record<string, string> = {
  light: 'background: #fff; color: #1f1f1f',
  dark: 'color-scheme: dark; background: #121212; color: #e8e8e8',
};

/**
 * Puts every story wrapper on the given page and tells the elements to look again
 * (as a merchant whose page switches theme calls `readPageScheme()`). The visual
 * check uses it to see a story on a dark page without loading it again.
 */
function setPage(page: 'light' | 'dark'): void {
  for (const wrapper of document.querySelectorAll<HTMLElement>('[data-page]')) {
    wrapper.dataset.page = page;
    wrapper.setAttribute('style', `padding: 1rem; ${PAGES[page]}`);
  }
  for (const el of document.querySelectorAll<Element & { readPageScheme?: () => void }>('[data-page] *')) el.readPageScheme?.();
}
(globalThis as { __kessaiSetPage?: typeof setPage }).__kessaiSetPage = setPage;

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the kessai elements',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'ja', title: '日本語' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    page: {
      description: 'The shop page behind the elements',
      toolbar: {
        title: 'Page',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light page' },
          { value: 'dark', title: 'Dark page' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'ja', page: 'light' },
  decorators: [
    (story, context) => {
      const page = context.globals.page === 'dark' ? 'dark' : 'light';
      return html`<div data-page=${page} style="padding: 1rem; ${PAGES[page]}">
        <div lang=${context.args.lang ?? context.globals.locale ?? 'ja'} style="max-width: 32rem">${story()}</div>
      </div>`;
    },
  ],
  parameters: { controls: { expanded: true }, layout: 'fullscreen' },
};
export default preview;
