import { css } from 'lit';

/**
 * The host rules every kessai element shares: block, colour scheme, and the one
 * palette every other stylesheet reads (`--_*`, private). Each colour is the
 * merchant's `--kessai-*` property when set, else a default for light and for dark
 * (`light-dark()` resolves against the element's own colour scheme, not the OS).
 *
 * Colour scheme (see KessaiElement.colorScheme): no declaration in `page` mode, so
 * the page's own `color-scheme` is inherited; the states set from the background
 * behind the element, or from the `color-scheme` attribute, override it.
 */
export const hostStyles = css`
  :host {
    display: block;
    --_text: var(--kessai-color-text, CanvasText);
    --_muted: var(--kessai-color-muted, light-dark(#595959, #c4c4c4));
    --_border: var(--kessai-color-border, light-dark(#767676, #8f8f8f));
    --_field: var(--kessai-color-field, Field);
    --_field-text: var(--kessai-color-field-text, FieldText);
    --_primary: var(--kessai-color-primary, light-dark(#0b57d0, #a8c7fa));
    --_on-primary: var(--kessai-color-on-primary, light-dark(#fff, #062e6f));
    --_accent: var(--kessai-color-accent, var(--kessai-color-primary, light-dark(#1a73e8, #8ab4f8)));
    --_accent-text: var(--kessai-color-accent-text, var(--kessai-color-primary, light-dark(#0b57d0, #a8c7fa)));
    --_link: var(--kessai-color-link, LinkText);
    --_error: var(--kessai-color-error, light-dark(#c62828, #ff8a80));
    --_success: var(--kessai-color-success, light-dark(#1b5e20, #a5d6a7));
    --_notice: var(--kessai-color-notice, light-dark(#8a4b00, #ffcc80));
    --_focus: var(--kessai-color-focus, light-dark(#1a73e8, #8ab4f8));
    --_ring: var(--kessai-focus-ring-width, 3px);
    --_radius: var(--kessai-radius, 6px);
    --_gap: var(--kessai-spacing, var(--kessai-field-gap, 0.75rem));
    font: var(--kessai-font, inherit);
    font-family: var(--kessai-font-family, inherit);
    font-size: var(--kessai-font-size, inherit);
    color: var(--_text);
    background: var(--kessai-color-background, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  :host([color-scheme='light']) {
    color-scheme: light;
  }
  :host([color-scheme='dark']) {
    color-scheme: dark;
  }
  :host([color-scheme='system']) {
    color-scheme: light dark;
  }
  :host(:state(scheme-light)) {
    color-scheme: light;
  }
  :host(:state(scheme-dark)) {
    color-scheme: dark;
  }
  :host(:state(scheme-system)) {
    color-scheme: light dark;
  }
  :host([color-scheme='light']),
  :host([color-scheme='dark']),
  :host([color-scheme='system']) {
    background: var(--kessai-color-background, Canvas);
  }
  :host(:state(own-background)) {
    background: var(--kessai-color-background, Canvas);
  }
  @media (forced-colors: active) {
    :host {
      --_focus: Highlight;
      --_accent: Highlight;
      --_accent-text: LinkText;
      /* a button as the system draws one: Chromium puts a Canvas backplate behind text */
      --_primary: ButtonFace;
      --_on-primary: ButtonText;
    }
  }
`;
