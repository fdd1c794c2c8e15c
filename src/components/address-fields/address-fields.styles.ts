import { css } from 'lit';
import { fieldStyles } from '../shared/field.styles.js';

export const addressFieldsStyles = [
  fieldStyles,
  css`
    #postalCode {
      max-inline-size: 12rem;
    }
    .postal {
      display: grid;
      gap: 0.25rem;
      margin-block-end: var(--kessai-field-gap, 0.75rem);
    }
    .postal .field {
      margin-block-end: 0;
    }
    .status {
      margin: 0;
      font-size: 0.875em;
      color: var(--kessai-color-muted, #595959);
    }
    .status:empty {
      display: none;
    }
    .status[data-state='not-found'],
    .status[data-state='error'] {
      color: var(--kessai-color-notice, #8a4b00);
    }
    .towns {
      margin: 0 0 var(--kessai-field-gap, 0.75rem);
      padding: 0.5rem 0.75rem 0.75rem;
      border: 1px solid var(--kessai-color-border, #767676);
      border-radius: var(--kessai-radius, 6px);
    }
    .towns legend {
      font-weight: 600;
      padding-inline: 0.25rem;
    }
    .town {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-block-size: 2.75rem;
      font-weight: normal;
      cursor: pointer;
    }
    .town input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      min-block-size: 0;
      margin: 0;
      padding: 0;
      accent-color: var(--kessai-color-focus, #1a73e8);
    }
    .town input:focus-visible {
      outline: 3px solid var(--kessai-color-focus, #1a73e8);
      outline-offset: 2px;
    }
    @media (prefers-color-scheme: dark) {
      .status {
        color: var(--kessai-color-muted, #c4c4c4);
      }
      .status[data-state='not-found'],
      .status[data-state='error'] {
        color: var(--kessai-color-notice, #ffcc80);
      }
    }
  `,
];
