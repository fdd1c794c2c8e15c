/**
 * IME helpers for tests.
 *
 * `imeSteps` drives a real composition in Chromium through the DevTools
 * protocol (the `ime` test-run command, see test/commands.js): the browser
 * itself fires compositionstart / compositionupdate / beforeinput / input
 * (isComposing) / compositionend, as with a real IME. Firefox and WebKit cannot
 * be driven that way: the command answers `{ supported: false }` there, and
 * `imeStepsOrByHand` then dispatches the same steps by hand in Chrome's order.
 *
 * `composeByHand` dispatches one composition in a chosen engine's order
 * (events the protocol cannot produce, e.g. Safari's compositionend before the
 * final input event).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

export type ImeStep = { compose: string } | { commit: string } | { paste: string };

export const isChromium = /Chrom(e|ium)\//.test(navigator.userAgent);

/** Runs steps through the DevTools protocol (Chromium only); the focused element receives them. */
export async function imeSteps(steps: ImeStep[]): Promise<{ supported: boolean }> {
  return (await executeServerCommand<{ supported: boolean }, { steps: ImeStep[] }>('ime', { steps })) as { supported: boolean };
}

/**
 * Real composition in Chromium; elsewhere asserts that the protocol is not
 * available (`{ supported: false }`) and dispatches the steps by hand.
 * Returns how the steps were run.
 */
export async function imeStepsOrByHand(input: HTMLInputElement, steps: ImeStep[]): Promise<'cdp' | 'hand'> {
  input.focus();
  const answer = await imeSteps(steps);
  if (isChromium) {
    expect(answer, 'the ime command drives Chromium').to.deep.equal({ supported: true });
    return 'cdp';
  }
  expect(answer, 'the ime command answers that it cannot drive this engine').to.deep.equal({ supported: false });
  stepsByHand(input, steps);
  return 'hand';
}

function fire(target: EventTarget, event: Event): void {
  target.dispatchEvent(event);
}

const compositionEvent = (type: string, data: string) => new CompositionEvent(type, { data, bubbles: true, composed: true });
const inputEvent = (inputType: string, data: string | null, isComposing: boolean) =>
  new InputEvent('input', { inputType, data, isComposing, bubbles: true, composed: true });

/** A text range of `input` that a composition replaces, as the browser tracks it. */
class Range {
  readonly before: string;
  readonly start: number;
  readonly end: number;
  constructor(private input: HTMLInputElement) {
    this.before = input.value;
    this.start = input.selectionStart ?? input.value.length;
    this.end = input.selectionEnd ?? this.start;
  }
  put(text: string): void {
    this.input.value = this.before.slice(0, this.start) + text + this.before.slice(this.end);
    const caret = this.start + text.length;
    this.input.setSelectionRange(caret, caret);
  }
}

/** The ime command's steps, dispatched by hand in Chrome's order. */
export function stepsByHand(input: HTMLInputElement, steps: ImeStep[]): void {
  let range: Range | null = null;
  let shown = '';
  for (const step of steps) {
    if ('compose' in step) {
      if (!range) {
        range = new Range(input);
        fire(input, compositionEvent('compositionstart', ''));
      }
      fire(input, compositionEvent('compositionupdate', step.compose));
      range.put(step.compose);
      fire(input, inputEvent('insertCompositionText', step.compose, true));
      shown = step.compose;
    } else if ('commit' in step) {
      if (range) {
        if (shown !== step.commit) {
          fire(input, compositionEvent('compositionupdate', step.commit));
          range.put(step.commit);
          fire(input, inputEvent('insertCompositionText', step.commit, true));
        }
        fire(input, compositionEvent('compositionend', step.commit));
        range = null;
      } else {
        new Range(input).put(step.commit);
        fire(input, inputEvent('insertText', step.commit, false));
      }
    } else {
      new Range(input).put(step.paste);
      fire(input, inputEvent('insertFromPaste', step.paste, false));
    }
  }
}

export type EngineOrder = 'chrome' | 'firefox' | 'firefox-legacy' | 'safari' | 'safari-late-value';

/**
 * One composition (`updates` shown, then `commit` committed) dispatched in an engine's order:
 *  - chrome: compositionupdate, input (isComposing true) for each update; compositionend last.
 *  - firefox: the same, plus an input (isComposing false) after compositionend.
 *  - firefox-legacy: no input for the commit before compositionend, one (isComposing false) after it.
 *  - safari: compositionend BEFORE the final input, which has isComposing false (insertFromComposition).
 *  - safari-late-value: the same, with the committed text reaching the value only with that final input.
 */
export function composeByHand(input: HTMLInputElement, updates: string[], commit: string, order: EngineOrder): void {
  input.focus();
  const range = new Range(input);
  const shown = [...updates];
  if (shown[shown.length - 1] !== commit) shown.push(commit);
  fire(input, compositionEvent('compositionstart', ''));
  shown.forEach((text, i) => {
    const last = i === shown.length - 1;
    fire(input, compositionEvent('compositionupdate', text));
    if (last && order === 'safari-late-value') return;
    range.put(text);
    if (last && (order === 'firefox-legacy' || order === 'safari')) return;
    fire(input, inputEvent('insertCompositionText', text, true));
  });
  fire(input, compositionEvent('compositionend', commit));
  if (order === 'firefox' || order === 'firefox-legacy') fire(input, inputEvent('insertCompositionText', commit, false));
  if (order === 'safari' || order === 'safari-late-value') {
    range.put(commit);
    fire(input, inputEvent('insertFromComposition', commit, false));
  }
}

/** A paste as the browser reports it (insertFromPaste), at the caret. */
export function pasteByHand(input: HTMLInputElement, text: string): void {
  input.focus();
  new Range(input).put(text);
  fire(input, inputEvent('insertFromPaste', text, false));
}

/** Autofill as engines report it: a plain `input` Event (no inputType) or insertReplacementText. */
export function autofillByHand(input: HTMLInputElement, text: string, kind: 'event' | 'insertReplacementText'): void {
  input.value = text;
  fire(input, kind === 'event' ? new Event('input', { bubbles: true }) : inputEvent('insertReplacementText', text, false));
}
