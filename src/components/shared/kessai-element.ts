import { LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { findSecretPrefix } from '../../core/secrets.js';
import { resolveLocale, withLocale, type KessaiLocale } from '../../locale.js';
import { englishReady } from '../../localize.js';
import { SCHEME_CHOICES, schemeBehind, type SchemeChoice } from './color-scheme.js';

const live = new Set<KessaiElement>();
let langObserver: MutationObserver | undefined;

/** Re-render every connected kessai element when the document's `lang` changes. */
function watchDocumentLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => live.forEach((el) => el.langChanged()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

let schemeWatch: (() => void) | undefined;

/**
 * Re-reads the page's colours for every connected element when the page may have
 * switched theme: attributes of <html> or <body> (class, style, data-theme …), the
 * OS setting (pages declaring `color-scheme: light dark` follow it), and the page's
 * `load` (late stylesheets). At most once per frame.
 */
function watchPageScheme(): void {
  if (schemeWatch || typeof MutationObserver === 'undefined') return;
  let queued = false;
  schemeWatch = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      live.forEach((el) => el.readPageScheme());
    });
  };
  const observer = new MutationObserver(schemeWatch);
  const observeBody = () => document.body && observer.observe(document.body, { attributes: true });
  observer.observe(document.documentElement, { attributes: true });
  if (document.body) observeBody();
  else document.addEventListener('DOMContentLoaded', observeBody, { once: true });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', schemeWatch);
  // Stylesheets that arrive after the element (async or added by script) paint the page by `load`.
  if (document.readyState !== 'complete') addEventListener('load', schemeWatch, { once: true });
}

/**
 * Base of every kessai element: per-element locale for `msg`, re-render on
 * `lang` changes, and refusal to run when a secret key is put in an attribute
 * or property.
 */
export class KessaiElement extends LitElement {
  /**
   * Colour scheme: `page` (default) matches the page the element sits on (its
   * declared `color-scheme`, or its background when it paints itself dark or light
   * without declaring it), whatever the OS setting; `system` follows the OS;
   * `light` or `dark` forces one. `system`, `light` and `dark` paint the element's own
   * background (`--kessai-color-background`, default the scheme's Canvas).
   */
  @property({ attribute: 'color-scheme' }) colorScheme: SchemeChoice = 'page';

  /** Set when the element refuses to run; a console error says why. */
  protected refusal: string | null = null;
  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  private cachedLocale?: KessaiLocale;

  /**
   * The locale this element renders in (from `lang` on it or an ancestor). Read again
   * when the element is connected and when a `lang` in the document changes; kept in
   * between (read on every keystroke's update, the walk up the tree cost ~10 % of it).
   */
  get locale(): KessaiLocale {
    return (this.cachedLocale ??= resolveLocale(this));
  }

  /** A `lang` attribute changed somewhere in the document: read the locale again and re-render. */
  langChanged(): void {
    this.cachedLocale = undefined;
    this.requestUpdate();
  }

  /** Runs `fn` with `msg` in this element's language: for text made outside render (events, validity). */
  protected inLocale<T>(fn: () => T): T {
    return withLocale(this.locale, fn);
  }

  override connectedCallback(): void {
    this.cachedLocale = undefined;
    super.connectedCallback();
    live.add(this);
    watchDocumentLang();
    watchPageScheme();
    this.readPageScheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    live.delete(this);
  }

  /**
   * Applies `colorScheme` as custom states the styles read: `scheme-light`,
   * `scheme-dark` or `scheme-system`, and `own-background` when not in `page` mode.
   * In `page` mode the scheme comes from what is behind the element (see
   * color-scheme.ts); inside another kessai element it is inherited from that one.
   */
  readPageScheme(): void {
    const states = this.internals.states as Set<string> | undefined;
    if (!states || !this.isConnected) return;
    const choice = this.colorScheme;
    const nested = (this.getRootNode() as ShadowRoot).host?.localName.startsWith('kessai-');
    const scheme = choice !== 'page' ? choice : nested ? undefined : schemeBehind(this);
    const set = (name: string, on: boolean) => {
      try {
        if (on) states.add(name);
        else states.delete(name);
      } catch {
        // Chromium before 125 accepts only `--name` states: the attribute rules still apply there.
      }
    };
    for (const s of ['light', 'dark', 'system'] as const) set(`scheme-${s}`, s === scheme);
    set('own-background', choice !== 'page');
  }

  /** Values checked for secrets: every attribute and every declared string property. */
  protected secretCandidates(): Array<[string, unknown]> {
    const props = Array.from((this.constructor as typeof LitElement).elementProperties.keys(), (k) => [String(k), this[k as keyof this]] as [string, unknown]);
    return [...Array.from(this.attributes, (a) => [a.name, a.value] as [string, unknown]), ...props];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('colorScheme')) {
      if (!SCHEME_CHOICES.includes(this.colorScheme)) {
        console.warn(`<${this.localName}>: color-scheme must be one of ${SCHEME_CHOICES.join(', ')}; using page.`);
        this.colorScheme = 'page';
      }
      this.readPageScheme();
    }
    if (this.refusal) return;
    // Everything on the first update; afterwards only what changed (attributes reflect into
    // properties): reading every property on each keystroke cost more than the keystroke itself.
    const candidates = this.hasUpdated ? Array.from(changed.keys(), (k) => [String(k), this[k as keyof this]] as [string, unknown]) : this.secretCandidates();
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

  /** In English, the first render waits for the English messages when they load separately (the embed). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = this.locale === 'en' ? englishReady() : undefined;
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues): void {
    this.inLocale(() => super.update(changed));
  }

  protected override render(): unknown {
    return this.refusal ? nothing : this.renderContent();
  }

  /** What the element shows while it is not refusing to run. */
  protected renderContent(): unknown {
    return nothing;
  }
}
