import { css } from 'lit';
import { fieldStyles } from '../shared/field.styles.js';

export const cardFieldsStyles = [
  fieldStyles,
  css`
    .brand {
      font-weight: 600;
    }
    .note {
      margin: 0 0 var(--_gap);
      font-size: 0.875em;
      color: var(--_muted);
    }
  `,
];
