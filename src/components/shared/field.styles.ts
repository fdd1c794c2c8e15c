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
    line-height: 1.5;
  }
  .req,
  .opt {
    display: inline-block;
    margin-inline-start: 0.5em;
    padding: 0 0.35em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.75em;
    font-weight: 600;
    line-height: 1.5;
    vertical-align: 0.1em;
  }
  .req {
    color: var(--_error);
  }
  .opt {
    color: var(--_muted);
  }
  input,
  select {
    font: inherit;
    /* one line height whatever font a placeholder or value falls back to: boxes side by side line up */
    line-height: 1.5;
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
  /* Side by side, labels, boxes and hints share their rows: the boxes line up whatever wraps. */
  .row > .field {
    grid-row: span 4;
    grid-template-rows: subgrid;
    align-content: start;
  }
`;

export const fieldStyles = [hostStyles, fieldCss];
