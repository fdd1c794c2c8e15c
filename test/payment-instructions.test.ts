import { consoleDuring, until } from './helpers/dom.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/define/payment-instructions.js';
import type { KessaiPaymentInstructions } from '../src/components/payment-instructions/payment-instructions.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const FUTURE = '2036-11-28T23:59:59+09:00';
const PAST = '2020-01-01T00:00:00+09:00';

async function show(instructions: unknown, opts: { lang?: string; orderId?: unknown; amount?: unknown } = {}) {
  const el = await fixture<KessaiPaymentInstructions>(
    html`<kessai-payment-instructions
      lang=${opts.lang ?? 'ja'}
      .instructions=${instructions}
      .orderId=${opts.orderId}
      .amount=${opts.amount}
    ></kessai-payment-instructions>`,
  );
  await el.updateComplete;
  return el;
}

const root = (el: KessaiPaymentInstructions) => el.shadowRoot!;
const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const heading = (el: KessaiPaymentInstructions) => text(root(el).querySelector('h2'));
/** Labels of the numbers list, in order. */
const labels = (el: KessaiPaymentInstructions) => Array.from(root(el).querySelectorAll('.numbers dt'), text);
/** What is shown for the number labelled `label`. */
function shown(el: KessaiPaymentInstructions, label: string): string {
  const dt = Array.from(root(el).querySelectorAll('dt')).find((d) => text(d) === label);
  if (!dt) throw new Error(`no "${label}" in ${JSON.stringify(labels(el))}`);
  const dd = dt.nextElementSibling!;
  return text(dd.querySelector('.value') ?? dd.querySelector('.missing') ?? dd);
}
const steps = (el: KessaiPaymentInstructions) => Array.from(root(el).querySelectorAll('ol li'), text);
const copyButtons = (el: KessaiPaymentInstructions) => Array.from(root(el).querySelectorAll('button'), (b) => b.getAttribute('aria-label'));
const status = (el: KessaiPaymentInstructions) => text(root(el).querySelector('[role="status"]'));
const deadline = (el: KessaiPaymentInstructions) => text(root(el).querySelector('[part="deadline"]'));
const remaining = (el: KessaiPaymentInstructions) => text(root(el).querySelector('[part="remaining"]'));
const link = (el: KessaiPaymentInstructions) => root(el).querySelector('a');

function button(el: KessaiPaymentInstructions, name: string): HTMLButtonElement {
  const b = Array.from(root(el).querySelectorAll('button')).find((x) => x.getAttribute('aria-label') === name);
  if (!b) throw new Error(`no button "${name}" in ${JSON.stringify(copyButtons(el))}`);
  return b;
}

describe('kessai-payment-instructions: chains', () => {
  const chains = [
    {
      store: 'seven-eleven',
      heading: 'セブン-イレブンでのお支払い方法',
      labels: ['払込票番号'],
      step: 'レジで「インターネット支払い」とお伝えください。',
      link: '払込票を表示する（新しいタブで開きます）',
    },
    {
      store: 'familymart',
      heading: 'ファミリーマートでのお支払い方法',
      labels: ['企業コード', '注文番号'],
      step: '店内のマルチコピー機で「代金支払い」を選んでください。',
      link: 'お支払い方法の詳しいご案内（新しいタブで開きます）',
    },
    {
      store: 'lawson',
      heading: 'ローソンでのお支払い方法',
      labels: ['お客様番号', '確認番号'],
      step: '店内のLoppiで「各種番号をお持ちの方」を選んでください。',
      link: 'お支払い方法の詳しいご案内（新しいタブで開きます）',
    },
    {
      store: 'ministop',
      heading: 'ミニストップでのお支払い方法',
      labels: ['お客様番号', '確認番号'],
      step: '店内のLoppiで「各種番号をお持ちの方」を選んでください。',
      link: 'お支払い方法の詳しいご案内（新しいタブで開きます）',
    },
    {
      store: 'daily-yamazaki',
      heading: 'デイリーヤマザキでのお支払い方法',
      labels: ['オンライン決済番号'],
      step: 'レジの画面にオンライン決済番号を入力するか、店員にお伝えください。',
      link: 'お支払い方法の詳しいご案内（新しいタブで開きます）',
    },
    {
      store: 'seicomart',
      heading: 'セイコーマートでのお支払い方法',
      labels: ['オンライン決済番号'],
      step: 'レジで「オンライン決済」とお伝えください。',
      link: 'お支払い方法の詳しいご案内（新しいタブで開きます）',
    },
  ];
  for (const c of chains) {
    it(`${c.store}: ${c.labels.join(' + ')}, the steps at the store, the link, and accessible (axe)`, async () => {
      const el = await show(
        {
          method: 'konbini',
          store: c.store,
          paymentCode: '1234567890123',
          confirmationNumber: c.labels.length > 1 ? '4321' : undefined,
          expiresAt: FUTURE,
          instructionsUrl: `https://psp.example/${c.store}`,
        },
        { orderId: 'A-1001', amount: 3980 },
      );
      expect(heading(el)).to.equal(c.heading);
      expect(labels(el)).to.deep.equal(c.labels);
      expect(shown(el, c.labels[0])).to.equal('1234567890123');
      if (c.labels[1]) expect(shown(el, c.labels[1])).to.equal('4321');
      expect(copyButtons(el)).to.deep.equal(c.labels.map((l) => `${l}をコピー`));
      expect(steps(el)).to.include(c.step);
      expect(steps(el).at(-1)).to.equal('レジで代金をお支払いください。領収書は大切に保管してください。');
      expect(text(link(el))).to.equal(c.link);
      expect(link(el)!.getAttribute('href')).to.equal(`https://psp.example/${c.store}`);
      expect(link(el)!.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(shown(el, 'ショップのご注文番号')).to.equal('A-1001');
      expect(shown(el, 'お支払い金額')).to.equal('3,980円');
      expect(root(el).querySelector('.panel')!.classList.contains(c.store)).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('a confirmation number sent for a chain that does not need one is still shown, as 確認番号', async () => {
    const el = await show({ method: 'konbini', store: 'seven-eleven', paymentCode: '1234567890123', confirmationNumber: '99', expiresAt: FUTURE });
    expect(labels(el)).to.deep.equal(['払込票番号', '確認番号']);
  });

  it('shows English labels and steps with lang="en"', async () => {
    const el = await show(
      { method: 'konbini', store: 'familymart', paymentCode: '12345', confirmationNumber: '123456789012', expiresAt: FUTURE },
      { lang: 'en', amount: 3980 },
    );
    expect(heading(el)).to.equal('How to pay at FamilyMart');
    expect(labels(el)).to.deep.equal(['Company code', 'Order number']);
    expect(steps(el)[0]).to.equal('On the multi-copy machine (マルチコピー機) in the store, choose 代金支払い (bill payment).');
    expect(shown(el, 'Amount to pay')).to.equal('¥3,980');
    expect(copyButtons(el)).to.deep.equal(['Copy Company code', 'Copy Order number']);
    await expect(el).to.be.accessible();
  });
});

describe('kessai-payment-instructions: Pay-easy and bank transfer', () => {
  it('Pay-easy: 収納機関番号, お客様番号, 確認番号 and the ATM / online banking steps', async () => {
    const el = await show({ method: 'pay-easy', institutionNumber: '58191', customerNumber: '12345678901', confirmationNumber: '1234', expiresAt: FUTURE });
    expect(heading(el)).to.equal('ペイジーでのお支払い方法');
    expect(labels(el)).to.deep.equal(['収納機関番号', 'お客様番号', '確認番号']);
    expect(['58191', '12345678901', '1234']).to.deep.equal(labels(el).map((l) => shown(el, l)));
    expect(copyButtons(el)).to.have.length(3);
    expect(steps(el)[0]).to.equal('ペイジーマークのあるATMでは「税金・料金払込み」を、インターネットバンキングでは「ペイジー」を選んでください。');
    await expect(el).to.be.accessible();
  });

  it('bank transfer: bank, branch, 普通 / 当座, number and holder, with copy buttons for number and holder', async () => {
    const el = await show({
      method: 'bank-transfer',
      bankName: 'みずほ銀行',
      branchName: '東京営業部',
      accountType: 'ordinary',
      accountNumber: '1234567',
      accountHolder: 'ｶ)ｹｯｻｲｼｮｳｶｲ',
      expiresAt: FUTURE,
    });
    expect(heading(el)).to.equal('銀行振込でのお支払い方法');
    expect(labels(el)).to.deep.equal(['金融機関', '支店', '口座種別', '口座番号', '口座名義']);
    expect(labels(el).map((l) => shown(el, l))).to.deep.equal(['みずほ銀行', '東京営業部', '普通', '1234567', 'ｶ)ｹｯｻｲｼｮｳｶｲ']);
    expect(copyButtons(el)).to.deep.equal(['口座番号をコピー', '口座名義をコピー']);
    expect(text(root(el).querySelector('.intro'))).to.equal('お支払い期限までに、下記の口座へお振り込みください。');
    await expect(el).to.be.accessible();
    el.instructions = { method: 'bank-transfer', accountType: '当座', accountNumber: '7654321' };
    await el.updateComplete;
    expect(shown(el, '口座種別')).to.equal('当座');
  });

  it('bank transfer in English', async () => {
    const el = await show({ method: 'bank-transfer', bankName: 'Mizuho', branchName: 'Tokyo', accountType: '当座', accountNumber: '1', accountHolder: 'ｹｯｻｲ', expiresAt: FUTURE }, { lang: 'en' });
    expect(heading(el)).to.equal('How to pay by bank transfer');
    expect(shown(el, 'Account type')).to.equal('Current (当座)');
  });
});

describe('kessai-payment-instructions: deadline in Japan time', () => {
  it('the browser is not on Japan time (so the conversion below is real)', () => {
    expect(new Date().getTimezoneOffset()).not.to.equal(-540);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.to.equal('Asia/Tokyo');
  });

  it('2026-11-28T23:59:59+09:00 is shown as 23:59 on 11月28日 (土), Japan time', async () => {
    const el = await show({ method: 'konbini', store: 'lawson', paymentCode: '1', confirmationNumber: '2', expiresAt: '2026-11-28T23:59:59+09:00' });
    // Before the deadline it reads 「…まで（日本時間）」; once past, the same moment without まで.
    expect(deadline(el)).to.match(/^2026年11月28日\(土\) 23:59(まで)?（日本時間）$/);
  });

  it('shows a future deadline with まで, and a UTC deadline on the Japanese date it falls on', async () => {
    const el = await show({ method: 'konbini', store: 'lawson', paymentCode: '1', confirmationNumber: '2', expiresAt: FUTURE });
    expect(deadline(el)).to.equal('2036年11月28日(金) 23:59まで（日本時間）');
    // 15:30 UTC on the 28th is 07:30 on the 28th in Los Angeles but 00:30 on the 29th in Japan.
    el.instructions = { method: 'konbini', store: 'lawson', paymentCode: '1', confirmationNumber: '2', expiresAt: '2036-11-28T15:30:00Z' };
    await el.updateComplete;
    expect(deadline(el)).to.equal('2036年11月29日(土) 00:30まで（日本時間）');
    expect(new Date('2036-11-28T15:30:00Z').getDate()).to.equal(28);
  });

  it('reads a deadline without an offset as Japan time, not the visitor’s', async () => {
    const el = await show({ method: 'pay-easy', institutionNumber: '1', customerNumber: '2', confirmationNumber: '3', expiresAt: '2036-11-28T23:59:59' });
    expect(deadline(el)).to.equal('2036年11月28日(金) 23:59まで（日本時間）');
  });

  it('English: the same moment, in Japan time', async () => {
    const el = await show({ method: 'konbini', store: 'lawson', paymentCode: '1', confirmationNumber: '2', expiresAt: FUTURE }, { lang: 'en' });
    expect(deadline(el)).to.equal('By Fri 28 Nov 2036, 23:59 (Japan time)');
  });

  it('shows the time left: 残り 2日 5時間 / 2 days 5 hours left', async () => {
    const expiresAt = new Date(Date.now() + 2 * DAY + 5 * HOUR + 30 * MIN).toISOString();
    const el = await show({ method: 'konbini', store: 'seicomart', paymentCode: '1', expiresAt });
    expect(remaining(el)).to.equal('残り 2日 5時間');
    el.lang = 'en';
    await new Promise((r) => setTimeout(r)); // the lang observer runs after the attribute change
    await el.updateComplete;
    expect(remaining(el)).to.equal('2 days 5 hours left');
  });

  it('an expired deadline says so and no longer shows numbers, copy buttons, steps or link (axe)', async () => {
    const el = await show(
      { method: 'konbini', store: 'seven-eleven', paymentCode: '1234567890123', expiresAt: PAST, instructionsUrl: 'https://psp.example/slip' },
      { orderId: 'A-1' },
    );
    const notice = root(el).querySelector('[part="expired"]');
    expect(text(notice)).to.equal(
      'お支払い期限を過ぎています。 このご案内の番号ではお支払いいただけません。もう一度ご注文いただくか、ショップにお問い合わせください。',
    );
    expect(deadline(el)).to.equal('2020年1月1日(水) 00:00（日本時間）');
    expect(root(el).querySelector('.numbers')).to.equal(null);
    expect(root(el).querySelectorAll('button')).to.have.length(0);
    expect(steps(el)).to.deep.equal([]);
    expect(link(el)).to.equal(null);
    expect(text(root(el)).includes('1234567890123')).to.equal(false);
    expect(shown(el, 'ショップのご注文番号')).to.equal('A-1');
    await expect(el).to.be.accessible();
  });

  it('expired in English', async () => {
    const el = await show({ method: 'pay-easy', institutionNumber: '1', customerNumber: '2', confirmationNumber: '3', expiresAt: PAST }, { lang: 'en' });
    expect(text(root(el).querySelector('.expired-title'))).to.equal('The payment deadline has passed.');
  });

  it('turns to expired by itself when the deadline passes while the page is open', async () => {
    const expiresAt = new Date(Date.now() + 5000).toISOString();
    const el = await show({ method: 'konbini', store: 'lawson', paymentCode: '1', confirmationNumber: '2', expiresAt });
    expect(remaining(el)).to.equal('残り 1分未満');
    expect(root(el).querySelector('[part="expired"]')).to.equal(null);
    await until(() => root(el).querySelector('[part="expired"]') !== null);
    expect(root(el).querySelectorAll('button')).to.have.length(0);
  });

  it('stops its timer when removed from the page', async () => {
    const started: unknown[] = [];
    const cleared: unknown[] = [];
    const { setInterval: si, clearInterval: ci } = window;
    window.setInterval = ((fn: TimerHandler, ms?: number) => {
      const id = si(fn, ms);
      started.push(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      cleared.push(id);
      ci(id);
    }) as typeof window.clearInterval;
    try {
      const el = await show({ method: 'konbini', store: 'lawson', paymentCode: '1', confirmationNumber: '2', expiresAt: FUTURE });
      expect(started).to.have.length(1);
      el.remove();
      expect(cleared).to.include(started[0]);
      document.body.append(el);
      await el.updateComplete;
      expect(started).to.have.length(2);
      el.remove();
      expect(cleared).to.include(started[1]);
    } finally {
      window.setInterval = si;
      window.clearInterval = ci;
    }
  });

  it('a malformed or missing deadline is explained, and the numbers stay usable', async () => {
    for (const expiresAt of ['next Friday', '2026-02-30T12:00:00+09:00', 1795877999000, undefined]) {
      const el = await show({ method: 'konbini', store: 'lawson', paymentCode: '123', confirmationNumber: '45', expiresAt });
      expect(text(root(el).querySelector('.summary .muted'))).to.equal('お支払い期限を表示できませんでした。ご注文確認メールでご確認ください。');
      expect(shown(el, 'お客様番号')).to.equal('123');
      expect(copyButtons(el)).to.have.length(2);
    }
  });
});

describe('kessai-payment-instructions: copy buttons', () => {
  let pasteTarget: HTMLTextAreaElement;
  beforeEach(() => {
    pasteTarget = document.createElement('textarea');
    pasteTarget.setAttribute('aria-label', 'paste here');
    document.body.append(pasteTarget);
  });
  afterEach(() => pasteTarget.remove());

  async function pasteWithKeyboard(): Promise<string> {
    pasteTarget.value = '';
    pasteTarget.focus();
    await executeServerCommand('key-chord', { keys: ['Control', 'v'] });
    await until(() => pasteTarget.value !== '', 2000).catch(() => undefined);
    return pasteTarget.value;
  }

  it('copies the number (Enter on the button), announces it in a live region, and the number pastes back', async () => {
    const el = await show({ method: 'konbini', store: 'seven-eleven', paymentCode: '1234\u202E567890123', expiresAt: FUTURE });
    expect(shown(el, '払込票番号')).to.equal('1234567890123');
    const live = root(el).querySelector('[role="status"]')!;
    expect(live.textContent!.trim()).to.equal('');
    button(el, '払込票番号をコピー').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) !== '');
    expect(status(el)).to.equal('払込票番号をコピーしました。');
    expect(await pasteWithKeyboard()).to.equal('1234567890123');
  });

  it('announces a second copy of the same kind again (the live region is emptied in between)', async () => {
    const el = await show({ method: 'pay-easy', institutionNumber: '58191', customerNumber: '12345678901', confirmationNumber: '1234', expiresAt: FUTURE });
    const live = root(el).querySelector('[role="status"]')!;
    const seen: string[] = [];
    const obs = new MutationObserver(() => seen.push(text(live)));
    obs.observe(live, { childList: true, characterData: true, subtree: true });
    for (let i = 0; i < 2; i++) {
      button(el, '確認番号をコピー').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => seen.filter((s) => s === '確認番号をコピーしました。').length === i + 1);
    }
    obs.disconnect();
    expect(seen.filter((s) => s === '')).to.have.length.at.least(1);
    expect(await pasteWithKeyboard()).to.equal('1234');
  });

  it('copies the account holder in English', async () => {
    const el = await show({ method: 'bank-transfer', bankName: 'Mizuho', branchName: 'Tokyo', accountType: 'ordinary', accountNumber: '1234567', accountHolder: 'ｹｯｻｲ', expiresAt: FUTURE }, { lang: 'en' });
    button(el, 'Copy Account holder').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => status(el) !== '');
    expect(status(el)).to.equal('Account holder copied.');
    expect(await pasteWithKeyboard()).to.equal('ｹｯｻｲ');
  });

  it('without a clipboard API (insecure page, old browser) says so and selects the number for copying by hand', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      const el = await show({ method: 'konbini', store: 'lawson', paymentCode: 'LW123', confirmationNumber: '4321', expiresAt: FUTURE });
      button(el, 'お客様番号をコピー').click();
      await until(() => status(el) !== '');
      expect(status(el)).to.equal('コピーできませんでした。お客様番号を選択してコピーするか、書き留めてください。');
      expect(window.getSelection()!.toString()).to.equal('LW123');
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      window.getSelection()!.removeAllRanges();
    }
    expect(navigator.clipboard).to.exist;
  });

  it('when the browser refuses the clipboard (permission denied) it shows the same fallback', async () => {
    const clip = navigator.clipboard;
    Object.defineProperty(clip, 'writeText', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')), configurable: true });
    try {
      const el = await show({ method: 'konbini', store: 'familymart', paymentCode: '12345', confirmationNumber: '999', expiresAt: FUTURE }, { lang: 'en' });
      button(el, 'Copy Order number').click();
      await until(() => status(el) !== '');
      expect(status(el)).to.equal('Could not copy. Select the Order number and copy it, or write it down.');
    } finally {
      delete (clip as unknown as Record<string, unknown>).writeText;
      window.getSelection()!.removeAllRanges();
    }
  });
});

describe('kessai-payment-instructions: links and print', () => {
  const refused = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://psp.example/slip', '//psp.example/x', 'https://user:pw@psp.example/', 42];
  for (const url of refused) {
    it(`drops a link that is not plain https: ${String(url).slice(0, 40)}`, async () => {
      const el = await show({ method: 'konbini', store: 'seven-eleven', paymentCode: '1', expiresAt: FUTURE, instructionsUrl: url });
      expect(link(el)).to.equal(null);
      expect(root(el).querySelectorAll('[href]')).to.have.length(0);
    });
  }

  it('the print layout hides the copy buttons and the status line (Chromium: print media emulated; Firefox and WebKit drivers cannot emulate print, so the @media print rules are applied as a screen sheet)', async () => {
    const el = await show({ method: 'konbini', store: 'lawson', paymentCode: '1', confirmationNumber: '2', expiresAt: FUTURE, instructionsUrl: 'https://psp.example/' });
    const b = root(el).querySelector('button')!;
    const live = root(el).querySelector('[role="status"]')!;
    expect(getComputedStyle(b).display).not.to.equal('none');
    // Only Chromium's driver (CDP) can emulate print media.
    const emulated = /Chrome\//.test(navigator.userAgent);
    if (emulated) {
      await emulateMedia({ media: 'print' });
      expect(matchMedia('print').matches).to.equal(true);
    }
    const sheet = new CSSStyleSheet();
    try {
      if (!emulated) {
        // The element's own @media print rules, applied as they are, for the screen.
        const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((s) => Array.from(s.cssRules));
        const print = rules.filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.media.mediaText === 'print');
        expect(print).to.have.length(1);
        sheet.replaceSync(Array.from(print[0].cssRules, (r) => r.cssText).join('\n'));
        el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
      }
      expect(getComputedStyle(b).display).to.equal('none');
      expect(getComputedStyle(live).display).to.equal('none');
      // The printed link shows its address (Firefox reports the unresolved attr()).
      expect(getComputedStyle(link(el)!, '::after').content).to.match(/https:\/\/psp\.example\/|attr\(href\)/);
    } finally {
      if (emulated) await emulateMedia({ media: 'screen' });
      el.shadowRoot!.adoptedStyleSheets = el.shadowRoot!.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});

describe('kessai-payment-instructions: bad input', () => {
  const unreadable: Array<[string, unknown]> = [
    ['null', null],
    ['a string', '<b>konbini</b>'],
    ['an array', [{ method: 'konbini', store: 'lawson' }]],
    ['a number', 42],
    ['an unknown method', { method: 'paypay', paymentCode: '1' }],
  ];
  for (const [name, input] of unreadable) {
    it(`${name}: a readable fallback (axe)`, async () => {
      await consoleDuring('warn', async () => {
        const el = await show(input, { orderId: 'A-1', amount: 500 });
        expect(heading(el)).to.equal('お支払いのご案内');
        expect(text(root(el).querySelector('section > p'))).to.equal(
          'お支払い方法のご案内を表示できませんでした。ご注文確認メールをご確認いただくか、ショップにお問い合わせください。',
        );
        expect(shown(el, 'ショップのご注文番号')).to.equal('A-1');
        expect(root(el).querySelector('b')).to.equal(null);
        await expect(el).to.be.accessible();
      });
    });
  }

  it('an unknown chain: generic heading, お支払い番号 and generic steps, grey band', async () => {
    const el = await show({ method: 'konbini', store: 'circle-k', paymentCode: 'CK-1', expiresAt: FUTURE });
    expect(heading(el)).to.equal('コンビニでのお支払い方法');
    expect(labels(el)).to.deep.equal(['お支払い番号']);
    expect(steps(el)[0]).to.equal('ご注文確認メールのご案内に従うか、レジで店員にお尋ねください。');
    expect(root(el).querySelector('.panel')!.classList.contains('unknown-chain')).to.equal(true);
    expect(text(root(el)).includes('circle-k')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('missing, wrong-typed and huge numbers show as not available, with a note, and no copy button', async () => {
    const el = await show({ method: 'konbini', store: 'familymart', paymentCode: 12345, confirmationNumber: '9'.repeat(10_000), expiresAt: FUTURE });
    expect(shown(el, '企業コード')).to.equal('表示できません');
    expect(shown(el, '注文番号')).to.equal('表示できません');
    expect(copyButtons(el)).to.deep.equal([]);
    expect(text(root(el).querySelector('.note'))).to.equal('表示できない項目は、ご注文確認メールでご確認いただくか、ショップにお問い合わせください。');
    await expect(el).to.be.accessible();
    el.instructions = { method: 'bank-transfer', bankName: { name: 'x' }, accountType: ['普通'], accountHolder: 'ｱ'.repeat(500) };
    await el.updateComplete;
    expect(labels(el).map((l) => shown(el, l))).to.deep.equal(['表示できません', '表示できません', '表示できません', '表示できません', '表示できません']);
  });

  it('markup and U+202E in values are shown as plain text: no element is created, nothing runs', async () => {
    const el = await show(
      {
        method: 'bank-transfer',
        bankName: '<img src=x onerror="window.__pwned=1">',
        branchName: '<script>window.__pwned=2</script>',
        accountType: '<b>普通</b>',
        accountNumber: '123\u202E4567',
        accountHolder: 'ｹｯｻｲ\u0000\u200F',
        expiresAt: FUTURE,
      },
      { orderId: '<i>A</i>\u202E-1' },
    );
    const before = root(el).querySelectorAll('*').length;
    expect(root(el).querySelectorAll('img, script, b, i')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(shown(el, '金融機関')).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(shown(el, '口座種別')).to.equal('<b>普通</b>');
    expect(shown(el, '口座番号')).to.equal('1234567');
    expect(shown(el, '口座名義')).to.equal('ｹｯｻｲ');
    expect(shown(el, 'ショップのご注文番号')).to.equal('<i>A</i>-1');
    expect(['\u0000', '\u200F', '\u202E'].some((c) => root(el).textContent!.includes(c))).to.equal(false);
    await el.updateComplete;
    expect(root(el).querySelectorAll('*').length).to.equal(before);
  });

  it('a bad amount is not shown; a numeric order id is', async () => {
    for (const amount of ['abc', -5, 1.5, { v: 1 }]) {
      const el = await show({ method: 'konbini', store: 'lawson', paymentCode: '1', confirmationNumber: '2', expiresAt: FUTURE }, { amount, orderId: 1001 });
      expect(Array.from(root(el).querySelectorAll('dt'), text)).not.to.include('お支払い金額');
      expect(shown(el, 'ショップのご注文番号')).to.equal('1001');
    }
  });

  it('takes instructions as a JSON attribute (script-tag pages); malformed JSON gives the fallback and a warning', async () => {
    const json = JSON.stringify({ method: 'konbini', store: 'lawson', paymentCode: 'LW1', confirmationNumber: '2', expiresAt: FUTURE });
    const el = await fixture<KessaiPaymentInstructions>(html`<kessai-payment-instructions instructions=${json} order-id="A-7" amount="1200"></kessai-payment-instructions>`);
    expect(heading(el)).to.equal('ローソンでのお支払い方法');
    expect(shown(el, 'ショップのご注文番号')).to.equal('A-7');
    expect(shown(el, 'お支払い金額')).to.equal('1,200円');
    await consoleDuring('warn', async (warnings) => {
      el.setAttribute('instructions', '{"method": "konbini", store: lawson');
      await el.updateComplete;
      expect(heading(el)).to.equal('お支払いのご案内');
      expect(warnings.join('\n')).to.contain('not valid JSON');
    });
  });

  it('shows the same whether instructions are set before or after connecting', async () => {
    const data = { method: 'konbini', store: 'ministop', paymentCode: 'M1', confirmationNumber: 'C2', expiresAt: FUTURE };
    const el = document.createElement('kessai-payment-instructions');
    el.instructions = data;
    document.body.append(el);
    await el.updateComplete;
    expect(heading(el)).to.equal('ミニストップでのお支払い方法');
    const later = await show(undefined);
    expect(heading(later)).to.equal('お支払いのご案内');
    later.instructions = data;
    await later.updateComplete;
    expect(labels(later)).to.deep.equal(labels(el));
    el.remove();
  });
});
