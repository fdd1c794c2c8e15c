import { expect } from '@open-wc/testing';

/** Loads the Shift_JIS shop page (served without charset for the script) in an iframe. */
async function loadSjisPage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = '/test-api/sjis-page';
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const win = frame.contentWindow as Window & typeof globalThis;
  await win.customElements.whenDefined('kessai-contact-fields');
  await (frame.contentDocument!.querySelector('kessai-contact-fields') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return frame;
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
    const labels = Array.from(doc.querySelector('kessai-contact-fields')!.shadowRoot!.querySelectorAll('label'), (l) => l.textContent!.replace('*', '').trim());
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
    const warnings: string[] = [];
    const errors: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a.join(' '));
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
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
  });
});
