import { css } from 'lit';

/** `<dbc-wallet-button>`'s own styles; colours and sizes come only from the `--dbc-*` tokens. */
export const walletButtonStyles = css`
  :host {
    display: inline-block;
  }
  [part='button'],
  [part='disconnect'] {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    border: 0;
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    cursor: pointer;
  }
  [part='button']:disabled {
    opacity: 0.7;
    cursor: progress;
  }
  [part='disconnect'] {
    background: transparent;
    color: var(--_muted);
    padding-inline: var(--_space);
  }
  .connected {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .address {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.9em;
  }
  [part='accounts'] {
    margin: 0;
    padding: calc(var(--_space) / 2);
    list-style: none;
    min-width: 16em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
  }
  [part='account'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 var(--_space);
    padding: var(--_space);
    border-radius: calc(var(--_radius) - 4px);
    cursor: pointer;
  }
  [part='account'].active {
    background: color-mix(in srgb, var(--_primary) 14%, transparent);
    outline: 1px solid var(--_primary);
  }
  [part='account'] .name {
    font-weight: 600;
  }
  [part='account'] .source {
    grid-column: 1 / -1;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .message {
    display: grid;
    gap: var(--_space);
    max-width: 28em;
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .message p {
    margin: 0;
  }
  a {
    color: var(--_primary);
  }
`;
