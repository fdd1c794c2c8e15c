import { css } from 'lit';
import { fieldStyles } from '../shared/field.styles.js';

export const nameFieldsStyles = [
  fieldStyles,
  css`
    .row {
      align-items: start;
    }
    .kana-hint {
      margin-block: calc(-0.25 * var(--_gap)) var(--_gap);
    }
  `,
];
