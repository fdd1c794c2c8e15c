import { css } from 'lit';
import { fieldStyles } from '../shared/field.styles.js';

export const cardFieldsStyles = [
  fieldStyles,
  css`
    .brand {
      font-weight: 600;
    }
    .note {
      margin: 0 0 var(--kessai-field-gap, 0.75rem);
      font-size: 0.875em;
      color: var(--kessai-color-muted, #595959);
    }
    @media (prefers-color-scheme: dark) {
      .note {
        color: var(--kessai-color-muted, #c4c4c4);
      }
    }
  `,
];
