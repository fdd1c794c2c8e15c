import { expect } from '@open-wc/testing';
import { settle, until } from './helpers/dom.js';
import { fillCheckout } from '../stories/support/fill.js';
import type { KessaiCheckout } from '../src/components/checkout/checkout.js';

// kessai mounted from React 19 (kessai/react wrappers) and from Vue 3 (plain
// custom elements), receiving kessai's events through each framework.

const session = () => Math.random().toString(36).slice(2);


async function fillAndSubmit(el: KessaiCheckout) {
  await settle(el);
  await fillCheckout(el, { shopper: { givenName: '太郎', givenNameKana: 'タロウ', email: 'taro@example.jp', phone: '0312345678' } });
  await settle(el);
  el.requestSubmit();
}

describe('kessai in React and Vue', () => {
  it('React: props reach the element as properties and onKessai… handlers receive the events', async () => {
    const { mount } = (await import(/* @vite-ignore */ '/__bundles/react-app.js' as string)) as { mount: (c: HTMLElement, endpoint: string) => () => void };
    const container = document.createElement('div');
    document.body.append(container);
    const unmount = mount(container, `/test-api/endpoint/ok?s=${session()}`);
    try {
      await until(() => !!container.querySelector('kessai-checkout'));
      const el = container.querySelector('kessai-checkout') as KessaiCheckout;
      expect(el.amount).to.equal(1980);
      expect(el.noAddress).to.equal(true);
      await fillAndSubmit(el);
      await until(() => container.querySelector('output')!.textContent === 'success:succeeded');
    } finally {
      unmount();
      container.remove();
    }
  });

  it('React: an error event reaches onKessaiError', async () => {
    const { mount } = (await import(/* @vite-ignore */ '/__bundles/react-app.js' as string)) as { mount: (c: HTMLElement, endpoint: string) => () => void };
    const container = document.createElement('div');
    document.body.append(container);
    const unmount = mount(container, `/test-api/endpoint/declined?s=${session()}`);
    try {
      await until(() => !!container.querySelector('kessai-checkout'));
      await fillAndSubmit(container.querySelector('kessai-checkout') as KessaiCheckout);
      await until(() => container.querySelector('output')!.textContent === 'error:card_declined');
    } finally {
      unmount();
      container.remove();
    }
  });

  it('Vue: kessai tags are custom elements, attributes and @kessai-success work', async () => {
    await import('../src/define/all.js');
    const { createApp, ref } = (await import('vue/dist/vue.esm-browser.prod.js' as string)) as typeof import('vue');
    const container = document.createElement('div');
    document.body.append(container);
    const endpoint = `/test-api/endpoint/ok?s=${session()}`;
    const app = createApp({
      setup() {
        const status = ref('');
        return { status, endpoint, onSuccess: (e: CustomEvent) => (status.value = `success:${e.detail.response.status}`) };
      },
      template: `<kessai-checkout :endpoint="endpoint" amount="2480" reference="cart_vue" methods="bank-transfer" no-address @kessai-success="onSuccess"></kessai-checkout><output>{{ status }}</output>`,
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('kessai-');
    app.mount(container);
    try {
      const el = container.querySelector('kessai-checkout') as KessaiCheckout;
      await settle(el);
      expect(el.amount).to.equal(2480);
      expect(el.shadowRoot!.textContent).to.contain('銀行振込');
      await fillAndSubmit(el);
      await until(() => container.querySelector('output')!.textContent === 'success:succeeded');
    } finally {
      app.unmount();
      container.remove();
    }
  });
});
