import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { KONBINI_MAX_AMOUNT, KONBINI_STORES } from '../../src/core/contract.js';
import { normalizeInstructions, parseAccountType, type SafeKonbini } from '../../src/core/instructions.js';
import { cleanText, safeHttpsUrl } from '../../src/core/text.js';
import { exceedsKonbiniLimit, isKonbiniStore, parseStoreList, parseYenAmount } from '../../src/core/konbini.js';
import { KONBINI_CHAINS } from '../../src/core/konbini-chains.js';
import { hasUnsafeChars } from '../../src/core/text.js';

describe('core/konbini', () => {
  const labels: Array<[string, string, string, boolean, string]> = [
    ['seven-eleven', 'konbini.label.slipNumber', 'konbini.label.confirmationNumber', false, 'register'],
    ['familymart', 'konbini.label.companyCode', 'konbini.label.orderNumber', true, 'multicopy'],
    ['lawson', 'konbini.label.customerNumber', 'konbini.label.confirmationNumber', true, 'loppi'],
    ['ministop', 'konbini.label.customerNumber', 'konbini.label.confirmationNumber', true, 'loppi'],
    ['daily-yamazaki', 'konbini.label.onlinePaymentNumber', 'konbini.label.confirmationNumber', false, 'register'],
    ['seicomart', 'konbini.label.onlinePaymentNumber', 'konbini.label.confirmationNumber', false, 'register'],
  ];
  for (const [id, code, confirmation, needs, terminal] of labels) {
    it(`catalogue: ${id} labels its numbers ${code} / ${confirmation} and is paid at ${terminal}`, () => {
      const c = KONBINI_CHAINS[id as keyof typeof KONBINI_CHAINS];
      expect([c.id, c.paymentCodeLabel, c.confirmationLabel, c.needsConfirmation, c.terminal]).to.deep.equal([id, code, confirmation, needs, terminal]);
      expect(c.steps.length).to.be.at.least(3);
      expect(c.steps.at(-1)).to.equal('konbini.step.payAtRegister');
    });
  }

  it('has a catalogue entry for every store id and only 7-Eleven has a payment slip', () => {
    expect(Object.keys(KONBINI_CHAINS).sort()).to.deep.equal([...KONBINI_STORES].sort());
    expect(KONBINI_STORES.filter((s) => KONBINI_CHAINS[s].slip)).to.deep.equal(['seven-eleven']);
    expect(KONBINI_CHAINS.familymart.steps).to.include('konbini.step.familymart.machine');
    expect(KONBINI_CHAINS.lawson.steps).to.include('konbini.step.loppi.menu');
  });

  it('isKonbiniStore accepts exactly the six ids', () => {
    for (const s of KONBINI_STORES) expect(isKonbiniStore(s)).to.equal(true);
    for (const s of ['', 'Lawson', 'circle-k', '__proto__', 'toString', null, 3]) expect(isKonbiniStore(s)).to.equal(false);
  });

  const storeLists: Array<[string | null, string[], string[]]> = [
    [null, [...KONBINI_STORES], []],
    ['', [...KONBINI_STORES], []],
    ['lawson familymart', ['familymart', 'lawson'], []],
    ['  lawson\tlawson\nministop ', ['lawson', 'ministop'], []],
    ['lawson circle-k', ['lawson'], ['circle-k']],
    ['circle-k sunkus', [...KONBINI_STORES], ['circle-k', 'sunkus']],
    ['Seven-Eleven seicomart', ['seicomart'], ['Seven-Eleven']],
  ];
  for (const [attr, stores, unknown] of storeLists) {
    it(`parseStoreList(${JSON.stringify(attr)})`, () => expect(parseStoreList(attr)).to.deep.equal({ stores, unknown }));
  }

  it('parseStoreList keeps catalogue order and only known ids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...KONBINI_STORES), fc.string({ maxLength: 12 }))), (tokens) => {
        const { stores, unknown } = parseStoreList(tokens.join(' '));
        expect(stores.length).to.be.greaterThan(0);
        expect(stores.every(isKonbiniStore)).to.equal(true);
        expect(stores).to.deep.equal(KONBINI_STORES.filter((s) => stores.includes(s)));
        expect(unknown.some((u) => isKonbiniStore(u))).to.equal(false);
      }),
    );
  });

  it('the amount limit is ¥300,000 inclusive', () => {
    expect(KONBINI_MAX_AMOUNT).to.equal(300_000);
    expect(exceedsKonbiniLimit(300_000)).to.equal(false);
    expect(exceedsKonbiniLimit(300_001)).to.equal(true);
    expect(exceedsKonbiniLimit(0)).to.equal(false);
  });

  const amounts: Array<[unknown, number | null]> = [
    [3980, 3980],
    ['3980', 3980],
    [0, 0],
    [-1, null],
    [1.5, null],
    [NaN, null],
    [Infinity, null],
    ['', null],
    ['abc', null],
    ['１０００', null],
    [null, null],
    [undefined, null],
    [2 ** 60, null],
  ];
  for (const [input, want] of amounts) {
    it(`parseYenAmount(${String(input)}) = ${want}`, () => expect(parseYenAmount(input)).to.equal(want));
  }
});

describe('core/instructions', () => {
  const urls: Array<[unknown, string | null]> = [
    ['https://psp.example/slip/123', 'https://psp.example/slip/123'],
    ['  https://psp.example/a b  ', 'https://psp.example/a%20b'],
    ['HTTPS://PSP.EXAMPLE/x', 'https://psp.example/x'],
    ['http://psp.example/slip', null],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['//psp.example/slip', null],
    ['/slip/123', null],
    ['https://user:pass@psp.example/', null],
    ['https://psp.example@evil.example/', null],
    ['ftp://psp.example/', null],
    ['https://' + 'a'.repeat(3000) + '.example/', null],
    [42, null],
    [null, null],
  ];
  for (const [input, want] of urls) {
    it(`safeHttpsUrl(${JSON.stringify(input)?.slice(0, 50)}) = ${want}`, () => expect(safeHttpsUrl(input)).to.equal(want));
  }

  it('cleanText removes control and bidi characters and refuses wrong types and huge strings', () => {
    expect(cleanText(' 1234\u202E5678 ', 64)).to.equal('12345678');
    expect(cleanText('\u0000', 64)).to.equal(null);
    expect(cleanText('x'.repeat(65), 64)).to.equal(null);
    expect(cleanText('x'.repeat(10_000), 64)).to.equal(null);
    expect(cleanText('<img src=x onerror=alert(1)>', 64)).to.equal('<img src=x onerror=alert(1)>');
    expect(cleanText(1234, 64)).to.equal(null);
    expect(cleanText(['1234'], 64)).to.equal(null);
  });

  it('cleanText output never holds unsafe characters and is never longer than max (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 100 }), (s, max) => {
        const out = cleanText(s, max);
        if (out !== null) {
          expect(hasUnsafeChars(out)).to.equal(false);
          expect([...out].length).to.be.at.most(max);
          expect(out).to.equal(out.trim());
        }
      }),
    );
  });

  const accountTypes: Array<[unknown, string | null]> = [
    ['普通', 'ordinary'],
    ['ordinary', 'ordinary'],
    ['Futsu', 'ordinary'],
    ['当座', 'current'],
    ['checking', 'current'],
    ['貯蓄', null],
    [1, null],
  ];
  for (const [input, want] of accountTypes) {
    it(`parseAccountType(${JSON.stringify(input)}) = ${want}`, () => expect(parseAccountType(input)).to.equal(want));
  }

  it('reads a Konbini object of the contract', () => {
    const s = normalizeInstructions({
      method: 'konbini',
      store: 'lawson',
      paymentCode: 'LW123456789',
      confirmationNumber: '4321',
      expiresAt: '2026-11-28T23:59:59+09:00',
      instructionsUrl: 'https://psp.example/lawson',
    }) as SafeKonbini;
    expect(s.method).to.equal('konbini');
    expect(s.chain?.id).to.equal('lawson');
    expect([s.paymentCode, s.confirmationNumber, s.instructionsUrl]).to.deep.equal(['LW123456789', '4321', 'https://psp.example/lawson']);
    expect(s.expiresAt?.toISOString()).to.equal('2026-11-28T14:59:59.000Z');
  });

  it('an unknown chain keeps its numbers with no catalogue entry; an inherited key is no chain', () => {
    expect((normalizeInstructions({ method: 'konbini', store: 'circle-k', paymentCode: '1' }) as SafeKonbini).chain).to.equal(null);
    expect((normalizeInstructions({ method: 'konbini', store: '__proto__', paymentCode: '1' }) as SafeKonbini).chain).to.equal(null);
    expect((normalizeInstructions({ method: 'konbini', store: 'constructor' }) as SafeKonbini).chain).to.equal(null);
    expect((normalizeInstructions({ method: 'konbini', store: ' Lawson ' }) as SafeKonbini).chain?.id).to.equal('lawson');
  });

  it('reads Pay-easy and bank transfer, with a known or unknown account type', () => {
    expect(
      normalizeInstructions({ method: 'pay-easy', institutionNumber: '58191', customerNumber: '12345678901', confirmationNumber: '1234', expiresAt: 'x' }),
    ).to.deep.include({ method: 'pay-easy', institutionNumber: '58191', customerNumber: '12345678901', confirmationNumber: '1234', expiresAt: null, expiresGiven: true });
    expect(
      normalizeInstructions({ method: 'bank-transfer', bankName: 'みずほ銀行', branchName: '東京営業部', accountType: '普通', accountNumber: '1234567', accountHolder: 'ｶ)ｹｯｻｲ' }),
    ).to.deep.include({ bankName: 'みずほ銀行', accountType: 'ordinary', accountTypeText: null, accountNumber: '1234567', accountHolder: 'ｶ)ｹｯｻｲ', expiresGiven: false });
    expect(normalizeInstructions({ method: 'bank-transfer', accountType: '貯蓄' })).to.deep.include({ accountType: null, accountTypeText: '貯蓄' });
  });

  const unreadable: Array<[string, unknown]> = [
    ['null', null],
    ['a string', '{"method":"konbini"}'],
    ['an array', [{ method: 'konbini' }]],
    ['a number', 42],
    ['an unknown method', { method: 'paypay' }],
    ['no method and no store', { paymentCode: '1' }],
  ];
  for (const [name, input] of unreadable) {
    it(`treats ${name} as unreadable`, () => expect(normalizeInstructions(input)).to.deep.equal({ method: 'unknown' }));
  }

  it('never throws, and every text it keeps is clean, for any JSON-like input (property)', () => {
    const field = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 }), fc.constantFrom(...KONBINI_STORES));
    fc.assert(
      fc.property(
        fc.record(
          {
            method: fc.oneof(fc.constantFrom('konbini', 'pay-easy', 'bank-transfer'), field),
            store: field,
            paymentCode: field,
            confirmationNumber: field,
            institutionNumber: field,
            customerNumber: field,
            bankName: field,
            branchName: field,
            accountType: field,
            accountNumber: field,
            accountHolder: field,
            expiresAt: field,
            instructionsUrl: field,
          },
          { requiredKeys: [] },
        ),
        (input) => {
          const s = normalizeInstructions(input) as unknown as Record<string, unknown>;
          for (const [k, v] of Object.entries(s)) {
            if (typeof v === 'string' && k !== 'method') expect(hasUnsafeChars(v), k).to.equal(false);
          }
          if (typeof s.instructionsUrl === 'string') expect(s.instructionsUrl.startsWith('https://')).to.equal(true);
        },
      ),
    );
  });
});
