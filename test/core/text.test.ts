import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { charLength, groupDigits, hasUnsafeChars, stripUnsafeChars, toHalfWidthAscii } from '../../src/core/text.js';

describe('core/text', () => {
  const unsafe: Array<[string, string]> = [
    ['NUL', 'a\u0000b'],
    ['tab', 'a\tb'],
    ['newline', 'a\nb'],
    ['DEL', 'a\u007Fb'],
    ['C1 control', 'a\u0085b'],
    ['RLO (U+202E)', 'abc\u202Egpj.exe'],
    ['LRE', '\u202Aabc'],
    ['isolate U+2066', '\u2066x\u2069'],
    ['RLM', 'x\u200F'],
    ['Arabic letter mark', 'x\u061C'],
    ['zero-width space', '山\u200B田'],
    ['BOM', '\uFEFF山田'],
  ];
  for (const [name, input] of unsafe) {
    it(`finds and removes ${name}`, () => {
      expect(hasUnsafeChars(input)).to.equal(true);
      const clean = stripUnsafeChars(input);
      expect(hasUnsafeChars(clean)).to.equal(false);
      expect(clean.length).to.be.lessThan(input.length);
    });
  }

  const safe = ['', '山田 太郎', 'ヤマダ　タロウ', '髙橋', '﨑', '😀👨‍👩‍👧', 'taro@example.jp', '<script>alert(1)</script>', 'x'.repeat(10_000)];
  for (const input of safe) {
    it(`keeps ${JSON.stringify(input.slice(0, 20))} intact`, () => {
      expect(hasUnsafeChars(input)).to.equal(false);
      expect(stripUnsafeChars(input)).to.equal(input);
    });
  }

  it('stripUnsafeChars is idempotent and never adds characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const once = stripUnsafeChars(s);
        expect(stripUnsafeChars(once)).to.equal(once);
        expect(hasUnsafeChars(once)).to.equal(false);
        expect(once.length).to.be.at.most(s.length);
      }),
    );
  });

  const widths: Array<[string, string]> = [
    ['０９０', '090'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', 'taro@example.jp'],
    ['１００－０００１', '100-0001'],
    ['a\u3000b', 'a b'],
    ['山田', '山田'],
    ['﨑', '﨑'],
    ['ｱｲｳ', 'ｱｲｳ'],
    ['', ''],
  ];
  for (const [input, want] of widths) {
    it(`toHalfWidthAscii(${input}) = ${want}`, () => expect(toHalfWidthAscii(input)).to.equal(want));
  }

  it('toHalfWidthAscii agrees with NFKC on full-width ASCII (property)', () => {
    const fullWidth = fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(fullWidth, { maxLength: 50 }), (chars) => {
        const s = chars.join('');
        expect(toHalfWidthAscii(s)).to.equal(s.normalize('NFKC'));
      }),
    );
  });

  it('counts code points, not UTF-16 units', () => {
    expect(charLength('😀')).to.equal(1);
    expect(charLength('𠮷野家')).to.equal(3);
    expect(charLength('x'.repeat(10_000))).to.equal(10_000);
  });
  it('groups yen amounts by three digits exactly as the shopper reads them (the same as Intl, for any whole amount)', () => {
    expect([0, 999, 1000, 12980, 300000, 1234567].map(groupDigits)).to.deep.equal(['0', '999', '1,000', '12,980', '300,000', '1,234,567']);
    const intl = new Intl.NumberFormat('en-US');
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => groupDigits(n) === intl.format(n)));
  });
});
