import { css } from 'lit';

/** `<dbc-quote>`'s own styles; colours and sizes come only from the `--dbc-*` tokens. */
export const quoteStyles = css`
  :host {
    display: block;
  }
  .quote {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
  }
  [part='terms'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_space);
    color: var(--_muted);
  }
  [part='term'] {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_bg);
    cursor: pointer;
  }
  [part='term'].selected {
    border-color: var(--_primary);
  }
  [part='term']:has(input:disabled) {
    opacity: 0.5;
    cursor: not-allowed;
  }
  [part='term']:has(input:focus-visible) {
    outline: 3px solid color-mix(in srgb, var(--_primary) 40%, transparent);
    outline-offset: 2px;
  }
  input {
    accent-color: var(--_primary);
    margin: 0;
  }
  .discount,
  .saving dd {
    color: var(--_success);
  }
  .discount {
    font-size: 0.85em;
    font-weight: 600;
  }
  .summary {
    margin: 0;
    font-weight: 600;
  }
  [part='breakdown'] {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
  }
  [part='breakdown'].updating {
    opacity: 0.6;
  }
  [part='breakdown'] > div {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    text-align: end;
  }
  .other {
    color: var(--_muted);
    font-size: 0.85em;
  }
  [part='total'] {
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
    font-weight: 650;
  }
  [part='total'] dt,
  [part='total'] .lead {
    color: var(--_primary);
  }
  .notes {
    margin: 0;
    padding-inline-start: calc(var(--_space) * 2);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .status,
  .expiry {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_danger);
  }
  .error p {
    margin: 0;
  }
  [part='retry'] {
    border: 0;
    border-radius: calc(var(--_radius) - 4px);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    cursor: pointer;
  }
`;
