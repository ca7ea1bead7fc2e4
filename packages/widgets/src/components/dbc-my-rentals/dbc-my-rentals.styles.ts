import { css } from 'lit';

/** `<dbc-my-rentals>`'s own styles; colours and sizes come only from the `--dbc-*` tokens. */
export const myRentalsStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.15em;
  }
  [part='list'] {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='rental'] {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0;
  }
  dt {
    color: var(--_muted);
    font-size: 0.85em;
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  .state[data-status='renting'] {
    color: var(--_success);
  }
  .state[data-status='waiting-confirm'] {
    color: var(--_warning);
  }
  .state[data-status='expired'] {
    color: var(--_muted);
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  button[data-action='extend'],
  [part='retry'] {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .notice {
    margin: 0;
  }
  .notice.ok {
    color: var(--_success);
  }
  .notice.error,
  .error {
    color: var(--_danger);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .error p,
  [part='connection'] p {
    margin: 0;
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }
  [part='connection'] {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .label {
    color: var(--_muted);
    margin-inline-end: var(--_space);
  }
  code {
    padding: calc(var(--_space) / 4) calc(var(--_space) / 2);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_bg);
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_primary);
  }
`;
