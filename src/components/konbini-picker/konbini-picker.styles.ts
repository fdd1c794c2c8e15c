import { css } from 'lit';
import { fieldStyles } from '../shared/field.styles.js';
import { konbiniColorStyles } from '../shared/konbini-colors.styles.js';

const pickerStyles = css`
  .label {
    font-weight: 600;
  }
  [role='radiogroup'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0.5rem;
    border-radius: var(--_radius);
  }
  [role='radiogroup']:focus-visible {
    outline: var(--_ring) solid var(--_focus);
    outline-offset: 2px;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.625rem;
    min-block-size: 2.75rem;
    padding: 0.375rem 0.75rem 0.375rem 0.375rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_field);
    color: var(--_field-text);
    cursor: pointer;
    user-select: none;
  }
  .option::after {
    /* the radio's own mark: a ring, filled when chosen */
    content: '';
    margin-inline-start: auto;
    flex: none;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    box-sizing: border-box;
    border: 2px solid var(--_border);
    border-radius: 50%;
  }
  .option[aria-checked='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .option[aria-checked='true']::after {
    border-color: var(--_accent);
    background: radial-gradient(circle, var(--_accent) 0 45%, transparent 50%);
  }
  .option:focus-visible {
    outline: var(--_ring) solid var(--_focus);
    outline-offset: 1px;
  }
  .option[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  [aria-invalid='true'] .option {
    border-color: var(--_error);
  }
  .swatch {
    flex: none;
    inline-size: 0.5rem;
    align-self: stretch;
    min-block-size: 1.75rem;
    border-radius: 3px;
    background: var(--kessai-chain-band);
    /* keep the colours when the page is printed or shown in forced colours */
    print-color-adjust: exact;
    forced-color-adjust: none;
  }
  .name {
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .option[aria-checked='true'] {
      outline: 2px solid Highlight;
    }
    .option[aria-checked='true']::after {
      background: Highlight;
    }
    [aria-invalid='true'] .option {
      border-width: 3px;
    }
  }
`;

export const konbiniPickerStyles = [fieldStyles, konbiniColorStyles, pickerStyles];
