/** Test helpers: find inner inputs by their accessible (visible) label. */
export function inputByLabel(host: Element, label: string): HTMLInputElement | HTMLSelectElement {
  const root = host.shadowRoot!;
  const labelEl = Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.trim().replace(/\s*(\*|必須|任意|Required|Optional)$/, '').trim() === label);
  if (!labelEl) throw new Error(`no label "${label}" in <${host.localName}>`);
  const input = root.getElementById(labelEl.htmlFor) as HTMLInputElement | HTMLSelectElement | null;
  if (!input) throw new Error(`label "${label}" points to nothing`);
  return input;
}

/** The text of the error linked to an input through aria-describedby. */
export function errorOf(input: Element): string {
  const root = input.getRootNode() as ShadowRoot;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
  return ids
    .map((id) => root.getElementById(id))
    .filter((el) => el?.classList.contains('error'))
    .map((el) => el!.textContent!.trim())
    .join(' ');
}

/** Types `text` the way a browser does when the user types (input events, no IME). */
export function typeInto(input: HTMLInputElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

export function blur(input: HTMLElement): void {
  input.dispatchEvent(new FocusEvent('blur'));
  input.blur();
}

/** Resolves once `el` and its nested kessai elements finished rendering. */
export async function settle(el: Element & { updateComplete?: Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    const nested = Array.from(el.shadowRoot?.querySelectorAll('*') ?? []).filter((n) => n.localName.startsWith('kessai-')) as Array<Element & { updateComplete?: Promise<unknown> }>;
    await Promise.all(nested.map((n) => n.updateComplete));
  }
}

/** Polls `cond` until true; after `ms` fails, saying what `shown` returns (what the shopper saw then). */
export async function until(cond: () => boolean | Promise<boolean>, ms = 20_000, shown?: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(shown ? `condition not met in time; ${shown()}` : 'condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Runs `fn` with `target.console[kind]` captured (not printed, unless `passThrough`); `lines` fills as it runs (one string per call,
 * arguments joined by spaces). Restores the console afterwards, whatever happens.
 */
export async function consoleDuring<T>(
  kind: 'warn' | 'error' | 'log',
  fn: (lines: string[]) => T | Promise<T>,
  target: { console: Console } = window,
  { passThrough = false }: { passThrough?: boolean } = {},
): Promise<T> {
  const lines: string[] = [];
  const original = target.console[kind];
  target.console[kind] = (...a: unknown[]) => {
    lines.push(a.map(String).join(' '));
    if (passThrough) original.apply(target.console, a);
  };
  try {
    return await fn(lines);
  } finally {
    target.console[kind] = original;
  }
}

/** Loads `src` in an iframe and waits until `tag` is defined there and has rendered; returns the frame, its window and the first `tag`. */
export async function loadFrame<E extends HTMLElement = HTMLElement>(src: string, tag: string): Promise<{ frame: HTMLIFrameElement; win: Window & typeof globalThis; el: E }> {
  const frame = document.createElement('iframe');
  frame.src = src;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const win = frame.contentWindow as Window & typeof globalThis;
  await win.customElements.whenDefined(tag);
  const el = frame.contentDocument!.querySelector(tag) as E;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { frame, win, el };
}

/** Types `text` into `input`, leaves it, and waits for `host` to render: returns the error then shown and what the input holds. */
export async function typeAndLeave(host: { updateComplete: Promise<unknown> }, input: HTMLInputElement, text: string): Promise<{ error: string; value: string }> {
  typeInto(input, text);
  blur(input);
  await host.updateComplete;
  return { error: errorOf(input), value: input.value };
}

/**
 * A placed order puts `?kessai-order=` into the page's URL (so a reload shows its result); every
 * test page starts the next test without it, or that test's checkout would show the old result.
 */
export function forgetOrderInUrl(): void {
  const u = new URL(location.href);
  if (!u.searchParams.has('kessai-order')) return;
  u.searchParams.delete('kessai-order');
  history.replaceState(history.state, '', u.href);
}
if (typeof afterEach === 'function') afterEach(forgetOrderInUrl);
