import { css } from 'lit';
import { hostStyles } from './host.styles.js';

/** Field layout shared by the form elements; themable through --kessai-* properties. */
const fieldCss = css`
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: var(--_gap);
  }
  label {
    font-weight: 600;
  }
  .req {
    color: var(--_error);
    margin-inline-start: 0.25em;
  }
  input,
  select {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field);
    color: var(--_field-text);
  }
  input:focus-visible,
  select:focus-visible {
    outline: var(--_ring) solid var(--_focus);
    outline-offset: 1px;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .hint {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .error {
    margin: 0;
    font-size: 0.875em;
    color: var(--_error);
  }
  .error:empty {
    display: none;
  }
  @media (forced-colors: active) {
    input[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-width: 3px;
    }
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0 var(--_gap);
  }
`;

export const fieldStyles = [hostStyles, fieldCss];
