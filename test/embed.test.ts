import { expect } from '@open-wc/testing';
import { consoleDuring, loadFrame } from './helpers/dom.js';
import { requestsOf } from './helpers/endpoint-log.js';
import { fillCheckout } from '../stories/support/fill.js';

/** Loads the Shift_JIS shop page (served without charset for the script) in an iframe. */
async function loadSjisPage(): Promise<HTMLIFrameElement> {
  return (await loadFrame('/test-api/sjis-page', 'kessai-contact-fields')).frame;
}

describe('embed bundle (dist/cdn/kessai.js)', () => {
  it('holds no byte above 0x7F and matches its published SRI hash', async () => {
    const bytes = new Uint8Array(await (await fetch('/test-api/cdn/kessai.js')).arrayBuffer());
    expect(bytes.length).to.be.greaterThan(1000);
    expect(bytes.findIndex((b) => b > 0x7f)).to.equal(-1);
    const sri = (await (await fetch('/test-api/cdn/kessai.js.sri')).text()).trim();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    expect(`sha384-${btoa(String.fromCharCode(...digest))}`).to.equal(sri);
  });

  it('shows correct Japanese on a Shift_JIS page that serves it without a charset (loaded with integrity)', async () => {
    const frame = await loadSjisPage();
    const doc = frame.contentDocument!;
    expect(doc.characterSet).to.equal('Shift_JIS');
    expect(doc.title).to.equal('決済テスト');
    const labels = Array.from(doc.querySelector('kessai-contact-fields')!.shadowRoot!.querySelectorAll('label'), (l) => l.textContent!.trim().replace(/\s*(\*|必須|任意|Required|Optional)$/, '').trim());
    expect(labels).to.deep.equal(['メールアドレス', '電話番号']);
    frame.remove();
  });

  it('keeps translated messages with placeholders (str templates) intact on the Shift_JIS page', async () => {
    const frame = await loadSjisPage();
    const doc = frame.contentDocument!;
    const picker = doc.createElement('kessai-konbini-picker');
    picker.setAttribute('amount', '350000');
    doc.body.append(picker);
    await (picker as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const text = (sel: string) => picker.shadowRoot!.querySelector(sel)!.textContent!.trim();
    expect(text('.hint')).to.equal('コンビニ払いは1回のお支払いにつき300,000円までです。');
    expect(text('.error')).to.equal(
      'お支払い金額（350,000円）がコンビニ払いの上限（300,000円）を超えているため、コンビニ払いはご利用いただけません。別のお支払い方法を選んでください。',
    );
    frame.remove();
  });

  it('a second copy on the same page warns and carries on', async () => {
    await consoleDuring('warn', async (warnings) => {
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
      window.addEventListener('error', onError);
      try {
        await import('../src/define/all.js');
        for (let i = 0; i < 2; i++) {
          const s = document.createElement('script');
          s.src = `/test-api/cdn/kessai.js?copy=${i}`;
          await new Promise((r, j) => {
            s.onload = r;
            s.onerror = j;
            document.head.append(s);
          });
        }
        expect(errors).to.deep.equal([]);
        expect(warnings.some((w) => w.includes('<kessai-contact-fields> is already defined'))).to.equal(true);
        const el = document.createElement('kessai-contact-fields');
        document.body.append(el);
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        expect(el.shadowRoot!.querySelectorAll('input')).to.have.length(2);
        el.remove();
      } finally {
        window.removeEventListener('error', onError);
      }
    });
  });
});

/** Loads the English shop page (contact fields and a Konbini picker over its limit) in an iframe. */
async function loadEnglishPage(tampered: boolean) {
  const frame = document.createElement('iframe');
  frame.src = `/test-api/embed-english-page${tampered ? '?tampered=1' : ''}`;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const win = frame.contentWindow as Window & typeof globalThis;
  return consoleDuring(
    'error',
    async (errors) => {
      await win.customElements.whenDefined('kessai-konbini-picker');
      const doc = frame.contentDocument!;
      const contact = doc.querySelector('kessai-contact-fields')!;
      const picker = doc.querySelector('kessai-konbini-picker')!;
      for (let i = 0; i < 400 && !contact.shadowRoot!.querySelector('label'); i++) await new Promise((r) => setTimeout(r, 25));
      await (picker as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const labels = Array.from(contact.shadowRoot!.querySelectorAll('label'), (l) => l.textContent!.trim().replace(/\s*(\*|必須|任意|Required|Optional)$/, '').trim());
      const pickerError = picker.shadowRoot!.querySelector('.error')!.textContent!.trim();
      const requests = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      frame.remove();
      return { labels, pickerError, requests, errors };
    },
    win,
    { passThrough: true },
  );
}

describe('the embed on an English page', () => {
  it('fetches the English messages beside itself once, checked by their integrity, and renders every element in English', async () => {
    const page = await loadEnglishPage(false);
    expect(page.labels).to.deep.equal(['Email address', 'Phone number']);
    expect(page.pickerError).to.contain('¥350,000');
    expect(page.pickerError).not.to.match(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(page.requests.filter((p) => p.endsWith('kessai.en.json'))).to.deep.equal(['/test-api/cdn/kessai.en.json']);
    expect(page.errors).to.deep.equal([]);
  });

  it('refuses an English file that differs from the build: says so and shows Japanese, never the altered text', async () => {
    const page = await loadEnglishPage(true);
    expect(page.labels).to.deep.equal(['メールアドレス', '電話番号']);
    expect(page.pickerError).to.contain('300,000円');
    expect(page.errors.join('\n')).to.contain('English messages could not be loaded');
  });
});

describe('the embed on a shop page', () => {
  it('places a Konbini order and requests nothing but itself, the endpoint and postal data from its own site', async () => {
    const s = Math.random().toString(36).slice(2);
    const { frame, win, el } = await loadFrame(`/test-api/embed-checkout-page?s=${s}`, 'kessai-checkout');
    const checkout = el as HTMLElement & { updateComplete: Promise<unknown>; requestSubmit(): void };
    const until = async (cond: () => boolean) => {
      for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(cond()).to.equal(true);
    };
    // The embed's default postal data is postal/ beside the script: /test-api/cdn/postal/.
    await fillCheckout(checkout, { win, shopper: { givenName: '太郎', givenNameKana: 'タロウ', email: 'taro@example.jp', phone: '0312345678', postalCode: '1000001', line1: '千代田1-1', store: 'ローソン' } });
    checkout.requestSubmit();
    await until(() => !!checkout.shadowRoot!.querySelector('kessai-payment-instructions'));

    const urls = win.performance.getEntriesByType('resource').map((e) => new URL(e.name));
    expect(urls.every((u) => u.origin === location.origin)).to.equal(true);
    const paths = urls.map((u) => u.pathname);
    // The parts a later screen needs (payment instructions, result screens, posting the order and
    // reading its status, with the chunk those share with the wallet QR code: "action") are fetched
    // while the shopper types. Card fields and the QR code itself are not.
    const part = /^\/test-api\/cdn\/kessai-(payment-instructions|result-view|ordering|action)-[\w-]+\.js$/;
    expect(paths.filter((p) => !['/test-api/cdn/kessai.js', '/test-api/endpoint/konbini', '/test-api/cdn/postal/100.json'].includes(p) && !part.test(p))).to.deep.equal([]);
    expect(checkout.shadowRoot!.querySelector('kessai-payment-instructions')!.shadowRoot!.textContent).to.match(/\d{4}/);
    expect(paths).to.include('/test-api/endpoint/konbini');
    frame.remove();
  });

  it('when the part that posts orders cannot be loaded, says so (a retryable error), keeps every value, and sends nothing', async () => {
    const s = Math.random().toString(36).slice(2);
    const { frame, win, el } = await loadFrame(`/test-api/embed-checkout-page?s=${s}&tampered=1`, 'kessai-checkout');
    const checkout = el as HTMLElement & { updateComplete: Promise<unknown>; requestSubmit(): void };
    await consoleDuring(
      'error',
      async (errors) => {
        await fillCheckout(checkout, { win, shopper: { givenName: '太郎', givenNameKana: 'タロウ', email: 'taro@example.jp', phone: '0312345678', postalCode: '1000001', line1: '千代田1-1', store: 'ローソン' } });
        const seen: string[] = [];
        for (const type of ['kessai-submit', 'kessai-error']) {
          checkout.addEventListener(type, (e) => {
            const d = (e as CustomEvent<{ code?: string; retryable?: boolean }>).detail;
            seen.push(type === 'kessai-error' ? `${type} ${d.code} retryable=${d.retryable}` : type);
          });
        }
        checkout.requestSubmit();
        const alert = () => checkout.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
        for (let i = 0; i < 800 && !alert().includes('読み込めませんでした'); i++) await new Promise((r) => setTimeout(r, 25));
        expect(alert(), `events: ${seen.join(', ')}; errors: ${errors.join(' | ')}`).to.contain('読み込めませんでした');
        expect(seen).to.deep.equal(['kessai-submit', 'kessai-error load_failed retryable=true']);
        expect(await requestsOf(s)).to.deep.equal([]);
        const contact = checkout.shadowRoot!.querySelector('kessai-contact-fields')!;
        expect((contact.shadowRoot!.querySelector('input[type="email"]') as HTMLInputElement).value).to.equal('taro@example.jp');
        expect(errors.some((e) => e.includes('could not be loaded'))).to.equal(true);
        frame.remove();
      },
      win,
    );
  });
});

describe('parts of the embed loaded on demand', () => {
  async function loadPartsPage(tampered: boolean) {
    const frame = document.createElement('iframe');
    frame.src = `/test-api/embed-parts-page${tampered ? '?tampered=1' : ''}`;
    frame.style.width = '800px';
    frame.style.height = '900px';
    const errors: string[] = [];
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const win = frame.contentWindow as Window & typeof globalThis;
    win.console.error = (...a: unknown[]) => errors.push(a.map(String).join(' '));
    await win.customElements.whenDefined('kessai-checkout');
    const checkout = frame.contentDocument!.querySelector('kessai-checkout') as HTMLElement & { updateComplete: Promise<unknown>; requestSubmit(): void };
    return { frame, win, checkout, errors, doc: frame.contentDocument! };
  }
  const until = async (what: string, cond: () => boolean) => {
    for (let i = 0; i < 800 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(cond(), what).to.equal(true);
  };

  it('defines the card fields and the page’s own payment instructions under a CSP nonce and Trusted Types, each part checked by its integrity', async () => {
    const { frame, win, checkout, doc } = await loadPartsPage(false);
    // The first screen is there at once; the card fields come as a part.
    await until('card number field', () => !!checkout.shadowRoot!.querySelector('kessai-card-fields')?.shadowRoot?.querySelector('input[autocomplete="cc-number"]'));
    const own = doc.querySelector('kessai-payment-instructions')!;
    await win.customElements.whenDefined('kessai-payment-instructions');
    await (own as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(own.shadowRoot!.textContent).to.contain('12345');
    expect(own.shadowRoot!.textContent).to.contain('6789');
    const parts = win.performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/test-api/cdn/kessai-'));
    // Card fields and the page's payment instructions, and (once the page is idle) what the checkout
    // prefetches for after the order: nothing else, no wallet QR code.
    const names = new Set(parts.map((p) => p.replace(/^\/test-api\/cdn\/kessai-/, '').replace(/-[\w-]{8}\.js$/, '')));
    expect([...names].filter((n) => !['card-fields', 'payment-instructions', 'ordering', 'action', 'result-view'].includes(n))).to.deep.equal([]);
    expect(names.has('card-fields') && names.has('payment-instructions')).to.equal(true);
    // The loader's script elements are gone once their part ran.
    expect(doc.querySelectorAll('script').length).to.equal(2);
    frame.remove();
  });

  it('loads the part for a tag of its own the page adds once it has loaded (a <kessai-wallet-qr>), and only then', async () => {
    const { frame, win, doc } = await loadPartsPage(false);
    await win.customElements.whenDefined('kessai-payment-instructions');
    expect(win.customElements.get('kessai-wallet-qr')).to.equal(undefined);
    const qr = doc.createElement('kessai-wallet-qr'); // the page enforces Trusted Types: no markup
    doc.body.append(qr);
    await until('kessai-wallet-qr defined', () => !!win.customElements.get('kessai-wallet-qr'));
    await until('its shadow root', () => !!qr.shadowRoot);
    frame.remove();
  });

  it('a part that fails its integrity check runs nothing: the checkout says so, offers to try again, and does not send the order', async () => {
    const { frame, win, checkout, doc, errors } = await loadPartsPage(true);
    await until('the notice', () => !!checkout.shadowRoot!.querySelector('.unloaded'));
    const notice = checkout.shadowRoot!.querySelector('.unloaded')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('読み込めませんでした');
    expect(notice.querySelector('button')!.textContent!.trim()).to.equal('もう一度試す');
    expect(win.customElements.get('kessai-card-fields')).to.equal(undefined);
    expect(win.customElements.get('kessai-payment-instructions')).to.equal(undefined);
    expect(doc.querySelector('kessai-payment-instructions')!.shadowRoot).to.equal(null);
    let sent = false;
    checkout.addEventListener('kessai-submit', () => (sent = true));
    checkout.requestSubmit();
    await until('the alert', () => checkout.shadowRoot!.querySelector('.alert')!.textContent!.includes('読み込めませんでした'));
    expect(sent).to.equal(false);
    (notice.querySelector('button') as HTMLButtonElement).click(); // tries again: the changed file is refused again
    await until('a second refusal', () => errors.filter((e) => e.includes('could not be loaded')).length >= 2);
    expect(win.customElements.get('kessai-card-fields')).to.equal(undefined);
    frame.remove();
  });
});
