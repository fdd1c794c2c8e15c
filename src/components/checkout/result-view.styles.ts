import { css } from 'lit';

export const resultStyles = css`
  .facts {
    display: grid;
    gap: 0.25rem;
    margin: 0.75rem 0;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .facts dt {
    color: var(--_muted);
    min-inline-size: 8em;
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .next {
    padding-inline-start: 1.25rem;
  }
  .next li {
    overflow-wrap: anywhere;
  }
  .result h3 {
    font-size: 1em;
    margin: 1rem 0 0.25rem;
  }
  button.secondary,
  a.button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding: 0 1rem;
    margin: 0.5rem 0.5rem 0 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
`;
