import { css } from 'lit';

/** `<dbc-rent-dialog>`'s own styles; colours and sizes come only from the `--dbc-*` tokens. */
export const rentDialogStyles = css`
  :host {
    display: contents;
  }
  [part='dialog'] {
    width: min(34em, calc(100vw - 2 * var(--_space)));
    padding: calc(var(--_space) * 2.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-family: var(--_font);
    font-size: var(--_size);
  }
  [part='dialog']::backdrop {
    background: rgb(10 14 24 / 55%);
  }
  .head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space);
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
  }
  .summary p {
    margin: 0 0 var(--_space);
  }
  .total {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
  }
  .total strong {
    color: var(--_primary);
  }
  .other,
  .note {
    color: var(--_muted);
    font-size: 0.9em;
  }
  [part='steps'] {
    display: grid;
    gap: var(--_space);
    margin: calc(var(--_space) * 2) 0;
    padding: 0;
    list-style: none;
  }
  [part='step'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    color: var(--_muted);
  }
  .mark {
    flex: none;
    width: 0.9em;
    height: 0.9em;
    border: 2px solid var(--_border);
    border-radius: 50%;
  }
  [part='step'][data-state='active'] {
    color: var(--_text);
    font-weight: 600;
  }
  [part='step'][data-state='active'] .mark {
    border-color: var(--_primary);
    border-top-color: transparent;
    animation: spin 0.9s linear infinite;
  }
  [part='step'][data-state='done'] .mark {
    border-color: var(--_success);
    background: var(--_success);
  }
  [part='step'][data-state='failed'] {
    color: var(--_danger);
  }
  [part='step'][data-state='failed'] .mark {
    border-color: var(--_danger);
    background: var(--_danger);
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='step'][data-state='active'] .mark {
      animation: none;
    }
  }
  .error {
    color: var(--_danger);
  }
  .error p {
    margin: 0 0 var(--_space);
  }
  .error .kept {
    color: var(--_text);
  }
  .ssh-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .label {
    color: var(--_muted);
  }
  code {
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface);
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    overflow-wrap: anywhere;
  }
  details {
    margin-top: var(--_space);
  }
  a {
    color: var(--_primary);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
  button {
    border: 0;
    border-radius: calc(var(--_radius) - 4px);
    padding: var(--_space) calc(var(--_space) * 2);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    cursor: pointer;
  }
  button.secondary,
  [part='close'] {
    background: transparent;
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  [part='close'] {
    padding: 0 var(--_space);
    font-size: 1.2em;
    line-height: 1.6;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
`;
