import { css } from 'lit';
import { hostStyles } from '../shared/host.styles.js';
import { konbiniColorStyles } from '../shared/konbini-colors.styles.js';

const styles = css`
  .panel {
    position: relative;
    padding: 1rem 1.25rem 1.25rem;
    border: 1px solid var(--kessai-color-border, #767676);
    border-radius: var(--kessai-radius, 6px);
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
    color: var(--kessai-color-muted, #595959);
  }
  .copy {
    font: inherit;
    font-size: 0.875em;
    min-block-size: 2.25rem;
    min-inline-size: 4.5rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--kessai-color-accent, #1a73e8);
    border-radius: var(--kessai-radius, 6px);
    background: transparent;
    color: var(--kessai-color-accent-text, #0b57d0);
    cursor: pointer;
  }
  .copy:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--kessai-color-focus, #1a73e8);
    outline-offset: 2px;
  }
  .status {
    font-weight: 600;
    color: var(--kessai-color-success, #1b5e20);
  }
  .status:empty {
    /* stays in the page (a live region must exist before it speaks), takes no room */
    margin: 0;
  }
  .status.failed {
    color: var(--kessai-color-error, #c62828);
  }
  .expired {
    margin-block: 0.75rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--kessai-color-error, #c62828);
    border-radius: var(--kessai-radius, 6px);
  }
  .expired-title {
    margin-block-start: 0;
    font-weight: 700;
    color: var(--kessai-color-error, #c62828);
  }
  ol {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  li + li {
    margin-block-start: 0.375rem;
  }
  a {
    color: var(--kessai-color-link, LinkText);
  }
  @media (prefers-color-scheme: dark) {
    .muted,
    .missing,
    .note {
      color: var(--kessai-color-muted, #c4c4c4);
    }
    .copy {
      color: var(--kessai-color-accent-text, #a8c7fa);
    }
    .status {
      color: var(--kessai-color-success, #a5d6a7);
    }
    .status.failed,
    .expired-title {
      color: var(--kessai-color-error, #ff8a80);
    }
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
`;

export const paymentInstructionsStyles = [hostStyles, konbiniColorStyles, styles];
