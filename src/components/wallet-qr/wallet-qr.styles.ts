import { css } from 'lit';
import { hostStyles } from '../shared/host.styles.js';

export const walletQrStyles = [
  hostStyles,
  css`
    section {
      display: grid;
      gap: var(--_gap);
      justify-items: start;
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: var(--_ring) solid var(--_focus);
    }
    p {
      margin: 0;
    }
    .amount {
      font-size: 1.125em;
      font-weight: 600;
    }
    figure {
      margin: 0;
      display: grid;
      gap: 0.5rem;
      justify-items: center;
    }
    svg {
      inline-size: min(16rem, 70vw);
      block-size: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .placeholder {
      inline-size: min(16rem, 70vw);
      aspect-ratio: 1;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    .timer {
      font-variant-numeric: tabular-nums;
    }
    .muted,
    figcaption {
      font-size: 0.875em;
      color: var(--_muted);
    }
    a {
      color: var(--_link);
    }
    a:focus-visible,
    button:focus-visible {
      outline: var(--_ring) solid var(--_focus);
      outline-offset: 2px;
    }
    button {
      font: inherit;
      min-block-size: 2.75rem;
      padding: 0.5rem 1rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_field);
      color: var(--_field-text);
      cursor: pointer;
    }
    button.primary {
      border-color: transparent;
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 600;
    }
  `,
];
