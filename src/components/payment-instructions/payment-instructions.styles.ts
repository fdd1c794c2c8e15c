import { css } from 'lit';
import { hostStyles } from '../shared/host.styles.js';
import { konbiniColorStyles } from '../shared/konbini-colors.styles.js';

const styles = css`
  .panel {
    position: relative;
    padding: 1rem 1.25rem 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .band {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: 0.5rem;
    background: var(--kessai-chain-band, transparent);
    print-color-adjust: exact;
    forced-color-adjust: none;
  }
  .no-chain .band {
    display: none;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
  }
  h3 {
    margin: 1.25rem 0 0.5rem;
    font-size: 1em;
  }
  p {
    margin: 0.5rem 0;
  }
  dl {
    margin: 0;
  }
  dl > div {
    display: grid;
    grid-template-columns: minmax(8rem, 12rem) 1fr;
    gap: 0.25rem 1rem;
    padding-block: 0.375rem;
    border-block-end: 1px solid color-mix(in srgb, currentColor 20%, transparent);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    min-inline-size: 0;
  }
  .value {
    font-weight: 600;
    user-select: all;
    overflow-wrap: anywhere;
  }
  .value.code {
    font-family: var(--kessai-font-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 1.25em;
    letter-spacing: 0.06em;
  }
  .amount {
    font-weight: 600;
  }
  .remaining {
    font-weight: 600;
  }
  .muted,
  .missing,
  .note {
    color: var(--_muted);
  }
  .copy {
    font: inherit;
    font-size: 0.875em;
    min-block-size: 2.25rem;
    min-inline-size: 4.5rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_accent-text);
    cursor: pointer;
  }
  .copy:focus-visible,
  a:focus-visible {
    outline: var(--_ring) solid var(--_focus);
    outline-offset: 2px;
  }
  .status {
    font-weight: 600;
    color: var(--_success);
  }
  .status:empty {
    /* stays in the page (a live region must exist before it speaks), takes no room */
    margin: 0;
  }
  .status.failed {
    color: var(--_error);
  }
  .expired {
    margin-block: 0.75rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .expired-title {
    margin-block-start: 0;
    font-weight: 700;
    color: var(--_error);
  }
  ol {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  li + li {
    margin-block-start: 0.375rem;
  }
  a {
    color: var(--_link);
  }
  @media (max-width: 30rem) {
    dl > div {
      grid-template-columns: 1fr;
    }
  }
  @media print {
    :host {
      color: #000;
    }
    .copy,
    .status {
      display: none;
    }
    .panel {
      border-color: #000;
    }
    a::after {
      content: ' (' attr(href) ')';
      overflow-wrap: anywhere;
    }
  }
  .group + .group {
    margin-inline-start: 0.4em;
  }
`;

export const paymentInstructionsStyles = [hostStyles, konbiniColorStyles, styles];
