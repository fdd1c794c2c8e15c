/** Storybook only: fills a checkout the way a shopper would (typing into the labelled inputs). */
type Updatable = Element & { updateComplete?: Promise<unknown> };

function input(host: Element, label: string): HTMLInputElement {
  const root = host.shadowRoot!;
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent!.trim().replace(/\s*(\*|必須|任意|Required|Optional)$/, '').trim() === label)!;
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
  // An address as the lookup would fill it (no postal data in Storybook), and a chain when Konbini is shown.
  const address = part('kessai-address-fields') as (Updatable & { value: unknown }) | null;
  if (address) address.value = { postalCode: '1000001', prefectureCode: '13', city: '千代田区', line1: '千代田1-1', line2: '' };
  const chain = part('kessai-konbini-picker')?.shadowRoot?.querySelector<HTMLElement>('#store-lawson');
  chain?.click();
  await new Promise((r) => setTimeout(r, 50));
}

/** Types a test card into the card fields (the story's tokenizer turns it into a token). */
export async function fillCard(checkout: Updatable, en = false): Promise<void> {
  const card = checkout.shadowRoot!.querySelector('kessai-card-fields') as Updatable;
  await card.updateComplete;
  const L = en
    ? { n: 'Card number', e: 'Expiry date', c: 'Security code', h: 'Cardholder name' }
    : { n: 'カード番号', e: '有効期限', c: 'セキュリティコード', h: '名義' };
  type(card, L.n, '4242424242424242');
  type(card, L.e, '12/30');
  type(card, L.c, '123');
  type(card, L.h, 'HANAKO YAMADA');
  await new Promise((r) => setTimeout(r, 50));
}
