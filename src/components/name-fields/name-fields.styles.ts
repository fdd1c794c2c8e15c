import { css } from 'lit';
import { fieldStyles } from '../shared/field.styles.js';

export const nameFieldsStyles = [
  fieldStyles,
  css`
    .row {
      align-items: start;
    }
    .kana-hint {
      margin-block: calc(-0.25 * var(--kessai-field-gap, 0.75rem)) var(--kessai-field-gap, 0.75rem);
    }
  `,
];
