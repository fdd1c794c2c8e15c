import { css } from 'lit';
import { hostStyles } from '../shared/host.styles.js';
import { resultStyles } from './result-view.styles.js';
import { reviewStyles } from './review-view.js';

const checkoutCss = css`
  :host {
    max-inline-size: var(--kessai-max-width, 40rem);
  }
  h2 {
    font-size: 1.05em;
    margin: 1.25rem 0 0.5rem;
  }
  .amount {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 1rem 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .methods {
    display: grid;
    gap: 0.5rem;
  }
  .methods label,
  .wallets label {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    padding: 0 0.5rem;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .wallets {
    display: grid;
    gap: 0.25rem;
  }
  .methods input,
  .wallets input {
    accent-color: var(--_accent);
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  .note {
    margin: 0.5rem 0;
    color: var(--_muted);
  }
  .alert,
  .unloaded {
    margin: 1rem 0;
    padding: 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_error);
    color: var(--_error);
  }
  .alert:empty {
    display: none;
  }
  .unloaded button {
    font: inherit;
    display: block;
    margin-top: 0.5rem;
    min-block-size: 2.75rem;
    padding: 0 1rem;
  }
  .alert .reference {
    display: block;
    margin-top: 0.25rem;
    font-size: 0.875em;
  }
  .status:empty {
    display: none;
  }
  [hidden] {
    display: none !important;
  }
  button.back {
    font: inherit;
    inline-size: 100%;
    min-block-size: 2.75rem;
    margin-block-start: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button.submit {
    font: inherit;
    font-weight: 700;
    inline-size: 100%;
    min-block-size: 3rem;
    margin-block-start: 0.5rem;
    /* transparent, not none: forced colours draw it, so the button stays a button */
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
  }
  button[aria-busy='true'] {
    opacity: 0.75;
    cursor: progress;
  }
  button:focus-visible {
    outline: var(--_ring) solid var(--_focus);
    outline-offset: 2px;
  }
  .done h2:focus {
    outline: none;
  }
`;

export const checkoutStyles = [hostStyles, checkoutCss, resultStyles, reviewStyles];
