import { css } from 'lit';
import { hostStyles } from './host.styles.js';

/** Field layout shared by the form elements; themable through --kessai-* properties. */
const fieldCss = css`
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: var(--kessai-field-gap, 0.75rem);
  }
  label {
    font-weight: 600;
  }
  .req {
    color: var(--kessai-color-error, #c62828);
    margin-inline-start: 0.25em;
  }
  input,
  select {
    font: inherit;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--kessai-color-border, #767676);
    border-radius: var(--kessai-radius, 6px);
    background: var(--kessai-color-field, Field);
    color: var(--kessai-color-field-text, FieldText);
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--kessai-color-focus, #1a73e8);
    outline-offset: 1px;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--kessai-color-error, #c62828);
  }
  .hint {
    margin: 0;
    font-size: 0.875em;
    color: var(--kessai-color-muted, #595959);
  }
  .error {
    margin: 0;
    font-size: 0.875em;
    color: var(--kessai-color-error, #c62828);
  }
  .error:empty {
    display: none;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0 var(--kessai-field-gap, 0.75rem);
  }
  @media (prefers-color-scheme: dark) {
    .req,
    .error {
      color: var(--kessai-color-error, #ff8a80);
    }
    .hint {
      color: var(--kessai-color-muted, #c4c4c4);
    }
  }
`;

export const fieldStyles = [hostStyles, fieldCss];
