import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  detectCardBrand,
  formatCardExpiry,
  formatCardNumber,
  luhnValid,
  normalizeCardNumber,
  parseCardExpiry,
  validateCardCvc,
  validateCardExpiry,
  validateCardHolder,
  validateCardNumber,
} from '../../src/core/card.js';

/** Completes `prefix` to `length` digits with a valid Luhn check digit. */
function withLuhn(prefix: string, length: number): string {
  let s = prefix.padEnd(length - 1, '0');
  for (let d = 0; d <= 9; d++) if (luhnValid(s + d)) return s + d;
  s = '';
  return s;
}

describe('core/card', () => {
  const brands: Array<[string, string | null]> = [
    ['4111111111111111', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['3530111333300000', 'jcb'],
    ['3566002020360505', 'jcb'],
    ['378282246310005', 'american-express'],
    ['371449635398431', 'american-express'],
    ['30569309025904', 'diners-club'],
    ['36227206271667', 'diners-club'],
    ['6011111111111117', 'discover'],
    ['6200000000000005', 'unionpay'],
    ['35', null],
    ['9999999999999999', null],
    ['', null],
    ['abcd', null],
  ];
  for (const [num, brand] of brands) {
    it(`detects ${num || '(empty)'} as ${brand}`, () => expect(detectCardBrand(num)?.brand ?? null).to.equal(brand));
  }

  const formats: Array<[string, string]> = [
    ['4111111111111111', '4111 1111 1111 1111'],
    ['378282246310005', '3782 822463 10005'],
    ['30569309025904', '3056 930902 5904'],
    ['3530 1113 3330 0000', '3530 1113 3330 0000'],
    ['４１１１－１１１１', '4111 1111'],
    ['4111', '4111'],
    ['41111', '4111 1'],
  ];
  for (const [input, want] of formats) {
    it(`formats ${input} as ${want}`, () => expect(formatCardNumber(input)).to.equal(want));
  }

  const numbers: Array<[string, string | null]> = [
    ['4111 1111 1111 1111', null],
    ['４１１１ １１１１ １１１１ １１１１', null],
    ['3530-1113-3330-0000', null],
    ['378282246310005', null],
    ['4111111111111112', 'luhn'],
    ['411111111111', 'length'],
    ['', 'required'],
    ['4111-abcd', 'format'],
    ['9999999999999995', 'brand'],
    ['1'.repeat(10_000), 'brand'],
  ];
  for (const [input, err] of numbers) {
    it(`validateCardNumber(${input.slice(0, 24)}) = ${err}`, () => expect(validateCardNumber(input)).to.equal(err));
  }

  it('every generated JCB / Amex / Visa number with a Luhn digit is valid (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<[string, number]>(['3528', 16], ['3589', 16], ['34', 15], ['37', 15], ['4', 16], ['51', 16]),
        fc.stringMatching(/^\d{6}$/),
        ([prefix, len], mid) => {
          const n = withLuhn(prefix + mid, len);
          expect(validateCardNumber(formatCardNumber(n))).to.equal(null);
          expect(normalizeCardNumber(formatCardNumber(n))).to.equal(n);
        },
      ),
    );
  });

  it('changing one digit breaks Luhn (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15}$/), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const n = withLuhn(body, 16);
        const d = (Number(n[pos]) + delta) % 10;
        expect(luhnValid(n.slice(0, pos) + d + n.slice(pos + 1))).to.equal(false);
      }),
    );
  });

  const now = new Date(2026, 10, 25); // 25 Nov 2026
  const expiries: Array<[string, string | null]> = [
    ['12/28', null],
    ['1128', null],
    ['11/26', null],
    ['10/26', 'expired'],
    ['12 / 2030', null],
    ['１２／２８', null],
    ['13/28', 'format'],
    ['00/28', 'format'],
    ['1/2', 'format'],
    ['', 'required'],
    ['12/60', 'tooFar'],
  ];
  for (const [input, err] of expiries) {
    it(`validateCardExpiry(${input}) = ${err}`, () => expect(validateCardExpiry(input, now)).to.equal(err));
  }
  it('parses and formats expiry', () => {
    expect(parseCardExpiry('0728')).to.deep.equal({ month: 7, year: 2028 });
    expect(formatCardExpiry('072')).to.equal('07/2');
    expect(formatCardExpiry('０７２８')).to.equal('07/28');
  });

  const cvcs: Array<[string, string, string | null]> = [
    ['123', '4111111111111111', null],
    ['1234', '378282246310005', null],
    ['123', '378282246310005', 'format'],
    ['1234', '4111111111111111', 'format'],
    ['12a', '', 'format'],
    ['', '', 'required'],
  ];
  for (const [cvc, num, err] of cvcs) {
    it(`validateCardCvc(${cvc}, ${num.slice(0, 2)}…) = ${err}`, () => expect(validateCardCvc(cvc, num)).to.equal(err));
  }

  const holders: Array<[string, string | null]> = [
    ['TARO YAMADA', null],
    ['taro yamada', null],
    ['ＴＡＲＯ ＹＡＭＡＤＡ', null],
    ["O'NEIL-SMITH JR.", null],
    ['山田太郎', 'format'],
    ['', 'required'],
    ['<script>', 'format'],
  ];
  for (const [h, err] of holders) {
    it(`validateCardHolder(${h}) = ${err}`, () => expect(validateCardHolder(h)).to.equal(err));
  }
});
