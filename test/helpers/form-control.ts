/**
 * The form-control suite every form-associated kessai element runs (after
 * Shoelace's runFormControlBaseTests): name and value in FormData, required
 * and validity, errors linked to their controls, labels, form submit and
 * reset, state restore, disabled, keyboard order, accessibility. An element's
 * own test file calls `runFormControlTests(spec)` and keeps only what is its own.
 */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FormFieldsElement } from '../../src/components/shared/form-fields.js';
import { blur, errorOf, typeInto, until } from './dom.js';

export interface FormControlSpec<E extends FormFieldsElement> {
  tag: string;
  /** More attributes for the element (e.g. `postal-data="…"`). */
  attrs?: string;
  /** The controls a shopper fills, in visual order: inputs, a select, or a radio group. */
  controls(el: E): HTMLElement[];
  /** The Japanese error each control shows once an empty form is submitted ('' for an optional one). */
  emptyErrors: readonly string[];
  /** Where focus goes on an invalid submit (default: the first control). */
  firstInvalid?(el: E): HTMLElement;
  /** Where Tab stops, in order (default: the controls; a radio group is one stop). */
  tabStops?(el: E): HTMLElement[];
  /** Makes the element valid the way a shopper would (typing, clicking). */
  fill(el: E): Promise<void> | void;
  /** `value` and the FormData entries (under the name prefix) after `fill`; null: nothing may enter FormData (card data). */
  filled: Readonly<Record<string, string>> | null;
  /** `value` once the form is reset. */
  empty: Readonly<Record<string, string>>;
  /** True when every control is disabled (default: each control's `disabled`). */
  allDisabled?(el: E): boolean;
  /** A server error (`error.field`) put on the control at `index` by its `key`, and an edit that clears it (optional). */
  serverError?: { key: string; index: number; edit: string };
  /** Typed with the keyboard into each tab stop in turn, and the `value` that gives (optional). */
  typed?: { keys: readonly string[]; value: Readonly<Record<string, string>> };
}

const deepActive = (el: Element) => el.shadowRoot!.activeElement;


/** The visible text that names a control: its <label>s, or what aria-labelledby points to. */
function labelText(control: HTMLElement): string {
  const labels = (control as HTMLInputElement).labels;
  if (labels?.length) return Array.from(labels, (l) => l.textContent ?? '').join(' ').trim();
  const root = control.getRootNode() as ShadowRoot;
  return (control.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => root.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

export function runFormControlTests<E extends FormFieldsElement>(spec: FormControlSpec<E>): void {
  const attrs = spec.attrs ?? '';
  async function inForm(name = 'name="f"', before = '') {
    const form = await fixture<HTMLFormElement>(`<form>${before}<${spec.tag} ${name} ${attrs}></${spec.tag}><button id="submit">注文する</button></form>`);
    const el = form.querySelector(spec.tag) as E;
    await el.updateComplete;
    let submits = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submits++;
    });
    return { form, el, submits: () => submits };
  }
  const errors = (el: E) => spec.controls(el).map((c) => errorOf(c));

  describe(`<${spec.tag}> as a form control`, () => {
    it('labels every control visibly, and is accessible (axe) empty and with every error shown', async () => {
      const { el } = await inForm();
      for (const c of spec.controls(el)) expect(labelText(c), `label of #${c.id}`).to.not.equal('');
      for (const label of el.shadowRoot!.querySelectorAll('label')) if (label.textContent!.trim()) expect(label.getBoundingClientRect().width, label.textContent!).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      el.reportValidity();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('blocks an empty form’s submit: Japanese errors linked to their controls, focus on the first, :invalid and validity', async () => {
      const { form, el, submits } = await inForm();
      expect(el.checkValidity()).to.equal(false);
      expect(errors(el).every((e) => e === ''), 'no error before the submit').to.equal(true);
      expect(el.matches(':state(user-invalid)'), ':state(user-invalid) before the submit').to.equal(false);
      form.requestSubmit();
      await el.updateComplete;
      expect(submits()).to.equal(0);
      expect(el.matches(':state(user-invalid)'), ':state(user-invalid) with errors shown').to.equal(true);
      expect(errors(el)).to.deep.equal([...spec.emptyErrors]);
      spec.controls(el).forEach((c, i) => {
        expect(c.getAttribute('aria-invalid'), `aria-invalid of #${c.id}`).to.equal(spec.emptyErrors[i] ? 'true' : 'false');
        const linked = (c.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => el.shadowRoot!.getElementById(id));
        const error = linked.find((n) => n?.classList.contains('error'));
        expect(error, `error of #${c.id} linked by aria-describedby`).to.exist;
        expect(error!.getAttribute('aria-live')).to.equal('polite');
      });
      const target = spec.firstInvalid ? spec.firstInvalid(el) : spec.controls(el)[spec.emptyErrors.findIndex(Boolean)];
      expect(deepActive(el) === target, 'focus on the first invalid control').to.equal(true);
      expect(el.matches(':invalid')).to.equal(true);
      expect(el.validity.valid).to.equal(false);
      expect(el.validationMessage).to.equal(spec.emptyErrors.find(Boolean));
    });

    it('shows no error on a control that was only visited', async () => {
      const { el } = await inForm();
      for (const c of spec.tabStops ? spec.tabStops(el) : spec.controls(el)) {
        c.focus();
        blur(c);
      }
      await el.updateComplete;
      expect(errors(el).every((e) => e === '')).to.equal(true);
    });

    it('submits once filled: checkValidity and reportValidity agree, and the values are in FormData under its name', async () => {
      const { form, el, submits } = await inForm();
      await spec.fill(el);
      await el.updateComplete;
      expect(el.checkValidity()).to.equal(true);
      expect(el.reportValidity()).to.equal(true);
      expect(el.matches(':valid')).to.equal(true);
      form.requestSubmit();
      expect(submits()).to.equal(1);
      const entries = [...new FormData(form).entries()];
      if (!spec.filled) {
        expect(entries, 'no card data in FormData').to.deep.equal([]);
        return;
      }
      expect(el.value).to.deep.equal(spec.filled);
      expect(Object.fromEntries(entries)).to.deep.equal(Object.fromEntries(Object.entries(spec.filled).map(([k, v]) => [`f.${k}`, v])));
    });

    if (spec.serverError) {
      const { key, index, edit } = spec.serverError;
      it('shows a server error on its control with focus, stays invalid until the shopper edits that control', async () => {
        const { el } = await inForm();
        await spec.fill(el);
        await el.updateComplete;
        el.setServerError(key, 'この内容ではご注文いただけません。');
        await el.updateComplete;
        const control = spec.controls(el)[index] as HTMLInputElement;
        expect(errorOf(control)).to.equal('この内容ではご注文いただけません。');
        expect(deepActive(el) === control, 'focus').to.equal(true);
        expect(el.checkValidity()).to.equal(false);
        typeInto(control, edit);
        await el.updateComplete;
        expect(errorOf(control)).to.equal('');
        expect(el.checkValidity()).to.equal(true);
      });
    }

    if (spec.filled) {
      const filled = spec.filled;
      it('uses bare keys without a name, and restores a saved form state', async () => {
        const { form, el } = await inForm('');
        await spec.fill(el);
        await el.updateComplete;
        expect(Object.fromEntries(new FormData(form).entries())).to.deep.equal(filled);
        const { el: other } = await inForm();
        const saved = new FormData();
        for (const [k, v] of Object.entries(filled)) saved.append(`f.${k}`, v);
        other.formStateRestoreCallback(saved);
        await other.updateComplete;
        expect(other.value).to.deep.equal(filled);
        expect(errors(other).every((e) => e === '')).to.equal(true);
      });
    }

    it('resets with its form: values and shown errors are cleared', async () => {
      const { form, el } = await inForm();
      await spec.fill(el);
      el.reportValidity();
      form.reset();
      await el.updateComplete;
      expect(el.value).to.deep.equal(spec.empty);
      form.requestSubmit();
      await el.updateComplete;
      expect(el.matches(':state(user-invalid)'), ':state(user-invalid) with errors shown').to.equal(true);
      form.reset();
      await el.updateComplete;
      expect(errors(el).every((e) => e === '')).to.equal(true);
      expect(el.matches(':state(user-invalid)'), ':state(user-invalid) after the reset').to.equal(false);
    });

    it('is disabled by a disabled fieldset and by its disabled property', async () => {
      const form = await fixture<HTMLFormElement>(`<form><fieldset disabled><${spec.tag} ${attrs}></${spec.tag}></fieldset></form>`);
      const el = form.querySelector(spec.tag) as E;
      await el.updateComplete;
      const allDisabled = () => (spec.allDisabled ? spec.allDisabled(el) : spec.controls(el).every((c) => (c as HTMLInputElement).disabled));
      const noneDisabled = () => spec.controls(el).every((c) => !(c as HTMLInputElement).disabled && c.getAttribute('aria-disabled') !== 'true');
      expect(allDisabled(), 'fieldset disabled').to.equal(true);
      (form.querySelector('fieldset') as HTMLFieldSetElement).disabled = false;
      await el.updateComplete;
      expect(noneDisabled(), 'fieldset enabled').to.equal(true);
      // The form-disabled callback comes as the attribute is reflected: wait for the render it asks for.
      el.disabled = true;
      await until(allDisabled);
      expect(el.hasAttribute('disabled')).to.equal(true);
      el.disabled = false;
      await until(noneDisabled);
    });

    it('works with the keyboard: Tab walks its controls in visual order, then leaves', async () => {
      const { el, form } = await inForm('name="f"', '<button type="button" id="before">前へ</button>');
      (form.querySelector('#before') as HTMLButtonElement).focus();
      const stops = spec.tabStops ? spec.tabStops(el) : spec.controls(el);
      for (const [i, stop] of stops.entries()) {
        await sendKeys({ press: 'Tab' });
        await el.updateComplete;
        expect(deepActive(el) === stop, `Tab stop ${i + 1}: #${stop.id}`).to.equal(true);
        if (spec.typed?.keys[i]) await sendKeys({ type: spec.typed.keys[i] });
      }
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === form.querySelector('#submit'), 'leaves to the next control').to.equal(true);
      if (spec.typed) {
        await el.updateComplete;
        expect(el.value).to.deep.equal(spec.typed.value);
      }
    });
  });
}
