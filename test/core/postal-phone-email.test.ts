import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normalizeEmail, validateEmail } from '../../src/core/email.js';
import { normalizePhone, validatePhone } from '../../src/core/phone.js';
import { formatPostalCode, isValidPostalCode, normalizePostalCode } from '../../src/core/postal.js';

describe('core/postal', () => {
  const cases: Array<[string, string, boolean, string]> = [
    ['1000001', '1000001', true, '100-0001'],
    ['100-0001', '1000001', true, '100-0001'],
    ['〒100-0001', '1000001', true, '100-0001'],
    ['〒 100-0001', '1000001', true, '100-0001'],
    ['１００－０００１', '1000001', true, '100-0001'],
    ['１００ー０００１', '1000001', true, '100-0001'],
    ['100ｰ0001', '1000001', true, '100-0001'],
    ['100‐0001', '1000001', true, '100-0001'],
    ['100‑0001', '1000001', true, '100-0001'],
    ['100–0001', '1000001', true, '100-0001'],
    ['100—0001', '1000001', true, '100-0001'],
    ['100−0001', '1000001', true, '100-0001'],
    ['100―0001', '1000001', true, '100-0001'],
    ['100 0001', '1000001', true, '100-0001'],
    ['100-000', '100000', false, '100000'],
    ['10000011', '10000011', false, '10000011'],
    ['abc-defg', 'abcdefg', false, 'abcdefg'],
    ['', '', false, ''],
    ['😀', '😀', false, '😀'],
  ];
  for (const [input, norm, valid, formatted] of cases) {
    it(`${JSON.stringify(input)} → ${norm} (${valid ? 'valid' : 'invalid'})`, () => {
      expect(normalizePostalCode(input)).to.equal(norm);
      expect(isValidPostalCode(input)).to.equal(valid);
      expect(formatPostalCode(input)).to.equal(formatted);
    });
  }

  it('any 7 digits with any dash and width round-trip to NNN-NNNN (property)', () => {
    const dash = fc.constantFrom('', '-', 'ー', '－', '‐', '−', 'ｰ', ' ');
    const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), dash, fc.boolean(), fc.boolean(), (d, sep, wide, mark) => {
        let s = `${d.slice(0, 3)}${sep}${d.slice(3)}`;
        if (wide) s = fullWidth(s);
        if (mark) s = `〒${s}`;
        expect(formatPostalCode(s)).to.equal(`${d.slice(0, 3)}-${d.slice(3)}`);
      }),
    );
  });

  it('never throws on arbitrary input and keeps 10,000 characters (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void formatPostalCode(s)));
    expect(normalizePostalCode('1'.repeat(10_000))).to.have.length(10_000);
  });
});

describe('core/phone', () => {
  const cases: Array<[string, string, string | null]> = [
    ['090-1234-5678', '09012345678', null],
    ['08012345678', '08012345678', null],
    ['070 1234 5678', '07012345678', null],
    ['０９０－１２３４－５６７８', '09012345678', null],
    ['090ー1234ー5678', '09012345678', null],
    ['+81 90-1234-5678', '09012345678', null],
    ['+81-3-1234-5678', '0312345678', null],
    ['+81 (0)3 1234 5678', '0312345678', null],
    ['0081312345678', '0312345678', null],
    ['03-1234-5678', '0312345678', null],
    ['06(1234)5678', '0612345678', null],
    ['0120-123-456', '0120123456', null],
    ['0570-000-123', '0570000123', null],
    ['050-1234-5678', '05012345678', null],
    ['0800-123-4567', '08001234567', null],
    ['', '', 'required'],
    ['   ', '', 'required'],
    ['090-1234-567', '0901234567', 'length'],
    ['090-1234-56789', '090123456789', 'length'],
    ['03-1234-56789', '03123456789', 'length'],
    ['0120-123-4567', '01201234567', 'length'],
    ['1234567890', '1234567890', 'format'],
    ['090-abcd-5678', '090abcd5678', 'format'],
    ['+1 415 555 0100', '+14155550100', 'format'],
    ['090\u202E12345678', '090\u202E12345678', 'format'],
  ];
  for (const [input, norm, err] of cases) {
    it(`${JSON.stringify(input)} → ${norm}: ${err ?? 'valid'}`, () => {
      expect(normalizePhone(input)).to.equal(norm);
      expect(validatePhone(input)).to.equal(err);
    });
  }

  it('any mobile number, however written, is valid (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('070', '080', '090'), fc.stringMatching(/^\d{8}$/), fc.constantFrom('-', '', ' ', 'ー'), fc.boolean(), (p, rest, sep, intl) => {
        const local = `${p}${sep}${rest.slice(0, 4)}${sep}${rest.slice(4)}`;
        const s = intl ? `+81${sep}${local.slice(1)}` : local;
        expect(validatePhone(s)).to.equal(null);
        expect(normalizePhone(s)).to.equal(`${p}${rest}`);
      }),
    );
  });

  it('10,000 digits are refused, not accepted or crashed on', () => {
    expect(validatePhone('0'.repeat(10_000))).to.equal('length');
  });
});

describe('core/email', () => {
  const cases: Array<[string, string | null]> = [
    ['taro@example.jp', null],
    ['taro.yamada+shop@mail.example.co.jp', null],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', null],
    ['  taro@example.jp  ', null],
    ['', 'required'],
    ['taro', 'format'],
    ['taro@', 'format'],
    ['taro@example', 'format'],
    ['taro@@example.jp', 'format'],
    ['たろう@example.jp', 'format'],
    ['taro@example.jp<script>', 'format'],
    ['javascript:alert(1)@x.jp', 'format'],
    [`${'a'.repeat(250)}@example.jp`, 'format'],
    ['a'.repeat(10_000), 'format'],
  ];
  for (const [input, err] of cases) {
    it(`${JSON.stringify(input.slice(0, 40))}: ${err ?? 'valid'}`, () => expect(validateEmail(input)).to.equal(err));
  }
  it('normalizes full-width input', () => expect(normalizeEmail('ＴＡＲＯ＠ＥＸ．ＪＰ')).to.equal('TARO@EX.JP'));
  it('never throws (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void validateEmail(s)));
  });
});
