import { css } from 'lit';
import { fieldStyles } from '../shared/field.styles.js';

export const contactFieldsStyles = [
  fieldStyles,
  css`
    .suggestion {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .suggestion:empty {
      display: none;
    }
    .suggestion button {
      font: inherit;
      min-block-size: 2.75rem;
      margin-inline-start: 0.5rem;
      padding: 0 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    .suggestion button:focus-visible {
      outline: var(--_ring) solid var(--_focus);
      outline-offset: 2px;
    }
  `,
];
