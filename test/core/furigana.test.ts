import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  diffText,
  furiganaReducer,
  initialFurigana,
  inputSource,
  isReadingComplete,
  readingOf,
  readingOfKanaText,
  type FuriganaEvent,
  type FuriganaState,
} from '../../src/core/furigana.js';
import { isKatakanaReading, toKatakana } from '../../src/core/kana.js';
import { checkField, FIELD_LIMITS, FIELD_SCHEMA, hasNameSymbols, normalizeName, normalizeNameKana } from '../../src/core/field-schema.js';

const NAME_MAX_LENGTH = FIELD_LIMITS.name;
const codeOf = (path: 'customer.familyName' | 'customer.familyNameKana', input: string): string | null => {
  const r = checkField(FIELD_SCHEMA[path], input);
  return r.ok ? null : r.code;
};

/** The engines' event orders for one composition committed at the end of the field. */
type Engine = 'chrome' | 'firefox' | 'firefox-legacy' | 'safari' | 'safari-late-value' | 'no-end-value';
const ENGINES: Engine[] = ['chrome', 'firefox', 'firefox-legacy', 'safari', 'safari-late-value', 'no-end-value'];

/**
 * One composition as an engine reports it: `updates` are what the IME shows
 * (や, やま, やまだ, 山田), `commit` what it commits. The text goes at the end of `before`.
 *  - chrome: update, input(isComposing) for each; compositionend last (value final).
 *  - firefox (ESR 128+): like chrome, plus one more input (isComposing false) after compositionend.
 *  - firefox-legacy: no input for the commit before compositionend; input (isComposing false) after it.
 *  - safari: compositionend BEFORE the final input, which has isComposing false (insertFromComposition).
 *  - safari-late-value: the same, and the value at compositionend still holds the composing text.
 *  - no-end-value: the listener could not read the value at compositionend.
 */
function composition(engine: Engine, before: string, updates: string[], commit: string): FuriganaEvent[] {
  const ev: FuriganaEvent[] = [{ type: 'compositionstart' }];
  const shown = [...updates];
  if (shown[shown.length - 1] !== commit) shown.push(commit);
  shown.forEach((u, i) => {
    ev.push({ type: 'compositionupdate', data: u });
    const last = i === shown.length - 1;
    if (last && engine === 'firefox-legacy') return;
    if (last && engine.startsWith('safari')) return;
    ev.push({ type: 'input', value: before + u, inputType: 'insertCompositionText', isComposing: true });
  });
  const final = before + commit;
  // What the field showed before the final update (the DOM lagging behind the commit).
  const lastShown = before + (shown[shown.length - 2] ?? '');
  if (engine === 'chrome') ev.push({ type: 'compositionend', data: commit, value: final });
  if (engine === 'firefox') {
    ev.push({ type: 'compositionend', data: commit, value: final });
    ev.push({ type: 'input', value: final, inputType: 'insertCompositionText', isComposing: false });
  }
  if (engine === 'firefox-legacy') {
    ev.push({ type: 'compositionend', data: commit, value: final });
    ev.push({ type: 'input', value: final, inputType: 'insertCompositionText', isComposing: false });
  }
  if (engine === 'safari') {
    ev.push({ type: 'compositionend', data: commit, value: final });
    ev.push({ type: 'input', value: final, inputType: 'insertFromComposition', isComposing: false });
  }
  if (engine === 'safari-late-value') {
    ev.push({ type: 'compositionend', data: commit, value: lastShown });
    ev.push({ type: 'input', value: final, inputType: 'insertFromComposition', isComposing: false });
  }
  if (engine === 'no-end-value') {
    ev.push({ type: 'compositionend', data: commit });
    ev.push({ type: 'input', value: final, inputType: 'insertText', isComposing: false });
  }
  return ev;
}

const run = (events: FuriganaEvent[], state: FuriganaState = initialFurigana()) => events.reduce(furiganaReducer, state);
const typed = (value: string): FuriganaEvent => ({ type: 'input', value, inputType: 'insertText', isComposing: false });
const deleted = (value: string): FuriganaEvent => ({ type: 'input', value, inputType: 'deleteContentBackward', isComposing: false });
const pasted = (value: string): FuriganaEvent => ({ type: 'input', value, inputType: 'insertFromPaste', isComposing: false });

describe('core/furigana', () => {
  for (const engine of ENGINES) {
    describe(`event order: ${engine}`, () => {
      it('やまだ → 山田 gives ヤマダ', () => {
        const s = run(composition(engine, '', ['や', 'やま', 'やまだ', '山田'], '山田'));
        expect(s.value).to.equal('山田');
        expect(readingOf(s)).to.equal('ヤマダ');
        expect(isReadingComplete(s)).to.equal(true);
      });

      it('two conversions in one field concatenate: さとう → 佐藤, はなこ → 花子 gives サトウハナコ', () => {
        let s = run(composition(engine, '', ['さ', 'さと', 'さとう', '佐藤'], '佐藤'));
        s = run(composition(engine, '佐藤', ['は', 'はな', 'はなこ', '花子'], '花子'), s);
        expect(s.value).to.equal('佐藤花子');
        expect(readingOf(s)).to.equal('サトウハナコ');
      });

      it('a name committed without conversion (やまだ kept) is its own reading', () => {
        const s = run(composition(engine, '', ['や', 'やま', 'やまだ'], 'やまだ'));
        expect(readingOf(s)).to.equal('ヤマダ');
      });

      it('a cancelled composition adds nothing', () => {
        const events = composition(engine, '山田', ['は', 'はな'], '');
        const s = run(events, run(composition(engine, '', ['やまだ', '山田'], '山田')));
        expect(readingOf(s)).to.equal('ヤマダ');
      });
    });
  }

  it('ignores every input event while composing (the reading appears at commit only)', () => {
    const events = composition('chrome', '', ['や', 'やま', 'やまだ', '山田'], '山田');
    let s = initialFurigana();
    for (const e of events.slice(0, -1)) {
      s = furiganaReducer(s, e);
      expect(readingOf(s)).to.equal('');
      expect(s.value).to.equal('');
    }
    s = furiganaReducer(s, events[events.length - 1]);
    expect(readingOf(s)).to.equal('ヤマダ');
  });

  it('ignores input events marked isComposing even when compositionstart was missed (IME already open on focus)', () => {
    const s = run([
      { type: 'input', value: 'や', inputType: 'insertCompositionText', isComposing: true },
      { type: 'input', value: 'やま', inputType: 'insertCompositionText', isComposing: true },
    ]);
    expect(s.value).to.equal('');
    expect(s.segments).to.deep.equal([]);
  });

  it('keeps the LAST hiragana-only snapshot (romaji letters and re-edits do not count)', () => {
    const s = run([
      { type: 'compositionstart' },
      { type: 'compositionupdate', data: 'ｙ' },
      { type: 'compositionupdate', data: 'や' },
      { type: 'compositionupdate', data: 'やm' },
      { type: 'compositionupdate', data: 'やま' },
      { type: 'compositionupdate', data: 'やまた' },
      { type: 'compositionupdate', data: '山田' },
      { type: 'compositionupdate', data: 'やまだ' },
      { type: 'compositionupdate', data: '山田' },
      { type: 'compositionend', data: '山田', value: '山田' },
    ]);
    expect(readingOf(s)).to.equal('ヤマダ');
  });

  it('a composition committed as katakana (F7) takes the hiragana it was typed as', () => {
    const s = run(composition('chrome', '', ['じょん', 'ジョン'], 'ジョン'));
    expect(readingOf(s)).to.equal('ジョン');
  });

  it('a composition without any hiragana (Latin, reconversion) has no reading', () => {
    const s = run(composition('chrome', '', ['S', 'Sm', 'Smith'], 'Smith'));
    expect(readingOf(s)).to.equal('');
    expect(isReadingComplete(s)).to.equal(false);
  });

  it('a partial commit (山田 of やまだたろう, then たろう recomposed) splits the reading', () => {
    let s = run(composition('chrome', '', ['やまだたろう', '山田太郎'], '山田'));
    s = run(composition('chrome', '山田', ['たろう', '太郎'], '太郎'), s);
    expect(readingOf(s)).to.equal('ヤマダタロウ');
  });

  it('after a cancelled composition, a new one is not taken for the rest of a partial commit', () => {
    let s = run(composition('chrome', '', ['やまだたろう', '山田太郎'], '山田太郎'));
    s = run(composition('chrome', '山田太郎', ['ろう'], ''), s);
    s = run(composition('chrome', '山田太郎', ['ろう', '郎'], '郎'), s);
    expect(readingOf(s)).to.equal('ヤマダタロウロウ');
  });

  it('a one-letter first update is ordinary typing, not a partial commit (花子 then 子: ハナココ)', () => {
    let s = run(composition('chrome', '', ['は', 'はな', 'はなこ', '花子'], '花子'));
    s = run(composition('chrome', '花子', ['こ', '子'], '子'), s);
    expect(readingOf(s)).to.equal('ハナココ');
  });

  it('typed kana without a composition is its own reading; typed spaces separate words', () => {
    let s = run(composition('chrome', '', ['やまだ', '山田'], '山田'));
    s = run([typed('山田\u3000')], s);
    s = run(composition('chrome', '山田\u3000', ['たろう', '太郎'], '太郎'), s);
    expect(readingOf(s)).to.equal('ヤマダ\u3000タロウ');
    expect(readingOf(run([typed('ﾔﾏﾀﾞ')]))).to.equal('ヤマダ');
  });

  describe('deletions', () => {
    const yamadaTaro = () => {
      const s = run(composition('chrome', '', ['やまだ', '山田'], '山田'));
      return run(composition('chrome', '山田', ['たろう', '太郎'], '太郎'), s);
    };

    it('emptying the field clears the reading', () => {
      const s = run([deleted('山田太'), deleted('山田'), deleted('山'), deleted('')], yamadaTaro());
      expect(readingOf(s)).to.equal('');
      expect(s.segments).to.deep.equal([]);
    });

    it('deleting a whole word deletes its reading', () => {
      expect(readingOf(run([deleted('山田太'), deleted('山田')], yamadaTaro()))).to.equal('ヤマダ');
      expect(readingOf(run([{ type: 'input', value: '太郎', inputType: 'deleteContentBackward' }], yamadaTaro()))).to.equal('タロウ');
    });

    it('an edit inside a converted word drops that word’s reading (it cannot be known)', () => {
      const s = run([deleted('山田太')], yamadaTaro());
      expect(readingOf(s)).to.equal('ヤマダ');
      expect(isReadingComplete(s)).to.equal(false);
    });

    it('an edit inside kana text keeps the reading of what is left', () => {
      let s = run(composition('chrome', '', ['やまだ'], 'やまだ'));
      s = run([deleted('やま')], s);
      expect(readingOf(s)).to.equal('ヤマ');
    });

    it('retyping a deleted word restores a complete reading', () => {
      let s = run([deleted('山田太'), deleted('山田')], yamadaTaro());
      s = run(composition('safari', '山田', ['はなこ', '花子'], '花子'), s);
      expect(readingOf(s)).to.equal('ヤマダハナコ');
      expect(isReadingComplete(s)).to.equal(true);
    });

    it('replacing everything by a paste forgets the old reading and guesses nothing', () => {
      const s = run([pasted('佐藤')], yamadaTaro());
      expect(readingOf(s)).to.equal('');
    });
  });

  describe('never guessed from paste, drop or autofill', () => {
    const cases: Array<[string, string | undefined]> = [
      ['paste', 'insertFromPaste'],
      ['drop', 'insertFromDrop'],
      ['autofill (insertReplacementText)', 'insertReplacementText'],
      ['autofill (no inputType)', undefined],
      ['script or autofill (empty inputType)', ''],
    ];
    for (const [name, inputType] of cases) {
      it(`${name}: やまだ and 山田 give no reading`, () => {
        expect(readingOf(run([{ type: 'input', value: 'やまだ', inputType, isComposing: false }]))).to.equal('');
        expect(readingOf(run([{ type: 'input', value: '山田', inputType, isComposing: false }]))).to.equal('');
      });
    }

    it('a paste after a converted name keeps the known reading and adds nothing', () => {
      let s = run(composition('firefox', '', ['やまだ', '山田'], '山田'));
      s = run([pasted('山田はなこ')], s);
      expect(readingOf(s)).to.equal('ヤマダ');
      expect(isReadingComplete(s)).to.equal(false);
    });

    it('inputSource classifies inputType', () => {
      expect(inputSource('insertText')).to.equal('typed');
      expect(inputSource('deleteContentBackward')).to.equal('typed');
      expect(inputSource('insertFromPaste')).to.equal('pasted');
      expect(inputSource('insertFromPasteAsQuotation')).to.equal('pasted');
      expect(inputSource('insertFromYank')).to.equal('pasted');
      expect(inputSource('insertReplacementText')).to.equal('autofill');
      expect(inputSource(undefined)).to.equal('autofill');
      expect(inputSource('')).to.equal('autofill');
    });
  });

  it('a value set by code (prefill) has a reading only when it is kana', () => {
    expect(readingOf(initialFurigana('山田'))).to.equal('');
    expect(readingOf(furiganaReducer(initialFurigana('山田'), { type: 'set', value: 'やまだ' }))).to.equal('ヤマダ');
  });

  it('an input outside a composition that never ended (focus lost) is handled as a plain edit', () => {
    const s = run([{ type: 'compositionstart' }, { type: 'compositionupdate', data: 'や' }, typed('ab')]);
    expect(s.composing).to.equal(false);
    expect(s.value).to.equal('ab');
  });

  it('diffText finds the single edit and never splits a surrogate pair', () => {
    expect(diffText('山田', '山田太郎')).to.deep.equal({ start: 2, end: 2, inserted: '太郎' });
    expect(diffText('山田太郎', '山郎')).to.deep.equal({ start: 1, end: 3, inserted: '' });
    expect(diffText('𠮷田', '𠮟田')).to.deep.equal({ start: 0, end: 2, inserted: '𠮟' });
    expect(diffText('a𠮷', 'a𠮟')).to.deep.equal({ start: 1, end: 3, inserted: '𠮟' });
  });

  it('readingOfKanaText', () => {
    expect(readingOfKanaText('やまだ たろう')).to.equal('ヤマダ タロウ');
    expect(readingOfKanaText('ﾔﾏﾀﾞ')).to.equal('ヤマダ');
    expect(readingOfKanaText('ﾞ')).to.equal(null);
    expect(readingOfKanaText('山田')).to.equal(null);
    expect(readingOfKanaText('')).to.equal(null);
  });

  describe('properties', () => {
    const hiraganaWord = fc
      .array(fc.integer({ min: 0x3041, max: 0x3093 }).map((c) => String.fromCharCode(c)), { minLength: 1, maxLength: 6 })
      .map((a) => a.join(''));
    const kanjiWord = fc
      .array(fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), { minLength: 1, maxLength: 4 })
      .map((a) => a.join(''));
    const word = fc.record({
      reading: hiraganaWord,
      kanji: kanjiWord,
      how: fc.constantFrom<'convert' | 'keep' | 'katakana'>('convert', 'keep', 'katakana'),
      engine: fc.constantFrom(...ENGINES),
    });

    /** Types the words one composition each, as the chosen engines report them. */
    function typeWords(words: Array<{ reading: string; kanji: string; how: string; engine: Engine }>) {
      let s = initialFurigana();
      for (const w of words) {
        const updates = Array.from(w.reading, (_, i) => w.reading.slice(0, i + 1));
        const commit = w.how === 'convert' ? w.kanji : w.how === 'keep' ? w.reading : toKatakana(w.reading);
        if (w.how !== 'keep') updates.push(commit);
        s = run(composition(w.engine, s.value, updates, commit), s);
      }
      return s;
    }

    it('the reading of words typed through the IME is their hiragana in katakana, in every engine order', () => {
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
          const s = typeWords(words);
          expect(readingOf(s)).to.equal(toKatakana(words.map((w) => w.reading).join('')));
          expect(isReadingComplete(s)).to.equal(true);
        }),
      );
    });

    it('deleting the last words one by one removes exactly their readings, down to nothing', () => {
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
          let s = typeWords(words);
          for (let n = words.length - 1; n >= 0; n--) {
            const keep = s.segments.slice(0, n);
            s = furiganaReducer(s, deleted(keep.map((g) => g.text).join('')));
            expect(readingOf(s)).to.equal(toKatakana(words.slice(0, n).map((w) => w.reading).join('')));
          }
          expect(readingOf(s)).to.equal('');
        }),
      );
    });

    it('a paste anywhere never adds to the reading', () => {
      fc.assert(
        fc.property(fc.array(word, { minLength: 0, maxLength: 3 }), fc.string({ minLength: 1, maxLength: 8 }), fc.nat(), (words, clip, at) => {
          const s = typeWords(words);
          const i = s.value.length ? at % (s.value.length + 1) : 0;
          const after = furiganaReducer(s, pasted(s.value.slice(0, i) + clip + s.value.slice(i)));
          const before = readingOf(s).replace(/[ \u3000]/g, '');
          const now = readingOf(after).replace(/[ \u3000]/g, '');
          expect(now.length).to.be.at.most(before.length);
        }),
      );
    });

    const anyEvent: fc.Arbitrary<FuriganaEvent> = fc.oneof(
      fc.constant<FuriganaEvent>({ type: 'compositionstart' }),
      fc.record({ type: fc.constant('compositionupdate' as const), data: fc.oneof(hiraganaWord, kanjiWord, fc.string({ maxLength: 5 })) }),
      fc.record({ type: fc.constant('compositionend' as const), data: fc.oneof(hiraganaWord, kanjiWord, fc.string({ maxLength: 5 })), value: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }),
      fc.record({
        type: fc.constant('input' as const),
        value: fc.oneof(fc.string({ maxLength: 8 }), hiraganaWord, fc.constant('')),
        inputType: fc.constantFrom('insertText', 'insertCompositionText', 'insertFromPaste', 'deleteContentBackward', 'insertReplacementText', '', undefined),
        isComposing: fc.boolean(),
      }),
    );

    it('whatever the events, the reading is empty or a valid katakana reading, and the segments spell the value', () => {
      fc.assert(
        fc.property(fc.array(anyEvent, { maxLength: 25 }), (events) => {
          const s = run(events);
          const r = readingOf(s);
          expect(r === '' || isKatakanaReading(r), r).to.equal(true);
          if (!s.composing) expect(s.segments.map((g) => g.text).join('')).to.equal(s.value);
        }),
      );
    });

    it('an emptied field always has no reading', () => {
      fc.assert(
        fc.property(fc.array(anyEvent, { maxLength: 20 }), (events) => {
          const s = run([...events, { type: 'input', value: '', inputType: 'deleteContentBackward', isComposing: false }]);
          expect(readingOf(s)).to.equal('');
        }),
      );
    });

    it('a repeated input event with the same value changes nothing (Firefox / Safari trailing events)', () => {
      fc.assert(
        fc.property(fc.array(anyEvent, { maxLength: 15 }), fc.constantFrom('insertText', 'insertCompositionText', 'insertFromComposition'), (events, inputType) => {
          const s = run([...events, typed('x')]);
          expect(furiganaReducer(s, { type: 'input', value: s.value, inputType, isComposing: false })).to.equal(s);
        }),
      );
    });
  });
});

describe('core/field-schema: names', () => {
  const names: Array<[string, string, string | null]> = [
    ['kanji', '山田', null],
    ['ideographic variant', '髙﨑', null],
    ['iteration mark', '佐々木', null],
    ['Latin with apostrophe and hyphen', "O'Brien-Smith", null],
    ['half-width kana', 'ﾔﾏﾀﾞ', null],
    ['empty', '', 'required'],
    ['spaces only', '\u3000 ', 'required'],
    ['markup', '<img src=x>', 'symbols'],
    ['full-width symbol', '山田＜', 'symbols'],
    ['braces', '{{name}}', 'symbols'],
    ['NUL', '山\u0000田', 'unsafe'],
    ['RLO', '山田\u202E', 'unsafe'],
    [`${NAME_MAX_LENGTH} characters`, '山'.repeat(NAME_MAX_LENGTH), null],
    [`${NAME_MAX_LENGTH + 1} characters`, '山'.repeat(NAME_MAX_LENGTH + 1), 'tooLong'],
    ['30 astral characters count as 30', '𠮷'.repeat(30), null],
    ['10,000 characters of markup', '<b>'.repeat(3_334), 'tooLong'],
  ];
  for (const [what, input, code] of names) {
    it(`name: ${what} → ${code ?? 'valid'}`, () => expect(codeOf('customer.familyName', input)).to.equal(code));
  }

  const kana: Array<[string, string, string | null]> = [
    ['katakana', 'ヤマダ', null],
    ['with space, ー and ・', 'ジョン・スミス　ヤマダ', null],
    ['hiragana (sent as katakana)', 'やまだ', null],
    ['half-width kana (sent full-width)', 'ﾔﾏﾀﾞ', null],
    ['outer spaces (trimmed)', ' ヤマダ ', null],
    ['kanji', '山田', 'katakana'],
    ['Latin', 'Yamada', 'katakana'],
    ['digits', 'ヤマダ1', 'katakana'],
    ['markup', '<b>ヤ</b>', 'katakana'],
    ['empty', '', 'required'],
    ['RLO', 'ヤマ\u202Eダ', 'unsafe'],
    ['31 characters', 'ア'.repeat(31), 'tooLong'],
  ];
  for (const [what, input, code] of kana) {
    it(`reading: ${what} → ${code ?? 'valid'}`, () => expect(codeOf('customer.familyNameKana', input)).to.equal(code));
  }

  it('normalizes what is sent, keeping kanji exactly', () => {
    expect(normalizeName(' 髙橋 ')).to.equal('髙橋');
    expect(normalizeName('ﾔﾏﾀﾞ')).to.equal('ヤマダ');
    expect(normalizeNameKana(' やまだ ﾀﾛｳ ')).to.equal('ヤマダ タロウ');
  });

  it('allows the punctuation real names use', () => {
    expect(hasNameSymbols("Jean-Luc O'Neil Jr.")).to.equal(false);
  });

  it('every hiragana-only reading is valid once sent (property)', () => {
    const hira = fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(hira, { minLength: 1, maxLength: NAME_MAX_LENGTH }), (chars) => {
        expect(codeOf('customer.familyNameKana', chars.join(''))).to.equal(null);
      }),
    );
  });
});
