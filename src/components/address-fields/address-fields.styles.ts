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
      margin-block-end: var(--_gap);
    }
    .postal .field {
      margin-block-end: 0;
    }
    .status {
      margin: 0;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .status:empty {
      display: none;
    }
    .status[data-state='not-found'],
    .status[data-state='error'] {
      color: var(--_notice);
    }
    .towns {
      margin: 0 0 var(--_gap);
      padding: 0.5rem 0.75rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
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
      accent-color: var(--_focus);
    }
    .confirm {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      margin: 0 0 var(--kessai-field-gap, 0.75rem);
      cursor: pointer;
    }
    .confirm input {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      min-block-size: 0;
      flex: none;
      margin: 0.15rem 0 0;
      padding: 0;
      accent-color: var(--_focus);
    }
    .confirm input:focus-visible,
    .town input:focus-visible {
      outline: var(--_ring) solid var(--_focus);
      outline-offset: 2px;
    }
  `,
];
