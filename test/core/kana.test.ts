import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { halfwidthKanaToFullwidth, hiraganaToKatakana, isHiraganaOnly, isKatakanaReading, toKatakana } from '../../src/core/kana.js';

describe('core/kana', () => {
  const conversions: Array<[string, string]> = [
    ['やまだ', 'ヤマダ'],
    ['さとう はなこ', 'サトウ ハナコ'],
    ['ゔぁいおりん', 'ヴァイオリン'],
    ['ゕゖ', 'ヵヶ'],
    ['いすゞ', 'イスヾ'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['ﾊﾟﾋﾟﾌﾟ', 'パピプ'],
    ['ｰ', 'ー'],
    ['ヤマダ', 'ヤマダ'],
    ['山田', '山田'],
    ['﨑', '﨑'],
    ['abc', 'abc'],
    ['', ''],
  ];
  for (const [input, want] of conversions) {
    it(`toKatakana(${JSON.stringify(input)}) = ${want}`, () => expect(toKatakana(input)).to.equal(want));
  }

  it('leaves kanji and compatibility ideographs alone (no blind NFKC)', () => {
    expect(halfwidthKanaToFullwidth('﨑ﾀﾞ')).to.equal('﨑ダ');
    expect(toKatakana('髙﨑')).to.equal('髙﨑');
  });

  it('every hiragana letter maps to katakana that is a valid reading (property)', () => {
    const hira = fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(hira, { minLength: 1, maxLength: 30 }), (chars) => {
        const k = hiraganaToKatakana(chars.join(''));
        expect(isKatakanaReading(k)).to.equal(true);
        expect(k.length).to.equal(chars.length);
      }),
    );
  });

  it('conversion is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (s) => {
        expect(toKatakana(toKatakana(s))).to.equal(toKatakana(s));
      }),
    );
  });

  const readings: Array<[string, boolean]> = [
    ['ヤマダ', true],
    ['ヤマダ タロウ', true],
    ['ヤマダ　タロウ', true],
    ['ヴィクトリア', true],
    ['ヵヶ', true],
    ['ジョン・スミス', true],
    ['アー', true],
    ['ㇰㇱ', true],
    ['やまだ', false],
    ['ﾔﾏﾀﾞ', false],
    ['山田', false],
    ['Yamada', false],
    [' ヤマダ', false],
    ['ヤマダ ', false],
    ['   ', false],
    ['', false],
    ['ヤマダ1', false],
    ['ヤマダ😀', false],
    ['ヤ\u202Eマダ', false],
    ['<b>ヤ</b>', false],
  ];
  for (const [input, ok] of readings) {
    it(`isKatakanaReading(${JSON.stringify(input)}) is ${ok}`, () => expect(isKatakanaReading(input)).to.equal(ok));
  }

  it('rejects 10,000 characters of junk quickly and exactly', () => {
    expect(isKatakanaReading('ア'.repeat(9_999) + 'a')).to.equal(false);
    expect(isKatakanaReading('ア'.repeat(10_000))).to.equal(true);
  });

  const hiraganaOnly: Array<[string, boolean]> = [
    ['やまだ', true],
    ['さとー', true],
    ['山田', false],
    ['やま田', false],
    ['', false],
    ['ヤマダ', false],
  ];
  for (const [input, ok] of hiraganaOnly) {
    it(`isHiraganaOnly(${JSON.stringify(input)}) is ${ok}`, () => expect(isHiraganaOnly(input)).to.equal(ok));
  }
});
