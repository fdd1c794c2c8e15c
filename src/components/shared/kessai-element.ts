import { LitElement, nothing, type PropertyValues } from 'lit';
import { findSecretPrefix } from '../../core/secrets.js';
import { resolveLocale, withLocale, type KessaiLocale } from '../../localize.js';

const live = new Set<KessaiElement>();
let langObserver: MutationObserver | undefined;

/** Re-render every connected kessai element when the document's `lang` changes. */
function watchDocumentLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => live.forEach((el) => el.requestUpdate()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Base of every kessai element: per-element locale for `msg`, re-render on
 * `lang` changes, and refusal to run when a secret key is put in an attribute
 * or property.
 */
export class KessaiElement extends LitElement {
  /** Set when the element refuses to run; a console error says why. */
  protected refusal: string | null = null;

  /** The locale this element renders in (from `lang` on it or an ancestor). */
  get locale(): KessaiLocale {
    return resolveLocale(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    live.add(this);
    watchDocumentLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
  }

  /** Values checked for secrets: every attribute and every declared string property. */
  protected secretCandidates(): Array<[string, unknown]> {
    const props = Array.from((this.constructor as typeof LitElement).elementProperties.keys(), (k) => [String(k), this[k as keyof this]] as [string, unknown]);
    return [...Array.from(this.attributes, (a) => [a.name, a.value] as [string, unknown]), ...props];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.refusal) return;
    // Everything on the first update; afterwards what changed (attributes reflect into properties).
    const candidates = this.hasUpdated ? this.secretCandidates().filter(([k]) => changed.has(k as keyof this)) : this.secretCandidates();
    for (const [where, value] of candidates) {
      const prefix = findSecretPrefix(value);
      if (prefix) {
        this.refuse(`a secret key (${prefix}…) was given in "${where}". Secret keys belong on the merchant's server only.`);
        return;
      }
    }
  }

  /** Stops the element for good: it renders nothing from now on. */
  protected refuse(reason: string): void {
    if (this.refusal) return;
    this.refusal = reason;
    console.error(`<${this.localName}> refused to run: ${reason}`);
  }

  protected override update(changed: PropertyValues): void {
    withLocale(this.locale, () => super.update(changed));
  }

  protected override render(): unknown {
    return this.refusal ? nothing : this.renderContent();
  }

  /** What the element shows while it is not refusing to run. */
  protected renderContent(): unknown {
    return nothing;
  }
}
