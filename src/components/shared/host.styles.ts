import { css } from 'lit';

/** The host rules every kessai element shares: block, light/dark, themable font and colour. */
export const hostStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    font: var(--kessai-font, inherit);
    color: var(--kessai-color-text, CanvasText);
  }
  :host([hidden]) {
    display: none;
  }
`;
