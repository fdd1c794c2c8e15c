/** Storybook only: fills a checkout the way a shopper would (typing into the labelled inputs). */
type Updatable = Element & { updateComplete?: Promise<unknown> };

function input(host: Element, label: string): HTMLInputElement {
  const root = host.shadowRoot!;
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent!.replace('*', '').trim() === label)!;
  return root.getElementById(l.htmlFor) as HTMLInputElement;
}

function type(host: Element, label: string, text: string): void {
  const el = input(host, label);
  el.value = text;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

export async function fillCheckout(checkout: Updatable, en = false): Promise<void> {
  await checkout.updateComplete;
  const part = (tag: string) => checkout.shadowRoot!.querySelector(tag) as Updatable;
  await Promise.all(['kessai-name-fields', 'kessai-contact-fields'].map((t) => part(t)?.updateComplete));
  const L = en
    ? { f: 'Family name', g: 'Given name', fk: 'Family name (katakana)', gk: 'Given name (katakana)', e: 'Email address', p: 'Phone number' }
    : { f: '姓', g: '名', fk: 'セイ', gk: 'メイ', e: 'メールアドレス', p: '電話番号' };
  type(part('kessai-name-fields'), L.f, '山田');
  type(part('kessai-name-fields'), L.g, '花子');
  type(part('kessai-name-fields'), L.fk, 'ヤマダ');
  type(part('kessai-name-fields'), L.gk, 'ハナコ');
  type(part('kessai-contact-fields'), L.e, 'hanako@example.jp');
  type(part('kessai-contact-fields'), L.p, '080-1234-5678');
  await new Promise((r) => setTimeout(r, 50));
}
