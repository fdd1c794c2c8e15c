import { css } from 'lit';
import { hostStyles } from '../shared/host.styles.js';

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
    border: 1px solid var(--kessai-color-border, #767676);
    border-radius: var(--kessai-radius, 6px);
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
  .methods label {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    padding: 0 0.5rem;
    border-radius: var(--kessai-radius, 6px);
    cursor: pointer;
  }
  .methods input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  .note {
    margin: 0.5rem 0;
    color: var(--kessai-color-muted, #595959);
  }
  .alert {
    margin: 1rem 0;
    padding: 0.75rem;
    border-radius: var(--kessai-radius, 6px);
    border: 1px solid var(--kessai-color-error, #c62828);
    color: var(--kessai-color-error, #c62828);
  }
  .alert:empty {
    display: none;
  }
  .status:empty {
    display: none;
  }
  button[type='submit'] {
    font: inherit;
    font-weight: 700;
    inline-size: 100%;
    min-block-size: 3rem;
    margin-block-start: 0.5rem;
    border: 0;
    border-radius: var(--kessai-radius, 6px);
    background: var(--kessai-color-primary, #0b57d0);
    color: var(--kessai-color-on-primary, #fff);
    cursor: pointer;
  }
  button[aria-busy='true'] {
    opacity: 0.75;
    cursor: progress;
  }
  button:focus-visible {
    outline: 3px solid var(--kessai-color-focus, #1a73e8);
    outline-offset: 2px;
  }
  .done h2:focus {
    outline: none;
  }
  @media (prefers-color-scheme: dark) {
    .note {
      color: var(--kessai-color-muted, #c4c4c4);
    }
    .alert {
      color: var(--kessai-color-error, #ff8a80);
      border-color: var(--kessai-color-error, #ff8a80);
    }
  }
`;

export const checkoutStyles = [hostStyles, checkoutCss];
