/**
 * Furigana (the katakana reading of a name) collected from the IME while the
 * shopper types the name in kanji, as a pure state machine over plain event
 * data. No DOM: a component turns its composition / input events into
 * `FuriganaEvent`s; tests (and Node) can feed the same data directly.
 *
 * How the reading is found:
 * - While composing, the IME shows what was typed (やまだ) before converting it
 *   (山田). The last hiragana-only `compositionupdate` data of a composition is
 *   its reading; at `compositionend` the committed text gets the katakana form
 *   of that snapshot. A composition committed without conversion (やまだ kept as
 *   hiragana, or ヤマダ) is its own reading.
 * - `input` events while composing are ignored (engines differ in their order:
 *   Chrome fires the last one before `compositionend`, Firefox before and after
 *   it, Safari after it with `isComposing` false). The committed text is
 *   matched against the change of the field's value, whenever that change
 *   shows up, so every order gives the same result.
 * - The field's text is kept as segments, each with its reading or `null` when
 *   it cannot be known: pasted, dropped or autofilled text (`inputType`
 *   insertFromPaste, insertReplacementText or none) and kanji typed without a
 *   composition are never guessed. Deleting whole words deletes their reading;
 *   an edit inside a converted word makes that word's reading unknown (the
 *   reading of 山 in 山田 cannot be known); emptying the field clears it all.
 *
 * The reading is `readingOf(state)`: the known readings in order.
 */
import { isHiraganaOnly, toKatakana } from './kana.js';

/** A run of the field's text and its katakana reading (`null`: unknown). */
export interface FuriganaSegment {
  readonly text: string;
  readonly reading: string | null;
  /** Id of the composition that committed this text, if one did. */
  readonly commit?: number;
}

interface Commit {
  readonly id: number;
  readonly data: string;
  readonly reading: string | null;
}

export interface FuriganaState {
  /** The field's value the segments describe (the last value outside a composition). */
  readonly value: string;
  readonly segments: readonly FuriganaSegment[];
  readonly composing: boolean;
  /** Last hiragana-only `compositionupdate` data of the current composition. */
  readonly snapshot: string;
  /** `compositionupdate`s seen in the current composition. */
  readonly updates: number;
  /** Committed compositions whose text has not shown up in the value yet. */
  readonly pending: readonly Commit[];
  /** The composition committed just before, while nothing else happened since. */
  readonly lastCommit: { readonly id: number; readonly snapshot: string } | null;
  /** The current composition looks like the rest of a partial commit: the shorter reading of that commit. */
  readonly carry: { readonly id: number; readonly reading: string } | null;
  readonly nextId: number;
}

export type FuriganaEvent =
  | { readonly type: 'compositionstart' }
  | { readonly type: 'compositionupdate'; readonly data: string | null | undefined }
  /** `value`: the field's value when `compositionend` fired, if the listener could read it. */
  | { readonly type: 'compositionend'; readonly data: string | null | undefined; readonly value?: string }
  | {
      readonly type: 'input';
      readonly value: string;
      /** `InputEvent.inputType`; empty or missing for autofill and script-dispatched events. */
      readonly inputType?: string | null;
      readonly isComposing?: boolean;
    }
  /** The value was set by code (prefill, reset, restore): its reading is not known unless it is kana. */
  | { readonly type: 'set'; readonly value: string };

/** Where a non-composition change came from. */
export type InputSource = 'typed' | 'pasted' | 'autofill';

/** Classifies an `inputType`: text from the clipboard, a drop or autofill is never read as a reading. */
export function inputSource(inputType: string | null | undefined): InputSource {
  if (!inputType || inputType === 'insertReplacementText') return 'autofill';
  if (/^insertFrom(Paste|Drop|Yank)/.test(inputType)) return 'pasted';
  return 'typed';
}

/** Input types an engine fires for the composition itself (ignored while composing). */
const COMPOSITION_INPUT = /^(insertCompositionText|deleteCompositionText|insertFromComposition|deleteByComposition)$/;

/**
 * Kana text (hiragana, katakana incl. half-width, ー ・ and spaces) is its own
 * reading; anything else has none that can be derived.
 */
const KANA_TEXT = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FE\uFF65-\uFF9F \u3000]+$/;
const READING_CHARS = /^[\u30A1-\u30FE\u31F0-\u31FF \u3000]+$/;

/** The katakana reading of kana text (やまだ, ﾔﾏﾀﾞ, ヤマダ → ヤマダ), or null for anything else. */
export function readingOfKanaText(text: string): string | null {
  if (!KANA_TEXT.test(text)) return null;
  const reading = toKatakana(text);
  // A lone half-width sound mark (ﾞ) becomes ゛, which is no reading.
  return READING_CHARS.test(reading) ? reading : null;
}

export function initialFurigana(value = ''): FuriganaState {
  return {
    value,
    segments: value ? [{ text: value, reading: readingOfKanaText(value) }] : [],
    composing: false,
    snapshot: '',
    updates: 0,
    pending: [],
    lastCommit: null,
    carry: null,
    nextId: 1,
  };
}

/** The known reading: readings of the segments in order, spaces collapsed and trimmed. */
export function readingOf(state: FuriganaState): string {
  return state.segments
    .map((s) => s.reading ?? '')
    .join('')
    .replace(/[ \u3000]{2,}/g, (run) => run[0])
    .replace(/^[ \u3000]+|[ \u3000]+$/g, '');
}

/** True when every non-blank part of the text has a known reading. */
export function isReadingComplete(state: FuriganaState): boolean {
  return state.segments.every((s) => s.reading !== null || s.text.trim() === '');
}

/** The next state after `event`. Returns `state` itself when nothing changed. */
export function furiganaReducer(state: FuriganaState, event: FuriganaEvent): FuriganaState {
  switch (event.type) {
    case 'set':
      return initialFurigana(event.value);

    case 'compositionstart':
      return { ...state, composing: true, snapshot: '', updates: 0, carry: null };

    case 'compositionupdate': {
      const data = event.data ?? '';
      let next: FuriganaState = { ...state, composing: true, updates: state.updates + 1 };
      if (state.updates === 0) next = { ...next, carry: partialCommitCarry(state, data) };
      if (isHiraganaOnly(data)) next = { ...next, snapshot: data };
      return next;
    }

    case 'compositionend': {
      const data = event.data ?? '';
      // A cancelled composition (no data) ends any partial-commit chain.
      let next: FuriganaState = { ...state, composing: false, updates: 0, snapshot: '', lastCommit: null, carry: null };
      if (data) {
        if (state.carry) next = applyCarry(next, state.carry);
        const id = state.nextId;
        const reading = state.snapshot ? toKatakana(state.snapshot) : readingOfKanaText(data);
        next = {
          ...next,
          nextId: id + 1,
          pending: [...state.pending, { id, data, reading }],
          lastCommit: state.snapshot ? { id, snapshot: state.snapshot } : null,
        };
      }
      // The committed text is usually in the value already (Chrome, Firefox).
      // If the value does not show it yet (it comes with the next input event,
      // or still holds the composing text), the commit waits in `pending`.
      if (event.value !== undefined && next.pending.length) {
        const { inserted } = diffText(state.value, event.value);
        if (matchesCommits(inserted, next.pending)) return reconcile(next, event.value, 'typed');
      }
      return next;
    }

    case 'input': {
      if (event.isComposing) return state;
      let current = state;
      if (current.composing) {
        if (COMPOSITION_INPUT.test(event.inputType ?? '')) return state;
        // A non-composition edit while a composition seemed to run: the engine
        // never sent compositionend (e.g. focus moved away). Carry on without it.
        current = { ...current, composing: false, updates: 0, snapshot: '' };
      }
      if (event.value === current.value) return current;
      return reconcile(current, event.value, inputSource(event.inputType));
    }
  }
}

/**
 * Partial commit: an IME may commit only the first words of a long
 * composition (山田 of やまだたろう) and start a new composition with the rest
 * (たろう) at once. The new composition's first update is then the remaining
 * hiragana, a suffix of the previous snapshot: when that composition
 * commits, that part of the reading moves to it (a cancelled one moves nothing).
 */
function partialCommitCarry(state: FuriganaState, firstData: string): FuriganaState['carry'] {
  const last = state.lastCommit;
  if (!last || firstData.length < 2 || !isHiraganaOnly(firstData)) return null;
  if (last.snapshot.length <= firstData.length || !last.snapshot.endsWith(firstData)) return null;
  return { id: last.id, reading: toKatakana(last.snapshot.slice(0, -firstData.length)) };
}

/** Gives the partially committed text the part of the reading that was not recomposed (when the rest commits). */
function applyCarry(state: FuriganaState, carry: NonNullable<FuriganaState['carry']>): FuriganaState {
  const { id, reading } = carry;
  return {
    ...state,
    segments: state.segments.map((s) => (s.commit === id ? { ...s, reading } : s)),
    pending: state.pending.map((c) => (c.id === id ? { ...c, reading } : c)),
  };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The single edit turning `a` into `b`: `a[start, end)` replaced by `inserted` (never splitting a surrogate pair). */
export function diffText(a: string, b: string): { start: number; end: number; inserted: string } {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && isHigh(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLow(a.charCodeAt(a.length - s))) s--;
  return { start: p, end: a.length - s, inserted: b.slice(p, b.length - s) };
}

/**
 * True when `inserted` is the text of the committed compositions. A rotation of
 * it is the same insertion that the diff placed at a neighbouring offset
 * (ab committed after the a of ab reads as ab inserted after ab).
 */
function matchesCommits(inserted: string, pending: readonly Commit[]): boolean {
  if (!pending.length || !inserted) return false;
  const all = pending.map((c) => c.data).join('');
  return inserted === all || (inserted.length === all.length && (all + all).includes(inserted));
}

/** A piece of `seg`: its reading stays known only when the text is kana (its own reading). */
function clip(seg: FuriganaSegment, from: number, to: number): FuriganaSegment | null {
  if (from <= 0 && to >= seg.text.length) return seg;
  const text = seg.text.slice(Math.max(0, from), Math.min(seg.text.length, to));
  if (!text) return null;
  return { text, reading: seg.reading === null ? null : readingOfKanaText(text) };
}

/** Applies the change from `state.value` to `value` to the segments and consumes pending commits. */
function reconcile(state: FuriganaState, value: string, source: InputSource): FuriganaState {
  const pending = state.pending;
  const base = { ...state, value, pending: [] as Commit[] };
  if (value === '') return { ...base, segments: [], lastCommit: null };

  const { start, end, inserted } = diffText(state.value, value);
  const left: FuriganaSegment[] = [];
  const right: FuriganaSegment[] = [];
  let pos = 0;
  for (const seg of state.segments) {
    const a = pos;
    const b = pos + seg.text.length;
    pos = b;
    if (a < start) {
      const piece = clip(seg, 0, start - a);
      if (piece) left.push(piece);
    }
    if (b > end) {
      const piece = clip(seg, end - a, seg.text.length);
      if (piece) right.push(piece);
    }
  }

  let middle: FuriganaSegment[] = [];
  if (inserted) {
    if (matchesCommits(inserted, pending)) {
      let at = 0;
      middle = pending.map((c) => {
        const text = inserted.slice(at, (at += c.data.length));
        return { text, reading: c.reading, commit: c.id };
      });
    } else {
      middle = [{ text: inserted, reading: source === 'typed' ? readingOfKanaText(inserted) : null }];
    }
  }
  const attributed = pending.length > 0 && middle.some((m) => m.commit !== undefined);
  return {
    ...base,
    segments: [...left, ...middle, ...right],
    lastCommit: attributed ? state.lastCommit : null,
  };
}
